#pragma once
#include "cli/command_line.hpp"

namespace heapviz::app {

/// Opens the window on the chosen lesson and runs until the user closes it. Returns the exit code.
int run_interactive(const Options& options);
/// Renders offscreen at a fixed size and writes a PNG. Returns the exit code.
int run_screenshot(const Options& options);
/// Records a lesson offscreen to PNG frames, GIF or MP4. Returns the exit code.
int run_record(const Options& options);

}  // namespace heapviz::app
