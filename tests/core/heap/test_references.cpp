#include <doctest/doctest.h>

#include "heap_fixture.hpp"
#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/invariants.hpp"

using namespace heapviz;
using namespace heapviz::heap;
using test::HeapFixture;

TEST_CASE("reference hook: a phantom reference does not keep its referent, it goes on the pending list") {
  for (const char* gc : {"-XX:+UseSerialGC", "-XX:+UseConcMarkSweepGC"}) {
    CAPTURE(gc);
    HeapFixture f(std::string("-Xmx1m ") + gc);
    const KlassId fake = f.machine.klasses->register_reference_class(
        "test.FakePhantom", ReferenceKind::phantom, {{"thunk", FieldType::reference, ""}});
    CHECK(f.machine.klasses->at(fake).instance_size == 32);  // Reference (28) + thunk at 28
    const ObjectId referent = new_array(f.rec, builtin::kByteArray, 100);
    const ObjectId ref = new_instance(f.rec, fake);
    const ObjectId thunk = new_instance(f.rec, builtin::kObject);
    store_ref(f.rec, ref, "referent", referent);
    store_ref(f.rec, ref, "thunk", thunk);
    // A system root keeps the reference object alive (like Cleaner's static list), not its referent.
    set_root(f.rec, RootKind::system, "test.FakePhantom", "first", ref);
    const ObjectId keep = set_local(f.rec, "main/main", "buf", referent);
    (void)keep;

    collect(f.rec, GcCause::system_gc);  // the referent is strongly reachable: nothing pending
    CHECK(f.machine.heap.pending_references.empty());
    CHECK(load_ref(f.machine, ref, "referent") == referent);

    set_local(f.rec, "main/main", "buf", kNoObject);
    collect(f.rec, GcCause::system_gc);
    CHECK(f.machine.heap.pending_references == std::vector<ObjectId>{ref});
    CHECK(load_ref(f.machine, ref, "referent") == kNoObject);  // cleared
    CHECK_FALSE(f.machine.heap.is_live(referent));
    CHECK(f.machine.heap.is_live(thunk));  // traced through the normal field
    CHECK(f.machine.heap.counter(HeapCounter::references_pending) == 1);
    bool narrated = false;
    for (const Step& s : f.trace.steps())
      if (s.kind == StepKind::reference_pending)
        narrated = s.text.en.find("pending list") != std::string::npos;
    CHECK(narrated);
    CHECK(check_invariants(f.machine).empty());
    CHECK(take_pending_references(f.rec) == std::vector<ObjectId>{ref});
    CHECK(f.machine.heap.pending_references.empty());
    CHECK(take_pending_references(f.rec).empty());
    CHECK(f.trace.state_at(f.trace.size() - 1).heap.pending_references == std::vector<ObjectId>{ref});
  }
}

TEST_CASE("the JDK's Cleaner class is a phantom reference out of the box") {
  HeapFixture f("-Xmx1m");
  const ObjectId dbb = new_instance(f.rec, builtin::kDirectByteBuffer);
  const ObjectId cleaner = new_instance(f.rec, builtin::kCleaner);
  const ObjectId dealloc = new_instance(f.rec, builtin::kDeallocator);
  store_ref(f.rec, dbb, "cleaner", cleaner);
  store_ref(f.rec, cleaner, "referent", dbb);
  store_ref(f.rec, cleaner, "thunk", dealloc);
  store_prim(f.rec, dealloc, "capacity", 512);
  set_root(f.rec, RootKind::system, "jdk.internal.ref.Cleaner", "first", cleaner);
  collect(f.rec, GcCause::system_gc);
  CHECK(f.machine.heap.pending_references == std::vector<ObjectId>{cleaner});
  CHECK_FALSE(f.machine.heap.is_live(dbb));
  CHECK(f.machine.heap.is_live(dealloc));
  CHECK(load_prim(f.machine, dealloc, "capacity") == 512);
}

TEST_CASE(
    "a compaction that moves a Reference's referent adjusts the referent field (both collectors keep it)") {
  for (const char* gc : {"-XX:+UseSerialGC -XX:MarkSweepDeadRatio=0", "-XX:+UseConcMarkSweepGC"}) {
    CAPTURE(gc);
    HeapFixture f(std::string("-Xmx1m ") + gc);
    const ObjectId junk = new_array(f.rec, builtin::kByteArray, 4000);  // below: makes the others move
    const ObjectId dbb = new_instance(f.rec, builtin::kDirectByteBuffer);
    const ObjectId cleaner = new_instance(f.rec, builtin::kCleaner);
    store_ref(f.rec, dbb, "cleaner", cleaner);
    store_ref(f.rec, cleaner, "referent", dbb);
    set_root(f.rec, RootKind::system, "jdk.internal.ref.Cleaner", "first", cleaner);
    set_local(f.rec, "main/main", "direct", dbb);
    (void)junk;
    const std::uint64_t before = f.machine.heap.record(dbb).addr;
    collect(f.rec, GcCause::system_gc);
    const bool moving = std::string(gc).find("Serial") != std::string::npos;
    CHECK((f.machine.heap.record(dbb).addr != before) == moving);
    CHECK(load_ref(f.machine, cleaner, "referent") == dbb);  // the field holds dbb's current address
    CHECK(check_invariants(f.machine).empty());
    // The next GC must still see the buffer as the Cleaner's live referent: nothing pending.
    collect(f.rec, GcCause::system_gc);
    CHECK(f.machine.heap.pending_references.empty());
    CHECK(f.machine.heap.is_live(dbb));
    // Dropped: now it is found dead, and its Cleaner goes pending.
    set_local(f.rec, "main/main", "direct", kNoObject);
    collect(f.rec, GcCause::system_gc);
    CHECK(f.machine.heap.pending_references == std::vector<ObjectId>{cleaner});
    CHECK_FALSE(f.machine.heap.is_live(dbb));
  }
}

TEST_CASE("a Reference on the pending list is a GC root until the Reference Handler takes it") {
  HeapFixture f("-Xmx1m -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0");
  const KlassId weak = f.machine.klasses->register_reference_class("test.Weak", ReferenceKind::weak, {});
  const ObjectId junk = new_array(f.rec, builtin::kByteArray, 4000);
  const ObjectId referent = new_array(f.rec, builtin::kByteArray, 10);
  const ObjectId ref = new_instance(f.rec, weak);
  (void)junk;
  store_ref(f.rec, ref, "referent", referent);
  set_local(f.rec, "main/main", "r", ref);
  collect(f.rec, GcCause::system_gc);  // the referent is unreachable: ref is cleared and goes pending
  REQUIRE(f.machine.heap.pending_references == std::vector<ObjectId>{ref});
  set_local(f.rec, "main/main", "r", kNoObject);  // now only the pending list holds it
  collect(f.rec, GcCause::system_gc);
  CHECK(f.machine.heap.is_live(ref));
  CHECK(check_invariants(f.machine).empty());
  CHECK(take_pending_references(f.rec) == std::vector<ObjectId>{ref});
  collect(f.rec, GcCause::system_gc);  // taken (and not enqueued anywhere): now it is garbage
  CHECK_FALSE(f.machine.heap.is_live(ref));
}
