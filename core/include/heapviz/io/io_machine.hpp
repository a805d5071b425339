#pragma once
// The I/O part of the simulated machine: the kernel, the device, temporary-buffer caches, I/O counters
// and channels, on top of the nio part. The engine's Machine is this plus the comparison of the whole,
// so code of this layer reads and changes a Machine through this part only.
#include <memory>

#include "heapviz/io/io_spaces.hpp"
#include "heapviz/nio/nio_machine.hpp"

namespace heapviz::io {

struct IoMachine : nio::NioMachine {
  /// An empty machine; throws SettingsError if the heap settings are invalid.
  IoMachine(const heap::HeapSettings& h, const nio::NioSettings& n, const IoSettings& s);

  IoSettings io_settings;
  /// Kernel, device, temporary-buffer caches, I/O counters, channels. Immutable snapshots: the effect
  /// `io_state` replaces the pointer with a state from `io_history`; `mapped_store` changes bytes in
  /// place, after copying the state if anything else (history, a checkpoint, a copy) shares it.
  std::shared_ptr<const IoSpaces> io;
  /// Every io state published so far, shared by all copies (append-only).
  std::shared_ptr<IoHistory> io_history;
};

}  // namespace heapviz::io
