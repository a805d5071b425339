// heapviz: entry point. Parses the command line and hands over to one mode.
#include <exception>
#include <iostream>

#include "cli/command_line.hpp"
#include "heapviz/lang/lesson_catalog.hpp"
#include "modes/cli_modes.hpp"
#include "modes/modes.hpp"

namespace {

int list_lessons_mode() {
  const auto lessons = heapviz::list_lessons();
  if (lessons.empty()) {
    std::cerr << "heapviz: no lessons found in " << (heapviz::assets_dir() / "scenarios").string() << "\n";
    return 1;
  }
  for (const auto& e : lessons) std::cout << e.id << "  " << e.title << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    auto parsed = heapviz::app::parse_command_line(argc, argv);
    if (const int* code = std::get_if<int>(&parsed)) return *code;
    const auto& options = std::get<heapviz::app::Options>(parsed);
    using Mode = heapviz::app::Options::Mode;
    switch (options.mode) {
      case Mode::lessons:
        return list_lessons_mode();
      case Mode::screenshot:
        return heapviz::app::run_screenshot(options);
      case Mode::record:
        return heapviz::app::run_record(options);
      case Mode::interactive:
        return heapviz::app::run_interactive(options);
      case Mode::run:
        return heapviz::app::run_lesson_mode(options);
      case Mode::java:
        return heapviz::app::java_mode(options);
    }
  } catch (const std::exception& e) {
    // Last line of defence: a clear message instead of std::terminate.
    std::cerr << "heapviz: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
