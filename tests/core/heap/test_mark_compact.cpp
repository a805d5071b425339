#include <doctest/doctest.h>

#include <algorithm>

#include "heap_fixture.hpp"
#include "heapviz/engine/view.hpp"
#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/invariants.hpp"
#include "heapviz/heap/java_throwable.hpp"

using namespace heapviz;
using namespace heapviz::heap;
using test::HeapFixture;

namespace {
std::vector<std::string> phase_titles(const Trace& t, std::size_t from) {
  std::vector<std::string> out;
  for (std::size_t k = from; k < t.size(); ++k)
    if (t.step(k).kind == StepKind::gc_phase) out.push_back(t.step(k).text.en);
  return out;
}
std::size_t count_kind(const Trace& t, StepKind kind, std::size_t from = 0) {
  std::size_t n = 0;
  for (std::size_t k = from; k < t.size(); ++k) n += t.step(k).kind == kind;
  return n;
}
}  // namespace

TEST_CASE("mark-compact on a small hand-checked heap: exact addresses before and after") {
  HeapFixture f("-Xmx64m -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0");
  const KlassId node = f.node();
  const ObjectId a = new_instance(f.rec, node);
  const ObjectId b = new_array(f.rec, builtin::kByteArray, 512);
  const ObjectId c = new_instance(f.rec, node);
  const ObjectId d = new_instance(f.rec, builtin::kObject);
  CHECK(f.addr(a) == 0xfc000000);
  CHECK(f.addr(b) == 0xfc000018);
  CHECK(f.addr(c) == 0xfc000228);
  CHECK(f.addr(d) == 0xfc000240);
  CHECK(f.machine.heap.top == 0xfc000250);
  set_local(f.rec, "main/main", "a", a);
  set_local(f.rec, "main/main", "b", b);
  set_local(f.rec, "main/main", "c", c);
  set_local(f.rec, "main/main", "d", d);
  store_ref(f.rec, a, "next", c);
  store_prim(f.rec, c, "v", 42);
  const std::uint8_t hello[] = {'h', 'e', 'l', 'l', 'o'};
  store_bytes(f.rec, b, 0, hello);
  // Real bytes: header and fields.
  CHECK(f.machine.heap.space.read_u64(0xfc000000) == 0x1);
  CHECK(f.machine.heap.space.read_u32(0xfc000008) == f.machine.klasses->at(node).narrow_klass);
  CHECK(f.machine.heap.space.read_u32(0xfc000010) == 0xfc000228);  // a.next, narrow oop == address
  CHECK(f.machine.heap.space.read_u32(0xfc000018 + 12) == 512);    // b.length
  CHECK(f.machine.heap.space.read_u8(0xfc000018 + 16) == 'h');
  set_local(f.rec, "main/main", "b", kNoObject);  // b = null: the only reference goes
  CHECK(check_invariants(f.machine).empty());

  const Machine before = f.machine;
  const std::size_t gc_first = f.trace.size();
  collect(f.rec, GcCause::system_gc);
  CHECK(phase_titles(f.trace, gc_first) ==
        std::vector<std::string>{"Phase 1: Mark live objects", "Phase 2: Compute new object addresses",
                                 "Phase 3: Adjust pointers", "Phase 4: Move objects"});
  CHECK(f.addr(a) == 0xfc000000);  // nothing below it was free
  CHECK(f.addr(c) == 0xfc000018);  // slid down over the dead byte[512]
  CHECK(f.addr(d) == 0xfc000030);
  CHECK(f.machine.heap.top == 0xfc000040);
  CHECK_FALSE(f.machine.heap.is_live(b));
  CHECK(f.machine.heap.used == 64);
  CHECK(f.machine.heap.space.read_u32(0xfc000010) == 0xfc000018);  // a.next adjusted
  CHECK(root_value(f.machine, RootKind::local, "main/main", "c") == c);
  CHECK(f.machine.roots.slots[*f.machine.roots.find(RootKind::local, "main/main", "c")].value == 0xfc000018);
  CHECK(load_prim(f.machine, c, "v") == 42);  // contents moved with the object
  CHECK(f.machine.heap.mark_word(0xfc000018) == 0x1);
  CHECK(f.machine.heap.counter(HeapCounter::objects_moved) == 2);
  CHECK(f.machine.heap.counter(HeapCounter::bytes_moved) == 40);
  CHECK(check_invariants(f.machine).empty());
  CHECK(check_compaction(before, f.machine).empty());
  // Each object marked, forwarded, adjusted and moved is its own step.
  CHECK(count_kind(f.trace, StepKind::mark, gc_first) == 3);
  CHECK(count_kind(f.trace, StepKind::forward, gc_first) == 3);
  CHECK(count_kind(f.trace, StepKind::dead_range, gc_first) == 1);
  CHECK(count_kind(f.trace, StepKind::adjust, gc_first) == 3);  // roots c, d and field a.next
  CHECK(count_kind(f.trace, StepKind::move, gc_first) == 2);

  // Mid-GC the mark words show the GC's state: marked in phase 1, forwarding pointers in phase 2.
  std::size_t after_forward = 0;
  for (std::size_t k = gc_first; k < f.trace.size(); ++k)
    if (f.trace.step(k).kind == StepKind::gc_phase && f.trace.step(k).text.en.rfind("Phase 3", 0) == 0)
      after_forward = k;
  const Machine mid = f.trace.state_at(after_forward);
  CHECK(mid.heap.mark_word(0xfc000228) == 0xfc00001b);       // c forwarded to 0xfc000018
  CHECK(mid.heap.mark_word(0xfc000000) == 0x1);              // a stays: initial mark word again
  CHECK(mid.heap.space.read_u64(0xfc000018) == 0xfc000228);  // dead run: first word -> next live object
  const View v = make_view(mid);
  auto block =
      std::find_if(v.blocks.begin(), v.blocks.end(), [&](const BlockView& bv) { return bv.id == c; });
  REQUIRE(block != v.blocks.end());
  CHECK(block->state == BlockState::forwarded);
  CHECK(block->forward_to == 0xfc000018);
  CHECK(block->label == "c");

  // "Objects moved" climbs with each move step, as the narration says (it used to stay 0 through
  // phase 4 and jump at the end). state_at(k + 1) is the state after step k.
  std::int64_t moves_seen = 0;
  for (std::size_t k = gc_first; k < f.trace.size(); ++k) {
    if (f.trace.step(k).kind != StepKind::move) continue;
    ++moves_seen;
    const Machine after_move = f.trace.state_at(k + 1);
    CHECK(after_move.heap.counter(HeapCounter::objects_moved) == moves_seen);
    CHECK(after_move.heap.counter(HeapCounter::bytes_moved) ==
          (moves_seen == 1 ? 24 : 40));  // c (24 B), then d (16 B)
  }
  CHECK(moves_seen == 2);
}

