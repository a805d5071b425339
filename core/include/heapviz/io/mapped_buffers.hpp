#pragma once
// MappedByteBuffers on the simulated machine (FileChannel.map, JDK 17): the heap objects the JDK builds
// after mmap (a FileDescriptor, a FileChannelImpl$DefaultUnmapper that counts the mapping in the
// "mapped" pool, the DirectByteBuffer(R) itself and its Cleaner whose thunk is the Unmapper), and the
// page-cache bytes behind them. Unmapping is the direct buffers' path: GC -> pending Cleaner ->
// Reference Handler -> Cleaner.clean() -> thunk.run(), here Unmapper.unmap(): munmap, pool down.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "heapviz/io/file_channel.hpp"
#include "heapviz/io/io_recorder.hpp"
#include "heapviz/nio/buffer_object.hpp"

namespace heapviz::nio {

/// Util.newMappedByteBuffer (or newMappedByteBufferR for a read-only mapping) for the mapping `m` that
/// io::on_machine::map made; `thread` names the calling Java thread (its constructor locals are roots).
/// Size 0 (no mmap): a DirectByteBuffer(R) with address 0, a dummy FileDescriptor and no Cleaner.
/// The returned object is not rooted (the caller stores it before the next allocation).
heap::ObjectId new_mapped_buffer(io::IoRecorder& r, const std::string& thread, const io::MappedBuffer& m);

/// True if `buffer` (or, for a view, its root) was made by FileChannel.map: MappedByteBuffer.fd is set.
bool is_mapped_buffer(const io::IoMachine& m, heap::ObjectId buffer);

/// MappedByteBuffer.force(): msync(MS_SYNC) over the buffer's pages (MappedMemoryUtils: from the page
/// holding `address` for pagePosition + capacity bytes); their dirty page-cache pages reach the device.
/// fd == null (a plain direct buffer) or nothing mapped: nothing happens. One step either way.
void mapped_force(io::IoRecorder& r, heap::ObjectId buffer);
/// MappedByteBuffer.load(): madvise(WILLNEED), then one load per page: missing pages are faulted in.
void mapped_load(io::IoRecorder& r, heap::ObjectId buffer);
/// MappedByteBuffer.isLoaded(): mincore says every page of the range is resident (true for fd == null or
/// an empty mapping). One step with the answer.
bool mapped_is_loaded(io::IoRecorder& r, heap::ObjectId buffer);

}  // namespace heapviz::nio

namespace heapviz::nio::detail {

/// The page-cache bytes of a mapped buffer: `size` bytes from user address `address` inside a mapping.
/// A write is a CPU store: it changes (and dirties) the page-cache page, recorded as a mapped_store
/// effect (just its bytes) in the open step; a read may fault a page in (then a new io state is published).
class RecordedMappedStore final : public TouchedStore {
 public:
  RecordedMappedStore(io::IoRecorder& r, std::uint64_t address, std::int64_t size);
  std::int64_t size() const override { return size_; }
  void read(std::int64_t index, std::span<std::byte> out) override;
  void write(std::int64_t index, std::span<const std::byte> in) override;

 private:
  io::IoRecorder& r_;
  std::uint64_t address_;
  std::int64_t size_;
};

/// The kernel-lane address of the page-cache byte behind user address `address` (a shared mapping whose
/// page is cached), for drawing.
std::optional<std::uint64_t> mapped_page_address(const io::IoMachine& m, std::uint64_t address);
/// `n` bytes from user address `address` as the mapping shows them now (zeros if nothing is mapped there).
std::vector<std::byte> mapped_window(const io::IoMachine& m, std::uint64_t address, std::size_t n);
/// A Cleaner's thunk when it is a FileChannelImpl$DefaultUnmapper: Unmapper.unmap() (munmap as an io
/// step, address = 0, the mapped pool goes down) on `thread`. False if `thunk` is not an Unmapper.
bool run_unmapper(io::IoRecorder& r, heap::ObjectId thunk, const std::string& thread);

}  // namespace heapviz::nio::detail
