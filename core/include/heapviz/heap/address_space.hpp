#pragma once
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#include "heapviz/heap/cow_pages.hpp"

namespace heapviz::heap {

static_assert(std::endian::native == std::endian::little,
              "heap bytes are stored in host order; x86-64 is little-endian");

/// Identifies an address space in a Machine (the Java heap now; native, kernel, device later).
enum class SpaceId : std::uint8_t { java_heap = 0, native = 1, kernel = 2, device = 3 };
std::string_view space_name(SpaceId id);

/// A byte-addressed range [base, base+size) holding real bytes, little-endian like x86-64.
/// Copy is cheap (copy-on-write 4 KiB pages); bytes never written read as zero.
class AddressSpace {
 public:
  AddressSpace() = default;
  AddressSpace(SpaceId id, std::uint64_t base, std::uint64_t size) : id_(id), base_(base), bytes_(size) {}

  SpaceId id() const { return id_; }
  std::uint64_t base() const { return base_; }
  std::uint64_t size() const { return bytes_.size(); }
  std::uint64_t end() const { return base_ + bytes_.size(); }
  /// True if [addr, addr+len) lies inside the space.
  bool contains(std::uint64_t addr, std::uint64_t len = 1) const {
    return addr >= base_ && len <= size() && addr - base_ <= size() - len;
  }

  HEAPVIZ_INLINE void read(std::uint64_t addr, void* out, std::size_t len) const {
    bytes_.read(addr - base_, static_cast<std::uint8_t*>(out), len);
  }
  HEAPVIZ_INLINE void write(std::uint64_t addr, const void* in, std::size_t len) {
    bytes_.write(addr - base_, static_cast<const std::uint8_t*>(in), len);
  }
  /// memmove inside the space.
  HEAPVIZ_INLINE void move(std::uint64_t to, std::uint64_t from, std::size_t len) {
    bytes_.move(to - base_, from - base_, len);
  }
  void zero(std::uint64_t addr, std::size_t len) { bytes_.fill(addr - base_, 0, len); }

  /// Prefetch hint for addr (ignored outside the space).
  HEAPVIZ_INLINE void prefetch(std::uint64_t addr, bool for_write = false) const {
    if (addr >= base_) bytes_.prefetch(addr - base_, for_write);
  }
  HEAPVIZ_INLINE std::uint8_t read_u8(std::uint64_t addr) const { return bytes_.get(addr - base_); }
  HEAPVIZ_INLINE std::uint32_t read_u32(std::uint64_t addr) const { return read_le<std::uint32_t>(addr); }
  HEAPVIZ_INLINE std::uint64_t read_u64(std::uint64_t addr) const { return read_le<std::uint64_t>(addr); }
  HEAPVIZ_INLINE void write_u32(std::uint64_t addr, std::uint32_t v) { write_le(addr, v); }
  HEAPVIZ_INLINE void write_u64(std::uint64_t addr, std::uint64_t v) { write_le(addr, v); }

  bool operator==(const AddressSpace& o) const {
    return id_ == o.id_ && base_ == o.base_ && bytes_ == o.bytes_;
  }
  std::size_t owned_bytes() const { return bytes_.owned_bytes(); }

 private:
  template <class T>
  HEAPVIZ_INLINE T read_le(std::uint64_t addr) const {
    T v;
    bytes_.read(addr - base_, reinterpret_cast<std::uint8_t*>(&v), sizeof v);  // host is little-endian
    return v;
  }
  template <class T>
  HEAPVIZ_INLINE void write_le(std::uint64_t addr, T v) {
    bytes_.write(addr - base_, reinterpret_cast<const std::uint8_t*>(&v), sizeof v);
  }

  SpaceId id_ = SpaceId::java_heap;
  std::uint64_t base_ = 0;
  CowPages<std::uint8_t, 12> bytes_;
};

}  // namespace heapviz::heap