TEST_CASE("a second GC over a compacted heap moves nothing") {
  HeapFixture f("-Xmx1m -XX:MarkSweepDeadRatio=0");
  const ObjectId a = new_instance(f.rec, builtin::kObject);
  set_local(f.rec, "t", "a", a);
  collect(f.rec, GcCause::system_gc);
  collect(f.rec, GcCause::system_gc);
  CHECK(f.machine.heap.counter(HeapCounter::objects_moved) == 0);
  CHECK(f.addr(a) == f.machine.heap.bottom());
  CHECK(check_invariants(f.machine).empty());
}

TEST_CASE("OutOfMemoryError: Java heap space after a GC that frees too little") {
  HeapFixture f("-Xmx1k");
  const ObjectId big = new_array(f.rec, builtin::kByteArray, 600);  // 616 bytes
  set_local(f.rec, "t", "big", big);
  try {
    new_array(f.rec, builtin::kByteArray, 600);
    FAIL("expected OutOfMemoryError");
  } catch (const JavaException& e) {
    CHECK(e.throwable.to_string() == "java.lang.OutOfMemoryError: Java heap space");
  }
  CHECK(f.trace.step(f.trace.size() - 1).kind == StepKind::oom);
  CHECK(count_kind(f.trace, StepKind::alloc_failed) == 2);  // then a last-ditch GC
  CHECK(count_kind(f.trace, StepKind::gc_start) == 2);
  // Dropping the reference lets the same allocation succeed after a GC.
  set_local(f.rec, "t", "big", kNoObject);
  const ObjectId again = new_array(f.rec, builtin::kByteArray, 600);
  CHECK(f.addr(again) == f.machine.heap.bottom());
  CHECK(check_invariants(f.machine).empty());
}

