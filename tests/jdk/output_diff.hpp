#pragma once
// What the differential runners (buffer and I/O case files) share: reading a file, and comparing the
// JDK's output with the simulator's line by line with a short report on stdout.
#include <functional>
#include <string>
#include <vector>

namespace heapviz::jdk_test {

/// The whole file; throws std::runtime_error("cannot read PATH") when it cannot be opened.
std::string read_text_file(const std::string& path);

/// The lines of `text` without their '\n'.
std::vector<std::string> split_lines(const std::string& text);

/// Compares line by line after `comparable` (identity when empty). Prints the first 20 differences as
/// "DIFFERENCE at output line N in <case line>", then "OK: ..." or "K differing lines (of N)".
/// Returns 0 when equal, 1 otherwise.
int compare_outputs(const std::string& expected_text, const std::string& actual_text,
                    const std::function<std::string(const std::string&)>& comparable = {});

}  // namespace heapviz::jdk_test
