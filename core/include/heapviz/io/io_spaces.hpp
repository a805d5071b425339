#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "heapviz/io/file_channel.hpp"
#include "heapviz/io/gc_locker.hpp"
#include "heapviz/io/heap_address_write.hpp"
#include "heapviz/io/io_context.hpp"

namespace heapviz::io {

/// I/O settings of the machine (from the lesson's JVM flags).
struct IoSettings {
  /// -Djdk.nio.maxCachedBufferSize, already parsed with parse_max_cached_buffer_size.
  std::int64_t max_cached_buffer_size = std::numeric_limits<std::int64_t>::max();
  bool operator==(const IoSettings&) const = default;
};

/// Everything of the I/O story that lives outside the Java heap and native memory: the kernel (page
/// cache, fds, pipes, sockets, mappings) and the device, the per-thread temporary-buffer caches, the
/// counters, the channels' JVM-wide statics, open FileChannels by id, and the GCLocker.
struct IoSpaces {
  KernelSpace kernel;
  TemporaryBuffers temporaries;
  IoCounters counters;
  ChannelStatics statics;
  std::map<std::uint32_t, FileChannel> channels;  ///< by channel id (the interpreter maps objects to ids)
  std::uint32_t next_channel = 1;
  GcLocker gc_locker;
  /// The latest write that handed the kernel a heap address (lesson 06's hypothetical modes only).
  std::optional<HeapAddressWrite> heap_write;
  bool operator==(const IoSpaces&) const = default;
};

/// Every published IoSpaces state, shared by all copies of a machine and only ever appended to (like the
/// class table), so the effect `io_state` can name a state by index and a checkpoint stays valid.
struct IoHistory {
  std::vector<std::shared_ptr<const IoSpaces>> states;
};

}  // namespace heapviz::io
