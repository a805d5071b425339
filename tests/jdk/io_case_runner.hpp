#pragma once
// Runs the I/O case language (io_case_language.md) on the simulator's standalone io classes.
#include <string>

namespace heapviz::jdk_test {

/// JVM flags the simulator understands, from a case file's "#!" line.
struct IoFlags {
  std::string max_cached_buffer_size;  ///< -Djdk.nio.maxCachedBufferSize=..., "" if absent
  bool has_max_cached_buffer_size = false;
  long long max_direct_memory =
      6320816128LL;  ///< -XX:MaxDirectMemorySize (default: this machine's maxMemory)
};

/// Parses the "#!" line's flags (other flags are ignored).
IoFlags parse_io_flags(const std::string& line);

/// The simulator's output for a whole case file, in the format IoOps.java prints.
std::string run_io_case_file(const std::string& text);

}  // namespace heapviz::jdk_test
