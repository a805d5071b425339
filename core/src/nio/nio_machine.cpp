#include "heapviz/nio/nio_machine.hpp"

namespace heapviz::nio {

NioMachine::NioMachine(const heap::HeapSettings& h, const NioSettings& n)
    : HeapMachine(h), nio_settings(n), native(n.native_capacity) {
  // VM.maxDirectMemory(): -XX:MaxDirectMemorySize, else Runtime.maxMemory() of this heap.
  bits.max_memory = static_cast<std::int64_t>(n.max_direct_memory_set || n.max_direct_memory != 0
                                                  ? n.max_direct_memory
                                                  : heap::runtime_max_memory(h));
}

}  // namespace heapviz::nio
