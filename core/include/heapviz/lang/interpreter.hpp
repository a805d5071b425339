#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "heapviz/engine/trace.hpp"
#include "heapviz/lang/diagnostic.hpp"
#include "heapviz/lang/hypotheticals.hpp"
#include "heapviz/lang/lesson.hpp"

// The lesson interpreter: checks a parsed lesson the way javac would (for the Java subset heapviz
// simulates), then walks its tree statement by statement on a simulated Machine, recording steps.
// Most callers want heapviz/lesson_run.hpp, which also parses, builds the machine and the trace.
namespace heapviz::lang {

/// The default step budget: executed statements plus loop iterations plus recorded machine steps.
inline constexpr std::uint64_t kDefaultMaxSteps = 10'000'000;

/// How a run ended.
enum class RunOutcome {
  completed,     ///< main returned (or System.exit(0))
  uncaught,      ///< an exception left main: "Exception in thread "main" ..." on stderr, exit 1
  lesson_error,  ///< the lesson did not pass the checks (diagnostics), nothing ran, exit 2
  step_budget,   ///< stopped after max_steps (a Limit diagnostic says where), exit 2
  exited,        ///< System.exit(n) with n != 0
};

/// The default limit on recorded trace steps (about 300 MB of trace); runs without a trace have none.
inline constexpr std::uint64_t kDefaultMaxTraceSteps = 500'000;

struct InterpretOptions {
  std::uint64_t max_steps = kDefaultMaxSteps;
  std::uint64_t max_trace_steps = kDefaultMaxTraceSteps;
  /// Hypothetical modes switched on (heapviz/lang/hypotheticals.hpp). os_reads_heap / pin_heap_array:
  /// every FileChannel.write(heapBuffer) hands the kernel the byte[]'s heap address
  /// (io/machine_heap_write.hpp) instead of the JDK's bounce copy.
  std::vector<Hypothetical> hypotheticals;
  /// Tests only: a simulator bug (std::logic_error) at this budget step, 0 = never. The run must still
  /// print the output so far, then the internal error (exit 2).
  std::uint64_t internal_error_at_step = 0;
};

struct InterpretResult {
  RunOutcome outcome = RunOutcome::completed;
  int exit_code = 0;  ///< 0 completed, 1 uncaught, 2 lesson error / budget, n for System.exit(n)
  std::string out;    ///< what the program printed to System.out
  std::string err;    ///< what it printed to System.err (plus the uncaught-exception line)
  std::vector<Diagnostic> diagnostics;  ///< check errors, or the budget message
  std::uint64_t steps_used = 0;         ///< budget units used
  /// Bytes of `out` printed before a hypothetical mode first made the run differ from the JDK; unset when
  /// no mode did (then the whole run is what the JDK does).
  std::optional<std::size_t> out_before_hypothetical;
};

/// Checks `program` as javac would for the simulated subset: undeclared names, incompatible types,
/// lossy conversions, calls heapviz does not model (kind Unsupported: "valid Java that heapviz does
/// not simulate yet"). Returns every diagnostic; empty means the program can run.
std::vector<Diagnostic> check_program(const Program& program);

/// Checks then runs `lesson` (which must have parsed without errors) on `recorder`'s machine.
/// Every statement sets the recorder's source position first. Never throws.
InterpretResult interpret(const Lesson& lesson, Recorder& recorder, const InterpretOptions& options = {});

}  // namespace heapviz::lang
