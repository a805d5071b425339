#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "heapviz/heap/step.hpp"

namespace heapviz {

/// The family a step kind belongs to: the timeline draws one marker row per category and "jump to"
/// moves by category. Every StepKind has exactly one (step_category's switch has no default, so a new
/// kind without a category does not compile with -Werror).
enum class StepCategory : std::uint8_t {
  gc,           ///< a collection: start, phases, marking, moving, end; the GC locker
  allocation,   ///< Java objects and native memory handed out
  bounce_copy,  ///< heap buffer <-> temporary direct buffer copies
  syscall,      ///< the kernel: system calls, page-cache writeback, mappings, sendfile
  native_free,  ///< native memory and direct-memory accounting given back
  cleaner,      ///< Cleaners and References: created, pending, run
  exception,    ///< an exception or OutOfMemoryError is thrown
  program,      ///< the program's own state: output, fields, roots, buffer methods, class loading
};
inline constexpr std::size_t kStepCategoryCount = static_cast<std::size_t>(StepCategory::program) + 1;

/// The last StepKind: kinds are 0..kLastStepKind (a new kind goes after it and moves this too).
inline constexpr StepKind kLastStepKind = StepKind::gc_locker_stall;
inline constexpr std::size_t kStepKindCount = static_cast<std::size_t>(kLastStepKind) + 1;

StepCategory step_category(StepKind k);
/// "gc", "allocation", ... (stable names for tests and dumps).
std::string_view step_category_name(StepCategory c);

}  // namespace heapviz
