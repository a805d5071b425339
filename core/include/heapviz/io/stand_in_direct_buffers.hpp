#pragma once
#include <cstdint>
#include <map>
#include <memory>

#include "heapviz/io/direct_buffer_host.hpp"
#include "heapviz/nio/native_memory.hpp"
#include "heapviz/nio/unsafe_memory.hpp"

namespace heapviz::io {

/// The `direct` BufferPoolMXBean: Bits.COUNT, Bits.RESERVED_MEMORY (memoryUsed), Bits.TOTAL_CAPACITY.
struct DirectPoolCounters {
  std::int64_t count = 0;
  std::int64_t memory_used = 0;
  std::int64_t total_capacity = 0;
  bool operator==(const DirectPoolCounters&) const = default;
};

/// A stand-in for the machine's DirectByteBuffers, for unit tests and the differential runner until the
/// lead wires DirectBufferHost to the real construction: reproduces the Bits accounting of JDK 17
/// (size = max(1, cap), the limit checked against total capacity, the OOM message) over a NativeMemory
/// with real bytes, zero-filled like Unsafe.setMemory. Not modelled: the System.gc() and the 0.5 s
/// back-off before the OOM (nothing here is garbage: buffers die only by free()), page alignment.
class StandInDirectBuffers final : public DirectBufferHost {
 public:
  /// `max_direct_memory`: -XX:MaxDirectMemorySize (Bits.MAX_MEMORY).
  explicit StandInDirectBuffers(std::int64_t max_direct_memory = std::int64_t{1} << 40);

  BufferId allocate_direct(int capacity) override;
  void free(BufferId id) override;
  IoBuffer buffer(BufferId id) override;

  /// A view (slice, duplicate, asReadOnlyBuffer) of buffer `of`: a new id sharing its memory, no
  /// accounting, no cleaner.
  BufferId add_view(BufferId of, const nio::BufferState& state);
  bool is_live(BufferId id) const;
  const DirectPoolCounters& pool() const { return pool_; }
  std::int64_t max_direct_memory() const { return max_; }
  const nio::NativeMemory& memory() const { return memory_; }

 private:
  struct Entry {
    nio::BufferState state;
    BufferId root = 0;            // itself for a root
    nio::NativeAddress base = 0;  // malloc'd block (roots)
    std::int64_t size = 0;        // reserved bytes (roots)
    bool live = true;
    std::shared_ptr<nio::NativeByteStore> store;
  };
  nio::NativeMemory memory_;
  std::map<BufferId, Entry> entries_;
  DirectPoolCounters pool_;
  std::int64_t max_;
  BufferId next_id_ = 1;
};

}  // namespace heapviz::io
