#pragma once
// The recorder as the nio layer sees it: heap::HeapRecorder whose machine is the nio part, plus the two
// things nio needs from the I/O layer above it for MappedByteBuffers (their bytes are page-cache pages,
// their Cleaner runs an Unmapper). The layer above implements them; nio never includes io.
#include <cstdint>
#include <memory>
#include <string>

#include "heapviz/heap/recorder.hpp"
#include "heapviz/nio/byte_store.hpp"
#include "heapviz/nio/nio_machine.hpp"

namespace heapviz::nio {

namespace detail {

/// What a store did, for the narration.
struct Touched {
  heap::SpaceId space = heap::SpaceId::java_heap;
  std::uint64_t first = 0;
  std::uint64_t written = 0, read = 0;
};

/// A ByteStore that counts what it read and wrote (see Touched).
class TouchedStore : public ByteStore {
 public:
  const Touched& touched() const { return touched_; }

 protected:
  Touched touched_;
};

}  // namespace detail

class NioRecorder : public heap::HeapRecorder {
 public:
  NioMachine& machine() { return static_cast<NioMachine&>(HeapRecorder::machine()); }
  const NioMachine& machine() const { return static_cast<const NioMachine&>(HeapRecorder::machine()); }

  /// The page-cache bytes of a mapped buffer: `size` bytes from user address `address` inside a mapping
  /// (a write is a CPU store that dirties the page; a read may fault pages in).
  virtual std::unique_ptr<detail::TouchedStore> mapped_store(std::uint64_t address, std::int64_t size) = 0;
  /// A Cleaner's thunk when it is a FileChannelImpl$DefaultUnmapper: Unmapper.unmap() on `thread`.
  /// False if `thunk` is not an Unmapper.
  virtual bool run_unmapper(heap::ObjectId thunk, const std::string& thread) = 0;

 protected:
  NioRecorder(NioMachine& m, StepLog* log) : HeapRecorder(m, log) {}
};

}  // namespace heapviz::nio
