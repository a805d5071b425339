#pragma once
// The nio part of the machine's state and settings: java.nio.Bits counters, the "mapped" pool and the
// flags the nio side owns. Plain data, so a Machine copy (a checkpoint) copies them for free.
#include <cstdint>

namespace heapviz::nio {

/// Settings of the simulated java.nio, from JVM flags (jvm_flags.hpp).
struct NioSettings {
  std::uint64_t max_direct_memory =
      0;  ///< -XX:MaxDirectMemorySize (0 and not set = default = Runtime.maxMemory())
  /// True when -XX:MaxDirectMemorySize was given: then even 0 is the limit (the JDK passes an explicit
  /// value on, and VM.maxDirectMemory() uses it; checked: allocateDirect(1) fails with "limit: 0").
  bool max_direct_memory_set = false;
  bool page_align_direct = false;    ///< -Dsun.nio.PageAlignDirectMemory=true
  bool disable_explicit_gc = false;  ///< -XX:+DisableExplicitGC (System.gc() does nothing)
  std::int64_t max_cached_buffer_size =
      -1;  ///< -Djdk.nio.maxCachedBufferSize (-1 = not given; for the I/O side)
  std::uint64_t native_capacity = std::uint64_t{64}
                                  << 20;  ///< size of the simulated C heap (Unable to allocate beyond)
  std::uint64_t page_size = 4096;         ///< Bits.pageSize() (x86_64 Linux)
  bool operator==(const NioSettings&) const = default;
};

/// java.nio.Bits' static state (the "direct" BufferPoolMXBean reads count, reserved, total_capacity).
struct BitsState {
  std::int64_t count = 0;            ///< COUNT
  std::int64_t reserved_memory = 0;  ///< RESERVED_MEMORY (getMemoryUsed)
  std::int64_t total_capacity = 0;   ///< TOTAL_CAPACITY (the limit is checked against this)
  std::int64_t max_memory = 0;       ///< MAX_MEMORY (VM.maxDirectMemory())
  bool memory_limit_set = false;     ///< MEMORY_LIMIT_SET: the first reserveMemory re-reads the limit
  bool operator==(const BitsState&) const = default;
};

/// Counters of a pool that is not Bits (the "mapped" pool of FileChannelImpl, for the I/O side).
struct PoolCounters {
  std::int64_t count = 0;
  std::int64_t memory_used = 0;
  std::int64_t total_capacity = 0;
  bool operator==(const PoolCounters&) const = default;
};

/// Which pool a bits_add effect changes (Effect::small).
enum class PoolId : std::uint8_t { direct = 0, mapped = 1 };

}  // namespace heapviz::nio
