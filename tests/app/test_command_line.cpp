#include <doctest/doctest.h>

#include <algorithm>

#include "process.hpp"

TEST_CASE("--version and --help print text and exit 0") {
  const auto v = run_heapviz("--version", false);
  CHECK(v.exit_code == 0);
  CHECK(v.output.find("heapviz 0.") != std::string::npos);
  const auto h = run_heapviz("--help", false);
  CHECK(h.exit_code == 0);
  CHECK(h.output.find("screenshot") != std::string::npos);
  CHECK(h.output.find("xvfb-run") != std::string::npos);
}

TEST_CASE("an unknown option prints a one-line error plus usage and exits 2") {
  const auto r = run_heapviz("--no-such-option", false);
  CHECK(r.exit_code == 2);
  CHECK(r.output.rfind("heapviz: error: ", 0) == 0);
  CHECK(r.output.find("usage: heapviz") != std::string::npos);
}

TEST_CASE("bad screenshot arguments are usage errors, not crashes") {
  CHECK(run_heapviz("screenshot", false).exit_code == 2);                           // --out missing
  CHECK(run_heapviz("screenshot --out x.png --size 10x10", false).exit_code == 2);  // too small
  CHECK(run_heapviz("screenshot --out x.png --size banana", false).exit_code == 2);
  CHECK(run_heapviz("screenshot no-such-lesson --out x.png", false).exit_code == 2);
}

TEST_CASE("without a display the app says so in one line, names the alternatives, exits non-zero") {
  const auto r = run_heapviz("", false);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("no display") != std::string::npos);
  CHECK(r.output.find("xvfb-run") != std::string::npos);
  CHECK(r.output.find("screenshot") != std::string::npos);
  CHECK(std::count(r.output.begin(), r.output.end(), '\n') == 1);
}

TEST_CASE("'heapviz lessons' lists the bundled lessons with titles") {
  const auto r = run_heapviz("lessons", false);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("01-allocate-vs-direct  Where the bytes live") != std::string::npos);
}
