#pragma once
// The recorder as the I/O layer sees it: nio::NioRecorder whose machine is the io part. It implements
// what nio asks of the layer above for MappedByteBuffers (page-cache bytes, the Unmapper), in
// mapped_buffers.cpp.
#include <cstdint>
#include <memory>
#include <string>

#include "heapviz/io/io_machine.hpp"
#include "heapviz/nio/nio_recorder.hpp"

namespace heapviz::io {

class IoRecorder : public nio::NioRecorder {
 public:
  IoMachine& machine() { return static_cast<IoMachine&>(HeapRecorder::machine()); }
  const IoMachine& machine() const { return static_cast<const IoMachine&>(HeapRecorder::machine()); }

  std::unique_ptr<nio::detail::TouchedStore> mapped_store(std::uint64_t address, std::int64_t size) final;
  bool run_unmapper(heap::ObjectId thunk, const std::string& thread) final;

 protected:
  IoRecorder(IoMachine& m, StepLog* log) : NioRecorder(m, log) {}
};

}  // namespace heapviz::io
