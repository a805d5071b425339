#pragma once
// The nio part of the simulated machine: native memory (the C heap), java.nio.Bits, the "mapped" pool
// and simulated time, on top of the Java heap's part. The engine's Machine derives from it (through the
// io part), so code of this layer reads and changes a Machine through this part only.
#include <cstdint>

#include "heapviz/heap/heap_machine.hpp"
#include "heapviz/nio/native_memory.hpp"
#include "heapviz/nio/nio_state.hpp"

namespace heapviz::nio {

struct NioMachine : heap::HeapMachine {
  /// An empty heap and C heap; throws SettingsError if the heap settings are invalid.
  NioMachine(const heap::HeapSettings& h, const NioSettings& n);

  NioSettings nio_settings;  ///< MaxDirectMemorySize, page alignment, DisableExplicitGC ...
  /// The C heap (SpaceId::native): DirectByteBuffer memory, never moved by a GC (bytes in
  /// copy-on-write pages, so checkpoints stay cheap).
  NativeMemory native;
  BitsState bits;              ///< java.nio.Bits: the "direct" pool and the MaxDirectMemorySize limit
  PoolCounters mapped;         ///< the "mapped" pool (FileChannel.map; changed by the I/O side)
  std::uint64_t clock_ms = 0;  ///< simulated time (Thread.sleep in Bits.reserveMemory's back-off)
};

}  // namespace heapviz::nio
