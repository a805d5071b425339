#include <doctest/doctest.h>

#include <string>

#include "heapviz/lang/ast_printer.hpp"
#include "heapviz/lang/lesson.hpp"
#include "heapviz/lang/parser.hpp"

using namespace heapviz::lang;

namespace {
Diagnostic first(const std::string& src) {
  auto r = parse_program(src);
  REQUIRE_FALSE(r.diagnostics.empty());
  return r.diagnostics.front();
}
}  // namespace

TEST_CASE("limits: 10000 open parentheses give a diagnostic, not a stack overflow") {
  const Diagnostic d = first("int x = " + std::string(10000, '(') + "1" + std::string(10000, ')') + ";");
  CHECK(d.kind == DiagnosticKind::Limit);
  CHECK(d.message.find("nested too deeply") != std::string::npos);
  CHECK(d.span.line == 1);
}

TEST_CASE("limits: deep blocks, else-if chains, casts, unary operators and array initializers") {
  CHECK(first(std::string(10000, '{') + std::string(10000, '}')).kind == DiagnosticKind::Limit);
  std::string chain;
  for (int i = 0; i < 5000; ++i) chain += "if (a) x(); else ";
  chain += "x();";
  CHECK(first(chain).kind == DiagnosticKind::Limit);
  CHECK(first("int x = " + std::string(10000, '-') + "1;").kind == DiagnosticKind::Limit);
  std::string casts;
  for (int i = 0; i < 5000; ++i) casts += "(int) ";
  CHECK(first("int x = " + casts + "1;").kind == DiagnosticKind::Limit);
  CHECK(first("int[] a = " + std::string(5000, '{') + std::string(5000, '}') + ";").kind ==
        DiagnosticKind::Limit);
  CHECK(first("List<" + std::string(5000, 'L') + ">").kind != DiagnosticKind::Lexical);
  std::string assigns = "a";
  for (int i = 0; i < 5000; ++i) assigns += " = a";
  CHECK(first(assigns + ";").kind == DiagnosticKind::Limit);
}

TEST_CASE("limits: long flat chains are bounded by the tree depth, so walkers stay safe") {
  std::string sum = "int s = 1";
  for (int i = 0; i < 20000; ++i) sum += " + 1";
  const Diagnostic d = first(sum + ";");
  CHECK(d.kind == DiagnosticKind::Limit);
  std::string calls = "b";
  for (int i = 0; i < 20000; ++i) calls += ".f()";
  CHECK(first(calls + ";").kind == DiagnosticKind::Limit);
}

TEST_CASE("limits: realistic code stays well inside the limits") {
  std::string sum = "int s = 1";
  for (int i = 0; i < 100; ++i) sum += " + 1";
  auto r = parse_program(sum + ";\n" + std::string(30, '{') + "s++;" + std::string(30, '}'));
  CHECK(r.ok());
  CHECK(r.program.main_method->body->depth <= kMaxTreeDepth);
  std::string stmts;
  for (int i = 0; i < 20000; ++i) stmts += "x++;\n";
  CHECK(parse_program(stmts).ok());  // many statements side by side are flat, not deep
}

TEST_CASE("limits: unterminated constructs at the end of the file never loop") {
  for (const char* src : {"for (", "while (true", "try {", "new byte[", "f(a, ", "x = (", "class A {",
                          "int[] a = {1,", "catch", "do x(); while", "(int)", "a ? b", "List<List<", "() ->",
                          "x instanceof", "public class A { public static void main(String[] a) {"}) {
    auto r = parse_program(src);
    CHECK_MESSAGE(!r.ok(), src);
    auto l = parse_lesson(src);
    CHECK_FALSE(l.format_diagnostics().empty());
  }
}
