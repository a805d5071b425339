// heapviz_io_runner: runs an I/O case file (io_case_language.md) on the simulator.
//   heapviz_io_runner CASES                              prints the simulator's output
//   heapviz_io_runner CASES --expect JDKOUT [--out SIMOUT]  compares with the JDK's; exit 1 on a difference
//   heapviz_io_runner --flags CASES                      prints the JVM flags of the file's "#!" line
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "io_case_runner.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

int compare(const std::string& expected_text, const std::string& actual_text) {
  const std::vector<std::string> expected = lines(expected_text);
  const std::vector<std::string> actual = lines(actual_text);
  std::string current_case;
  int differences = 0;
  const std::size_t n = std::max(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string e = i < expected.size() ? expected[i] : "<missing>";
    const std::string a = i < actual.size() ? actual[i] : "<missing>";
    if (e.rfind("case ", 0) == 0) current_case = e;
    if (e == a) continue;
    if (++differences <= 20) {
      std::cout << "DIFFERENCE at output line " << i + 1 << " in " << current_case << "\n"
                << "  jdk:       " << e << "\n"
                << "  simulator: " << a << "\n";
    }
  }
  int cases = 0;
  for (const std::string& l : expected) cases += l.rfind("case ", 0) == 0 ? 1 : 0;
  if (differences == 0) {
    std::cout << "OK: " << cases << " cases, " << expected.size() << " lines equal to the JDK's\n";
    return 0;
  }
  std::cout << differences << " differing lines (of " << expected.size() << ")\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && args[0] == "--flags") {
      const std::vector<std::string> ls = lines(read_file(args[1]));
      if (!ls.empty() && ls[0].rfind("#!", 0) == 0) std::cout << ls[0].substr(2);
      return 0;
    }
    if (args.empty()) {
      std::cerr << "usage: heapviz_io_runner CASES [--expect JDKOUT] [--out SIMOUT]\n";
      return 2;
    }
    const std::string output = heapviz::jdk_test::run_io_case_file(read_file(args[0]));
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
    return compare(read_file(expect), output);
  } catch (const std::exception& e) {
    std::cerr << "heapviz_io_runner: " << e.what() << "\n";
    return 2;
  }
}