TEST_CASE(
    "dead wood: MarkSweepDeadRatio and MarkSweepAlwaysCompactCount as measured in jvm17-measured.md §4") {
  // The FullGc shape, scaled down: Object[] of N Nodes; GC#1; drop every odd one; GC#2..#5.
  // The garbage (N/2 * 24 bytes) is under 5 % of the capacity, so GC#2 and GC#3 keep it all as dead
  // wood and shrink nothing; GC#4 (invocation 4 % 4 == 0) compacts fully; with ratio 0, GC#2 compacts.
  for (const bool dr0 : {false, true}) {
    CAPTURE(dr0);
    HeapFixture f(std::string("-Xmx256k") + (dr0 ? " -XX:MarkSweepDeadRatio=0" : ""));
    const KlassId node = f.machine.klasses->register_class(
        "FullGc$Node", {{"id", FieldType::int_, ""}, {"next", FieldType::reference, ""}});
    constexpr std::uint32_t n = 1000;
    const ObjectId arr = new_array(f.rec, builtin::kObjectArray, n);
    set_local(f.rec, "main/main", "arr", arr);
    for (std::uint32_t i = 0; i < n; ++i) store_element(f.rec, arr, i, new_instance(f.rec, node));
    std::vector<std::uint64_t> used_after;
    collect(f.rec, GcCause::system_gc);  // GC#1
    used_after.push_back(f.machine.heap.top - f.machine.heap.bottom());
    for (std::uint32_t i = 1; i < n; i += 2) store_element(f.rec, arr, i, kNoObject);
    for (int gc = 2; gc <= 5; ++gc) {
      const Machine before = f.machine;
      collect(f.rec, GcCause::system_gc);
      used_after.push_back(f.machine.heap.top - f.machine.heap.bottom());
      CHECK(check_invariants(f.machine).empty());
      CHECK(check_compaction(before, f.machine).empty());
    }
    const std::uint64_t full = 4016 + n * 24, compacted = 4016 + n / 2 * 24;
    if (!dr0) {
      CHECK(used_after == std::vector<std::uint64_t>{full, full, full, compacted, compacted});
    } else {
      CHECK(used_after == std::vector<std::uint64_t>{full, compacted, compacted, compacted, compacted});
    }
  }
}

