#pragma once
// Helpers shared by the lang tests: parse and print as S-expressions, or get the first error.
#include <string>

#include "heapviz/lang/ast_printer.hpp"
#include "heapviz/lang/parser.hpp"

namespace lang_test {

/// The S-expression of an expression, or "ERROR: <message>".
inline std::string expr(const std::string& src) {
  auto r = heapviz::lang::parse_expression(src);
  if (!r.expr) return "ERROR: " + (r.diagnostics.empty() ? std::string("?") : r.diagnostics.front().message);
  return heapviz::lang::to_sexpr(*r.expr);
}

/// The S-expression of main's body (statements in a block), or "ERROR: <message>".
inline std::string body(const std::string& src) {
  auto r = heapviz::lang::parse_program(src);
  if (!r.ok()) return "ERROR: " + r.diagnostics.front().message;
  return heapviz::lang::to_sexpr(*r.program.main_method->body);
}

/// The first diagnostic of parsing `src` (a default Diagnostic with an empty message if none).
inline heapviz::lang::Diagnostic first_error(const std::string& src) {
  auto r = heapviz::lang::parse_program(src);
  return r.diagnostics.empty() ? heapviz::lang::Diagnostic{} : r.diagnostics.front();
}

}  // namespace lang_test
