// The nio part of the View (native region and chunks, address arrows, pool counters) and inspect_fields.
#include <doctest/doctest.h>

#include <algorithm>

#include "heapviz/engine/view.hpp"
#include "heapviz/nio/inspect.hpp"
#include "nio_machine_fixture.hpp"

using namespace nio_machine_test;

namespace {
std::int64_t counter(const View& v, const std::string& key) {
  for (const CounterView& c : v.counters)
    if (c.key == key) return c.value;
  FAIL("no counter " << key);
  return -1;
}
const BlockView* native_block_at(const View& v, std::uint64_t user_address) {
  for (const BlockView& b : v.blocks)
    if (b.space == heap::SpaceId::native && b.state == BlockState::live && b.addr + 8 == user_address)
      return &b;
  return nullptr;
}
}  // namespace

TEST_CASE("view: native region, labelled chunks, address arrows and pool counters") {
  NioFixture f("-Xmx8m -XX:+UseSerialGC -XX:MaxDirectMemorySize=1m");
  const heap::ObjectId b = f.keep("buf", nio::allocate_direct(f.rec, 512));
  const heap::ObjectId s =
      f.keep("s", std::get<JRef>(f.call(b, "slice(int,int)", {std::int32_t{8}, std::int32_t{4}})).id);
  const auto address = static_cast<std::uint64_t>(f.address_field(b));
  View v = make_view(f.machine);
  REQUIRE(v.regions.size() == 2);
  CHECK(v.regions[1].space == heap::SpaceId::native);
  CHECK(v.regions[1].name == "Native memory (C heap)");
  const BlockView* nb = native_block_at(v, address);
  REQUIRE(nb != nullptr);
  CHECK(nb->type == "native");
  CHECK(nb->label == heap::describe(f.machine, b) + " memory (cap 512)");
  CHECK(nb->label_zh == heap::describe(f.machine, b) + " 的内存（容量 512）");  // the Chinese UI's label
  CHECK(nb->size == 528);  // malloc chunk: 512 + 8-byte header, rounded to 16
  auto arrow_from = [&](heap::ObjectId from) {
    return std::find_if(v.arrows.begin(), v.arrows.end(), [&](const ArrowView& a) {
      return a.from == from && a.to_space == heap::SpaceId::native && a.field == "address";
    });
  };
  REQUIRE(arrow_from(b) != v.arrows.end());
  CHECK(arrow_from(b)->to_addr == address);
  REQUIRE(arrow_from(s) != v.arrows.end());
  CHECK(arrow_from(s)->to_addr == address + 8);
  CHECK(counter(v, "direct_count") == 1);
  CHECK(counter(v, "direct_used") == 512);
  CHECK(counter(v, "direct_capacity") == 512);
  CHECK(counter(v, "direct_limit") == 1 << 20);
  CHECK(counter(v, "mapped_count") == 0);
  CHECK(counter(v, "native_blocks") == 1);

  // "The heap looks empty but native memory is full": after the GC, before the Reference Handler.
  f.drop("buf");
  f.drop("s");
  nio::system_gc(f.rec);
  v = make_view(f.machine);
  nb = native_block_at(v, address);
  REQUIRE(nb != nullptr);
  CHECK(nb->label.find("collected DirectByteBuffer (cap 512)") != std::string::npos);
  CHECK(counter(v, "direct_used") == 512);
  nio::run_reference_handler(f.rec);
  v = make_view(f.machine);
  CHECK(native_block_at(v, address) == nullptr);
  CHECK(counter(v, "direct_used") == 0);
  CHECK(counter(v, "native_blocks") == 0);
}

