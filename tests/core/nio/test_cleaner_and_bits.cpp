// Cleaner timing (freed only after GC + Reference Handler), views keeping the root alive, the Cleaner
// list, Bits' OOM path (wait, System.gc(), 9 sleeps = 511 ms, exact message), -XX:+DisableExplicitGC.
#include <doctest/doctest.h>

#include "nio_machine_fixture.hpp"

using namespace nio_machine_test;

namespace {
std::uint64_t base_of(const Machine& m, heap::ObjectId dbb) {
  const heap::ObjectId dealloc = heap::load_ref(m, heap::load_ref(m, dbb, "cleaner"), "thunk");
  return static_cast<std::uint64_t>(heap::load_prim(m, dealloc, "address"));
}
}  // namespace

TEST_CASE("Cleaner timing: not freed before a GC, pending after it, freed only by the Reference Handler") {
  NioFixture f;
  const heap::ObjectId b = f.keep("buf", nio::allocate_direct(f.rec, 4096));
  const std::uint64_t base = base_of(f.machine, b);
  const heap::ObjectId cleaner = heap::load_ref(f.machine, b, "cleaner");
  f.drop("buf");
  CHECK(f.machine.native.find(base) != nullptr);  // unreachable, but nothing has noticed yet
  nio::system_gc(f.rec);
  CHECK_FALSE(f.machine.heap.is_live(b));  // the buffer object is gone ...
  CHECK(f.machine.heap.pending_references == std::vector<heap::ObjectId>{cleaner});
  CHECK(f.machine.native.find(base) != nullptr);  // ... but its native memory is still held
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 4096, 4096});
  const std::size_t from = f.trace.size();
  nio::run_reference_handler(f.rec);
  CHECK(f.kinds_since(from) ==
        std::vector<std::string>{"reference_handler", "native_free", "bits_unreserve"});
  CHECK(f.machine.native.find(base) == nullptr);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{0, 0, 0});
  CHECK(f.machine.heap.pending_references.empty());
  CHECK(heap::root_value(f.machine, heap::RootKind::system, "jdk.internal.ref.Cleaner", "first") ==
        heap::kNoObject);
  // The next GC reclaims the Cleaner and the Deallocator.
  nio::system_gc(f.rec);
  CHECK_FALSE(f.machine.heap.is_live(cleaner));
  nio::run_reference_handler(f.rec);
  CHECK(f.trace.size() > from);
}

TEST_CASE("views have no cleaner, att is the root, and a live view keeps the root and its memory alive") {
  NioFixture f;
  const heap::ObjectId root = f.keep("root", nio::allocate_direct(f.rec, 64));
  f.call(root, "position(int)", {std::int32_t{8}});
  const heap::ObjectId s = f.keep("s", std::get<JRef>(f.call(root, "slice()")).id);
  const heap::ObjectId ss =
      f.keep("ss", std::get<JRef>(f.call(s, "slice(int,int)", {std::int32_t{4}, std::int32_t{8}})).id);
  const heap::ObjectId ro = f.keep("ro", std::get<JRef>(f.call(ss, "asReadOnlyBuffer()")).id);
  CHECK(heap::load_ref(f.machine, s, "att") == root);
  CHECK(heap::load_ref(f.machine, ss, "att") == root);  // a slice of a slice points at the root
  CHECK(heap::load_ref(f.machine, ro, "att") == root);
  CHECK(heap::load_ref(f.machine, s, "cleaner") == heap::kNoObject);
  CHECK(f.address_field(ss) == f.address_field(root) + 12);
  CHECK(f.machine.klasses->at(f.machine.heap.record(ro).klass).name == "java.nio.DirectByteBufferR");
  CHECK(std::get<std::string>(f.call(ro, "toString()")) == "java.nio.DirectByteBufferR[pos=0 lim=8 cap=8]");
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 64, 64});  // views are not counted
  const std::uint64_t base = base_of(f.machine, root);
  f.call(ss, "put(int,byte)", {std::int32_t{0}, std::int8_t{77}});
  f.drop("root");
  f.drop("s");
  f.drop("ro");
  nio::system_gc(f.rec);
  nio::run_reference_handler(f.rec);
  CHECK(f.machine.heap.is_live(root));  // held through ss.att
  CHECK(f.machine.heap.pending_references.empty());
  CHECK(f.machine.native.find(base) != nullptr);
  CHECK(std::get<std::int8_t>(f.call(root, "get(int)", {std::int32_t{12}})) == 77);
  f.drop("ss");
  nio::system_gc(f.rec);
  CHECK(f.machine.heap.pending_references.size() == 1);
  nio::run_reference_handler(f.rec);
  CHECK(f.machine.native.find(base) == nullptr);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{0, 0, 0});
}

