// run_lesson: parse, settings from the jvm flags, machine + trace, interpret.
#include "heapviz/lang/lesson_run.hpp"

#include <algorithm>
#include <exception>

#include "heapviz/engine/jvm_flags.hpp"  // every -XX/-X flag of the heap and nio settings
#include "heapviz/engine/machine.hpp"
#include "heapviz/heap/heap_settings.hpp"
#include "heapviz/lang/hypotheticals.hpp"

namespace heapviz {
namespace {

// Flags the heap model does not read but that are harmless for it (system properties and the
// direct-memory limit belong to other areas of the simulator).
bool quietly_ignored(std::string_view flag) {
  return flag.rfind("-D", 0) == 0 || flag.rfind("-XX:MaxDirectMemorySize", 0) == 0;
}

// Line 0: a diagnostic about the command line, which shows no line of the lesson.
constexpr lang::SourceSpan kNoLine{0, 0, 0, 0};

}  // namespace

LessonRunResult run_lesson(std::string_view source, std::string file_name, const LessonRunOptions& options) {
  LessonRunResult res;
  res.lesson = std::make_unique<lang::Lesson>(lang::parse_lesson(source, file_name));
  const lang::Lesson& lesson = *res.lesson;
  auto fail = [&](std::vector<lang::Diagnostic> diags) {
    res.ok = false;
    res.exit_code = 2;
    res.outcome = lang::RunOutcome::lesson_error;
    res.diagnostic_list = std::move(diags);
    res.diagnostics = lang::format_diagnostics(lesson.file_name, lesson.source, res.diagnostic_list);
    return std::move(res);
  };
  if (!lesson.ok()) return fail(lesson.diagnostics);
  if (const std::string bad =
          lang::check_hypotheticals(lesson.directives.hypotheticals, options.hypotheticals);
      !bad.empty()) {
    // The modes come from the command line (--hypothetical), not from a line of the lesson.
    return fail({lang::Diagnostic{lang::Severity::Error, lang::DiagnosticKind::Directive, kNoLine,
                                  bad + " (command-line argument --hypothetical)"}});
  }

  const std::string flags = options.jvm_flags ? *options.jvm_flags : lesson.directives.jvm_flags;
  const ParsedJvmFlags parsed = parse_all_jvm_flags(flags);
  if (!parsed.ok()) {
    lang::Diagnostic d{lang::Severity::Error, lang::DiagnosticKind::Directive,
                       options.jvm_flags_from_command_line ? kNoLine : lang::SourceSpan{},
                       (options.jvm_flags_from_command_line ? "--jvm: " : "JVM flags: ") + parsed.error};
    if (!options.jvm_flags_from_command_line)  // else no line of the lesson is to blame
      for (const auto& dd : lesson.directives.all)
        if (dd.kind == lang::DirectiveKind::Jvm) d.span = dd.value_span;
    return fail({d});
  }
  for (const std::string& n : parsed.notes) res.notes += n + "\n";
  for (const std::string& n : parsed.notes_zh) res.notes_zh += n + "\n";
  for (const std::string& u : parsed.unknown)
    if (!quietly_ignored(u)) {
      res.notes += "heapviz does not simulate the JVM flag " + u + "; it is ignored\n";
      res.notes_zh += "heapviz 不模拟 JVM 参数 " + u + "，忽略它\n";
    }

  Settings settings = parsed.settings;
  // A lesson starts as `java` starts the JVM: -Xmx rounded up to the heap alignment, or the JVM refuses.
  const heap::JdkLaunch launch = heap::as_jdk_launches(settings.heap);
  if (!launch.error.empty()) {
    res.ok = true;  // what java does with these flags; no trace, as nothing ran
    res.exit_code = 1;
    res.outcome = lang::RunOutcome::exited;
    res.out = "Error occurred during initialization of VM\n" + launch.error + "\n";  // on stdout, as java
    return res;
  }
  settings.heap = launch.settings;
  // The flag parser keeps -Djdk.nio.maxCachedBufferSize on the nio side; the I/O model reads it here.
  if (settings.nio.max_cached_buffer_size >= 0)
    settings.io.max_cached_buffer_size = settings.nio.max_cached_buffer_size;
  // Hypothetical "non-moving-sweep" (lesson 09): the CMS-style collector, as -XX:+UseConcMarkSweepGC selects
  // it.
  if (lang::names_hypothetical(options.hypotheticals, lang::Hypothetical::non_moving_sweep))
    settings.heap.collector = heap::Collector::mark_sweep;
  settings.heap.verify_after_gc = options.verify_after_gc;
  try {
    Machine machine(settings);
    TraceOptions topts;
    topts.record = options.record_trace;
    topts.fold_line_after = options.fold_line_after;
    res.trace = std::make_unique<Trace>(machine, topts);
    Recorder recorder(machine, res.trace.get());
    lang::InterpretOptions io;
    io.max_steps = options.max_steps;
    io.max_trace_steps = options.max_trace_steps;
    io.hypotheticals = lang::known_hypotheticals(options.hypotheticals);  // all known: checked above
    io.internal_error_at_step = options.internal_error_at_step;
    lang::InterpretResult r = lang::interpret(lesson, recorder, io);
    if (!recorder.step_open()) recorder.flush();
    res.out = std::move(r.out);
    res.err = std::move(r.err);
    res.exit_code = r.exit_code;
    res.out_before_hypothetical = r.out_before_hypothetical;
    res.outcome = r.outcome;
    res.ok = r.outcome != lang::RunOutcome::lesson_error;
    res.diagnostic_list = std::move(r.diagnostics);
    res.diagnostics = lang::format_diagnostics(lesson.file_name, lesson.source, res.diagnostic_list);
    if (!options.record_trace) res.trace.reset();
  } catch (const std::exception& e) {
    return fail({lang::Diagnostic{lang::Severity::Error,
                                  lang::DiagnosticKind::Directive,
                                  {},
                                  std::string("JVM settings: ") + e.what()}});
  }
  return res;
}

}  // namespace heapviz
