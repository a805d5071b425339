#include "heapviz/heap/heap_settings.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

#include "heapviz/heap/object_layout.hpp"

namespace heapviz::heap {

std::string_view to_string(Collector c) {
  return c == Collector::mark_compact ? "mark-compact" : "mark-sweep";
}

std::optional<Collector> parse_collector(std::string_view name) {
  for (Collector c : kCollectors)
    if (to_string(c) == name) return c;
  return std::nullopt;
}

std::string unknown_collector_error(std::string_view name) {
  std::string known;
  for (Collector c : kCollectors) known += (known.empty() ? "" : ", ") + std::string(to_string(c));
  return "unknown collector '" + std::string(name) + "' (heapviz knows: " + known + ")";
}

std::string collector_label(Collector c) {
  return std::string(to_string(c)) + (c == Collector::mark_compact ? " (Serial)" : " (CMS-style)");
}

bool parse_jvm_size(std::string_view text, std::uint64_t& out) {
  if (text.empty()) return false;
  std::uint64_t mult = 1;
  switch (text.back()) {
    case 'k':
    case 'K':
      mult = 1ull << 10;
      text.remove_suffix(1);
      break;
    case 'm':
    case 'M':
      mult = 1ull << 20;
      text.remove_suffix(1);
      break;
    case 'g':
    case 'G':
      mult = 1ull << 30;
      text.remove_suffix(1);
      break;
    case 't':
    case 'T':
      mult = 1ull << 40;
      text.remove_suffix(1);
      break;
    default:
      break;
  }
  if (text.empty()) return false;
  for (char ch : text)
    if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
  std::uint64_t v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc{} || r.ptr != text.data() + text.size()) return false;
  if (v > UINT64_MAX / mult) return false;
  out = v * mult;
  return true;
}

std::string validate(const HeapSettings& s) {
  std::ostringstream e;
  if (s.max_heap == 0) {
    e << "Invalid maximum heap size: -Xmx0 (the heap needs at least " << kMinHeap << " bytes)";
  } else if (s.max_heap < kMinHeap) {
    e << "Too small maximum heap: " << s.max_heap << " bytes (heapviz needs at least " << kMinHeap
      << " bytes)";
  } else if (s.max_heap > kMaxHeap) {
    e << "Maximum heap size " << s.max_heap
      << " bytes is larger than heapviz simulates (2g: the heap must end at "
      << "4 GiB so that compressed oops are unscaled)";
  } else if (s.max_heap % layout::kAlignment != 0) {
    e << "Maximum heap size " << s.max_heap << " bytes is not a multiple of 8";
  } else if (s.dead_ratio > 100) {
    e << "MarkSweepDeadRatio (" << s.dead_ratio << ") must be between 0 and 100";
  } else if (s.always_compact_count == 0) {
    e << "MarkSweepAlwaysCompactCount (0) must be at least 1";
  }
  return e.str();
}

std::uint64_t heap_base(const HeapSettings& s) { return narrow_oop::kUnscaledMax - s.max_heap; }

namespace {
using layout::align_down;
using layout::align_up;
constexpr std::uint64_t kG = kJdkGenAlignment;
// Defaults of NewSize and OldSize on 64-bit: ScaleForWordSize(1M) and ScaleForWordSize(4M).
constexpr std::uint64_t kDefaultNewSize = align_down((1ull << 20) * 13 / 10, 8);
constexpr std::uint64_t kDefaultOldSize = align_down((4ull << 20) * 13 / 10, 8);
// At most `max - alignment`: a generation must leave room for the other one.
std::uint64_t bound_minus_alignment(std::uint64_t desired, std::uint64_t max, std::uint64_t alignment) {
  return std::min(desired, max - alignment);
}
// DefNewGeneration::compute_survivor_size: young / (SurvivorRatio + 2), aligned down, at least one alignment.
std::uint64_t survivor_size(std::uint64_t young, std::uint32_t survivor_ratio, std::uint64_t alignment) {
  const std::uint64_t n = young / (static_cast<std::uint64_t>(survivor_ratio) + 2);
  return n > alignment ? align_down(n, alignment) : alignment;
}
}  // namespace

