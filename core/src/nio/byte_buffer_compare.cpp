// ByteBuffer: hashCode, equals, compareTo, mismatch over the remaining elements.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "heapviz/nio/byte_buffer.hpp"

namespace heapviz::nio {

namespace {

// The bytes of [position, limit) as Java bytes, read with one store access (one trace step later).
std::vector<std::int8_t> remaining_bytes(ByteBuffer& b) {
  std::vector<std::byte> raw(static_cast<std::size_t>(std::max(b.limit() - b.position(), 0)));
  b.root().read(b.state().offset + std::int64_t{b.position()}, raw);
  std::vector<std::int8_t> out;
  out.reserve(raw.size());
  for (std::byte x : raw) out.push_back(static_cast<std::int8_t>(x));
  return out;
}

// The first index in [0, length) where the remaining elements differ, or -1 (BufferMismatch.mismatch).
int first_difference(const std::vector<std::int8_t>& a, const std::vector<std::int8_t>& b, int length) {
  for (int i = 0; i < length; ++i)
    if (a[static_cast<std::size_t>(i)] != b[static_cast<std::size_t>(i)]) return i;
  return -1;
}

}  // namespace

std::int32_t ByteBuffer::hash_code() {
  const std::vector<std::int8_t> bytes = remaining_bytes(*this);
  std::uint32_t h = 1;  // unsigned: Java int arithmetic wraps
  for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) h = 31 * h + static_cast<std::uint32_t>(*it);
  return static_cast<std::int32_t>(h);
}

bool ByteBuffer::equals(ByteBuffer& other) {
  if (other.state_ == state_) return true;
  const int this_rem = limit() - position();
  const int that_rem = other.limit() - other.position();
  if (this_rem < 0 || this_rem != that_rem) return false;
  return first_difference(remaining_bytes(*this), remaining_bytes(other), this_rem) < 0;
}

int ByteBuffer::compare_to(ByteBuffer& other) {
  const int this_rem = limit() - position();
  const int that_rem = other.limit() - other.position();
  const int length = std::min(this_rem, that_rem);
  if (length < 0) return -1;
  const std::vector<std::int8_t> a = remaining_bytes(*this);
  const std::vector<std::int8_t> b = remaining_bytes(other);
  const int i = first_difference(a, b, length);
  if (i >= 0) return a[static_cast<std::size_t>(i)] - b[static_cast<std::size_t>(i)];  // Byte.compare
  return this_rem - that_rem;
}

int ByteBuffer::mismatch(ByteBuffer& other) {
  const int this_rem = limit() - position();
  const int that_rem = other.limit() - other.position();
  const int length = std::min(this_rem, that_rem);
  if (length < 0) return -1;
  const int i = first_difference(remaining_bytes(*this), remaining_bytes(other), length);
  return (i == -1 && this_rem != that_rem) ? length : i;
}

}  // namespace heapviz::nio
