#pragma once
// The command-line modes that need no window: run a lesson, write it out for the real JDK.
#include <iosfwd>
#include <optional>
#include <string>

#include "cli/command_line.hpp"
#include "heapviz/engine/trace.hpp"
#include "heapviz/lang/lesson_catalog.hpp"

namespace heapviz::app {

/// `heapviz run LESSON`: prints the program's System.out/System.err; exit 0 normal, 1 uncaught
/// exception, 2 lesson error or step budget exceeded (the message on stderr).
int run_lesson_mode(const Options& options);
/// `heapviz java LESSON --out DIR`: writes Main.java (the wrapped lesson) and Heapviz.java.
int java_mode(const Options& options);

/// Finds the lesson and reads it, or prints why not (to stderr) and returns nullopt.
std::optional<std::pair<LessonEntry, std::string>> load_lesson_or_report(const std::string& name);

/// One line per step: "index kind narration" (English).
void write_trace_text(std::ostream& out, const Trace& trace);
/// The trace as JSON: {"steps": [{"step" (1-based, as the window), "index" (0-based), "kind", "line", "col",
/// "en", "zh", "internals", "objects"}...]}.
void write_trace_json(std::ostream& out, const Trace& trace);

}  // namespace heapviz::app