JdkHeapSizes jdk_heap_sizes(const HeapSettings& s) {
  JdkHeapSizes r;
  const bool xms_given = s.initial_heap != 0;
  const bool new_size_given = s.new_size != 0;
  const bool max_new_given = s.max_new_size != 0;
  // GCArguments::initialize_heap_flags_and_sizes: checks, then -Xmx and -Xms rounded up.
  if (xms_given && s.initial_heap > s.max_heap) {
    r.vm_init_error = "Initial heap size set to a larger value than the maximum heap size";
    return r;
  }
  if (s.max_heap < kJdkMinHeap) {
    r.vm_init_error = "Too small maximum heap";
    return r;
  }
  if (xms_given && s.initial_heap < (1ull << 20)) {
    r.vm_init_error = "Too small initial heap";
    return r;
  }
  std::uint64_t max_heap = align_up(s.max_heap, kJdkHeapAlignment);
  std::uint64_t initial = xms_given ? align_up(s.initial_heap, kJdkHeapAlignment) : max_heap;
  if (initial > max_heap) max_heap = initial;

  // GenArguments::initialize_heap_flags_and_sizes: the young generation's flags made consistent.
  const std::uint64_t smallest_new = align_up(3 * kG, kG);
  std::uint64_t new_size = new_size_given ? s.new_size : kDefaultNewSize;
  if (new_size_given && new_size >= initial) new_size = bound_minus_alignment(new_size, initial, kG);
  new_size = std::max(smallest_new, align_down(bound_minus_alignment(new_size, max_heap, kG), kG));
  std::uint64_t max_new = max_new_given ? s.max_new_size : UINT64_MAX;
  if (max_new_given) {
    if (max_new >= max_heap) {
      max_new = max_heap - kG;
      new_size = std::min(new_size, max_new);
    } else if (max_new < new_size) {
      max_new = new_size;
    } else {
      max_new = align_down(max_new, kG);
    }
  }
  if (new_size > max_new) max_new = new_size;
  if (s.survivor_ratio < 1 || s.new_ratio < 1) {
    r.vm_init_error = "Invalid young gen ratio specified";
    return r;
  }
  const std::uint64_t old_size = kDefaultOldSize;  // -XX:OldSize is not a flag heapviz takes
  if (new_size + old_size > max_heap) {
    // -Xmx was given (heapviz's default of 64m counts as given): shrink NewSize to fit.
    const double shrink = static_cast<double>(max_heap) / static_cast<double>(new_size + old_size);
    new_size = std::max(smallest_new,
                        align_down(static_cast<std::uint64_t>(static_cast<double>(new_size) * shrink), kG));
  }

  // GenArguments::initialize_size_info: the reserved (maximum) young generation.
  std::uint64_t max_young = max_new;
  if (!max_new_given) {
    const std::uint64_t by_ratio = align_down(max_heap / (s.new_ratio + 1ull), kG);
    max_young = std::clamp(by_ratio > 0 ? by_ratio : kG, new_size, max_new);
  }
  if (max_heap == initial && new_size_given) max_young = new_size;

  r.max_heap = max_heap;
  r.initial_heap = initial;
  r.max_young = max_young;
  r.survivor = survivor_size(max_young, s.survivor_ratio, kG);
  r.max_memory = max_heap - r.survivor;
  return r;
}

std::uint64_t runtime_max_memory(const HeapSettings& s) {
  if (s.max_heap < kJdkMinHeap) {
    const std::uint64_t survivor = align_down(s.max_heap / 3 / 10, layout::kAlignment);
    return s.max_heap - survivor;
  }
  const JdkHeapSizes j = jdk_heap_sizes(s);
  return j.vm_init_error.empty() ? j.max_memory : s.max_heap;
}

JdkLaunch as_jdk_launches(const HeapSettings& s) {
  JdkLaunch l;
  l.settings = s;
  const JdkHeapSizes j = jdk_heap_sizes(s);
  if (!j.vm_init_error.empty()) {
    l.error = j.vm_init_error;
    return l;
  }
  l.settings.max_heap = j.max_heap;
  return l;
}

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool parse_uint(std::string_view text, std::uint32_t& out) {
  if (text.empty()) return false;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
  return r.ec == std::errc{} && r.ptr == text.data() + text.size();
}
// The JDK's Serial heap is a young and an old generation; heapviz draws one space of -Xmx bytes.
std::string one_space_note_zh(const std::string& flag) {
  return "heapviz 把堆模拟为一个 -Xmx 字节的单一空间（没有新生代和老年代）；" + flag +
         " 会传给 java，但不会划分模拟的堆";
}
std::string one_space_note(const std::string& flag) {
  return "heapviz models the heap as one space of -Xmx bytes (no young and old generation); " + flag +
         " is passed to java but does not split the simulated heap";
}
}  // namespace

