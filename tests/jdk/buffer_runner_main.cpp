// heapviz_buffer_runner: runs a ByteBuffer case file on the simulator.
//   heapviz_buffer_runner CASES                 prints the simulator's output
//   heapviz_buffer_runner CASES [--group K] --expect JDKOUT [--out SIMOUT]
//                                               compares with the JDK's output; exit 1 on a difference
//                                               (--group K: only the cases of flag group K)
//   heapviz_buffer_runner --groups CASES        prints the flag groups, one a line ("-" = no flags)
//   heapviz_buffer_runner --generate COUNT SEED  prints COUNT random cases (deterministic per SEED)
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "buffer_case_runner.hpp"
#include "random_cases.hpp"

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
    if (comparable(e) == comparable(a)) continue;
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
    const std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() == 3 && a[0] == "--generate") {
      std::cout << heapviz::jdk_test::random_case_file(std::stoi(a[1]), static_cast<std::uint32_t>(std::stoul(a[2])));
      return 0;
    }
    if (a.size() == 2 && a[0] == "--groups") {  // one line per flag group; "-" for "no flags"
      for (const std::string& g : heapviz::jdk_test::case_groups(read_file(a[1]))) std::cout << (g.empty() ? "-" : g) << "\n";
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
    const std::string actual = heapviz::jdk_test::run_case_file(read_file(cases), group);
    if (expect.empty()) {
      std::cout << actual;
      return 0;
    }
    if (!out.empty()) std::ofstream(out, std::ios::binary) << actual;
    return compare(read_file(expect), actual);
  } catch (const std::exception& e) {
    std::cerr << "heapviz_buffer_runner: " << e.what() << "\n";
    return 2;
  }
}
