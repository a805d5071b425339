#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapviz::heap {

/// Which full collector the heap uses.
enum class Collector : std::uint8_t {
  mark_compact,  ///< Serial-style sliding mark-compact (GenMarkSweep), -XX:+UseSerialGC
  mark_sweep,    ///< CMS-style non-moving mark-sweep with a free list (CMS was removed in JDK 14)
};
inline constexpr Collector kCollectors[] = {Collector::mark_compact, Collector::mark_sweep};
/// The collector's one spelling, as `record --collector` and the settings file take it: "mark-compact",
/// "mark-sweep".
std::string_view to_string(Collector c);
/// The collector spelled `name`, or nullopt.
std::optional<Collector> parse_collector(std::string_view name);
/// Why `name` is no collector: "unknown collector 'NAME' (heapviz knows: mark-compact, mark-sweep)".
std::string unknown_collector_error(std::string_view name);
/// The collector with the JDK collector it stands for, for a status line: "mark-compact (Serial)".
std::string collector_label(Collector c);

/// Heap settings, the simulated equivalents of the JVM flags. Sizes in bytes.
struct HeapSettings {
  std::uint64_t max_heap = 64ull << 20;  ///< -Xmx: the capacity of the simulated space
  std::uint64_t initial_heap = 0;        ///< -Xms (0 = not given); must not exceed -Xmx; informational
  Collector collector = Collector::mark_compact;
  std::uint32_t dead_ratio = 5;  ///< -XX:MarkSweepDeadRatio (percent of capacity left as dead wood)
  std::uint32_t always_compact_count =
      4;  ///< -XX:MarkSweepAlwaysCompactCount (every Nth full GC compacts fully)
  /// Young-generation flags (0 = not given): -Xmn sets both, -XX:NewSize= and -XX:MaxNewSize= one each.
  /// heapviz models ONE space, so they do not split the heap; they only change Runtime.maxMemory(),
  /// which the JDK computes from the young generation's survivor space.
  std::uint64_t new_size = 0;
  std::uint64_t max_new_size = 0;
  std::uint32_t new_ratio = 2;       ///< -XX:NewRatio (old/young)
  std::uint32_t survivor_ratio = 8;  ///< -XX:SurvivorRatio (eden/one survivor)
  /// Like HotSpot's -XX:+VerifyAfterGC (tests switch it on): after every GC the heap's invariants are
  /// checked, and after the Reference Handler the Cleaner protocol's; a violation is an internal error.
  bool verify_after_gc = false;

  bool operator==(const HeapSettings&) const = default;
};

/// Limits of the simulator: the heap is one space that must fit below 4 GiB (unscaled compressed oops).
/// Lessons run as the JDK starts (as_jdk_launches: at least 2 MiB); the simulator's own tests use tiny heaps.
inline constexpr std::uint64_t kMinHeap = 128;         ///< bytes; the JDK itself refuses < 2 MiB
inline constexpr std::uint64_t kMaxHeap = 2ull << 30;  ///< 2 GiB: HeapBaseMinAddress (2 GiB) to 4 GiB

/// "" if the settings are usable, else an English error sentence naming the bad value.
std::string validate(const HeapSettings& s);

/// The heap's base address: HotSpot puts a small heap right below 4 GiB so narrow oop == address
/// (-Xmx64m -> 0xfc000000).
std::uint64_t heap_base(const HeapSettings& s);

/// The JDK's heap alignment for Serial on Linux x86-64 with 4 KiB pages: the card table must fill whole
/// pages (512 heap bytes per card byte x 4096), so MaxHeapSize and InitialHeapSize are rounded up to 2 MiB.
inline constexpr std::uint64_t kJdkHeapAlignment = 2ull << 20;
/// Serial's generation and space alignment (Generation::GenGrain, 64 KiB).
inline constexpr std::uint64_t kJdkGenAlignment = 64ull << 10;
/// The smallest -Xmx JDK 17 accepts ("Too small maximum heap" below it).
inline constexpr std::uint64_t kJdkMinHeap = 2ull << 20;

/// The heap as JDK 17's Serial collector sizes it from the flags (GCArguments and GenArguments
/// initialize_heap_flags_and_sizes / initialize_size_info), all in bytes.
struct JdkHeapSizes {
  std::uint64_t max_heap = 0;      ///< MaxHeapSize: -Xmx rounded up to kJdkHeapAlignment
  std::uint64_t initial_heap = 0;  ///< InitialHeapSize (-Xms rounded up; without -Xms: MaxHeapSize)
  std::uint64_t max_young = 0;     ///< MaxNewSize: the reserved young generation
  std::uint64_t survivor = 0;      ///< one survivor space of the reserved young generation
  std::uint64_t max_memory = 0;    ///< Runtime.maxMemory() = max_heap - survivor
  /// "" or what the JVM prints after "Error occurred during initialization of VM" (exit 1), e.g.
  /// "Too small maximum heap".
  std::string vm_init_error;
};
/// Without -Xms the JDK's InitialHeapSize is 1/64 of physical memory capped at MaxHeapSize; heapviz
/// assumes a machine with RAM to spare (InitialHeapSize = MaxHeapSize), which only matters with
/// -Xmn/-XX:NewSize and -Xmx above 1/64 of RAM.
JdkHeapSizes jdk_heap_sizes(const HeapSettings& s);

/// Runtime.getRuntime().maxMemory() as JDK 17 reports it: jdk_heap_sizes(s).max_memory, e.g.
/// -Xmx63m and -Xmx64m -> 64880640 (MaxHeapSize 64 MiB, young 21824K, survivor 2176K). It is also the
/// default direct-memory limit. Heaps under 2 MiB (which the JDK refuses; only the simulator's own
/// tests use them) keep the same ratios without the alignments.
std::uint64_t runtime_max_memory(const HeapSettings& s);

/// The settings a lesson runs with, as the `java` launcher would start the JVM: the simulated heap is
/// MaxHeapSize (-Xmx rounded up to 2 MiB). If the JVM would refuse to start, `error` holds the line it
/// prints after "Error occurred during initialization of VM".
struct JdkLaunch {
  HeapSettings settings;
  std::string error;
};
JdkLaunch as_jdk_launches(const HeapSettings& s);

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
