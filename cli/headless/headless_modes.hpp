#pragma once
// The command-line modes that need no window: list the lessons, run one, write it out for the real JDK.
// Linked by both executables: heapviz (every mode) and heapviz-cli (these only, no GL, GLFW or X11).
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "heapviz/engine/trace.hpp"
#include "heapviz/lang/lesson_catalog.hpp"

namespace CLI {
class App;
class Option;
class ParseError;
}  // namespace CLI

namespace heapviz::headless {

/// The headless subcommand the command line chose.
enum class Command { none, lessons, run, java };

/// What the headless modes read from the command line.
struct HeadlessOptions {
  std::string program = "heapviz";  ///< the executable's name, in front of every message
  Command command = Command::none;
  std::string lesson;                      ///< id, number or path
  std::vector<std::string> hypotheticals;  ///< --hypothetical NAME, repeatable
  std::string jvm;                         ///< --jvm "flags" (run): replaces the lesson's //@ jvm: line
  bool jvm_given = false;
  std::string trace;                        ///< --trace: "" (off), "text" (stderr) or "json" (to trace_file)
  std::string trace_file;                   ///< file for --trace=json
  unsigned long long max_steps = 10000000;  ///< --max-steps N (run)
  std::string out_dir;                      ///< --out DIR (java)
};

/// The `lessons`, `run` and `java` subcommands, added to a CLI11 app that fills `options`.
class HeadlessCommands {
 public:
  HeadlessCommands(CLI::App& app, HeadlessOptions& options);
  /// After a successful parse: the checks between options (throws CLI::ValidationError) and
  /// `options.command`.
  void finish() const;

 private:
  HeadlessOptions& o_;
  CLI::App* lessons_;
  CLI::App* run_;
  CLI::App* java_;
  CLI::Option* jvm_;
};

/// "P lessons | P run LESSON [...] | P java LESSON --out DIR" for program P, the tail of a usage line.
std::string headless_usage(const std::string& program);
/// A parse error as both executables report it: --help/--version print and give 0; anything else prints
/// "P: error: ...", the usage line and a pointer to --help, and gives 2.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error, const std::string& program,
                       const std::string& usage);

/// Runs the chosen headless command; returns the exit code.
int run_command(const HeadlessOptions& options);

/// `lessons`: one line per bundled lesson, "id  title".
int list_lessons_mode(const HeadlessOptions& options);
/// `run LESSON`: prints the program's System.out/System.err; exit 0 normal, 1 uncaught
/// exception, 2 lesson error or step budget exceeded (the message on stderr).
int run_lesson_mode(const HeadlessOptions& options);
/// `java LESSON --out DIR`: writes Main.java (the wrapped lesson) and Heapviz.java.
int java_mode(const HeadlessOptions& options);

/// Finds the lesson and reads it, or prints why not (to stderr, after "program: ") and returns nullopt.
std::optional<std::pair<LessonEntry, std::string>> load_lesson_or_report(const std::string& name,
                                                                         const std::string& program);

/// One line per step: "index kind narration" (English).
void write_trace_text(std::ostream& out, const Trace& trace);
/// The trace as JSON: {"steps": [{"step" (1-based, as the window), "index" (0-based), "kind", "line", "col",
/// "en", "zh", "internals", "objects"}...]}.
void write_trace_json(std::ostream& out, const Trace& trace);

}  // namespace heapviz::headless
