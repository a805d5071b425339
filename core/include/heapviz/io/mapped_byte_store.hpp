#pragma once
#include <cstdint>

#include "heapviz/io/kernel_space.hpp"
#include "heapviz/nio/byte_store.hpp"

namespace heapviz::io {

/// The ByteStore of a MappedByteBuffer: index i is user address `address + i` inside a mapping, so a
/// load reads the page-cache page and a store dirties it (MAP_SHARED) or a private copy (MAP_PRIVATE).
class MappedByteStore final : public nio::ByteStore {
 public:
  MappedByteStore(KernelSpace& kernel, std::uint64_t address, std::int64_t size)
      : kernel_(&kernel), address_(address), size_(size) {}
  std::int64_t size() const override { return size_; }
  void read(std::int64_t index, std::span<std::byte> out) override {
    if (!out.empty()) kernel_->mapped_read(address_ + static_cast<std::uint64_t>(index), out);
  }
  void write(std::int64_t index, std::span<const std::byte> in) override {
    if (!in.empty()) kernel_->mapped_write(address_ + static_cast<std::uint64_t>(index), in);
  }

 private:
  KernelSpace* kernel_;
  std::uint64_t address_;
  std::int64_t size_;
};

}  // namespace heapviz::io