ParsedFlags parse_jvm_flags(const std::vector<std::string>& flags, const HeapSettings& base) {
  ParsedFlags r;
  r.settings = base;
  bool max_given = false;
  for (const std::string& flag : flags) {
    const std::string_view f = flag;
    if (starts_with(f, "-Xmx") || starts_with(f, "-Xms")) {
      std::uint64_t v = 0;
      const bool max = starts_with(f, "-Xmx");
      if (!parse_jvm_size(f.substr(4), v)) {
        r.error = std::string(max ? "Invalid maximum heap size: " : "Invalid initial heap size: ") + flag;
        return r;
      }
      (max ? r.settings.max_heap : r.settings.initial_heap) = v;
      max_given |= max;
    } else if (f == "-XX:+UseSerialGC") {
      r.settings.collector = Collector::mark_compact;
    } else if (f == "-XX:+UseConcMarkSweepGC") {
      r.settings.collector = Collector::mark_sweep;
      r.notes.push_back(
          "-XX:+UseConcMarkSweepGC: CMS was removed in JDK 14 (JEP 363) and JDK 17 rejects this flag; "
          "heapviz "
          "simulates a CMS-style non-moving mark-sweep old generation for comparison.");
      r.notes_zh.push_back(
          "-XX:+UseConcMarkSweepGC：CMS 已在 JDK 14 移除（JEP 363），JDK 17 拒绝这个参数；heapviz 模拟一个 "
          "CMS 风格的"
          "非移动式标记-清除老年代，用来对比。");
    } else if (starts_with(f, "-XX:MarkSweepDeadRatio=")) {
      std::uint32_t v = 0;
      if (!parse_uint(f.substr(23), v) || v > 100) {
        r.error = "Improperly specified VM option '" + flag.substr(4) + "' (MarkSweepDeadRatio is 0..100)";
        return r;
      }
      r.settings.dead_ratio = v;
    } else if (starts_with(f, "-XX:MarkSweepAlwaysCompactCount=")) {
      std::uint32_t v = 0;
      if (!parse_uint(f.substr(32), v) || v == 0) {
        r.error = "Improperly specified VM option '" + flag.substr(4) +
                  "' (MarkSweepAlwaysCompactCount is at least 1)";
        return r;
      }
      r.settings.always_compact_count = v;
    } else if (starts_with(f, "-Xmn")) {
      std::uint64_t v = 0;
      if (!parse_jvm_size(f.substr(4), v) || v == 0) {
        r.error = "Invalid initial young generation size: " + flag;
        return r;
      }
      r.settings.new_size = r.settings.max_new_size = v;
      r.notes.push_back(one_space_note(flag));
      r.notes_zh.push_back(one_space_note_zh(flag));
    } else if (starts_with(f, "-XX:NewSize=") || starts_with(f, "-XX:MaxNewSize=")) {
      const bool max = starts_with(f, "-XX:MaxNewSize=");
      std::uint64_t v = 0;
      if (!parse_jvm_size(f.substr(max ? 15 : 12), v)) {
        r.error = "Improperly specified VM option '" + flag.substr(4) + "'";
        return r;
      }
      // Stored as at least 1 so that 0 still counts as given (the sizing rounds it up to the minimum).
      (max ? r.settings.max_new_size : r.settings.new_size) = std::max<std::uint64_t>(v, 1);
      r.notes.push_back(one_space_note(flag));
      r.notes_zh.push_back(one_space_note_zh(flag));
    } else if (starts_with(f, "-XX:NewRatio=") || starts_with(f, "-XX:SurvivorRatio=")) {
      const bool ratio = starts_with(f, "-XX:NewRatio=");
      std::uint32_t v = 0;
      if (!parse_uint(f.substr(ratio ? 13 : 18), v) || (!ratio && v == 0)) {
        r.error = "Improperly specified VM option '" + flag.substr(4) + "'";
        return r;
      }
      (ratio ? r.settings.new_ratio : r.settings.survivor_ratio) = v;
      r.notes.push_back(one_space_note(flag));
      r.notes_zh.push_back(one_space_note_zh(flag));
    } else {
      r.unknown.push_back(flag);
    }
  }
  // As in HotSpot, -Xms alone raises the default maximum heap to fit it.
  if (!max_given && r.settings.initial_heap > r.settings.max_heap)
    r.settings.max_heap = r.settings.initial_heap;
  // A heap the JDK sizes is rounded up to its alignment when a lesson starts (as_jdk_launches), so only
  // that size must be one heapviz can simulate; -Xms against -Xmx is the JVM's own check there too.
  HeapSettings checked = r.settings;
  if (checked.max_heap >= kJdkMinHeap) checked.max_heap = align_up(checked.max_heap, kJdkHeapAlignment);
  r.error = validate(checked);
  return r;
}

ParsedFlags parse_jvm_flags(std::string_view flags, const HeapSettings& base) {
  std::vector<std::string> parts;
  std::istringstream in{std::string(flags)};
  for (std::string w; in >> w;) parts.push_back(w);
  return parse_jvm_flags(parts, base);
}

}  // namespace heapviz::heap
