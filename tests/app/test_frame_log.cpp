// The window's benchmark mode (bench/frame_time.sh): --play-from starts playing there, --frame-log writes
// one line per frame. Only the log's shape and the playback are checked, never the timings.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"

namespace fs = std::filesystem;

TEST_CASE("frame log: one line per frame with the step, and playback starts at --play-from") {
  const fs::path home = fs::path(HEAPVIZ_TEST_OUT_DIR) / "home-frame-log";
  const fs::path log = fs::path(HEAPVIZ_TEST_OUT_DIR) / "frame_log.txt";
  fs::remove_all(home);
  fs::create_directories(home);
  fs::remove(log);
  const auto r =
      run_command("HOME='" + home.string() + "' xvfb-run -a -n 990 -s '-screen 0 1600x900x24' '" +
                  std::string(HEAPVIZ_BINARY) + "' heap-demo --play-from 5 --speed 10 --frame-log '" +
                  log.string() + "' --quit-after-frames 40");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::ifstream in(log);
  std::string line;
  REQUIRE(std::getline(in, line));
  CHECK(line == "# frame total_ms core_update_ms ui_ms gl_ms step tween vertices");
  std::vector<std::vector<double>> rows;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<double> row;
    for (double v = 0; fields >> v;) row.push_back(v);
    REQUIRE(row.size() == 8);
    rows.push_back(row);
  }
  REQUIRE(rows.size() == 40);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i][0] == static_cast<double>(i + 1));  // frame number
    CHECK(rows[i][1] >= rows[i][4]);                  // the frame includes its GL part
    CHECK(rows[i][5] >= 5);                           // never before --play-from
    CHECK(rows[i][7] > 100);                          // vertices drawn
  }
  CHECK(rows.front()[5] == 5);
  CHECK(rows.back()[5] > 5);  // it played on (a step takes 0.06 s at 10x; 40 frames take longer)
}

TEST_CASE("frame log: an unwritable log file is an error, not a crash") {
  const fs::path home = fs::path(HEAPVIZ_TEST_OUT_DIR) / "home-frame-log-bad";
  fs::create_directories(home);
  const auto r = run_command("HOME='" + home.string() + "' env -u DISPLAY -u WAYLAND_DISPLAY '" +
                             std::string(HEAPVIZ_BINARY) +
                             "' heap-demo --frame-log /nonexistent-dir/f.txt --quit-after-frames 3");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("cannot write /nonexistent-dir/f.txt") != std::string::npos);
}
