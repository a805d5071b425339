#pragma once
#include "heapviz/heap/collector.hpp"

namespace heapviz::heap {

/// Serial-style sliding mark-compact in HotSpot's four phases (GenMarkSweep, JDK 17):
/// "Phase 1: Mark live objects" (mark word = 0b11), "Phase 2: Compute new object addresses" (mark word =
/// forwardee | 0b11; dead wood per MarkSweepDeadRatio unless this is the MarkSweepAlwaysCompactCount-th
/// full GC), "Phase 3: Adjust pointers" (roots, then fields), "Phase 4: Move objects" (slide down,
/// mark word restored to 0x1). Each object/reference is a step, batched as TraceOptions says.
/// `always_compact`: no dead wood in this GC (the last-ditch GC before an OutOfMemoryError).
void mark_compact(HeapRecorder& r, GcCause cause, bool always_compact = false);

}  // namespace heapviz::heap
