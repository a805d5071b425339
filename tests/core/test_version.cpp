#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "heapviz/engine/version.hpp"

TEST_CASE("version is the CMake project version") {
  const std::string v(heapviz::version());
  CHECK(v == HEAPVIZ_VERSION);
  CHECK(std::count(v.begin(), v.end(), '.') == 2);
  CHECK(std::string(heapviz::modelled_jdk()).find("17") != std::string::npos);
}
