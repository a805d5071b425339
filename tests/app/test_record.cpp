#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "png_probe.hpp"
#include "process.hpp"

namespace fs = std::filesystem;

namespace {

fs::path out_path(const std::string& name) {
  const fs::path p = fs::path(HEAPVIZ_TEST_OUT_DIR) / name;
  fs::remove_all(p);
  return p;
}

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const char* kShort = " heap-demo --fps 5 --size 320x180 --from 0 --to 4 --no-title";

}  // namespace

TEST_CASE("record to a PNG folder: every frame has the size, is not blank, and two runs are identical") {
  const fs::path a = out_path("rec_a"), b = out_path("rec_b");
  const auto ra = run_heapviz(std::string("record") + kShort + " --out '" + a.string() + "'", true);
  INFO(ra.output);
  REQUIRE(ra.exit_code == 0);
  REQUIRE(run_heapviz(std::string("record") + kShort + " --out '" + b.string() + "'", true).exit_code == 0);
  std::vector<fs::path> frames;
  for (const auto& e : fs::directory_iterator(a)) frames.push_back(e.path());
  std::sort(frames.begin(), frames.end());
  // The first frame (before step 0 plays), 4 steps of 0.6 s at 5 fps (12 frames), a 2 s hold at the end (10).
  CHECK(frames.size() == 23);
  CHECK(ra.output.find("23 frames") != std::string::npos);
  for (const auto& f : frames) {
    const PngImage img = load_png(f.string());
    REQUIRE(img.ok());
    CHECK(img.width == 320);
    CHECK(img.height == 180);
    CHECK(img.distinct_colours(0, 0, img.width, img.height) > 8);
    CHECK(bytes_of(f) == bytes_of(b / f.filename()));  // deterministic, byte for byte
  }
  CHECK_FALSE(fs::exists(a.string() + ".partial"));
}

TEST_CASE("record to MP4 and GIF: ffprobe reads the duration and dimensions") {
  const fs::path mp4 = out_path("rec.mp4"), gif = out_path("rec.gif");
  const auto r1 = run_heapviz(std::string("record") + kShort + " --out '" + mp4.string() + "'", true);
  INFO(r1.output);
  REQUIRE(r1.exit_code == 0);
  const auto p1 = run_command(
      "ffprobe -v error -select_streams v:0 -show_entries stream=codec_name,pix_fmt,width,height "
      "-show_entries format=duration -of default=nw=1 '" +
      mp4.string() + "'");
  CHECK(p1.exit_code == 0);
  CHECK(p1.output.find("codec_name=h264") != std::string::npos);
  CHECK(p1.output.find("pix_fmt=yuv420p") != std::string::npos);
  CHECK(p1.output.find("width=320") != std::string::npos);
  CHECK(p1.output.find("height=180") != std::string::npos);
  CHECK(p1.output.find("duration=4.6") != std::string::npos);  // 23 frames at 5 fps
  const auto r2 = run_heapviz(std::string("record") + kShort + " --out '" + gif.string() + "'", true);
  REQUIRE(r2.exit_code == 0);
  const auto p2 =
      run_command("ffprobe -v error -show_entries stream=codec_name,width,height -of default=nw=1 '" +
                  gif.string() + "'");
  CHECK(p2.output.find("codec_name=gif") != std::string::npos);
  CHECK(p2.output.find("width=320") != std::string::npos);
}

TEST_CASE("without ffmpeg, video output says which package to install, odd sizes are refused for MP4") {
  const auto r = run_command("env PATH=/nonexistent '" + std::string(HEAPVIZ_BINARY) +
                             "' record heap-demo --out " + out_path("x.mp4").string());
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("Debian package ffmpeg") != std::string::npos);
  CHECK(r.output.find("PNG frames work without it") != std::string::npos);
  const auto odd = run_heapviz(
      "record heap-demo --size 321x180 --no-title --to 1 --out '" + out_path("odd.mp4").string() + "'", true);
  CHECK(odd.exit_code == 1);
  CHECK(odd.output.find("even width and height") != std::string::npos);
}

TEST_CASE("Ctrl+C during a recording leaves no file under the requested name") {
  const fs::path mp4 = out_path("interrupted.mp4");
  const std::string cmd = "xvfb-run -a -n 930 '" + std::string(HEAPVIZ_BINARY) +
                          "' record heap-demo --out '" + mp4.string() +
                          "' & pid=$!; sleep 3; pkill -INT -P $pid -x heapviz; wait $pid";
  const auto r = run_command(cmd);
  INFO(r.output);
  CHECK(r.output.find("recording interrupted") != std::string::npos);
  CHECK_FALSE(fs::exists(mp4));
  CHECK_FALSE(fs::exists(fs::path(HEAPVIZ_TEST_OUT_DIR) / "interrupted.partial.mp4"));
}
