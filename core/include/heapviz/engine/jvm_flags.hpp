#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/engine/machine.hpp"

namespace heapviz {

/// All JVM flags a lesson may give, parsed into full Settings.
struct ParsedJvmFlags {
  Settings settings;
  std::vector<std::string> unknown;   ///< flags no part of the simulator understands (the caller decides)
  std::vector<std::string> notes;     ///< things to tell the user (e.g. CMS no longer exists)
  std::vector<std::string> notes_zh;  ///< the same notes in Chinese, one for one
  std::string error;                  ///< "" when the flags are usable
  bool ok() const { return error.empty(); }
};

/// Parses heap flags (delegated to heap::parse_jvm_flags) and the nio flags:
/// -XX:MaxDirectMemorySize=<size>, -Dsun.nio.PageAlignDirectMemory=true|false, -XX:+/-DisableExplicitGC,
/// -Djdk.nio.maxCachedBufferSize=<bytes>. Flags are separated by whitespace. Starts from `base`.
ParsedJvmFlags parse_all_jvm_flags(std::string_view flags, const Settings& base = {});

}  // namespace heapviz
