// heapviz: entry point. Parses the command line and hands over to one mode (the window, the offscreen
// renders, or a headless mode shared with heapviz-cli).
#include <exception>
#include <iostream>

#include "cli/command_line.hpp"
#include "headless/headless_modes.hpp"
#include "modes/modes.hpp"

int main(int argc, char** argv) {
  try {
    auto parsed = heapviz::app::parse_command_line(argc, argv);
    if (const int* code = std::get_if<int>(&parsed)) return *code;
    const auto& options = std::get<heapviz::app::Options>(parsed);
    using Mode = heapviz::app::Options::Mode;
    switch (options.mode) {
      case Mode::screenshot:
        return heapviz::app::run_screenshot(options);
      case Mode::record:
        return heapviz::app::run_record(options);
      case Mode::interactive:
        return heapviz::app::run_interactive(options);
      case Mode::headless:
        return heapviz::headless::run_command(options);
    }
  } catch (const std::exception& e) {
    // Last line of defence: a clear message instead of std::terminate.
    std::cerr << "heapviz: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
