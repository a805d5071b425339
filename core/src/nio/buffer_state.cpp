#include "heapviz/nio/buffer_state.hpp"

#include <cstdint>

#include "java_nio_exceptions.hpp"

namespace heapviz::nio {

std::string_view to_string(ByteOrder order) {
  return order == ByteOrder::BigEndian ? "BIG_ENDIAN" : "LITTLE_ENDIAN";
}

std::string_view BufferState::class_name() const {
  if (kind == BufferKind::Heap) return read_only ? "java.nio.HeapByteBufferR" : "java.nio.HeapByteBuffer";
  return read_only ? "java.nio.DirectByteBufferR" : "java.nio.DirectByteBuffer";
}

std::string BufferState::to_string() const {
  return std::string(class_name()) + "[pos=" + std::to_string(position) + " lim=" + std::to_string(limit) +
         " cap=" + std::to_string(capacity) + "]";
}

namespace {

// The Buffer(mark, pos, lim, cap) constructor for a new root buffer; its capacity check comes first.
BufferState construct(BufferKind kind, int position, int limit, int capacity) {
  if (capacity < 0) {
    const std::string c = std::to_string(capacity);
    detail::throw_illegal_argument("capacity < 0: (" + c + " < 0)");
  }
  BufferState s;
  s.kind = kind;
  s.position = position;
  s.limit = limit;
  s.capacity = capacity;
  s.native_byte_order = kNativeByteOrder == ByteOrder::BigEndian;
  return s;
}

}  // namespace

BufferState allocate(int capacity) { return construct(BufferKind::Heap, 0, capacity, capacity); }

BufferState allocate_direct(int capacity) { return construct(BufferKind::Direct, 0, capacity, capacity); }

BufferState wrap(int array_length, int offset, int length) {
  // Java int addition wraps around; HeapByteBuffer's constructor sees offset + length as an int.
  const int end = static_cast<int>(static_cast<std::uint32_t>(offset) + static_cast<std::uint32_t>(length));
  // The constructor's limit()/position() IllegalArgumentException is rethrown as a bare IOOBE.
  if (end > array_length || end < 0 || offset > end || offset < 0) detail::throw_index_out_of_bounds();
  return construct(BufferKind::Heap, offset, end, array_length);
}

BufferState wrap(int array_length) { return wrap(array_length, 0, array_length); }

}  // namespace heapviz::nio
