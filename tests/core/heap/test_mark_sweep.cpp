#include <doctest/doctest.h>

#include "heap_fixture.hpp"
#include "heapviz/engine/view.hpp"
#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/invariants.hpp"
#include "heapviz/heap/java_throwable.hpp"

using namespace heapviz;
using namespace heapviz::heap;
using test::HeapFixture;

TEST_CASE("mark-sweep on a small hand-checked heap: nothing moves, the hole joins the free list") {
  HeapFixture f("-Xmx64m -XX:+UseConcMarkSweepGC");
  const KlassId node = f.node();
  const ObjectId a = new_instance(f.rec, node);
  const ObjectId b = new_array(f.rec, builtin::kByteArray, 512);
  const ObjectId c = new_instance(f.rec, node);
  const ObjectId d = new_instance(f.rec, builtin::kObject);
  CHECK(f.addr(a) == 0xfc000000);
  CHECK(f.addr(b) == 0xfc000018);
  CHECK(f.addr(c) == 0xfc000228);
  CHECK(f.addr(d) == 0xfc000240);
  CHECK(f.machine.heap.free_chunks ==
        std::map<std::uint64_t, std::uint64_t>{{0xfc000250, (64u << 20) - 0x250}});
  set_local(f.rec, "main/main", "a", a);
  set_local(f.rec, "main/main", "d", d);
  store_ref(f.rec, a, "next", c);
  collect(f.rec, GcCause::system_gc);
  CHECK(f.addr(a) == 0xfc000000);
  CHECK(f.addr(c) == 0xfc000228);
  CHECK(f.addr(d) == 0xfc000240);
  CHECK_FALSE(f.machine.heap.is_live(b));
  CHECK(f.machine.heap.free_chunks ==
        std::map<std::uint64_t, std::uint64_t>{{0xfc000018, 528}, {0xfc000250, (64u << 20) - 0x250}});
  CHECK(f.machine.heap.counter(HeapCounter::objects_moved) == 0);
  CHECK(f.machine.heap.mark_word(0xfc000228) == 0x1);  // marks cleared after the sweep
  CHECK(check_invariants(f.machine).empty());
  // A request that does not fit the 528-byte hole goes above; a smaller one takes the hole (first fit).
  const ObjectId big = new_array(f.rec, builtin::kByteArray, 600);
  CHECK(f.addr(big) == 0xfc000250);
  const ObjectId small = new_instance(f.rec, node);
  CHECK(f.addr(small) == 0xfc000018);
  CHECK(f.machine.heap.free_chunks.at(0xfc000030) == 528 - 24);
  // Adjacent dead objects and free chunks coalesce into one chunk.
  store_ref(f.rec, a, "next", kNoObject);
  collect(f.rec, GcCause::system_gc);
  CHECK(f.machine.heap.free_chunks.at(0xfc000018) == 0x240 - 0x18);  // small + rest of hole + c
  CHECK(check_invariants(f.machine).empty());
  const std::string phases = f.trace.step(f.trace.size() - 1).text.en;
  CHECK(phases.find("GC(1) done") != std::string::npos);
}

TEST_CASE("fragmentation: an allocation fails although the total free space is enough") {
  auto fill = [](HeapFixture& f) {
    std::vector<ObjectId> objs;
    for (int i = 0; i < 10; ++i)
      objs.push_back(new_instance(f.rec, builtin::kObject));  // 10 x 16 = 160 bytes
    for (int i = 0; i < 10; i += 2) set_local(f.rec, "main/main", "o" + std::to_string(i), objs[i]);
    return objs;
  };
  {
    HeapFixture f("-Xmx160 -XX:+UseConcMarkSweepGC");
    fill(f);
    CHECK_THROWS_AS(new_array(f.rec, builtin::kByteArray, 8), JavaException);  // needs 24 contiguous bytes
    CHECK(f.machine.heap.free_chunks.size() == 5);  // five 16-byte holes = 80 bytes
    const Step& oom = f.trace.step(f.trace.size() - 1);
    CHECK(oom.kind == StepKind::oom);
    CHECK(oom.text.en.find("fragmentation") != std::string::npos);
    CHECK(oom.text.zh.find("碎片") != std::string::npos);
    const View v = make_view(f.machine);
    std::int64_t free_bytes = 0, largest = 0;
    for (const auto& c : v.counters) {
      if (c.key == "free_bytes") free_bytes = c.value;
      if (c.key == "largest_free") largest = c.value;
    }
    CHECK(free_bytes == 80);
    CHECK(largest == 16);
    CHECK(check_invariants(f.machine).empty());
  }
  {
    // The same program under mark-compact succeeds: the live objects slide together.
    HeapFixture f("-Xmx160 -XX:+UseSerialGC");
    const auto objs = fill(f);
    const ObjectId arr = new_array(f.rec, builtin::kByteArray, 8);
    CHECK(f.addr(arr) == f.machine.heap.bottom() + 80);
    CHECK(f.addr(objs[2]) == f.machine.heap.bottom() + 16);
    CHECK(check_invariants(f.machine).empty());
  }
}
