#pragma once
// The interpreter's door to the I/O model (heapviz/io/machine_io.hpp): FileChannel calls on the machine,
// with the machine's ByteBuffer objects as the buffers (nio::MachineBufferHost). Channels are named by
// the machine's channel ids; the interpreter keeps FileChannel and Path objects off the heap.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "heapviz/engine/trace.hpp"
#include "heapviz/io/heap_address_write.hpp"
#include "heapviz/lang/hypotheticals.hpp"
#include "heapviz/engine/trace.hpp"

namespace heapviz::lang::interp {

/// FileChannel.open(Path.of(path), options...); options are enum names ("CREATE"). Throws JavaException.
std::uint32_t channel_open(Recorder& r, const std::string& thread, const std::string& path,
                           const std::vector<std::string>& options);
int channel_write(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer);
int channel_read(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer,
                 std::optional<std::int64_t> position);
std::int64_t channel_size(Recorder& r, const std::string& thread, std::uint32_t ch);
std::int64_t channel_position(Recorder& r, const std::string& thread, std::uint32_t ch);
void channel_force(Recorder& r, const std::string& thread, std::uint32_t ch, bool meta_data);
std::int64_t channel_transfer_to(Recorder& r, const std::string& thread, std::uint32_t ch,
                                 std::int64_t position, std::int64_t count, std::uint32_t target);
/// The heap-buffer write mode the run's hypotheticals ask for (os_reads_heap, pin_heap_array), if any.
std::optional<io::HeapWriteMode> heap_write_mode(const std::vector<Hypothetical>& hypotheticals);
/// FileChannel.write(buffer) in a lesson-06 mode (io/machine_heap_write.hpp); nullopt when this write does
/// not take that path (a direct buffer, nothing remaining, a closed or read-only channel): then call
/// channel_write.
std::optional<int> channel_write_heap_address(Recorder& r, const std::string& thread, std::uint32_t ch,
                                              heap::ObjectId buffer, io::HeapWriteMode mode);
void channel_close(Recorder& r, const std::string& thread, std::uint32_t ch);
/// FileChannel.map(mode, position, size): the mmap (io steps) and the MappedByteBuffer object with its
/// FileDescriptor, DefaultUnmapper and Cleaner. `mode` is "READ_ONLY", "READ_WRITE" or "PRIVATE".
/// Returns the buffer object (not rooted). Throws JavaException.
heap::ObjectId channel_map(Recorder& r, const std::string& thread, std::uint32_t ch, const std::string& mode,
                           std::int64_t position, std::int64_t size);
/// write(src, position): pwrite at `position`; the channel's position does not move.
int channel_write_at(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer,
                     std::int64_t position);
/// Gathering write(srcs[offset .. offset+length)) / scattering read(dsts[...]): writev / readv, one
/// temporary direct buffer per heap buffer (IOUtil). The buffers are the array's elements, non-null.
std::int64_t channel_write_gather(Recorder& r, const std::string& thread, std::uint32_t ch,
                                  const std::vector<heap::ObjectId>& buffers);
std::int64_t channel_read_scatter(Recorder& r, const std::string& thread, std::uint32_t ch,
                                  const std::vector<heap::ObjectId>& buffers);
void channel_truncate(Recorder& r, const std::string& thread, std::uint32_t ch, std::int64_t size);
void channel_set_position(Recorder& r, const std::string& thread, std::uint32_t ch, std::int64_t position);
/// A Java thread's body ended: its cached temporary buffers are freed (TerminatingThreadLocal).
void io_thread_exit(Recorder& r, const std::string& thread);

}  // namespace heapviz::lang::interp