TEST_CASE("dead wood is capped: beyond the allowance the rest compacts") {
  // 200 nodes of garbage (4800 bytes) but 5 % of 64k is 3276 bytes: the first 136 runs stay.
  HeapFixture f("-Xmx64k");
  const KlassId node = f.node();
  const ObjectId arr = new_array(f.rec, builtin::kObjectArray, 400);
  set_local(f.rec, "main/main", "arr", arr);
  for (std::uint32_t i = 0; i < 400; ++i) store_element(f.rec, arr, i, new_instance(f.rec, node));
  for (std::uint32_t i = 1; i < 400; i += 2) store_element(f.rec, arr, i, kNoObject);
  const Machine before = f.machine;
  collect(f.rec, GcCause::system_gc);
  const std::uint64_t allowed = 65536 * 5 / 100 / 8 * 8;
  CHECK(f.machine.heap.counter(HeapCounter::dead_wood_bytes) == allowed / 24 * 24);
  CHECK(f.machine.heap.top - f.machine.heap.bottom() == 1616 + 200 * 24 + allowed / 24 * 24);
  CHECK(check_compaction(before, f.machine).empty());
  // One filler per dead run: single dead_wood steps first, later ones batched with the forwarding (the
  // phase has more than per_event_steps events), so count the fillers the GC allocated.
  std::size_t fillers = 0;
  for (std::size_t k = 0; k < f.trace.size(); ++k)
    for (const Effect& e : f.trace.effects_of(k))
      fillers += e.kind == EffectKind::object_alloc && f.trace.step(k).kind != StepKind::alloc;
  CHECK(fillers == allowed / 24);
  CHECK(count_kind(f.trace, StepKind::dead_wood) > 0);
  CHECK(count_kind(f.trace, StepKind::dead_wood) < allowed / 24);
}

TEST_CASE("primitive array elements are real little-endian bytes") {
  HeapFixture f("-Xmx1m");
  const ObjectId ints = new_array(f.rec, builtin::kIntArray, 3);
  CHECK(f.machine.heap.record(ints).size == 32);  // align8(16 + 12)
  store_prim_element(f.rec, ints, 1, 0x01020304);
  CHECK(load_prim_element(f.machine, ints, 1) == 0x01020304);
  CHECK(f.machine.heap.space.read_u8(f.addr(ints) + 20) == 0x04);
  store_prim_element(f.rec, ints, 2, -1);
  CHECK(load_prim_element(f.machine, ints, 2) == -1);
  const auto rows = object_fields(f.machine, ints);
  REQUIRE(rows.size() == 6);  // mark word, klass, length, [0], [1], [2]
  CHECK(rows[2].value == "3");
  CHECK(rows[4].value == "16909060");
  CHECK(rows[5].offset == 24);
  CHECK_THROWS_AS(store_prim_element(f.rec, ints, 3, 0), JavaException);
  const ObjectId bytes = new_array(f.rec, builtin::kByteArray, 2);
  store_prim_element(f.rec, bytes, 0, 200);
  CHECK(load_prim_element(f.machine, bytes, 0) == -56);  // (byte) 200
  CHECK_THROWS_AS(store_prim_element(f.rec, new_array(f.rec, builtin::kObjectArray, 1), 0, 0),
                  std::invalid_argument);
}

TEST_CASE("the last-ditch GC before an OutOfMemoryError compacts away dead wood") {
  // 5 % of 64k = 3276 bytes of dead wood allowed: a 3000-byte garbage array at the bottom stays as
  // dead wood in the first GC; only the last-ditch GC (MarkSweepAlwaysCompactCount=1) reclaims it.
  HeapFixture f("-Xmx64k");
  new_array(f.rec, builtin::kByteArray, 2984);  // 3000 bytes, garbage
  const ObjectId live = new_array(f.rec, builtin::kByteArray, 60000);
  set_local(f.rec, "main/main", "live", live);
  const ObjectId more = new_array(f.rec, builtin::kByteArray, 2500);  // 3000 + 60016 + 2520 = 65536: full
  set_local(f.rec, "main/main", "more", more);
  const std::uint64_t free_now = f.machine.heap.end() - f.machine.heap.top;
  CAPTURE(free_now);
  CHECK(free_now == 0);
  const ObjectId last = new_array(f.rec, builtin::kByteArray, 0);  // 16 bytes do not fit
  CHECK(count_kind(f.trace, StepKind::gc_start) == 2);
  CHECK(f.machine.heap.is_live(last));
  CHECK(f.machine.heap.counter(HeapCounter::dead_wood_bytes) == 0);
  CHECK(check_invariants(f.machine).empty());
}
