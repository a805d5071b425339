#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "heapviz/nio/buffer_state.hpp"
#include "heapviz/nio/byte_store.hpp"

namespace heapviz::io {

class KernelSpace;

/// The id of a Java ByteBuffer object as the owner of buffers numbers them (the machine: its object id).
using BufferId = std::uint32_t;

/// A buffer as the I/O code sees it: its Java state, the store of its root (a `byte[]` or a native
/// block) and the root's address, for the syscall's `address + position` and for drawing.
struct IoBuffer {
  BufferId id = 0;
  nio::BufferState* state = nullptr;
  nio::ByteStore* root = nullptr;
  /// Direct: the native address of the root block (Buffer.address = root_address + offset).
  /// Heap: the address of the `byte[]`'s first element now (only for drawing; it moves with GC).
  std::uint64_t root_address = 0;

  bool is_direct() const { return state->is_direct(); }
  /// The address a syscall gets for element `index` of this buffer (direct buffers only).
  std::uint64_t address_of(int index) const {
    return root_address + static_cast<std::uint64_t>(state->offset) + static_cast<std::uint64_t>(index);
  }
};

/// How the I/O code creates and frees the temporary direct buffers of sun.nio.ch.Util, so the owner
/// of buffers (the machine) can do the real DirectByteBuffer construction: Bits.reserveMemory ->
/// Unsafe.allocateMemory -> setMemory -> Cleaner.create, and Cleaner.clean -> freeMemory ->
/// Bits.unreserveMemory. Temporary buffers are ordinary direct buffers: they count in the `direct`
/// pool and against MaxDirectMemorySize.
class DirectBufferHost {
 public:
  virtual ~DirectBufferHost() = default;
  /// ByteBuffer.allocateDirect(capacity) from I/O code. Throws JavaException (the OutOfMemoryError
  /// "Cannot reserve N bytes of direct buffer memory (allocated: R, limit: L)").
  virtual BufferId allocate_direct(int capacity) = 0;
  /// ((DirectBuffer) buf).cleaner().clean(): frees the native block and unreserves it at once.
  virtual void free(BufferId id) = 0;
  /// The live buffer `id`; its pointers stay valid until the next allocate_direct or free.
  virtual IoBuffer buffer(BufferId id) = 0;
  /// The kernel an I/O call works on (its working copy), or nullptr when the call ends: the bytes of a
  /// MappedByteBuffer are that kernel's page-cache pages. Hosts without mapped buffers ignore it.
  virtual void attach_kernel(KernelSpace* kernel) { (void)kernel; }

  // For the steps of an I/O call (the machine's recorder uses them; stand-ins keep the defaults).
  /// Writes the buffers' changed position/limit/mark into their objects inside the step the caller has
  /// open, so each step shows the fields as the JDK has them then. Returns the buffers written.
  virtual std::vector<BufferId> sync_fields() { return {}; }
  /// The objects a step about buffer `id` touches: the buffer and, for a heap buffer, its byte[].
  virtual std::vector<std::uint32_t> objects_of(BufferId id) { return {id}; }
  /// How narration names buffer `id` ("HeapByteBuffer#1").
  virtual std::string name_of(BufferId id) { return "buffer #" + std::to_string(id); }
};

}  // namespace heapviz::io
