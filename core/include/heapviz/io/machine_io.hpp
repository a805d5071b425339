#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "heapviz/heap/step.hpp"
#include "heapviz/io/io_recorder.hpp"
#include "heapviz/io/io_spaces.hpp"

/// The io classes on the Machine: each call works on a copy of the machine's IoSpaces and turns every
/// sub-step (temporary buffer get/offer/free, bounce copy, syscall, position change, mmap, exception)
/// into one trace step with narration, whose only effect is `io_state` (publishing the io state after
/// the sub-step). Buffers and their bytes belong to the DirectBufferHost the caller passes (the
/// machine's DirectByteBuffers: Bits, Unsafe, Cleaner), which records its own effects.
/// Channel ids are the machine's; the interpreter maps each FileChannel object to its id.
namespace heapviz::io::on_machine {

/// What a step's narration can name besides the event itself: the buffers by their Java names, the
/// file(s) a syscall used, and the byte ranges it moved (io_ranges.hpp). Empty fields are left out.
struct NarrationFacts {
  std::string buffer;  ///< IoEvent::buffer, e.g. "DirectByteBuffer#4"
  std::string other;   ///< IoEvent::other (the heap buffer of a bounce copy)
  std::string file;    ///< the file a syscall read or wrote ("bounce.bin"); a pipe/socket: ""
  std::string target;  ///< sendfile: the target file ("" for a pipe/socket)
  std::vector<ByteRange> ranges;
};

/// Step kind and narration (English, Simplified Chinese, and a JDK-internals line) of a sub-step.
StepKind step_kind_of(const IoEvent& e);
Narration narrate(const IoEvent& e, const NarrationFacts& facts = {});
/// The sentence a position change adds when it is folded into the copy step that caused it.
Narration narrate_folded_position(const IoEvent& e, const std::string& buffer);

/// FileChannel.open(path, options) on `thread`; returns the channel id. Throws JavaException.
std::uint32_t open(IoRecorder& r, DirectBufferHost& host, const std::string& thread, const std::string& path,
                   OpenOptions options);
/// write(src) / write(src, position): IOUtil.write with the bounce through a temporary buffer for heap
/// sources.
int write(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
          IoBuffer src, std::optional<std::int64_t> position = std::nullopt);
/// read(dst) / read(dst, position); -1 at end of file.
int read(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
         IoBuffer dst, std::optional<std::int64_t> position = std::nullopt);
/// Gathering write / scattering read.
std::int64_t write(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
                   std::span<IoBuffer> srcs);
std::int64_t read(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
                  std::span<IoBuffer> dsts);
/// transferTo(position, count, target channel).
std::int64_t transfer_to(IoRecorder& r, DirectBufferHost& host, const std::string& thread,
                         std::uint32_t channel, std::int64_t position, std::int64_t count,
                         std::uint32_t target);
/// map(mode, position, size): the MappedBuffer (its bytes: MappedByteStore over the machine's kernel).
MappedBuffer map(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
                 MapMode mode, std::int64_t position, std::int64_t size);
/// The mapped buffer's Cleaner (after GC) or Unsafe.invokeCleaner: munmap and the pool goes down.
void unmap(IoRecorder& r, DirectBufferHost& host, const std::string& thread, MappedBuffer& buffer);
void force(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
           bool meta_data);
std::int64_t position(IoRecorder& r, DirectBufferHost& host, const std::string& thread,
                      std::uint32_t channel);
void set_position(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
                  std::int64_t p);
std::int64_t size(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel);
void truncate(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
              std::int64_t size);
void close(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel);
/// The kernel's flusher thread writes every dirty file back: one `writeback` step per file.
void writeback(IoRecorder& r);
/// Makes `state` the machine's io state: appends it to io_history and applies the effect `io_state`
/// (inside the caller's open step).
void publish_io_state(IoRecorder& r, const IoSpaces& state);
/// A Java thread terminates: its cached temporary buffers are freed (one step each).
void thread_exit(IoRecorder& r, DirectBufferHost& host, const std::string& thread);

}  // namespace heapviz::io::on_machine
