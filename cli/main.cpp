// heapviz-cli: the headless executable. The modes that need no window (lessons, run, java and the
// step traces), with heapviz's options, messages and exit codes, linking no GL, GLFW, X11 or ImGui,
// so that lessons run on a server. The window and the offscreen renders stay in heapviz.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "headless/headless_modes.hpp"
#include "heapviz/engine/version.hpp"

namespace {

constexpr const char* kProgram = "heapviz-cli";

std::string usage() { return "usage: " + heapviz::headless::headless_usage(kProgram); }

// The modes that draw: heapviz-cli names them so that a user who tries one learns where it is.
int gui_only(const std::string& mode, const std::string& heapviz_command) {
  std::cerr << kProgram << ": " << mode
            << " draws with OpenGL, so it is in heapviz, the GUI executable: " << heapviz_command
            << " (under xvfb-run -a without a display). " << kProgram << " has lessons, run and java.\n"
            << usage() << "\n";
  return 2;
}

int run(int argc, char** argv) {
  heapviz::headless::HeadlessOptions o;
  o.program = kProgram;
  CLI::App app{std::string(kProgram) + " " + std::string(heapviz::version()) +
               ": heapviz without a window. Runs lessons on the simulated JVM and prints what the Java "
               "program prints, writes step traces, and writes lessons out for the real JDK 17."};
  app.set_version_flag("--version", std::string(kProgram) + " " + std::string(heapviz::version()) +
                                        " (models " + std::string(heapviz::modelled_jdk()) + ")");
  app.footer(
      "Run 'heapviz-cli lessons' for the bundled lessons. The window, screenshot and record are in "
      "heapviz.");
  const heapviz::headless::HeadlessCommands commands(app, o);
  // The GUI modes are listed so that using one gives the message above, not "unknown argument".
  auto* shot = app.add_subcommand("screenshot", "(heapviz only) Render the app offscreen to a PNG");
  auto* rec = app.add_subcommand("record", "(heapviz only) Record a lesson to PNG frames, .gif or .mp4");
  for (CLI::App* gui : {shot, rec}) gui->allow_extras()->prefix_command();
  // `heapviz-cli 05 ...`: a lesson without a mode is heapviz's window.
  std::vector<std::string> window_args;
  app.add_option("lesson", window_args, "(heapviz only) A lesson to open in the window");
  app.allow_extras();
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
    commands.finish();
  } catch (const CLI::ParseError& e) {
    return heapviz::headless::report_parse_error(app, e, o.program, usage());
  }
  if (shot->parsed()) return gui_only("screenshot", "heapviz screenshot [LESSON] --out FILE.png");
  if (rec->parsed()) return gui_only("record", "heapviz record [LESSON] --out OUT");
  if (o.command == heapviz::headless::Command::none) {
    if (argc > 1) return gui_only("the window", "heapviz [LESSON]");
    std::cerr << kProgram << ": error: give a mode: lessons, run or java\n"
              << usage() << "\nRun '" << kProgram << " --help' for details.\n";
    return 2;
  }
  return heapviz::headless::run_command(o);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    // Last line of defence: a clear message instead of std::terminate.
    std::cerr << kProgram << ": internal error: " << e.what() << "\n";
    return 3;
  }
}
