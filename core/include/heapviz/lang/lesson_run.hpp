#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/engine/trace.hpp"
#include "heapviz/lang/interpreter.hpp"
#include "heapviz/lang/lesson.hpp"

namespace heapviz {

/// How to run a lesson.
struct LessonRunOptions {
  /// JVM flags that replace the lesson's `//@ jvm:` line (nullopt: use the lesson's).
  std::optional<std::string> jvm_flags;
  /// jvm_flags came from the command line (heapviz run --jvm): errors name it, not the `//@ jvm:` line.
  bool jvm_flags_from_command_line = false;
  std::uint64_t max_steps = lang::kDefaultMaxSteps;
  std::uint64_t max_trace_steps = lang::kDefaultMaxTraceSteps;  ///< only while recording
  bool record_trace = true;  ///< false: run without keeping a Trace (faster)
  /// Hypothetical modes to switch on: each must be known (heapviz/lang/hypotheticals.hpp) and declared by the
  /// lesson (`//@ hypothetical: NAME`), else the result is a lesson error (exit 2) saying so.
  /// "non-moving-sweep" (lesson 09) runs the CMS-style mark-sweep collector instead of the flags' one,
  /// as -XX:+UseConcMarkSweepGC would.
  std::vector<std::string> hypotheticals;
  /// A source line's simple steps beyond this many are folded into batch steps (TraceOptions::
  /// fold_line_after), so a loop of a million `new` stays a few thousand steps; 0 = never fold.
  std::uint32_t fold_line_after = 256;
  /// Check the heap's invariants after every GC and the Cleaner protocol's after the Reference Handler
  /// (HeapSettings::verify_after_gc); a violation ends the run as an internal error. For tests.
  bool verify_after_gc = false;
  std::uint64_t internal_error_at_step = 0;  ///< tests only: lang::InterpretOptions::internal_error_at_step
};

/// Everything a run produced. `lesson` holds the directives (title, captions and pauses per line) the
/// GUI shows next to the trace: step k's `pos.line` finds its caption with lesson.directives.caption_at.
struct LessonRunResult {
  /// true when the program ran (normally or ending in an uncaught exception), or when the JVM refused to
  /// start with these flags as java does (exit 1, "Error occurred during initialization of VM" in `out`)
  bool ok = false;
  int exit_code = 0;  ///< 0 normal, 1 uncaught exception, 2 lesson error or step budget, n System.exit(n)
  lang::RunOutcome outcome = lang::RunOutcome::completed;
  std::string diagnostics;  ///< formatted (file:line:col, source line, caret), "" if none
  std::vector<lang::Diagnostic> diagnostic_list;
  std::string notes;     ///< notes about the settings (e.g. flags the simulator ignores), one per line
  std::string notes_zh;  ///< the same notes in Chinese, line for line (the GUI's 简体中文)
  std::string out;       ///< the program's System.out
  std::string err;       ///< its System.err, including "Exception in thread "main" ..."
  /// Bytes of `out` printed before a hypothetical mode first made the run differ from the JDK (unset: none
  /// did). The JDK oracle compares only this much in hypothetical runs.
  std::optional<std::size_t> out_before_hypothetical;
  std::unique_ptr<Trace> trace;          ///< the recorded steps (null if not recorded or nothing ran)
  std::unique_ptr<lang::Lesson> lesson;  ///< the parsed lesson (never null)
};

/// Parses, checks and runs a lesson on a fresh simulated machine whose settings come from the lesson's
/// `//@ jvm:` flags (or `options.jvm_flags`). Never throws; every problem is in the result.
LessonRunResult run_lesson(std::string_view source, std::string file_name,
                           const LessonRunOptions& options = {});

}  // namespace heapviz
