#pragma once
#include <string_view>
#include <vector>

#include "heapviz/heap/java_heap.hpp"
#include "heapviz/heap/recorder.hpp"

namespace heapviz::heap {

/// Why a GC runs (HotSpot's GCCause strings).
enum class GcCause : std::uint8_t { system_gc, allocation_failure, gc_locker };
/// "System.gc()", "Allocation Failure" or "GCLocker Initiated GC" (the GC a JNI critical region deferred).
std::string_view gc_cause_name(GcCause c);

/// Runs one full GC with the collector chosen in the machine's settings (mark_compact or mark_sweep).
/// Steps: gc_start, the phases, gc_end. After it, heap.pending_references lists References whose
/// referent died (cleared), in discovery order: the hook for the Reference Handler.
/// `last_ditch`: HotSpot's final attempt before an OutOfMemoryError
/// (GenCollectedHeap::satisfy_failed_allocation sets MarkSweepAlwaysCompactCount=1): no dead wood.
void collect(HeapRecorder& r, GcCause cause, bool last_ditch = false);

/// Takes the pending list (java.lang.ref.Reference.getAndClearReferencePendingList): returns the
/// References the last GCs put there, in order, and empties it in one step. For the Reference
/// Handler, which then runs each Cleaner. Returns {} (and records nothing) when the list is empty.
std::vector<ObjectId> take_pending_references(HeapRecorder& r);

}  // namespace heapviz::heap
