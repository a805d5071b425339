#pragma once
// The hypothetical modes a lesson may offer with `//@ hypothetical: NAME` and a run may switch on
// (LessonRunOptions::hypotheticals, `heapviz run --hypothetical NAME`, the GUI's toggle).
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace heapviz::lang {

struct HypotheticalMode {
  std::string_view name;  ///< the directive's value
  std::string_view en;    ///< one line for a menu or --help
  std::string_view zh;
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
