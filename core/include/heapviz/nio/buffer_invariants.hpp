#pragma once
#include <string>
#include <vector>

#include "heapviz/nio/nio_machine.hpp"

namespace heapviz::nio {

/// What the Cleaner protocol guarantees (empty result = it holds): the native memory of every live direct
/// buffer whose Cleaner has not run lies inside one allocated malloc block, and every Deallocator that has
/// not run names an allocated block. A failure means a GC or the Reference Handler freed a live buffer.
std::vector<std::string> check_direct_buffers(const NioMachine& m);

}  // namespace heapviz::nio
