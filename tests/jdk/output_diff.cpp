#include "output_diff.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace heapviz::jdk_test {

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

int compare_outputs(const std::string& expected_text, const std::string& actual_text,
                    const std::function<std::string(const std::string&)>& comparable) {
  const auto same = [&](const std::string& e, const std::string& a) {
    return comparable ? comparable(e) == comparable(a) : e == a;
  };
  const std::vector<std::string> expected = split_lines(expected_text);
  const std::vector<std::string> actual = split_lines(actual_text);
  std::string current_case;
  int differences = 0;
  const std::size_t n = std::max(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string e = i < expected.size() ? expected[i] : "<missing>";
    const std::string a = i < actual.size() ? actual[i] : "<missing>";
    if (e.rfind("case ", 0) == 0) current_case = e;
    if (same(e, a)) continue;
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

}  // namespace heapviz::jdk_test
