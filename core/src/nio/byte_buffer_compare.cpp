// ByteBuffer: hashCode, equals, compareTo, mismatch over the remaining elements.
#include <algorithm>
#include <cstdint>

#include "heapviz/nio/byte_buffer.hpp"

namespace heapviz::nio {

std::int32_t ByteBuffer::hash_code() {
  std::uint32_t h = 1;  // unsigned: Java int arithmetic wraps
  for (int i = limit() - 1; i >= position(); --i) h = 31 * h + static_cast<std::uint32_t>(get(i));
  return static_cast<std::int32_t>(h);
}

namespace {
// The first index in [0, length) where the remaining elements differ, or -1 (BufferMismatch.mismatch).
int first_difference(ByteBuffer& a, ByteBuffer& b, int length) {
  for (int i = 0; i < length; ++i)
    if (a.get(a.position() + i) != b.get(b.position() + i)) return i;
  return -1;
}
}  // namespace

bool ByteBuffer::equals(ByteBuffer& other) {
  if (other.state_ == state_) return true;
  const int this_rem = limit() - position();
  const int that_rem = other.limit() - other.position();
  if (this_rem < 0 || this_rem != that_rem) return false;
  return first_difference(*this, other, this_rem) < 0;
}

int ByteBuffer::compare_to(ByteBuffer& other) {
  const int this_rem = limit() - position();
  const int that_rem = other.limit() - other.position();
  const int length = std::min(this_rem, that_rem);
  if (length < 0) return -1;
  const int i = first_difference(*this, other, length);
  if (i >= 0) return get(position() + i) - other.get(other.position() + i);  // Byte.compare
  return this_rem - that_rem;
}

int ByteBuffer::mismatch(ByteBuffer& other) {
  const int this_rem = limit() - position();
  const int that_rem = other.limit() - other.position();
  const int length = std::min(this_rem, that_rem);
  if (length < 0) return -1;
  const int i = first_difference(*this, other, length);
  return (i == -1 && this_rem != that_rem) ? length : i;
}

}  // namespace heapviz::nio
