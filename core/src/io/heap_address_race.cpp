// The hypothetical heap-address syscall racing a compacting GC, and the bounce copy that prevents it.
#include "heapviz/io/heap_address_race.hpp"

#include <algorithm>

namespace heapviz::io {

namespace {

/// Copies `length` bytes in chunks from `source(offset)`, running `gc` after `gc_after_chunks` chunks.
template <class ReadChunk>
RaceOutcome chunked_write(KernelSpace& kernel, Fd fd, std::int64_t length, std::int64_t chunk_size,
                          int gc_after_chunks, const std::function<void()>& gc, ReadChunk read_chunk) {
  RaceOutcome out;
  int done_chunks = 0;
  bool gc_done = false;
  for (std::int64_t offset = 0; offset < length; offset += chunk_size) {
    if (done_chunks == gc_after_chunks && !gc_done) {
      gc();  // the thread is "in native" during the syscall: a safepoint can run a compacting GC
      gc_done = true;
    }
    RaceChunk c;
    c.offset = offset;
    c.length = std::min(chunk_size, length - offset);
    c.after_gc = gc_done;
    std::vector<std::byte> bytes(static_cast<std::size_t>(c.length));
    c.read_from = read_chunk(offset, bytes);
    c.call = kernel.write(fd, c.read_from, bytes);
    out.written.insert(out.written.end(), bytes.begin(), bytes.end());
    out.chunks.push_back(c);
    ++done_chunks;
  }
  return out;
}

void find_corruption(RaceOutcome& out) {
  for (std::size_t i = 0; i < out.written.size(); ++i)
    if (out.written[i] != out.intended[i]) out.corrupted.push_back(static_cast<std::int64_t>(i));
}

}  // namespace

RaceOutcome hypothetical_write_from_heap_address(KernelSpace& kernel, Fd fd, const RawMemory& heap,
                                                 std::uint64_t array_address, std::int64_t length,
                                                 std::int64_t chunk_size, int gc_after_chunks,
                                                 const std::function<void()>& gc) {
  std::vector<std::byte> intended(static_cast<std::size_t>(length));
  heap.read(array_address, intended);
  // The kernel only has the address it was given: it keeps reading there after the array moved.
  RaceOutcome out = chunked_write(kernel, fd, length, chunk_size, gc_after_chunks, gc,
                                  [&](std::int64_t offset, std::span<std::byte> bytes) {
                                    const std::uint64_t at = array_address + static_cast<std::uint64_t>(offset);
                                    heap.read(at, bytes);
                                    return at;
                                  });
  out.intended = std::move(intended);
  find_corruption(out);
  return out;
}

RaceOutcome bounce_write(KernelSpace& kernel, Fd fd, const RawMemory& heap, std::uint64_t array_address,
                         std::int64_t length, std::int64_t chunk_size, int gc_after_chunks,
                         const std::function<void()>& gc) {
  std::vector<std::byte> native(static_cast<std::size_t>(length));
  heap.read(array_address, native);  // the bounce copy, finished before the syscall starts
  constexpr std::uint64_t kNativeAddress = 0x7f3a00001000;  // where the temporary buffer would be
  RaceOutcome out = chunked_write(kernel, fd, length, chunk_size, gc_after_chunks, gc,
                                  [&](std::int64_t offset, std::span<std::byte> bytes) {
                                    std::copy_n(native.begin() + offset, bytes.size(), bytes.begin());
                                    return kNativeAddress + static_cast<std::uint64_t>(offset);
                                  });
  out.intended = native;
  find_corruption(out);
  return out;
}

}  // namespace heapviz::io
