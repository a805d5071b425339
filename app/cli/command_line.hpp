#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "headless/headless_modes.hpp"
#include "heapviz/heap/heap_settings.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

/// What the user asked for on the command line. The base holds the lesson (empty = the default lesson),
/// the hypothetical modes and the headless modes' options.
struct Options : headless::HeadlessOptions {
  /// The headless modes (lessons, run, java: `command` says which) are the ones heapviz-cli has too.
  enum class Mode { interactive, screenshot, record, headless };
  Mode mode = Mode::interactive;
  std::string out;    ///< output file (screenshot)
  std::string facts;  ///< --facts FILE.json (screenshot): the drawn-facts log of the last frame
  bool presentation =
      false;         ///< --presentation (screenshot): the recording layout, at the recording's UI scale
  int width = 1600;  ///< offscreen size in pixels (screenshot)
  int height = 900;
  long step = 0;        ///< step to show (screenshot)
  unsigned select = 0;  ///< object id to select in the inspector (screenshot), 0 = none
  std::string
      select_page;  ///< "N": select the N-th page-cache page (0-based, address order) instead (screenshot)
  long quit_after_frames = 0;    ///< window: close by itself after this many frames (tests, demos); 0 = never
  long play_from = -1;           ///< window: start playing at this step (benchmarks); -1 = no
  std::string frame_log;         ///< window: write one line of timings per frame to this file (benchmarks)
  float ui_scale = 0;            ///< font/UI scale; 0 = from the monitor's content scale (interactive) or 1
  std::optional<Locale> locale;  ///< --lang; not given: the window uses the last one, renders English
  // record
  int fps = 30;
  float speed = 1.0f;
  bool speed_given = false;                  ///< --speed on the window's command line (else the saved speed)
  long from = 0, to = -1;                    ///< step range; -1 = to the end
  std::optional<heap::Collector> collector;  ///< --collector (record); not given: mark-compact
  bool title_card = true, timeline = true, step_counter = true;
};

/// Parses argv. Returns Options, or the process exit code when parsing already answered
/// (0 after --help/--version, 2 after a usage error, with the message printed).
std::variant<Options, int> parse_command_line(int argc, char** argv);

}  // namespace heapviz::app
