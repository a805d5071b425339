#include "heapviz/nio/unsafe_memory.hpp"

#include <vector>

#include "java_nio_exceptions.hpp"

namespace heapviz::nio {

std::int64_t align_to_heap_word_size(std::int64_t bytes) {
  if (bytes < 0) return bytes;
  // Java long arithmetic wraps: compute in unsigned and convert back.
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(bytes) + 7) & ~std::uint64_t{7});
}

NativeAddress unsafe_allocate_memory(NativeMemory& memory, std::int64_t bytes) {
  const std::int64_t size = align_to_heap_word_size(bytes);
  if (size < 0) detail::throw_java("java.lang.IllegalArgumentException");
  if (size == 0) return 0;
  const NativeAddress address = memory.malloc(static_cast<std::uint64_t>(size));
  if (address == 0)
    detail::throw_java("java.lang.OutOfMemoryError", "Unable to allocate " + std::to_string(size) + " bytes");
  return address;
}

void unsafe_free_memory(NativeMemory& memory, NativeAddress address) { memory.free(address); }

void unsafe_set_memory(NativeMemory& memory, NativeAddress address, std::int64_t bytes, std::byte value) {
  if (bytes < 0) detail::throw_java("java.lang.IllegalArgumentException");  // Unsafe.checkSize
  if (bytes == 0) return;
  const std::vector<std::byte> fill(static_cast<std::size_t>(bytes), value);
  memory.write(address, fill);
}

void NativeByteStore::read(std::int64_t index, std::span<std::byte> out) {
  memory_->read(address_ + static_cast<std::uint64_t>(index), out);
}

void NativeByteStore::write(std::int64_t index, std::span<const std::byte> in) {
  memory_->write(address_ + static_cast<std::uint64_t>(index), in);
}

}  // namespace heapviz::nio
