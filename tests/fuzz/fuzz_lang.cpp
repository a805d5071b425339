// libFuzzer entry point for the lesson front end: arbitrary bytes go through the lexer, the
// directive reader, the parser, the diagnostic formatter, the AST printer and the JDK wrapper.
// Besides crashes and sanitizer reports it traps on broken invariants (tree depth, positions).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "heapviz/lang/ast_printer.hpp"
#include "heapviz/lang/jdk_wrapper.hpp"
#include "heapviz/lang/lesson.hpp"
#include "heapviz/lang/parser.hpp"

namespace {

using namespace heapviz::lang;

void check_tree(const Node& n, int limit) {
  if (n.depth < 1 || n.depth > limit) __builtin_trap();
  if (n.span.line < 1 || n.span.col < 1) __builtin_trap();
  for_each_child(n, [&](const Node& c) {
    if (c.depth >= n.depth) __builtin_trap();  // depth must be the subtree height
    check_tree(c, n.depth - 1);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view src(reinterpret_cast<const char*>(data), size);
  const Lesson lesson = parse_lesson(src, "fuzz.java");
  const std::string text = lesson.format_diagnostics();
  for (const Diagnostic& d : lesson.diagnostics) {
    if (d.message.empty() || d.span.line < 1 || d.span.col < 1) __builtin_trap();
  }
  if (lesson.ok()) {
    if (!lesson.program.main_method || !lesson.program.main_method->body) __builtin_trap();
    for (const auto& cls : lesson.program.classes) check_tree(*cls, kMaxTreeDepth);
    (void)to_sexpr(lesson.program);
    (void)wrap_for_jdk(lesson);
  } else if (text.empty()) {
    __builtin_trap();  // an error must always be printable
  }
  const ExprParseResult e = parse_expression(src);
  if (e.expr) check_tree(*e.expr, kMaxTreeDepth);
  return 0;
}
