#include "ui/app_state.hpp"

#include <algorithm>

#include "heapviz/engine/demo_scenarios.hpp"
#include "heapviz/lang/lesson.hpp"
#include "heapviz/lang/lesson_run.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t nl = std::min(text.find('\n', at), text.size());
    if (nl > at) out.push_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  return out;
}

}  // namespace

std::string AppState::load(const std::string& lesson) {
  lessons = list_lessons();
  for (const DemoScenario& d : demo_scenarios())
    lessons.push_back(LessonEntry{d.id, {}, d.title, d.title_zh});
  if (lesson.empty()) {
    select(0);
    return {};
  }
  for (std::size_t i = 0; i < lessons.size(); ++i)
    if (lessons[i].path.empty() && lessons[i].id == lesson) {
      select(static_cast<int>(i));
      return {};
    }
  const auto found = find_lesson(lesson);
  if (!found) return "no lesson '" + lesson + "' (run 'heapviz lessons' for the list, or give a .java path)";
  for (std::size_t i = 0; i < lessons.size(); ++i) {
    if (lessons[i].path == found->path) {
      select(static_cast<int>(i));
      return {};
    }
  }
  lessons.insert(lessons.begin(), *found);  // a file outside the bundled set
  select(0);
  return {};
}

bool AppState::current_is_builtin() const {
  const LessonEntry* e = current();
  return e && e->path.empty();
}

void AppState::select(int index) {
  if (index < 0 || index >= static_cast<int>(lessons.size())) return;
  selected = index;
  const LessonEntry& e = lessons[static_cast<std::size_t>(index)];
  source_error.clear();
  if (e.path.empty()) {
    for (const DemoScenario& d : demo_scenarios())
      if (d.id == e.id) source = d.source;
  } else {
    const auto text = read_lesson_source(e);
    source = text.value_or("");
    if (!text) source_error = "cannot read " + e.path.string();
  }
  code.set_source(source);
  session = TraceSession();  // a new lesson never shows the previous one's trace
  lesson.reset();
  program_output.clear();
  notes.clear();
  notes_zh.clear();
  rerun();
}

void AppState::rerun() {
  const LessonEntry* e = current();
  if (!e) return;
  if (!code.source().empty()) source = code.source();
  diagnostics.clear();
  run_notice.clear();
  const std::size_t old_position = session.loaded() ? session.playback().position() : 0;
  if (current_is_builtin()) {
    lesson.reset();
    program_output.clear();
    notes.clear();
    notes_zh.clear();
    session.load(run_heap_demo(collector));
    map.fit(session.extents());
    return;
  }
  const std::string file = e->path.filename().string();
  const lang::Lesson parsed = lang::parse_lesson(source, file);
  diagnostics = parsed.diagnostics;
  // The previous trace stays on screen until a new one is valid.
  if (!parsed.ok()) {
    run_notice = tr(locale, UiText::notice_lesson_errors);
    return;
  }
  LessonRunOptions options;
  options.hypotheticals = hypotheticals;
  // The Simulation menu's collector wins over the lesson's flags (-XX:+UseConcMarkSweepGC selects the
  // simulated non-moving mark-sweep).
  if (collector == heap::Collector::mark_sweep)
    options.jvm_flags = parsed.directives.jvm_flags + " -XX:+UseConcMarkSweepGC";
  LessonRunResult run = run_lesson(source, file, options);
  diagnostics = run.diagnostic_list;
  program_output = run.out + run.err;
  notes = split_lines(run.notes);
  notes_zh = split_lines(run.notes_zh);
  if (!run.trace) {
    run_notice = std::string(tr(locale, UiText::notice_cannot_run)) +
                 (run.diagnostics.empty() ? run.out : run.diagnostics);
    return;
  }
  std::vector<int> pauses;
  for (const auto& p : run.lesson->directives.pauses) pauses.push_back(p.line);
  session.load(std::move(run.trace), pauses);
  session.playback().seek(old_position);  // a re-run keeps the step position where it can
  lesson = std::move(run.lesson);
  map.fit(session.extents());
}

void AppState::set_hypothetical(const std::string& mode, bool on) {
  const auto it = std::find(hypotheticals.begin(), hypotheticals.end(), mode);
  if (on == (it != hypotheticals.end())) return;
  if (on)
    hypotheticals.push_back(mode);
  else
    hypotheticals.erase(it);
  rerun();
}

bool AppState::hypothetical_on(const std::string& mode) const {
  return std::find(hypotheticals.begin(), hypotheticals.end(), mode) != hypotheticals.end();
}

MemoryMapInput AppState::map_input() const {
  MemoryMapInput in;
  in.before = &session.view_before();
  in.after = &session.view_after();
  in.tween = session.tween();
  in.occupancy = &session.occupancy();
  in.locale = locale;
  in.step = session.current_step();
  return in;
}

const LessonEntry* AppState::current() const {
  if (selected < 0 || selected >= static_cast<int>(lessons.size())) return nullptr;
  return &lessons[static_cast<std::size_t>(selected)];
}

std::string AppState::title_of(const LessonEntry& e) const {
  if (locale == Locale::zh && !e.title_zh.empty()) return e.title_zh;
  return e.title.empty() ? e.id : e.title;
}

}  // namespace heapviz::app
