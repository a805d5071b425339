#include "cli/command_line.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "heapviz/engine/version.hpp"

namespace heapviz::app {
namespace {

std::string usage() {
  return "usage: heapviz [LESSON] | heapviz screenshot [LESSON] --out FILE.png [--size WxH] [--step N] | "
         "heapviz record [LESSON] --out FILE.mp4|FILE.gif|DIR | " +
         headless::headless_usage("heapviz");
}

// "1600x900" -> width, height; CLI11 validator style: returns an error text or "".
std::string parse_size(const std::string& text, int& w, int& h) {
  unsigned a = 0, b = 0;
  char x = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%u%c%u%c", &a, &x, &b, &extra) != 3 || (x != 'x' && x != 'X'))
    return "--size must look like 1600x900, not '" + text + "'";
  if (a < 64 || b < 64 || a > 7680 || b > 4320)
    return "--size " + text + " is out of range (64x64 to 7680x4320)";
  w = static_cast<int>(a);
  h = static_cast<int>(b);
  return {};
}

// A step or frame number: the error says what is allowed (CLI11's own range check prints the double limit).
// CLI11 puts the option's name in front of the message ("--step: must be ...").
CLI::Validator step_number(const char* /*what*/) {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        long v = -1;
        char extra = 0;
        if (std::sscanf(text.c_str(), "%ld%c", &v, &extra) != 1 || v < 0)
          return "must be a whole number from 0 up (a step of the lesson, 0 = before the first), not '" +
                 text + "'";
        return {};
      },
      "N>=0");
}

// An option whose value is a name: `parse` must know it, else `error` says why (the core's wording).
template <class Parse, class Error>
CLI::Validator one_of_names(Parse parse, Error error, const std::string& names) {
  return CLI::Validator([=](std::string& text) { return parse(text) ? std::string() : error(text); }, names);
}

template <class Enum, std::size_t N>
std::string spelled(const Enum (&values)[N]) {
  std::string s;
  for (Enum v : values) s += (s.empty() ? "" : "|") + std::string(to_string(v));
  return s;
}

}  // namespace

