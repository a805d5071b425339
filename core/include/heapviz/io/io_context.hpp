#pragma once
#include <functional>
#include <string>
#include <vector>

#include "heapviz/io/direct_buffer_host.hpp"
#include "heapviz/io/io_counters.hpp"
#include "heapviz/io/io_events.hpp"
#include "heapviz/io/kernel_space.hpp"
#include "heapviz/io/temp_buffer_cache.hpp"

namespace heapviz::io {

/// The `mapped` BufferPoolMXBean (FileChannelImpl.Unmapper's static counters).
struct MappedPoolCounters {
  std::int64_t count = 0;
  std::int64_t memory_used = 0;     ///< sum of mapSize (size + pagePosition)
  std::int64_t total_capacity = 0;  ///< sum of size
  bool operator==(const MappedPoolCounters&) const = default;
};

/// JVM-wide static state of the channel classes.
struct ChannelStatics {
  MappedPoolCounters mapped;
  bool transfer_supported = true;  ///< FileChannelImpl.transferSupported (sticky)
  bool file_supported = true;      ///< FileChannelImpl.fileSupported: sendfile to a file works (sticky)
  bool operator==(const ChannelStatics&) const = default;
};

/// Everything an I/O operation touches, by reference: the kernel (and its device), the per-thread
/// temporary-buffer caches, the owner of direct buffers, the counters, and the list the operation
/// appends its sub-steps to. `thread` names the Java thread making the call.
struct IoContext {
  KernelSpace& kernel;
  TemporaryBuffers& temporaries;
  DirectBufferHost& buffers;
  IoCounters& counters;
  std::vector<IoEvent>& events;
  ChannelStatics& statics;
  std::string thread = "main";
  /// Called after each sub-step is appended (the machine turns each into a trace step); may be empty.
  std::function<void(const IoEvent&)> on_event;
  /// Called where a new sub-step is about to change something (before the change and its event), so a
  /// recorder can end the previous step with exactly that step's changes; may be empty.
  std::function<void()> on_boundary;

  /// A new sub-step begins here (see on_boundary).
  void boundary() {
    if (on_boundary) on_boundary();
  }

  /// Appends a sub-step and tells on_event.
  void emit(const IoEvent& e) {
    events.push_back(e);
    if (on_event) on_event(events.back());
  }

  /// Records a syscall: counts it and appends a syscall event (`buffer`: the one user buffer it used, if
  /// any).
  void syscall(const SyscallRecord& call, BufferId buffer = 0);
  /// Appends a position/limit change of `buffer`.
  void position(BufferId buffer, const char* field, int old_value, int new_value);
  /// Appends an exception event and throws it as JavaException.
  [[noreturn]] void raise(const std::string& class_name, const std::optional<std::string>& message);
};

}  // namespace heapviz::io
