// Reading a buffer object without a step: its Java state and its capacity window.
#include "buffer_object.hpp"
#include "heapviz/engine/machine.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "heapviz/nio/machine_buffers.hpp"

namespace heapviz::nio {

using namespace detail;

BufferState buffer_state(const Machine& m, heap::ObjectId buffer) {
  if (!is_byte_buffer(m, buffer))
    throw std::invalid_argument("object #" + std::to_string(buffer) + " is not a ByteBuffer");
  return load_state(m, buffer);
}

std::vector<std::byte> buffer_window(const Machine& m, heap::ObjectId buffer) {
  const BufferState s = buffer_state(m, buffer);
  std::vector<std::byte> out(static_cast<std::size_t>(s.capacity));
  if (out.empty()) return out;
  if (s.is_direct() && mapped_fd(m, buffer) != heap::kNoObject) {
    out = mapped_window(m, static_cast<std::uint64_t>(read_i64(m, buffer, off::address)), out.size());
  } else if (s.is_direct()) {
    m.native.read(static_cast<std::uint64_t>(read_i64(m, buffer, off::address)), out);
  } else {
    const heap::ObjectId hb = read_ref(m, buffer, off::hb);
    m.heap.space.read(
        m.heap.record(hb).addr + heap::layout::kArrayHeader + static_cast<std::uint64_t>(s.offset),
        out.data(), out.size());
  }
  return out;
}

}  // namespace heapviz::nio
