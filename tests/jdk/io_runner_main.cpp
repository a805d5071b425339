// heapviz_io_runner: runs an I/O case file (io_case_language.md) on the simulator.
//   heapviz_io_runner CASES                              prints the simulator's output
//   heapviz_io_runner CASES --expect JDKOUT [--out SIMOUT]  compares with the JDK's; exit 1 on a difference
//   heapviz_io_runner --flags CASES                      prints the JVM flags of the file's "#!" line
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "io_case_runner.hpp"
#include "output_diff.hpp"

using heapviz::jdk_test::read_text_file;

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && args[0] == "--flags") {
      const std::vector<std::string> ls = heapviz::jdk_test::split_lines(read_text_file(args[1]));
      if (!ls.empty() && ls[0].rfind("#!", 0) == 0) std::cout << ls[0].substr(2);
      return 0;
    }
    if (args.empty()) {
      std::cerr << "usage: heapviz_io_runner CASES [--expect JDKOUT] [--out SIMOUT]\n";
      return 2;
    }
    const std::string output = heapviz::jdk_test::run_io_case_file(read_text_file(args[0]));
    std::string expect, out_path;
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
      if (args[i] == "--expect") expect = args[i + 1];
      if (args[i] == "--out") out_path = args[i + 1];
    }
    if (!out_path.empty()) std::ofstream(out_path, std::ios::binary) << output;
    if (expect.empty()) {
      std::cout << output;
      return 0;
    }
    return heapviz::jdk_test::compare_outputs(read_text_file(expect), output);
  } catch (const std::exception& e) {
    std::cerr << "heapviz_io_runner: " << e.what() << "\n";
    return 2;
  }
}
