#include "heapviz/nio/byte_store.hpp"

#include <algorithm>
#include <stdexcept>

namespace heapviz::nio {

void copy_bytes(ByteStore& src, std::int64_t src_index, ByteStore& dst, std::int64_t dst_index,
                std::int64_t count) {
  if (count <= 0) return;
  // Reading everything first gives memmove semantics even when src and dst overlap.
  std::vector<std::byte> tmp(static_cast<std::size_t>(count));
  src.read(src_index, tmp);
  dst.write(dst_index, tmp);
}

namespace {
void check_range(std::int64_t index, std::size_t count, std::size_t size) {
  if (index < 0 || static_cast<std::size_t>(index) > size || count > size - static_cast<std::size_t>(index))
    throw std::out_of_range("VectorByteStore: access outside the store");
}
}  // namespace

void VectorByteStore::read(std::int64_t index, std::span<std::byte> out) {
  check_range(index, out.size(), bytes_.size());
  std::copy_n(bytes_.begin() + index, out.size(), out.begin());
}

void VectorByteStore::write(std::int64_t index, std::span<const std::byte> in) {
  check_range(index, in.size(), bytes_.size());
  std::copy(in.begin(), in.end(), bytes_.begin() + index);
}

}  // namespace heapviz::nio