TEST_CASE("inspect_fields: buffers, Deallocator, arrays") {
  NioFixture f;
  const heap::ObjectId h = f.keep("h", nio::allocate(f.rec, 16));
  f.call(h, "position(int)", {std::int32_t{3}});
  auto field = [](const std::vector<FieldValue>& fs, const std::string& name) {
    for (const FieldValue& x : fs)
      if (x.name == name) return x;
    FAIL("no field " << name);
    return FieldValue{};
  };
  const auto hf = inspect_fields(f.machine, h);
  CHECK(field(hf, "position").value == "3");
  CHECK(field(hf, "position").offset == 24);
  CHECK(field(hf, "position").type == "int");
  CHECK(field(hf, "mark").value == "-1");
  CHECK(field(hf, "isReadOnly").value == "false");
  CHECK(field(hf, "address").value.rfind("16 (array-relative", 0) == 0);
  CHECK(field(hf, "hb").type == "byte[]");
  CHECK(field(hf, "hb").value.rfind("byte[16]#", 0) == 0);
  CHECK(field(hf, "offset").value == "0");

  const heap::ObjectId d = f.keep("d", nio::allocate_direct(f.rec, 100));
  const auto df = inspect_fields(f.machine, d);
  CHECK(field(df, "att").value == "null");
  CHECK(field(df, "cleaner").value.rfind("Cleaner#", 0) == 0);
  CHECK(field(df, "address").value.find("(native)") != std::string::npos);
  CHECK(field(df, "capacity").value == "100");
  const heap::ObjectId dealloc = heap::load_ref(f.machine, heap::load_ref(f.machine, d, "cleaner"), "thunk");
  const auto de = inspect_fields(f.machine, dealloc);
  CHECK(field(de, "size").value == "100");
  CHECK(field(de, "capacity").value == "100");
  CHECK(field(de, "address").value.find("(native)") != std::string::npos);
  const auto af = inspect_fields(f.machine, heap::load_ref(f.machine, h, "hb"));
  REQUIRE(af.size() == 1);
  CHECK(af[0].name == "length");
  CHECK(af[0].value == "16");
  CHECK_THROWS_AS(inspect_fields(f.machine, 9999), std::invalid_argument);
}

TEST_CASE("view: a live direct buffer's native block keeps its owner's label through every GC phase") {
  // Phase 3 rewrites references to new addresses before phase 4 moves the objects there: a label found
  // by following buffer -> Cleaner -> Deallocator read "memory of a collected DirectByteBuffer" then.
  NioFixture f("-Xmx8m -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0");
  f.keep("junk", nio::allocate(f.rec, 4096));  // garbage below the buffer: the GC slides the buffer down
  const heap::ObjectId b = f.keep("buf", nio::allocate_direct(f.rec, 512));
  const auto address = static_cast<std::uint64_t>(f.address_field(b));
  const std::string owner = heap::describe(f.machine, b) + " memory (cap 512)";
  f.drop("junk");
  const std::size_t gc_first = f.trace.size();
  nio::system_gc(f.rec);
  std::size_t moves = 0, views = 0;
  bool in_adjust_or_move = false;
  for (std::size_t k = gc_first; k < f.trace.size(); ++k) {
    const Step& st = f.trace.step(k);
    if (st.kind == StepKind::gc_phase)
      in_adjust_or_move = st.text.en.rfind("Phase 3", 0) == 0 || st.text.en.rfind("Phase 4", 0) == 0;
    moves += st.kind == StepKind::move;
    if (!in_adjust_or_move) continue;
    const Machine after = f.trace.state_at(k + 1);
    const View v = make_view(after);
    const BlockView* nb = native_block_at(v, address);
    REQUIRE(nb != nullptr);
    INFO("step " << k << ": " << st.text.en);
    CHECK(nb->label.rfind(heap::describe(after, b) + " memory (cap 512)", 0) == 0);
    CHECK(nb->label.find("collected") == std::string::npos);
    ++views;
  }
  CHECK(moves > 0);  // the buffer (and its Cleaner, Deallocator) really moved
  CHECK(views > 3);
  const View end = make_view(f.machine);
  REQUIRE(native_block_at(end, address) != nullptr);
  CHECK(native_block_at(end, address)->label == owner);
}
