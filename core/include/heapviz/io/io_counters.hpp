#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace heapviz::io {

/// What the I/O paths have done so far, for the counters panel of every step's view.
/// Byte counts are cumulative; syscalls are counted by their Linux name ("write", "pread64", ...).
struct IoCounters {
  std::uint64_t bounce_heap_to_native = 0;  ///< heap buffer -> temporary direct buffer (before a write)
  std::uint64_t bounce_native_to_heap = 0;  ///< temporary direct buffer -> heap buffer (after a read)
  std::uint64_t user_to_kernel = 0;         ///< process memory -> page cache / pipe / socket buffer
  std::uint64_t kernel_to_user = 0;         ///< page cache / pipe / socket buffer -> process memory
  std::uint64_t kernel_to_device = 0;       ///< writeback / fsync of dirty pages, socket data to the peer
  std::uint64_t device_to_kernel = 0;       ///< page cache misses filled from the disk
  std::uint64_t kernel_to_kernel = 0;       ///< sendfile: page cache -> another file or a socket/pipe
  std::map<std::string, std::uint64_t> syscalls;  ///< calls by name
  std::uint64_t temp_buffers_allocated = 0;       ///< Util.getTemporaryDirectBuffer allocated a new one
  std::uint64_t temp_buffers_reused = 0;          ///< ... or took one from the thread's cache
  std::uint64_t temp_buffers_freed =
      0;  ///< a temporary buffer's cleaner ran (evicted, too large, thread exit)

  void count_syscall(const std::string& name) { ++syscalls[name]; }
  /// Calls of `name` so far (0 if never called).
  std::uint64_t syscall_count(const std::string& name) const {
    const auto it = syscalls.find(name);
    return it == syscalls.end() ? 0 : it->second;
  }
  bool operator==(const IoCounters&) const = default;
};

}  // namespace heapviz::io
