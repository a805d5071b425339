#pragma once
// Lesson 06's two "what if the kernel got the heap array's address" modes, as facts the view shows:
// where the kernel read each chunk, where the array is now, and which bytes reached the file wrong.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace heapviz::io {

/// Which story a heap-buffer FileChannel.write tells (the JDK's own answer, the bounce copy, is the default).
enum class HeapWriteMode : std::uint8_t {
  /// HYPOTHETICAL, NOT WHAT THE JDK DOES: the kernel gets the byte[]'s heap address, a compacting GC moves
  /// the array mid-copy, the later chunks are read from the old address.
  os_reads_heap,
  /// What JNI code with GetPrimitiveArrayCritical does (FileChannel.write does not): the array is used in
  /// place inside a critical region; GCLocker makes a GC wait until the region ends.
  pin_heap_array,
};

/// One chunk the kernel copied from user memory (copy_from_user of one piece of a single write).
struct HeapWriteChunk {
  std::int64_t offset = 0;  ///< offset in the written range (and in the file, from `file_offset`)
  std::int64_t length = 0;
  std::uint64_t read_from = 0;  ///< the Java heap address the kernel read
  bool copied = false;          ///< done at this step
  bool after_gc = false;        ///< copied after the GC ran
  bool stale = false;           ///< read from where the array no longer was (the GC had moved it)
  std::int64_t wrong = 0;       ///< bytes of this chunk that differ from what the program wrote
  bool operator==(const HeapWriteChunk&) const = default;
};

/// A run of consecutive wrong bytes in the file.
struct WrongBytes {
  std::int64_t offset = 0;  ///< offset in the written range (file offset = file_offset + offset)
  std::int64_t length = 0;
  std::uint64_t read_from = 0;         ///< old address the kernel read them from (Java heap)
  std::uint64_t array_now = 0;         ///< where the array's bytes for this range are now (Java heap)
  std::vector<std::uint8_t> expected;  ///< what the program wrote (the array's bytes when write() was called)
  std::vector<std::uint8_t> received;  ///< what the file got
  bool operator==(const WrongBytes&) const = default;
};

/// Where some of the written bytes sit in the page cache: `length` bytes from kernel address
/// `kernel_address` hold the written range's bytes [offset, offset + length).
struct CachedBytes {
  std::int64_t offset = 0;
  std::int64_t length = 0;
  std::uint64_t kernel_address = 0;
  bool operator==(const CachedBytes&) const = default;
};

/// One heap-address write in progress or done (IoSpaces::heap_write, View::heap_address_write).
struct HeapAddressWrite {
  HeapWriteMode mode = HeapWriteMode::os_reads_heap;
  std::uint32_t channel = 0;
  std::string file;                 ///< the channel's path
  std::int64_t file_offset = 0;     ///< where in the file the write starts
  std::uint32_t array = 0;          ///< the byte[]'s object id
  std::uint64_t address_given = 0;  ///< the address the kernel was handed (array element `position`)
  std::uint64_t array_now = 0;      ///< the same element's address now (differs after the GC moved it;
                                    ///< the view reads it from the heap at every step)
  std::uint64_t data_offset = 0;    ///< address_given minus the array object's address
  std::int64_t length = 0;
  std::vector<HeapWriteChunk> chunks;     ///< all planned chunks; `copied` says which are done
  std::vector<WrongBytes> wrong;          ///< runs of wrong bytes so far
  std::int64_t wrong_bytes = 0;           ///< their total
  std::vector<CachedBytes> wrong_cached;  ///< the wrong runs where the page cache holds them, split at pages
  bool gc_ran = false;                    ///< the GC in the middle (os-reads-heap) or after (pin) has run
  bool in_critical = false;               ///< pin-heap-array: inside the JNI critical region
  bool gc_waiting = false;  ///< pin-heap-array: a GC was requested and waits for the region to end
  bool finished = false;    ///< write() has returned
  bool operator==(const HeapAddressWrite&) const = default;
};

/// Runs of positions where `received` differs from `expected` (same size), starting at `offset`;
/// read_from / array_now are `old_base + i` / `new_base + i` for the run's first byte i.
std::vector<WrongBytes> wrong_runs(std::span<const std::uint8_t> expected,
                                   std::span<const std::uint8_t> received, std::int64_t offset,
                                   std::uint64_t old_base, std::uint64_t new_base);

/// The copied chunk whose source range holds Java heap address `heap_addr`, or null.
const HeapWriteChunk* chunk_read_at(const HeapAddressWrite& w, std::uint64_t heap_addr);

/// The kernel addresses in [addr, addr + len) that hold wrong bytes of `w`, as (first, length) pieces in
/// address order (the inspector highlights these bytes of a page-cache page).
std::vector<std::pair<std::uint64_t, std::uint64_t>> wrong_kernel_bytes(const HeapAddressWrite& w,
                                                                        std::uint64_t addr,
                                                                        std::uint64_t len);

}  // namespace heapviz::io
