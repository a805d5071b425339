#pragma once
// Runs the ByteBuffer case language (see case_language.md) on the simulator and prints the same
// format as BufferOps.java prints from the real JDK.
#include <string>
#include <string_view>
#include <vector>

namespace heapviz::jdk_test {

/// Runs the cases of a case file's text on the simulated machine (all of them, or only those of flag
/// group `group`, an index into case_groups()); returns the output.
std::string run_case_file(std::string_view text, int group = -1);

/// The distinct JVM flag sets of the cases ("flags ... |" headers; "" for none), in order of first use.
/// The JDK side runs one JVM per group.
std::vector<std::string> case_groups(std::string_view text);

/// True if `op` (one operation text such as "get 8") is an absolute single-value access whose
/// IndexOutOfBoundsException message the JDK leaves to the JIT (null interpreted, the index compiled).
bool has_unspecified_ioobe_message(std::string_view op);

}  // namespace heapviz::jdk_test
