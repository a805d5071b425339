#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "png_probe.hpp"
#include "process.hpp"

namespace {
std::string out_file(const char* name) { return std::string(HEAPVIZ_TEST_OUT_DIR) + "/" + name; }
}  // namespace

TEST_CASE("screenshot mode writes a PNG of the requested size that is not blank") {
  const std::string png = out_file("shot_960x540.png");
  std::remove(png.c_str());
  const auto r = run_heapviz("screenshot 1 --step 12 --out '" + png + "' --size 960x540", true);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const PngImage img = load_png(png);
  REQUIRE(img.ok());
  CHECK(img.width == 960);
  CHECK(img.height == 540);
  CHECK(img.distinct_colours(0, 0, img.width, img.height) >= 16);  // text, panels, selection, status bar
  // The menu bar (top ~24 px) holds dark text: "File", "View", "Help".
  CHECK(img.dark_pixels(0, 0, 200, 24, 100) > 30);
  // The lesson's source is drawn in the left-hand code panel.
  CHECK(img.dark_pixels(0, 60, img.width * 3 / 10, img.height / 2, 100) > 500);
  // After 12 steps the memory map (upper right) holds coloured objects: buffers, arrays, native memory.
  CHECK(img.distinct_colours(img.width * 3 / 10, 60, img.width, img.height / 2) > 40);
}

TEST_CASE("screenshot size does not depend on the window: a larger render is exactly that size") {
  const std::string png = out_file("shot_1920x1080.png");
  const auto r = run_heapviz("screenshot --out '" + png + "' --size 1920x1080", true);
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const PngImage img = load_png(png);
  CHECK(img.width == 1920);
  CHECK(img.height == 1080);
}

TEST_CASE("a screenshot into a missing folder fails with a message and leaves no file") {
  const auto r = run_heapviz("screenshot --out /nonexistent-dir/x.png", true);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("does not exist") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists("/nonexistent-dir/x.png"));
}

TEST_CASE(
    "screenshot: two files, one with no cached page, after fsync and sendfile: the map draws (no endless "
    "tick loop)") {
  // An empty page cache used to sit at address 0, stretching the kernel lane over 2^64 bytes; the axis'
  // tick step then overflowed to 0 and the frame never finished.
  const std::string lesson = out_file("two_files.java");
  {
    std::FILE* f = std::fopen(lesson.c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs(
        "FileChannel ch = FileChannel.open(Path.of(\"a.bin\"), StandardOpenOption.CREATE, "
        "StandardOpenOption.READ,\n"
        "        StandardOpenOption.WRITE);\n"
        "FileChannel out = FileChannel.open(Path.of(\"b.bin\"), StandardOpenOption.CREATE, "
        "StandardOpenOption.WRITE);\n"
        "ByteBuffer buf = ByteBuffer.allocateDirect(6000);\nbuf.put(new byte[6000]);\nbuf.flip();\n"
        "ch.write(buf);\nch.force(true);\nlong sent = ch.transferTo(0, ch.size(), out);\n",
        f);
    std::fclose(f);
  }
  for (const char* step : {"25", "28"}) {
    const std::string png = out_file("two_files.png");
    std::remove(png.c_str());
    const auto r = run_heapviz("screenshot '" + lesson + "' --step " + step + " --out '" + png + "'", true);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(load_png(png).ok());
  }
}

TEST_CASE(
    "screenshot: a copy step outlines what moved in the step-bytes colour, a step without a copy does not") {
  // The bounce copy of lesson 03 (heap -> temporary native buffer) and the write after it (native -> page
  // cache) are drawn in kStepBytes (170, 68, 130) on the memory map; the temporary buffer's get is not.
  auto step_pixels = [](const char* step) {
    const std::string png = out_file("copy_step.png");
    std::remove(png.c_str());
    const auto r = run_heapviz(std::string("screenshot 03 --step ") + step + " --out '" + png + "'", true);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const PngImage img = load_png(png);
    REQUIRE(img.ok());
    return img.pixels_of(img.width * 3 / 10, 40, img.width, img.height * 6 / 10, 170, 68, 130);
  };
  CHECK(step_pixels("29") == 0);  // after temp_buffer_get
  CHECK(step_pixels("30") > 40);  // after the bounce copy: outlines, path and label
  CHECK(step_pixels("33") > 40);  // after write(2)
}
