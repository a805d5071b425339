#pragma once
// The I/O model's DirectBufferHost over the machine's real ByteBuffer objects (io/direct_buffer_host.hpp):
// temporary buffers are real DirectByteBuffers (allocateDirect, counted in the direct pool) and are
// freed by running their Cleaner; every buffer the I/O code touches is loaded from its object's fields
// and its changed state is written back by commit(). One host serves one I/O call.
#include <cstdint>
#include <map>
#include <memory>

#include "heapviz/io/direct_buffer_host.hpp"
#include "heapviz/io/io_recorder.hpp"

namespace heapviz::nio {

class MachineBufferHost final : public io::DirectBufferHost {
 public:
  explicit MachineBufferHost(io::IoRecorder& r);
  ~MachineBufferHost() override;
  MachineBufferHost(const MachineBufferHost&) = delete;
  MachineBufferHost& operator=(const MachineBufferHost&) = delete;

  /// ByteBuffer.allocateDirect(capacity); the buffer is held by a system root (the thread's
  /// BufferCache keeps it reachable in the JDK) until free().
  io::BufferId allocate_direct(int capacity) override;
  /// cleaner().clean(): Deallocator.run -> freeMemory -> unreserveMemory, and the root is dropped.
  void free(io::BufferId id) override;
  /// The buffer object `id` (a heap or direct ByteBuffer). Byte writes are recorded effects (in a step
  /// of their own when the I/O code has none open); state changes reach the fields at commit().
  io::IoBuffer buffer(io::BufferId id) override;
  /// Writes changed position/limit/mark fields into the objects inside the caller's open step.
  std::vector<io::BufferId> sync_fields() override;
  /// The buffer and, for a heap buffer, its byte[].
  std::vector<std::uint32_t> objects_of(io::BufferId id) override;
  /// "HeapByteBuffer#1".
  std::string name_of(io::BufferId id) override;
  /// Writes every changed position/limit/mark back to its object: one buffer_op step per buffer (only
  /// what no I/O step has written already).
  void commit();
  /// Mapped buffers' bytes go to this kernel (the I/O call's working copy) while it is attached.
  void attach_kernel(io::KernelSpace* kernel) override { kernel_ = kernel; }

 private:
  struct Entry;
  class MappedPages;
  io::IoRecorder& r_;
  std::map<io::BufferId, std::unique_ptr<Entry>> entries_;
  io::KernelSpace* kernel_ = nullptr;
};

}  // namespace heapviz::nio
