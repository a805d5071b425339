#include "ui/app_state.hpp"

#include "heapviz/demo_scenarios.hpp"
#include "heapviz/lang/lesson.hpp"

namespace heapviz::app {

std::string AppState::load(const std::string& lesson) {
  lessons = list_lessons();
  for (const DemoScenario& d : demo_scenarios()) lessons.push_back(LessonEntry{d.id, {}, d.title, d.title_zh});
  if (lesson.empty()) {
    // Until lessons can be interpreted, open on the built-in demo: it shows the heap at work.
    select(static_cast<int>(lessons.size()) - static_cast<int>(demo_scenarios().size()));
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
  rerun();
}

void AppState::rerun() {
  const LessonEntry* e = current();
  if (!e) return;
  if (!code.source().empty()) source = code.source();
  diagnostics.clear();
  run_notice.clear();
  if (current_is_builtin()) {
    session.load(run_heap_demo(collector));
    map.fit(session.extents());
    return;
  }
  const lang::Lesson parsed = lang::parse_lesson(source, e->path.filename().string());
  diagnostics = parsed.diagnostics;
  // The previous trace stays on screen until a new one is valid.
  if (!parsed.ok()) {
    run_notice = lang == "zh" ? "课程有错误，见代码面板。" : "The lesson has errors: see the code panel.";
    return;
  }
  run_notice = lang == "zh" ? "课程已解析；解释执行 Java 课程的功能尚在开发中。请在“课程”菜单中打开内置的 heap-demo 观看堆的变化。"
                            : "Parsed without errors. Running Java lessons needs the interpreter, which is still being "
                              "built; open the built-in 'heap-demo' (Lessons menu) to watch the heap at work.";
  session = TraceSession();
}

const LessonEntry* AppState::current() const {
  if (selected < 0 || selected >= static_cast<int>(lessons.size())) return nullptr;
  return &lessons[static_cast<std::size_t>(selected)];
}

std::string AppState::title_of(const LessonEntry& e) const {
  if (lang == "zh" && !e.title_zh.empty()) return e.title_zh;
  return e.title.empty() ? e.id : e.title;
}

}  // namespace heapviz::app