std::variant<Options, int> parse_command_line(int argc, char** argv) {
  Options o;
  CLI::App app{"heapviz " + std::string(version()) +
               ": see where a Java program's bytes live and move (Java heap, native memory, kernel, device),"
               " step by step, as OpenJDK 17 does it."};
  app.set_version_flag("--version",
                       "heapviz " + std::string(version()) + " (models " + std::string(modelled_jdk()) + ")");
  app.footer(
      "Run 'heapviz lessons' for the bundled lessons. Without a display, use\n"
      "  xvfb-run -a heapviz ...   or   heapviz screenshot --out shot.png (also under xvfb-run)");
  std::string size_text;
  float scale = 0;
  std::string lang_text, collector_text;
  const CLI::Validator lang_check = one_of_names(parse_locale, unknown_locale_error, spelled(kLocales));
  app.add_option("lesson", o.lesson,
                 "Lesson to open: number, id (e.g. 01-allocate-vs-direct) or a .java path");
  app.add_option("--scale", scale, "UI scale (font size factor), e.g. 1.5 for a projector")
      ->check(CLI::Range(0.5f, 4.0f));
  app.add_option("--lang", lang_text, "Narration language")->check(lang_check);
  app.add_option("--quit-after-frames", o.quit_after_frames,
                 "Close the window by itself after N frames (for tests)")
      ->check(CLI::PositiveNumber);
  app.add_option("--play-from", o.play_from,
                 "Start playing at step N, without stopping at pause points (benchmarks)")
      ->check(step_number("--play-from"));
  auto* window_speed =
      app.add_option("--speed", o.speed, "Playback speed, 0.1 to 10")->check(CLI::Range(0.1f, 10.0f));
  app.add_option("--frame-log", o.frame_log,
                 "Write each frame's times in ms (total, core update, UI, GL) and the step to FILE; no vsync "
                 "(benchmarks)");

  auto* shot = app.add_subcommand("screenshot", "Render the app offscreen at a fixed size and write a PNG");
  shot->add_option("lesson", o.lesson, "Lesson to show (default: the first)");
  shot->add_option("--out", o.out, "PNG file to write")->required();
  shot->add_option("--size", size_text, "Image size WxH (default 1600x900)");
  shot->add_option("--step", o.step, "Step of the lesson to show (default 0)")->check(step_number("--step"));
  shot->add_option("--hypothetical", o.hypotheticals, "Switch on a hypothetical mode the lesson declares")
      ->expected(1)
      ->take_all();
  shot->add_option("--facts", o.facts,
                   "Also write what the last frame drew (blocks, arrows, counters, narration) as JSON");
  shot->add_flag("--presentation", o.presentation,
                 "Draw the presentation (recording) layout, as one recorded frame at this step");
  shot->add_option("--select", o.select, "Object id to select, so the inspector shows it");
  shot->add_option("--select-page", o.select_page,
                   "Select the N-th page-cache page (0 = lowest address): the inspector dumps its bytes");
  shot->add_option("--scale", scale, "UI scale (font size factor)")->check(CLI::Range(0.5f, 4.0f));
  shot->add_option("--lang", lang_text, "Narration language")->check(lang_check);

  auto* rec =
      app.add_subcommand("record", "Record a lesson offscreen to PNG frames (a folder), .gif or .mp4");
  std::string rec_size = "1280x720";
  bool no_title = false, no_timeline = false, no_counter = false;
  rec->add_option("lesson", o.lesson, "Lesson to record (default: the first)");
  rec->add_option("--out", o.out, "Output: FILE.mp4, FILE.gif, or a folder name for PNG frames")->required();
  rec->add_option("--size", rec_size, "Frame size WxH (default 1280x720; even numbers for MP4)");
  rec->add_option("--fps", o.fps, "Frames per second (default 30)")->check(CLI::Range(1, 120));
  rec->add_option("--speed", o.speed, "Playback speed, 0.1 to 10 (default 1)")
      ->check(CLI::Range(0.1f, 10.0f));
  rec->add_option("--from", o.from, "First step (default 0)")->check(step_number("--from"));
  rec->add_option("--to", o.to, "Last step (default: the end)")->check(step_number("--to"));
  rec->add_option("--lang", lang_text, "Caption language")->check(lang_check);
  rec->add_option("--collector", collector_text, "Collector")
      ->check(one_of_names(heap::parse_collector, heap::unknown_collector_error, spelled(heap::kCollectors)));
  rec->add_option("--hypothetical", o.hypotheticals,
                  "Switch on a hypothetical mode the lesson declares (repeatable)")
      ->expected(1)
      ->take_all();
  rec->add_option("--scale", scale, "Text scale (default: 1.25 per 720 pixels of height)")
      ->check(CLI::Range(0.5f, 4.0f));
  rec->add_flag("--no-title", no_title, "Leave out the title card");
  rec->add_flag("--no-timeline", no_timeline, "Leave out the timeline strip");
  rec->add_flag("--no-step-counter", no_counter, "Leave out the step counter");

  const headless::HeadlessCommands headless_commands(app, o);

  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
    if (rec->parsed()) {
      if (auto err = parse_size(rec_size, o.width, o.height); !err.empty()) throw CLI::ValidationError(err);
      if (o.to >= 0 && o.to < o.from) throw CLI::ValidationError("--to must not be before --from");
      o.title_card = !no_title;
      o.timeline = !no_timeline;
      o.step_counter = !no_counter;
    }
    headless_commands.finish();
    if (!size_text.empty()) {
      if (auto err = parse_size(size_text, o.width, o.height); !err.empty()) throw CLI::ValidationError(err);
    }
  } catch (const CLI::ParseError& e) {
    return headless::report_parse_error(app, e, o.program, usage());
  }
  o.ui_scale = scale;
  if (!lang_text.empty()) o.locale = parse_locale(lang_text);
  if (!collector_text.empty()) o.collector = heap::parse_collector(collector_text);
  if (shot->parsed()) o.mode = Options::Mode::screenshot;
  if (rec->parsed()) o.mode = Options::Mode::record;
  if (o.command != headless::Command::none) o.mode = Options::Mode::headless;
  o.speed_given = window_speed->count() > 0;
  return o;
}

}  // namespace heapviz::app