TEST_CASE("Cleaner list: unlinking a middle Cleaner keeps the others reachable") {
  NioFixture f;
  const heap::ObjectId a = f.keep("a", nio::allocate_direct(f.rec, 16));
  const heap::ObjectId b = f.keep("b", nio::allocate_direct(f.rec, 32));
  const heap::ObjectId c = f.keep("c", nio::allocate_direct(f.rec, 48));
  const heap::ObjectId ca = heap::load_ref(f.machine, a, "cleaner"),
                       cc = heap::load_ref(f.machine, c, "cleaner");
  f.drop("b");
  nio::system_gc(f.rec);
  nio::run_reference_handler(f.rec);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{2, 64, 64});
  CHECK(heap::root_value(f.machine, heap::RootKind::system, "jdk.internal.ref.Cleaner", "first") == cc);
  CHECK(heap::load_ref(f.machine, cc, "next") == ca);
  CHECK(heap::load_ref(f.machine, ca, "prev") == cc);
  CHECK_FALSE(f.machine.heap.is_live(b));
  f.drop("a");
  f.drop("c");
  nio::system_gc(f.rec);
  nio::run_reference_handler(f.rec);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{0, 0, 0});
  CHECK(f.machine.native.allocated_count() == 0);
}

TEST_CASE("Bits OOM path: wait, System.gc(), 9 sleeps of 1..256 ms (511 ms), then the JDK's message") {
  NioFixture f("-Xmx8m -XX:+UseSerialGC -XX:MaxDirectMemorySize=1k");
  CHECK(f.machine.bits.max_memory == 1024);
  f.keep("a", nio::allocate_direct(f.rec, 600));
  const std::size_t from = f.trace.size();
  CHECK(thrown([&] { nio::allocate_direct(f.rec, 600); }) ==
        "java.lang.OutOfMemoryError: Cannot reserve 600 bytes of direct buffer memory (allocated: 600, "
        "limit: 1024)");
  CHECK(f.machine.clock_ms == 511);
  std::size_t sleeps = 0;
  for (std::size_t i = from; i < f.trace.size(); ++i)
    for (const Effect& e : f.trace.effects_of(i)) sleeps += e.kind == EffectKind::clock_advance ? 1 : 0;
  CHECK(sleeps == 9);
  CHECK(f.count_since(from, StepKind::gc_start) == 1);
  CHECK(f.count_since(from, StepKind::direct_oom) == 1);
  CHECK(f.count_since(from, StepKind::bits_reserve) == 0);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 600, 600});
  CHECK(f.machine.native.allocated_count() == 1);
}

TEST_CASE("Bits: System.gc() inside reserveMemory frees a garbage buffer, unless -XX:+DisableExplicitGC") {
  for (const bool disabled : {false, true}) {
    NioFixture f(std::string("-Xmx8m -XX:+UseSerialGC -XX:MaxDirectMemorySize=1k") +
                 (disabled ? " -XX:+DisableExplicitGC" : ""));
    f.keep("a", nio::allocate_direct(f.rec, 600));
    f.drop("a");
    const std::size_t from = f.trace.size();
    const std::string outcome = thrown([&] { f.keep("b", nio::allocate_direct(f.rec, 600)); });
    if (disabled) {
      CHECK(outcome ==
            "java.lang.OutOfMemoryError: Cannot reserve 600 bytes of direct buffer memory (allocated: 600, "
            "limit: 1024)");
      CHECK(f.count_since(from, StepKind::gc_start) == 0);
      CHECK(f.machine.clock_ms == 511);
    } else {
      CHECK(outcome == "none");
      CHECK(f.count_since(from, StepKind::gc_start) == 1);
      CHECK(f.count_since(from, StepKind::native_free) == 1);
      CHECK(f.machine.clock_ms == 0);  // the Reference Handler had work, so Bits never slept
      CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 600, 600});
    }
  }
}

