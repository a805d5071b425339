#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "heapviz/io/kernel_space.hpp"

namespace heapviz::io {

/// Raw reads of a flat address range (the Java heap space) as the kernel would do them: no object
/// identity, just whatever bytes are at an address now. The machine backs it with its heap bytes.
class RawMemory {
 public:
  virtual ~RawMemory() = default;
  virtual void read(std::uint64_t address, std::span<std::byte> out) const = 0;
};

/// One chunk a slow syscall copied.
struct RaceChunk {
  std::int64_t offset = 0;        ///< offset in the array / file range
  std::int64_t length = 0;
  std::uint64_t read_from = 0;    ///< the address the kernel read
  bool after_gc = false;          ///< copied after the compacting GC moved the array
  SyscallRecord call;             ///< the kernel write of this chunk
};

/// What reached the file and which bytes are wrong.
struct RaceOutcome {
  std::vector<RaceChunk> chunks;
  std::vector<std::byte> intended;          ///< the array's contents when the call started
  std::vector<std::byte> written;           ///< what the file received
  std::vector<std::int64_t> corrupted;      ///< offsets where written != intended
};

/// HYPOTHETICAL, NOT WHAT THE JDK DOES: "what if the JVM gave the OS the heap array's address".
/// A slow write copies `length` bytes from `array_address` in chunks of `chunk_size`; after
/// `gc_after_chunks` chunks `gc()` runs (the machine's compacting GC moves the array); the remaining
/// chunks are still read from the old address, so the file gets whatever lives there now.
RaceOutcome hypothetical_write_from_heap_address(KernelSpace& kernel, Fd fd, const RawMemory& heap,
                                                 std::uint64_t array_address, std::int64_t length,
                                                 std::int64_t chunk_size, int gc_after_chunks,
                                                 const std::function<void()>& gc);

/// The real answer, for contrast: the bytes are first copied (in one go, before any GC can run) into
/// native memory that never moves; the same chunked syscall and the same GC then cannot corrupt them.
RaceOutcome bounce_write(KernelSpace& kernel, Fd fd, const RawMemory& heap, std::uint64_t array_address,
                         std::int64_t length, std::int64_t chunk_size, int gc_after_chunks,
                         const std::function<void()>& gc);

}  // namespace heapviz::io
