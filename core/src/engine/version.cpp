#include "heapviz/engine/version.hpp"

namespace heapviz {

std::string_view version() { return HEAPVIZ_VERSION; }

std::string_view modelled_jdk() { return "OpenJDK 17 (HotSpot, 64-bit, compressed oops)"; }

}  // namespace heapviz
