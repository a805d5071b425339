#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace heapviz::nio {

/// The bytes behind a buffer, seen from the buffer's root: the elements of a heap buffer's `byte[]`
/// or a direct buffer's native block. Buffers never own bytes; every read and write goes through this
/// interface so the machine can resolve the current address (a GC may move a `byte[]`) and record a step.
///
/// Wiring: for a heap buffer, an adapter whose index i is element i of the `hb` array object, looked up
/// by object id at each call (never by a cached address); for a direct buffer, NativeByteStore on the
/// root's native block (unsafe_memory.hpp). Views use their root's store plus BufferState::offset.
class ByteStore {
 public:
  virtual ~ByteStore() = default;
  /// Length in bytes (the array length, or the block's usable size).
  virtual std::int64_t size() const = 0;
  /// Copies `out.size()` bytes starting at `index` into `out`. The caller has checked the bounds.
  virtual void read(std::int64_t index, std::span<std::byte> out) = 0;
  /// Copies `in` to `index`, `index + in.size()`. The caller has checked the bounds.
  virtual void write(std::int64_t index, std::span<const std::byte> in) = 0;
};

/// Copies `count` bytes from `src[src_index..]` to `dst[dst_index..]` with memmove semantics (the stores
/// may be the same and the ranges may overlap), as `Unsafe.copyMemory` / `System.arraycopy` do.
void copy_bytes(ByteStore& src, std::int64_t src_index, ByteStore& dst, std::int64_t dst_index,
                std::int64_t count);

/// A plain in-memory store, for tests, for the differential runner and for Java arrays outside the heap.
class VectorByteStore final : public ByteStore {
 public:
  /// `size` zero bytes, like a new `byte[size]`.
  explicit VectorByteStore(std::size_t size = 0) : bytes_(size) {}
  explicit VectorByteStore(std::vector<std::byte> bytes) : bytes_(std::move(bytes)) {}

  std::int64_t size() const override { return static_cast<std::int64_t>(bytes_.size()); }
  void read(std::int64_t index, std::span<std::byte> out) override;
  void write(std::int64_t index, std::span<const std::byte> in) override;

  /// The bytes themselves, for inspection.
  const std::vector<std::byte>& bytes() const { return bytes_; }

 private:
  std::vector<std::byte> bytes_;
};

}  // namespace heapviz::nio
