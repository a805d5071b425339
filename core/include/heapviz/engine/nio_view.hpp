#pragma once
#include "heapviz/engine/view.hpp"

namespace heapviz::nio {

/// Adds the nio part of a machine's view to `v` (called by make_view): the native memory region and
/// its chunks (labelled with the DirectByteBuffer that owns each), arrows from DirectByteBuffer.address
/// and Deallocator.address into native memory, and the buffer pool counters.
void add_nio_view(const Machine& m, View& v);

}  // namespace heapviz::nio
