// Parse + check + run time of generated lessons at two sizes each, to show that the interpreter stays
// linear in the lesson's size: N locals in one scope (each one slot, every reference one root), and a
// lesson file of M megabytes of small blocks (each block's local goes stale and is reused).
//   lesson_scaling            the default sizes: 20,000 and 40,000 locals; 5 and 10 MB
//   lesson_scaling L1 L2 M1 M2
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "heapviz/lang/interpreter.hpp"
#include "heapviz/lang/lesson.hpp"
#include "heapviz/lang/lesson_run.hpp"

namespace {

std::string many_locals(int n) {
  std::string s;
  s.reserve(static_cast<std::size_t>(n) * 40);
  for (int i = 0; i < n; ++i) {
    // Alternate references (a root each) and ints; the last line reads the first local.
    s += (i % 2 ? "int v" + std::to_string(i) + " = " + std::to_string(i) + ";\n"
                : "byte[] v" + std::to_string(i) + " = new byte[" + std::to_string(i % 7) + "];\n");
  }
  s += "System.out.println(v0.length + v1);\n";
  return s;
}

std::string big_file(std::size_t bytes) {
  std::string s;
  s.reserve(bytes + 100);
  for (int i = 0; s.size() < bytes; ++i)
    s += "{ byte[] a = new byte[16]; a[" + std::to_string(i % 16) + "] = 1; int k = a.length + " +
         std::to_string(i % 1000) + "; }\n";
  s += "System.out.println(\"done\");\n";
  return s;
}

double run_ms(const std::string& src, std::string& out) {
  heapviz::LessonRunOptions o;
  o.record_trace = false;
  o.jvm_flags = std::string("-Xmx512m");
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = heapviz::run_lesson(src, "Bench.java", o);
  const auto t1 = std::chrono::steady_clock::now();
  out = r.ok ? r.out : "ERROR: " + r.diagnostics;
  return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void row(const char* what, double size, const char* unit, const std::string& src) {
  std::string out;
  // The phases on their own: parse, then check (run_lesson does both again, then runs).
  auto t0 = std::chrono::steady_clock::now();
  const heapviz::lang::Lesson lesson = heapviz::lang::parse_lesson(src, "Bench.java");
  const double parse = ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  const auto diags = heapviz::lang::check_program(lesson.program);
  const double check = ms_since(t0);
  double best = 1e300;
  for (int k = 0; k < 3; ++k) best = std::min(best, run_ms(src, out));
  if (out.size() > 60) out = out.substr(0, 60);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  std::printf(
      "%-20s %8.0f %-6s %6.2f MB: parse %7.1f ms, check %7.1f ms, parse+check+run %8.1f ms"
      " (best of 3), %zu diagnostics, prints: %s\n",
      what, size, unit, static_cast<double>(src.size()) / 1e6, parse, check, best, diags.size(), out.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  int l1 = 20000, l2 = 40000;
  double m1 = 5, m2 = 10;
  if (argc == 5) {
    l1 = std::atoi(argv[1]);
    l2 = std::atoi(argv[2]);
    m1 = std::atof(argv[3]);
    m2 = std::atof(argv[4]);
  } else if (argc != 1) {
    std::fprintf(stderr, "usage: lesson_scaling [LOCALS1 LOCALS2 MB1 MB2]\n");
    return 2;
  }
  row("locals in one scope", l1, "locals", many_locals(l1));
  row("locals in one scope", l2, "locals", many_locals(l2));
  row("lesson file", m1, "MB", big_file(static_cast<std::size_t>(m1 * 1e6)));
  row("lesson file", m2, "MB", big_file(static_cast<std::size_t>(m2 * 1e6)));
  return 0;
}
