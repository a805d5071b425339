#pragma once
#include <cstddef>
#include <cstdint>

#include "heapviz/nio/byte_store.hpp"
#include "heapviz/nio/native_memory.hpp"

namespace heapviz::nio {

/// Unsafe.alignToHeapWordSize: rounds a non-negative size up to a multiple of 8 (Java long arithmetic,
/// so a size near Long.MAX_VALUE wraps negative); a negative size is returned unchanged.
std::int64_t align_to_heap_word_size(std::int64_t bytes);

/// Unsafe.allocateMemory(bytes): rounds to a multiple of 8; a negative (or wrapped) size throws
/// IllegalArgumentException (null message); 0 returns address 0 without allocating; when malloc fails,
/// OutOfMemoryError("Unable to allocate N bytes") with the rounded N. The memory is not zeroed.
NativeAddress unsafe_allocate_memory(NativeMemory& memory, std::int64_t bytes);

/// Unsafe.freeMemory(address): address 0 is a no-op.
void unsafe_free_memory(NativeMemory& memory, NativeAddress address);

/// Unsafe.setMemory(address, bytes, value): fills inside one allocated block; a negative size throws
/// IllegalArgumentException (null message).
void unsafe_set_memory(NativeMemory& memory, NativeAddress address, std::int64_t bytes, std::byte value);

/// The ByteStore of a direct buffer's root: `size` bytes of native memory from `address`.
/// Index i is native address `address + i`; views add their offset before calling it.
class NativeByteStore final : public ByteStore {
 public:
  NativeByteStore(NativeMemory& memory, NativeAddress address, std::int64_t size)
      : memory_(&memory), address_(address), size_(size) {}

  std::int64_t size() const override { return size_; }
  void read(std::int64_t index, std::span<std::byte> out) override;
  void write(std::int64_t index, std::span<const std::byte> in) override;
  NativeAddress address() const { return address_; }

 private:
  NativeMemory* memory_;
  NativeAddress address_;
  std::int64_t size_;
};

}  // namespace heapviz::nio
