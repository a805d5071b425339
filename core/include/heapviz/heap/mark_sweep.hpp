#pragma once
#include "heapviz/heap/collector.hpp"

namespace heapviz::heap {

/// CMS-style non-moving mark-sweep (the CMS old generation; CMS was removed in JDK 14, JEP 363):
/// "Phase 1: Mark live objects", then "Phase 2: Sweep": runs of dead objects and free chunks are
/// coalesced into free chunks of an address-ordered free list; no object ever moves. Allocation is
/// first fit, so a request can fail although the total free space is large enough (fragmentation).
void mark_sweep(HeapRecorder& r, GcCause cause);

}  // namespace heapviz::heap
