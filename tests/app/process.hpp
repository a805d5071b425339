#pragma once
#include <string>
#include <vector>

/// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1;  ///< the exit status, or -1 if it did not exit normally
  std::string output;  ///< stdout and stderr together
};

/// Runs a shell command line, capturing its output.
ProcessResult run_command(const std::string& command_line);

/// Runs the heapviz binary under test with `args` (already shell-quoted), under Xvfb when `with_display`.
ProcessResult run_heapviz(const std::string& args, bool with_display);

/// Runs several heapviz command lines (each already shell-quoted) one after another on one Xvfb display,
/// which saves starting a server per screenshot. Stops at the first failure.
ProcessResult run_heapviz_many(const std::vector<std::string>& arg_lists, const std::string& script_path);
