#pragma once
#include <string>
#include <vector>

#include "heapviz/heap/heap_machine.hpp"

namespace heapviz::heap {

/// Structural invariants of any state (empty result = all hold):
/// live objects lie inside the heap, do not overlap, have headers matching their records, and the
/// start map agrees with the records; every non-null reference in a live object or active root
/// points at a live object's start (outside a GC's phases 2-4, where references are being rewritten);
/// used bytes equal the sum of live sizes; free chunks do not overlap live objects.
std::vector<std::string> check_invariants(const HeapMachine& m);

/// Checks what a completed compaction (mark-compact GC) must preserve, given the states before and
/// after it: live objects after are contiguous from the bottom, the total of live sizes is conserved
/// (minus reclaimed objects, plus fillers), and every surviving object's bytes (header aside from the
/// mark word, fields with references translated) are unchanged.
std::vector<std::string> check_compaction(const HeapMachine& before, const HeapMachine& after);

}  // namespace heapviz::heap
