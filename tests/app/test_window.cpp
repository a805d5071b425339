#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "process.hpp"

namespace fs = std::filesystem;

namespace {
std::string read_all(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("the window opens under Xvfb, runs frames, closes cleanly and remembers the lesson and language") {
  const fs::path home = fs::path(HEAPVIZ_TEST_OUT_DIR) / "home-window";
  fs::remove_all(home);
  fs::create_directories(home);
  const auto r = run_command("HOME='" + home.string() + "' xvfb-run -a -n 950 -s '-screen 0 1280x720x24' '" +
                             std::string(HEAPVIZ_BINARY) + "' 3 --lang zh --quit-after-frames 10");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  const std::string saved = read_all(home / ".config" / "heapviz" / "settings.json");
  CHECK(saved.find("\"lang\": \"zh\"") != std::string::npos);
  CHECK(saved.find("03-heap-buffer-write-bounces.java") != std::string::npos);
  // The collector is saved with the one spelling --collector takes.
  CHECK(saved.find("\"collector\": \"mark-compact\"") != std::string::npos);
}

TEST_CASE("a broken settings file is tolerated: defaults are used and the app still runs") {
  const fs::path home = fs::path(HEAPVIZ_TEST_OUT_DIR) / "home-broken";
  fs::remove_all(home);
  fs::create_directories(home / ".config" / "heapviz");
  std::ofstream(home / ".config" / "heapviz" / "settings.json") << "{ not json";
  const auto r = run_command("HOME='" + home.string() + "' xvfb-run -a -n 970 '" +
                             std::string(HEAPVIZ_BINARY) + "' --quit-after-frames 3");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(read_all(home / ".config" / "heapviz" / "settings.json").find("\"lang\"") != std::string::npos);
}
