#pragma once
#include <string>

/// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1;   ///< the exit status, or -1 if it did not exit normally
  std::string output;   ///< stdout and stderr together
};

/// Runs a shell command line, capturing its output.
ProcessResult run_command(const std::string& command_line);

/// Runs the heapviz binary under test with `args` (already shell-quoted), under Xvfb when `with_display`.
ProcessResult run_heapviz(const std::string& args, bool with_display);
