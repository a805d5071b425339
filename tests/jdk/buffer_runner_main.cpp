// heapviz_buffer_runner: runs a ByteBuffer case file on the simulator.
//   heapviz_buffer_runner CASES                 prints the simulator's output
//   heapviz_buffer_runner CASES [--group K] --expect JDKOUT [--out SIMOUT]
//                                               compares with the JDK's output; exit 1 on a difference
//                                               (--group K: only the cases of flag group K)
//   heapviz_buffer_runner --groups CASES        prints the flag groups, one a line ("-" = no flags)
//   heapviz_buffer_runner --generate COUNT SEED  prints COUNT random cases (deterministic per SEED)
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "buffer_case_runner.hpp"
#include "output_diff.hpp"
#include "random_cases.hpp"

namespace {

using heapviz::jdk_test::read_text_file;

// The line as compared: for an absolute single-value access, an IndexOutOfBoundsException's message is
// JIT-dependent in the JDK (null interpreted, the index once C1 compiled Buffer.checkIndex), so only
// the class is compared there.
std::string comparable(const std::string& line) {
  const auto arrow = line.find(" => ");
  if (arrow == std::string::npos) return line;
  const std::string op = line.substr(0, arrow);
  const std::string ioobe = " => !java.lang.IndexOutOfBoundsException: ";
  if (line.compare(arrow, ioobe.size(), ioobe) != 0 || !heapviz::jdk_test::has_unspecified_ioobe_message(op))
    return line;
  const auto bar = line.find(" | ", arrow);
  return op + ioobe + "<unspecified>" + (bar == std::string::npos ? "" : line.substr(bar));
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() == 3 && a[0] == "--generate") {
      std::cout << heapviz::jdk_test::random_case_file(std::stoi(a[1]),
                                                       static_cast<std::uint32_t>(std::stoul(a[2])));
      return 0;
    }
    if (a.size() == 2 && a[0] == "--groups") {  // one line per flag group; "-" for "no flags"
      for (const std::string& g : heapviz::jdk_test::case_groups(read_text_file(a[1])))
        std::cout << (g.empty() ? "-" : g) << "\n";
      return 0;
    }
    std::string cases, expect, out;
    int group = -1;
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (a[k] == "--expect" && k + 1 < a.size()) {
        expect = a[++k];
      } else if (a[k] == "--out" && k + 1 < a.size()) {
        out = a[++k];
      } else if (a[k] == "--group" && k + 1 < a.size()) {
        group = std::stoi(a[++k]);
      } else if (cases.empty() && a[k].rfind("--", 0) != 0) {
        cases = a[k];
      } else {
        cases.clear();
        break;
      }
    }
    if (cases.empty()) {
      std::cerr << "usage: heapviz_buffer_runner CASES [--group K] [--expect JDKOUT [--out SIMOUT]]\n"
                   "       heapviz_buffer_runner --groups CASES\n"
                   "       heapviz_buffer_runner --generate COUNT SEED\n";
      return 2;
    }
    const std::string actual = heapviz::jdk_test::run_case_file(read_text_file(cases), group);
    if (expect.empty()) {
      std::cout << actual;
      return 0;
    }
    if (!out.empty()) std::ofstream(out, std::ios::binary) << actual;
    return heapviz::jdk_test::compare_outputs(read_text_file(expect), actual, comparable);
  } catch (const std::exception& e) {
    std::cerr << "heapviz_buffer_runner: " << e.what() << "\n";
    return 2;
  }
}