TEST_CASE(
    "Bits: the limit is checked against capacity, so page-aligned buffers may exceed it in memoryUsed") {
  NioFixture f("-Xmx8m -XX:+UseSerialGC -XX:MaxDirectMemorySize=8k -Dsun.nio.PageAlignDirectMemory=true");
  f.keep("a", nio::allocate_direct(f.rec, 4096));
  f.keep("b", nio::allocate_direct(f.rec, 4096));
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{2, 16384, 8192});
  CHECK(thrown([&] { nio::allocate_direct(f.rec, 1); }) ==
        "java.lang.OutOfMemoryError: Cannot reserve 4097 bytes of direct buffer memory (allocated: 16384, "
        "limit: 8192)");
}

TEST_CASE("MaxDirectMemorySize defaults to Runtime.maxMemory() of the heap, an explicit 0 is a limit of 0") {
  NioFixture f("-Xmx64m -XX:+UseSerialGC");
  CHECK(f.machine.bits.max_memory == 64880640);
  NioFixture zero("-Xmx64m -XX:+UseSerialGC -XX:MaxDirectMemorySize=0");
  CHECK(zero.machine.bits.max_memory == 0);
  zero.keep("z", nio::allocate_direct(zero.rec, 0));
  CHECK(
      thrown([&] { nio::allocate_direct(zero.rec, 1); }) ==
      "java.lang.OutOfMemoryError: Cannot reserve 1 bytes of direct buffer memory (allocated: 1, limit: 0)");
  CHECK(nio::mapped_pool(f.machine) == nio::PoolFigures{0, 0, 0});
}

TEST_CASE(
    "Unsafe.invokeCleaner frees at once, views and heap buffers are refused, a second call does nothing") {
  NioFixture f;
  const heap::ObjectId b = f.keep("b", nio::allocate_direct(f.rec, 128));
  const heap::ObjectId s = f.keep("s", std::get<JRef>(f.call(b, "duplicate()")).id);
  const heap::ObjectId h = f.keep("h", nio::allocate(f.rec, 8));
  CHECK(thrown([&] { nio::invoke_cleaner(f.rec, h); }) ==
        "java.lang.IllegalArgumentException: buffer is non-direct");
  CHECK(thrown([&] { nio::invoke_cleaner(f.rec, s); }) ==
        "java.lang.IllegalArgumentException: duplicate or slice");
  const std::size_t from = f.trace.size();
  nio::invoke_cleaner(f.rec, b);
  CHECK(f.kinds_since(from) == std::vector<std::string>{"buffer_op", "native_free", "bits_unreserve"});
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{0, 0, 0});
  CHECK(f.machine.native.allocated_count() == 0);
  nio::invoke_cleaner(f.rec, b);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{0, 0, 0});
  // The GC later finds the buffer dead; its already-cleaned Cleaner is pending and does nothing.
  f.drop("b");
  f.drop("s");
  nio::system_gc(f.rec);
  nio::run_reference_handler(f.rec);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{0, 0, 0});
}

TEST_CASE(
    "Util.free cleans a temporary buffer on the calling thread, narrated as Util.free, not as the Reference "
    "Handler") {
  NioFixture f;
  const heap::ObjectId b = nio::allocate_direct(f.rec, 256);
  const std::size_t from = f.trace.size();
  nio::util_free(f.rec, b);
  CHECK(nio::direct_pool(f.machine).count == 0);
  bool util_free_step = false;
  for (std::size_t i = from; i < f.trace.size(); ++i) {
    const Step& s = f.trace.step(i);
    CHECK(s.kind != StepKind::reference_handler);
    if (s.kind == StepKind::temp_buffer_free) {
      util_free_step = true;
      CHECK(s.text.en.find("Util.free(") == 0);
      CHECK(s.text.en.find("on this thread") != std::string::npos);
      CHECK(s.text.en.find("invokeCleaner") == std::string::npos);
    }
  }
  CHECK(util_free_step);
}
