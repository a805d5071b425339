#include "process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>

ProcessResult run_command(const std::string& command_line) {
  ProcessResult r;
  FILE* pipe = popen(("( " + command_line + " ) 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  const int status = pclose(pipe);
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  return r;
}

ProcessResult run_heapviz(const std::string& args, bool with_display) {
  const std::string bin = std::string("'") + HEAPVIZ_BINARY + "' ";
  if (!with_display) return run_command("env -u DISPLAY -u WAYLAND_DISPLAY " + bin + args);
  // Parallel tests must not race for the same X display number: start each search at its own number.
  static int calls = 0;
  const int server = 100 + static_cast<int>((getpid() * 13 + calls++ * 7) % 800);
  return run_command("xvfb-run -a -n " + std::to_string(server) + " -s '-screen 0 1600x900x24' " + bin +
                     args);
}

ProcessResult run_heapviz_many(const std::vector<std::string>& arg_lists, const std::string& script_path) {
  {
    std::FILE* f = std::fopen(script_path.c_str(), "w");
    if (!f) return ProcessResult{-1, "cannot write " + script_path};
    std::fputs("set -e\n", f);
    for (const std::string& args : arg_lists) std::fprintf(f, "'%s' %s\n", HEAPVIZ_BINARY, args.c_str());
    std::fclose(f);
  }
  static int calls = 0;
  const int server = 100 + static_cast<int>((getpid() * 17 + calls++ * 11 + 3) % 800);
  return run_command("xvfb-run -a -n " + std::to_string(server) + " -s '-screen 0 1600x900x24' sh '" +
                     script_path + "'");
}
