// `run LESSON`: the lesson on the simulated JVM, printing exactly what the program prints.
#include <fstream>
#include <iostream>

#include "headless/headless_modes.hpp"
#include "heapviz/lang/lesson_run.hpp"

namespace heapviz::headless {

std::optional<std::pair<LessonEntry, std::string>> load_lesson_or_report(const std::string& name,
                                                                         const std::string& program) {
  const auto entry = find_lesson(name);
  if (!entry) {
    std::cerr << program << ": no lesson '" << name << "' (give a number, an id from '" << program
              << " lessons', or a .java file)\n";
    return std::nullopt;
  }
  auto source = read_lesson_source(*entry);
  if (!source) {
    std::cerr << program << ": cannot read " << entry->path.string() << "\n";
    return std::nullopt;
  }
  return std::make_pair(*entry, std::move(*source));
}

int run_lesson_mode(const HeadlessOptions& o) {
  const auto loaded = load_lesson_or_report(o.lesson, o.program);
  if (!loaded) return 2;
  LessonRunOptions ro;
  if (o.jvm_given) {
    ro.jvm_flags = o.jvm;
    ro.jvm_flags_from_command_line = true;
  }
  ro.max_steps = o.max_steps;
  ro.record_trace = !o.trace.empty();
  ro.hypotheticals = o.hypotheticals;
  const LessonRunResult r = run_lesson(loaded->second, loaded->first.path.filename().string(), ro);
  std::cout << r.out << std::flush;
  std::cerr << r.err;
  if (!r.notes.empty()) std::cerr << o.program << ": note: " << r.notes;
  if (!r.diagnostics.empty()) std::cerr << r.diagnostics;
  if (r.trace) {
    if (o.trace == "json") {
      std::ofstream f(o.trace_file, std::ios::binary);
      write_trace_json(f, *r.trace);
      if (!f) {
        std::cerr << o.program << ": cannot write the trace to " << o.trace_file << "\n";
        return 1;
      }
    } else {
      write_trace_text(std::cerr, *r.trace);
    }
  }
  return r.exit_code;
}

}  // namespace heapviz::headless
