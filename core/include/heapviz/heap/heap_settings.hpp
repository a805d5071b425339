#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heapviz::heap {

/// Which full collector the heap uses.
enum class Collector : std::uint8_t {
  mark_compact,  ///< Serial-style sliding mark-compact (GenMarkSweep), -XX:+UseSerialGC
  mark_sweep,    ///< CMS-style non-moving mark-sweep with a free list (CMS was removed in JDK 14)
};
std::string_view collector_name(Collector c);

/// Heap settings, the simulated equivalents of the JVM flags. Sizes in bytes.
struct HeapSettings {
  std::uint64_t max_heap = 64ull << 20;  ///< -Xmx: the capacity of the simulated space
  std::uint64_t initial_heap = 0;        ///< -Xms (0 = not given); must not exceed -Xmx; informational
  Collector collector = Collector::mark_compact;
  std::uint32_t dead_ratio = 5;  ///< -XX:MarkSweepDeadRatio (percent of capacity left as dead wood)
  std::uint32_t always_compact_count =
      4;  ///< -XX:MarkSweepAlwaysCompactCount (every Nth full GC compacts fully)
  /// -Xmn (0 = not given). heapviz models ONE space, so this does not split the heap; it only changes
  /// Runtime.maxMemory(), which the JDK computes from the young generation's survivor space.
  std::uint64_t young_size = 0;
  /// Like HotSpot's -XX:+VerifyAfterGC (tests switch it on): after every GC the heap's invariants are
  /// checked, and after the Reference Handler the Cleaner protocol's; a violation is an internal error.
  bool verify_after_gc = false;

  bool operator==(const HeapSettings&) const = default;
};

/// Limits of the simulator: the heap is one space that must fit below 4 GiB (unscaled compressed oops).
inline constexpr std::uint64_t kMinHeap = 128;         ///< bytes; the JDK itself refuses < 2 MiB
inline constexpr std::uint64_t kMaxHeap = 2ull << 30;  ///< 2 GiB: HeapBaseMinAddress (2 GiB) to 4 GiB

/// "" if the settings are usable, else an English error sentence naming the bad value.
std::string validate(const HeapSettings& s);

/// The heap's base address: HotSpot puts a small heap right below 4 GiB so narrow oop == address
/// (-Xmx64m -> 0xfc000000).
std::uint64_t heap_base(const HeapSettings& s);

/// Runtime.getRuntime().maxMemory() as JDK 17 reports it. Serial (and CMS's ParNew young gen)
/// leave one survivor space out: young = align_down(Xmx/3, 64K) (NewRatio=2), survivor =
/// align_down(young/10, 64K) (SurvivorRatio=8), maxMemory = Xmx - survivor. -Xmx64m -> 64880640.
/// Heaps under 2 MiB (which the JDK refuses) use the same ratios without the 64K alignment.
/// With -Xmn the young size is the given one (-Xmx64m -Xmn2m -> 66912256). Not modelled: the JDK
/// shrinks a young generation that leaves the old one too little room (-Xmx64m -Xmn63m).
std::uint64_t runtime_max_memory(const HeapSettings& s);

/// Result of parsing JVM flags: the settings, the flags this parser does not know (for the caller),
/// notes to show the user (e.g. that CMS no longer exists), and an error ("" when none).
struct ParsedFlags {
  HeapSettings settings;
  std::vector<std::string> unknown;
  std::vector<std::string> notes;
  std::vector<std::string> notes_zh;  ///< the same notes in Chinese, one for one
  std::string error;
  bool ok() const { return error.empty(); }
};

/// Parses -Xmx<size>, -Xms<size>, -XX:+UseSerialGC, -XX:+UseConcMarkSweepGC (simulated; see notes),
/// -XX:MarkSweepDeadRatio=<0..100>, -XX:MarkSweepAlwaysCompactCount=<n>=1..>, and the generation sizes
/// -Xmn<size>, -XX:NewSize=, -XX:MaxNewSize=, -XX:NewRatio=, -XX:SurvivorRatio= (accepted with a note:
/// heapviz models one space). Sizes take k/m/g suffixes
/// (either case) or plain bytes. Starts from `base` (defaults). Malformed values give an error.
ParsedFlags parse_jvm_flags(const std::vector<std::string>& flags, const HeapSettings& base = {});
/// Same, splitting `flags` on whitespace.
ParsedFlags parse_jvm_flags(std::string_view flags, const HeapSettings& base = {});

/// Parses a JVM size like "64m", "1g", "512k", "4096"; false if malformed or overflowing.
bool parse_jvm_size(std::string_view text, std::uint64_t& out);

}  // namespace heapviz::heap
