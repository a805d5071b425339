#include "heapviz/engine/jvm_flags.hpp"

#include <charconv>

namespace heapviz {

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
}  // namespace

ParsedJvmFlags parse_all_jvm_flags(std::string_view flags, const Settings& base) {
  ParsedJvmFlags out;
  out.settings = base;
  heap::ParsedFlags h = heap::parse_jvm_flags(flags, base.heap);
  out.settings.heap = h.settings;
  out.notes = h.notes;
  out.notes_zh = h.notes_zh;
  if (!h.ok()) {
    out.error = h.error;
    return out;
  }
  nio::NioSettings& n = out.settings.nio;
  for (const std::string& flag : h.unknown) {
    const std::string_view f = flag;
    if (starts_with(f, "-XX:MaxDirectMemorySize=")) {
      std::uint64_t v = 0;
      if (!heap::parse_jvm_size(f.substr(24), v)) {
        out.error = "Improperly specified VM option '" + flag.substr(4) + "'";
        return out;
      }
      n.max_direct_memory = v;
      n.max_direct_memory_set = true;  // an explicit 0 is a limit of 0, as in the JDK
    } else if (f == "-Dsun.nio.PageAlignDirectMemory=true") {
      n.page_align_direct = true;
    } else if (starts_with(f, "-Dsun.nio.PageAlignDirectMemory=")) {
      n.page_align_direct = false;  // VM.isDirectMemoryPageAligned(): only the exact "true" counts
    } else if (f == "-XX:+DisableExplicitGC") {
      n.disable_explicit_gc = true;
    } else if (f == "-XX:-DisableExplicitGC") {
      n.disable_explicit_gc = false;
    } else if (starts_with(f, "-Djdk.nio.maxCachedBufferSize=")) {
      const std::string_view v = f.substr(30);
      std::int64_t x = 0;
      const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
      // The JDK ignores a malformed or negative value (Util.getMaxCachedBufferSize keeps Long.MAX_VALUE).
      if (ec == std::errc() && p == v.data() + v.size() && x >= 0) {
        n.max_cached_buffer_size = x;
      } else {
        out.notes.push_back(flag + ": not a non-negative number; the JDK ignores it");
        out.notes_zh.push_back(flag + "：不是非负整数，JDK 会忽略它");
      }
    } else {
      out.unknown.push_back(flag);
    }
  }
  return out;
}

}  // namespace heapviz
