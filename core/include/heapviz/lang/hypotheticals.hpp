#pragma once
// The hypothetical modes a lesson may offer with `//@ hypothetical: NAME` and a run may switch on
// (LessonRunOptions::hypotheticals, `heapviz run --hypothetical NAME`, the GUI's toggle).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace heapviz::lang {

/// A what-if mode (lessons 06 and 09).
enum class Hypothetical : std::uint8_t {
  os_reads_heap,     ///< FileChannel.write hands the kernel the heap byte[]'s address (a race with the GC)
  pin_heap_array,    ///< the same write from a JNI critical region: the array is pinned, a GC waits
  non_moving_sweep,  ///< the CMS-style mark-sweep instead of the compacting collector
};
/// The mode's one spelling, as `//@ hypothetical:` and --hypothetical take it: "os-reads-heap", ...
std::string_view to_string(Hypothetical h);
/// The mode spelled `name`, or nullopt.
std::optional<Hypothetical> parse_hypothetical(std::string_view name);
/// Why `name` is no mode: "unknown hypothetical mode 'NAME' (heapviz knows: os-reads-heap, ...)".
std::string unknown_hypothetical_error(std::string_view name);
/// The modes spelled in `names` that heapviz knows, in that order (the others are left out).
std::vector<Hypothetical> known_hypotheticals(const std::vector<std::string>& names);
/// Whether `names` spells `h`.
bool names_hypothetical(const std::vector<std::string>& names, Hypothetical h);

struct HypotheticalMode {
  Hypothetical mode;
  std::string_view en;  ///< one line for a menu or --help
  std::string_view zh;
  std::string_view name() const { return to_string(mode); }  ///< the directive's value
};

/// Every mode heapviz simulates, in menu order.
std::span<const HypotheticalMode> hypothetical_modes();
/// The mode called `name`, or nullptr.
const HypotheticalMode* find_hypothetical(std::string_view name);

/// "" when every `requested` mode is known, declared by the lesson (`declared`), and the set makes sense
/// together; otherwise one English sentence saying what is wrong.
std::string check_hypotheticals(const std::vector<std::string>& declared,
                                const std::vector<std::string>& requested);

}  // namespace heapviz::lang
