#pragma once
#include <string_view>

namespace heapviz {

/// The heapviz version, e.g. "0.1.0" (from CMake's project version).
std::string_view version();

/// The JDK whose behaviour the simulator follows, e.g. "OpenJDK 17".
std::string_view modelled_jdk();

}  // namespace heapviz
