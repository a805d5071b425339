#include "ui/app_state.hpp"

namespace heapviz::app {

std::string AppState::load(const std::string& lesson) {
  lessons = list_lessons();
  if (lesson.empty()) {
    if (!lessons.empty()) select(0);
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
  lessons.push_back(*found);  // a file outside the bundled set
  select(static_cast<int>(lessons.size()) - 1);
  return {};
}

void AppState::select(int index) {
  if (index < 0 || index >= static_cast<int>(lessons.size())) return;
  selected = index;
  step = 0;
  const auto text = read_lesson_source(lessons[static_cast<std::size_t>(index)]);
  source = text.value_or("");
  source_error = text ? "" : "cannot read " + lessons[static_cast<std::size_t>(index)].path.string();
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
