#pragma once
#include <cstddef>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "heapviz/heap/cow_pages.hpp"

namespace heapviz::nio {

/// An address in the simulated native (C heap) address space.
using NativeAddress = std::uint64_t;

/// One chunk of the native heap, as glibc malloc lays it out on x86_64: an 8-byte size field right
/// before the 16-aligned user address; chunk sizes are multiples of 16, at least 32.
struct NativeBlock {
  std::uint64_t id = 0;          ///< stable while allocated; a free chunk gets a new id when it changes
  NativeAddress address = 0;     ///< the user address malloc returned (16-aligned)
  std::uint64_t chunk_size = 0;  ///< the whole chunk: size field + usable bytes
  std::uint64_t requested = 0;   ///< what malloc was asked for; 0 for a free chunk
  bool allocated = false;

  NativeAddress header_address() const { return address - 8; }
  /// Bytes the owner may use: chunk_size - 8 (glibc lends the next chunk's prev_size field).
  std::uint64_t usable_size() const { return chunk_size - 8; }
  bool operator==(const NativeBlock&) const = default;
};

/// The process's native heap, independent of the Java heap: a malloc-like allocator over an address
/// range that holds real bytes. Blocks never move. Best fit over free chunks (lowest address on ties),
/// splitting when the rest is a valid chunk, else carving from the top; freed chunks coalesce with
/// free neighbours and with the top. Fresh memory is zero; reused memory keeps its old bytes (zeroing
/// is the caller's step, as Unsafe.setMemory is in the JDK).
///
/// The chunk header holds `chunk_size | PREV_INUSE` (bit 0: the previous chunk is allocated, or this is
/// the first chunk), little-endian, as glibc does; free chunks' list pointers are not modelled.
/// A plain value: copying it is a checkpoint (cheap: bytes are copy-on-write pages; the block list is
/// copied).
/// glibc's default M_MMAP_THRESHOLD: a malloc of this many bytes or more gets its own mmap, and free gives
/// it back to the kernel with munmap (not to a free list). heapviz keeps such blocks in the same lane and
/// says so in the narration. (glibc raises the threshold after freeing such a chunk; not modelled.)
inline constexpr std::uint64_t kMmapThreshold = 128 * 1024;

class NativeMemory {
 public:
  static constexpr NativeAddress kDefaultBase = 0x7f3a00000000;
  static constexpr std::uint64_t kDefaultCapacity = std::uint64_t{64} << 20;
  static constexpr std::uint64_t kHeaderSize = 8;
  static constexpr std::uint64_t kAlignment = 16;
  static constexpr std::uint64_t kMinChunk = 32;

  /// An empty heap of `capacity` bytes starting at `base` (16-aligned).
  explicit NativeMemory(std::uint64_t capacity = kDefaultCapacity, NativeAddress base = kDefaultBase);

  /// The chunk size malloc uses for `bytes`: max(32, round_up(bytes + 8, 16)).
  static std::uint64_t chunk_size_for(std::uint64_t bytes);

  /// malloc(bytes): the user address, or 0 when no free chunk fits and the top has no room.
  NativeAddress malloc(std::uint64_t bytes);
  /// The address malloc(bytes) would return now (0 = it would fail), without changing anything: lets a
  /// recorder write the result into the effect before applying it.
  NativeAddress would_malloc(std::uint64_t bytes) const;
  /// free(address): 0 is a no-op. Freeing anything but a live block's address throws
  /// std::invalid_argument (a simulator bug, like glibc's "free(): invalid pointer").
  void free(NativeAddress address);

  /// Reads/writes inside one allocated block's usable bytes; anything else throws std::out_of_range.
  void read(NativeAddress address, std::span<std::byte> out) const;
  void write(NativeAddress address, std::span<const std::byte> in);
  /// Unchecked view for inspectors: any bytes in [base, base + capacity); never-touched memory reads 0.
  void peek(NativeAddress address, std::span<std::byte> out) const;

  /// All chunks from the first to the top, by address (allocated and free; the top is not a chunk).
  const std::vector<NativeBlock>& blocks() const { return blocks_; }
  /// The allocated block whose user address is `address`, or nullptr.
  const NativeBlock* find(NativeAddress address) const;
  /// The chunk (allocated or free) whose bytes include `address`, or nullptr.
  const NativeBlock* chunk_containing(NativeAddress address) const;

  NativeAddress base() const { return base_; }
  std::uint64_t capacity() const { return capacity_; }
  /// Where the next chunk would be carved from the untouched top of the heap.
  NativeAddress top() const { return top_; }
  /// Sum of the chunk sizes of allocated blocks.
  std::uint64_t allocated_bytes() const;
  std::size_t allocated_count() const;

  /// Consistency problems (overlaps, gaps, misalignment, headers that disagree, adjacent free chunks),
  /// one sentence each; empty when the heap is sound.
  std::vector<std::string> check_invariants() const;

  bool operator==(const NativeMemory&) const = default;
  /// Bytes of pages this copy owns (for Trace::memory_bytes).
  std::size_t owned_bytes() const { return bytes_.owned_bytes(); }

 private:
  std::size_t index_of_chunk(NativeAddress header) const;
  void write_header(std::size_t index);
  void write_headers_around(std::size_t index);
  const NativeBlock& checked_block(NativeAddress address, std::uint64_t count) const;

  NativeAddress base_;
  std::uint64_t capacity_;
  NativeAddress top_;  // header address of the next chunk carved from the top
  std::uint64_t next_id_ = 1;
  std::vector<NativeBlock> blocks_;  // sorted by address, contiguous from the first chunk to top_
  // The free chunks by (size, address): best fit (lowest address on ties) in O(log n), so that a program
  // holding 100,000 direct buffers does not scan them all on every allocation.
  std::set<std::pair<std::uint64_t, NativeAddress>> free_by_size_;
  // [base_, base_ + bytes_.size()): the high-water mark, in copy-on-write 4 KiB pages so that a Machine
  // copy (a trace checkpoint) shares every page it does not change.
  heap::CowPages<std::byte, 12> bytes_;
};

}  // namespace heapviz::nio
