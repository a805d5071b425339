#pragma once
// Runs the ByteBuffer case language (see case_language.md) on the simulator and prints the same
// format as BufferOps.java prints from the real JDK.
#include <string>
#include <string_view>

namespace heapviz::jdk_test {

/// Runs every case of a case file's text; returns the whole output.
std::string run_case_file(std::string_view text);

/// True if `op` (one operation text such as "get 8") is an absolute single-value access whose
/// IndexOutOfBoundsException message the JDK leaves to the JIT (null interpreted, the index compiled).
bool has_unspecified_ioobe_message(std::string_view op);

}  // namespace heapviz::jdk_test
