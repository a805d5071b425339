#include "process.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

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
  return run_command("xvfb-run -a -s '-screen 0 1600x900x24' " + bin + args);
}
