#include "core_reference.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "heapviz/engine/demo_scenarios.hpp"
#include "heapviz/lang/lesson_run.hpp"

heapviz::View CoreLesson::view_at(std::size_t position) const {
  return heapviz::make_view(trace->state_at(position));
}

long CoreLesson::first_of(heapviz::StepKind kind) const {
  for (std::size_t k = 0; k < trace->size(); ++k)
    if (trace->step(k).kind == kind) return static_cast<long>(k);
  return -1;
}

CoreLesson run_core_lesson(const std::filesystem::path& file, const std::vector<std::string>& hypotheticals) {
  CoreLesson c;
  c.path = file;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    c.error = "cannot read " + file.string();
    return c;
  }
  std::ostringstream text;
  text << in.rdbuf();
  heapviz::LessonRunOptions options;
  options.hypotheticals = hypotheticals;
  heapviz::LessonRunResult r = heapviz::run_lesson(text.str(), file.filename().string(), options);
  c.trace = std::move(r.trace);
  c.lesson = std::move(r.lesson);
  if (!c.trace || c.trace->size() == 0) c.error = "no trace: " + r.diagnostics;
  return c;
}

CoreLesson run_core_heap_demo() {
  CoreLesson c;
  c.path = "heap-demo";
  c.trace = heapviz::run_heap_demo(heapviz::heap::Collector::mark_compact);
  return c;
}

std::vector<std::filesystem::path> bundled_lessons() {
  std::vector<std::filesystem::path> out;
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios"))
    if (e.path().extension() == ".java") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}
