// A buffer scenario replays exactly (determinism, random access), and the nio JVM flags parse.
#include <doctest/doctest.h>

#include "nio_machine_fixture.hpp"

using namespace nio_machine_test;

namespace {
// Heap and direct buffers, views, a GC that moves things, Cleaners, an OOM back-off.
void scenario(NioFixture& f) {
  f.keep("garbage", f.byte_array(std::vector<std::uint8_t>(300, 1)));
  const heap::ObjectId h = f.keep("h", nio::allocate(f.rec, 32));
  const heap::ObjectId d = f.keep("d", nio::allocate_direct(f.rec, 600));
  f.call(h, "putInt(int)", {std::int32_t{0x11223344}});
  f.call(d, "putLong(long)", {std::int64_t{-2}});
  f.call(d, "flip()");
  const heap::ObjectId s = f.keep("s", std::get<JRef>(f.call(d, "slice()")).id);
  f.call(h, "put(ByteBuffer)", {JRef{s}});
  f.drop("garbage");
  f.drop("d");
  nio::system_gc(f.rec);
  nio::run_reference_handler(f.rec);
  f.drop("s");
  thrown([&] { f.keep("e", nio::allocate_direct(f.rec, 700)); });
  thrown([&] { f.keep("e", nio::allocate_direct(f.rec, 400)); });
  f.call(h, "compact()");
}
}  // namespace

TEST_CASE("nio trace: the same scenario gives the same hash, state_at(k) equals the forward run") {
  TraceOptions opts;
  opts.checkpoint_every = 5;
  NioFixture a("-Xmx8m -XX:+UseSerialGC -XX:MaxDirectMemorySize=1k", opts);
  NioFixture b("-Xmx8m -XX:+UseSerialGC -XX:MaxDirectMemorySize=1k", opts);
  scenario(a);
  scenario(b);
  CHECK(a.trace.hash() == b.trace.hash());
  CHECK(a.trace.size() > 40);
  CHECK(a.machine.clock_ms == 511);  // 700 fits once the GC frees d; 400 more does not
  Machine forward = a.trace.state_at(0);
  for (std::size_t k = 0; k < a.trace.size(); ++k) {
    a.trace.replay(forward, k, k + 1);
    if (k % 3 == 0 || k + 1 == a.trace.size()) CHECK(a.trace.state_at(k + 1) == forward);
  }
  CHECK(forward == a.machine);
  TracePlayer p(a.trace);
  p.seek(a.trace.size());
  CHECK(p.state() == a.machine);
  p.seek(7);
  CHECK(p.state() == a.trace.state_at(7));
}

TEST_CASE("parse_all_jvm_flags: heap flags and the nio flags") {
  const ParsedJvmFlags p = parse_all_jvm_flags(
      "-Xmx32m -XX:+UseSerialGC -XX:MaxDirectMemorySize=1m -Dsun.nio.PageAlignDirectMemory=true "
      "-XX:+DisableExplicitGC "
      "-Djdk.nio.maxCachedBufferSize=262144 -XX:+Whatever");
  REQUIRE(p.ok());
  CHECK(p.settings.heap.max_heap == 32u << 20);
  CHECK(p.settings.nio.max_direct_memory == 1u << 20);
  CHECK(p.settings.nio.page_align_direct);
  CHECK(p.settings.nio.disable_explicit_gc);
  CHECK(p.settings.nio.max_cached_buffer_size == 262144);
  CHECK(p.unknown == std::vector<std::string>{"-XX:+Whatever"});
  CHECK(parse_all_jvm_flags("-Dsun.nio.PageAlignDirectMemory=TRUE").settings.nio.page_align_direct == false);
  CHECK_FALSE(parse_all_jvm_flags("-XX:MaxDirectMemorySize=12q").ok());
  CHECK_FALSE(parse_all_jvm_flags("-Xmx0").ok());
  CHECK(parse_all_jvm_flags("").settings == Settings{});
}

TEST_CASE("nio trace: checkpoints share native memory pages (a 1 MiB buffer is not copied per checkpoint)") {
  TraceOptions opts;
  opts.checkpoint_every = 2;
  opts.min_checkpoint_work = 0;  // a checkpoint every 2 steps, whatever the work
  NioFixture f("-Xmx8m -XX:+UseSerialGC", opts);
  const heap::ObjectId d = f.keep("d", nio::allocate_direct(f.rec, 1 << 20));
  for (std::int32_t i = 0; i < 100; ++i) f.call(d, "putInt(int)", {i});
  CHECK(f.trace.checkpoint_count() > 50);
  CHECK(f.trace.memory_bytes() < (8u << 20));  // 50+ full copies would be over 50 MiB
  CHECK(f.trace.state_at(f.trace.size()) == f.machine);
}

TEST_CASE("nio without a trace: buffers, GC and the Reference Handler work when nothing is recorded") {
  // A recorder with no trace applies the same effects and records nothing.
  Machine m(settings_from("-Xmx8m -XX:+UseSerialGC -XX:MaxDirectMemorySize=1k"));
  Recorder r(m, nullptr);
  const heap::ObjectId h = nio::allocate(r, 32);
  heap::set_local(r, "main/main", "h", h);
  const heap::ObjectId d = nio::allocate_direct(r, 600);
  heap::set_local(r, "main/main", "d", d);
  std::vector<JValue> args{std::int32_t{0x11223344}};
  nio::call_buffer_method(r, h, "putInt(int)", args);
  heap::set_local(r, "main/main", "d", heap::kNoObject);
  nio::system_gc(r);
  nio::run_reference_handler(r);
  CHECK(nio::direct_pool(m) == nio::PoolFigures{0, 0, 0});
  CHECK(nio::buffer_window(m, h)[0] == std::byte{0x11});
  CHECK(m.native.allocated_count() == 0);
}
