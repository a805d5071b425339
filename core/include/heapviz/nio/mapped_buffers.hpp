#pragma once
// MappedByteBuffers on the simulated machine (FileChannel.map, JDK 17): the heap objects the JDK builds
// after mmap (a FileDescriptor, a FileChannelImpl$DefaultUnmapper that counts the mapping in the
// "mapped" pool, the DirectByteBuffer(R) itself and its Cleaner whose thunk is the Unmapper), and the
// page-cache bytes behind them. Unmapping is the direct buffers' path: GC -> pending Cleaner ->
// Reference Handler -> Cleaner.clean() -> thunk.run(), here Unmapper.unmap(): munmap, pool down.
#include <cstdint>

#include "heapviz/engine/trace.hpp"
#include "heapviz/io/file_channel.hpp"

namespace heapviz::nio {

/// Util.newMappedByteBuffer (or newMappedByteBufferR for a read-only mapping) for the mapping `m` that
/// io::on_machine::map made; `thread` names the calling Java thread (its constructor locals are roots).
/// Size 0 (no mmap): a DirectByteBuffer(R) with address 0, a dummy FileDescriptor and no Cleaner.
/// The returned object is not rooted (the caller stores it before the next allocation).
heap::ObjectId new_mapped_buffer(Recorder& r, const std::string& thread, const io::MappedBuffer& m);

/// True if `buffer` (or, for a view, its root) was made by FileChannel.map: MappedByteBuffer.fd is set.
bool is_mapped_buffer(const Machine& m, heap::ObjectId buffer);

/// MappedByteBuffer.force(): msync(MS_SYNC) over the buffer's pages (MappedMemoryUtils: from the page
/// holding `address` for pagePosition + capacity bytes); their dirty page-cache pages reach the device.
/// fd == null (a plain direct buffer) or nothing mapped: nothing happens. One step either way.
void mapped_force(Recorder& r, heap::ObjectId buffer);
/// MappedByteBuffer.load(): madvise(WILLNEED), then one load per page: missing pages are faulted in.
void mapped_load(Recorder& r, heap::ObjectId buffer);
/// MappedByteBuffer.isLoaded(): mincore says every page of the range is resident (true for fd == null or
/// an empty mapping). One step with the answer.
bool mapped_is_loaded(Recorder& r, heap::ObjectId buffer);

}  // namespace heapviz::nio
