// Reading a buffer object without a step: its Java state (its bytes: io/buffer_dump.hpp, mapped
// buffers read page-cache pages).
#include "heapviz/heap/object_layout.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "heapviz/nio/nio_machine.hpp"

namespace heapviz::nio {

using namespace detail;

BufferState buffer_state(const NioMachine& m, heap::ObjectId buffer) {
  if (!is_byte_buffer(m, buffer))
    throw std::invalid_argument("object #" + std::to_string(buffer) + " is not a ByteBuffer");
  return load_state(m, buffer);
}

}  // namespace heapviz::nio
