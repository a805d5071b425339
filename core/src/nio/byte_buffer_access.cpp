// ByteBuffer: reading and writing bytes (single, bulk, typed) and compact().
#include <array>
#include <bit>

#include "heapviz/nio/byte_buffer.hpp"
#include "java_nio_exceptions.hpp"

namespace heapviz::nio {

using detail::check_from_index_size;

// --- index checks (Buffer.nextGetIndex / nextPutIndex / checkIndex) ---

int ByteBuffer::next_get_index(int count) {
  const int p = state_->position;
  if (state_->limit - p < count) detail::throw_underflow();
  state_->position = p + count;
  return p;
}

int ByteBuffer::next_put_index(int count) {
  const int p = state_->position;
  if (state_->limit - p < count) detail::throw_overflow();
  state_->position = p + count;
  return p;
}

int ByteBuffer::check_index(int index, int count) const {
  if (index < 0 || count > state_->limit - index) detail::throw_index_out_of_bounds();
  return index;
}

void ByteBuffer::check_writable() const {
  if (state_->read_only) detail::throw_read_only();
}

// HeapByteBufferR overrides the ByteBuffer-source puts to throw before any other check;
// DirectByteBufferR inherits ByteBuffer's order of checks.
void ByteBuffer::check_writable_if_heap() const {
  if (state_->kind == BufferKind::Heap) check_writable();
}

void ByteBuffer::read_at(int index, std::span<std::byte> out) {
  root_->read(state_->offset + std::int64_t{index}, out);
}

void ByteBuffer::write_at(int index, std::span<const std::byte> in) {
  root_->write(state_->offset + std::int64_t{index}, in);
}

// --- single bytes ---

std::int8_t ByteBuffer::get() {
  std::byte b{};
  read_at(next_get_index(1), {&b, 1});
  return static_cast<std::int8_t>(b);
}

std::int8_t ByteBuffer::get(int index) {
  std::byte b{};
  read_at(check_index(index, 1), {&b, 1});
  return static_cast<std::int8_t>(b);
}

ByteBuffer& ByteBuffer::put(std::int8_t value) {
  check_writable();
  const auto b = static_cast<std::byte>(value);
  write_at(next_put_index(1), {&b, 1});
  return *this;
}

ByteBuffer& ByteBuffer::put(int index, std::int8_t value) {
  check_writable();
  const auto b = static_cast<std::byte>(value);
  write_at(check_index(index, 1), {&b, 1});
  return *this;
}

// --- bulk with byte[] ---

ByteBuffer& ByteBuffer::get(ByteStore& dst, int offset, int length) {
  check_from_index_size(offset, length, dst.size());
  const int pos = state_->position;
  if (length > state_->limit - pos) detail::throw_underflow();
  copy_bytes(*root_, state_->offset + std::int64_t{pos}, dst, offset, length);
  position(pos + length);
  return *this;
}

ByteBuffer& ByteBuffer::get(ByteStore& dst) { return get(dst, 0, static_cast<int>(dst.size())); }

ByteBuffer& ByteBuffer::get(int index, ByteStore& dst, int offset, int length) {
  check_from_index_size(index, length, state_->limit);
  check_from_index_size(offset, length, dst.size());
  copy_bytes(*root_, state_->offset + std::int64_t{index}, dst, offset, length);
  return *this;
}

ByteBuffer& ByteBuffer::get(int index, ByteStore& dst) {
  return get(index, dst, 0, static_cast<int>(dst.size()));
}

ByteBuffer& ByteBuffer::put(ByteStore& src, int offset, int length) {
  check_writable();
  check_from_index_size(offset, length, src.size());
  const int pos = state_->position;
  if (length > state_->limit - pos) detail::throw_overflow();
  copy_bytes(src, offset, *root_, state_->offset + std::int64_t{pos}, length);
  position(pos + length);
  return *this;
}

ByteBuffer& ByteBuffer::put(ByteStore& src) { return put(src, 0, static_cast<int>(src.size())); }

ByteBuffer& ByteBuffer::put(int index, ByteStore& src, int offset, int length) {
  check_writable();
  check_from_index_size(index, length, state_->limit);
  check_from_index_size(offset, length, src.size());
  copy_bytes(src, offset, *root_, state_->offset + std::int64_t{index}, length);
  return *this;
}

ByteBuffer& ByteBuffer::put(int index, ByteStore& src) {
  return put(index, src, 0, static_cast<int>(src.size()));
}

// --- bulk with a ByteBuffer source ---

ByteBuffer& ByteBuffer::put(ByteBuffer& src) {
  check_writable_if_heap();
  if (src.state_ == state_) detail::throw_illegal_argument("The source buffer is this buffer");
  check_writable();
  const int src_pos = src.position();
  const int src_rem = src.remaining();
  const int pos = state_->position;
  if (src_rem > remaining()) detail::throw_overflow();
  copy_bytes(*src.root_, src.state_->offset + std::int64_t{src_pos}, *root_,
             state_->offset + std::int64_t{pos}, src_rem);
  position(pos + src_rem);
  src.position(src_pos + src_rem);
  return *this;
}

ByteBuffer& ByteBuffer::put(int index, ByteBuffer& src, int offset, int length) {
  check_writable_if_heap();
  check_from_index_size(index, length, state_->limit);
  check_from_index_size(offset, length, src.limit());
  check_writable();
  copy_bytes(*src.root_, src.state_->offset + std::int64_t{offset}, *root_,
             state_->offset + std::int64_t{index}, length);
  return *this;
}

ByteBuffer& ByteBuffer::compact() {
  check_writable();
  const int pos = state_->position;
  const int rem = remaining();
  copy_bytes(*root_, state_->offset + std::int64_t{pos}, *root_, state_->offset, rem);
  position(rem);
  limit(state_->capacity);
  state_->mark = -1;
  return *this;
}

// --- typed access: bytes are assembled in the buffer's order, independent of the host ---

std::uint64_t ByteBuffer::get_bits(int index, int count) {
  std::array<std::byte, 8> b{};
  read_at(index, {b.data(), static_cast<std::size_t>(count)});
  std::uint64_t v = 0;
  for (int i = 0; i < count; ++i) {
    const int k = state_->big_endian ? i : count - 1 - i;
    v = (v << 8) | std::to_integer<std::uint64_t>(b[static_cast<std::size_t>(k)]);
  }
  return v;
}

void ByteBuffer::put_bits(int index, int count, std::uint64_t bits) {
  std::array<std::byte, 8> b{};
  for (int i = 0; i < count; ++i) {
    const int k = state_->big_endian ? count - 1 - i : i;
    b[static_cast<std::size_t>(k)] = static_cast<std::byte>(bits >> (8 * i));
  }
  write_at(index, {b.data(), static_cast<std::size_t>(count)});
}

#define HEAPVIZ_TYPED_ACCESS(Name, Type, Bits)                                                               \
  Type ByteBuffer::get_##Name() {                                                                            \
    return std::bit_cast<Type>(static_cast<Bits>(get_bits(next_get_index(sizeof(Type)), sizeof(Type))));     \
  }                                                                                                          \
  Type ByteBuffer::get_##Name(int index) {                                                                   \
    return std::bit_cast<Type>(static_cast<Bits>(get_bits(check_index(index, sizeof(Type)), sizeof(Type)))); \
  }                                                                                                          \
  ByteBuffer& ByteBuffer::put_##Name(Type value) {                                                           \
    check_writable();                                                                                        \
    put_bits(next_put_index(sizeof(Type)), sizeof(Type), std::bit_cast<Bits>(value));                        \
    return *this;                                                                                            \
  }                                                                                                          \
  ByteBuffer& ByteBuffer::put_##Name(int index, Type value) {                                                \
    check_writable();                                                                                        \
    put_bits(check_index(index, sizeof(Type)), sizeof(Type), std::bit_cast<Bits>(value));                    \
    return *this;                                                                                            \
  }

HEAPVIZ_TYPED_ACCESS(short, std::int16_t, std::uint16_t)
HEAPVIZ_TYPED_ACCESS(char, char16_t, std::uint16_t)
HEAPVIZ_TYPED_ACCESS(int, std::int32_t, std::uint32_t)
HEAPVIZ_TYPED_ACCESS(long, std::int64_t, std::uint64_t)
HEAPVIZ_TYPED_ACCESS(float, float, std::uint32_t)
HEAPVIZ_TYPED_ACCESS(double, double, std::uint64_t)

#undef HEAPVIZ_TYPED_ACCESS

}  // namespace heapviz::nio
