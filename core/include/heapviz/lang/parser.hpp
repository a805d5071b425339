#pragma once
#include <string_view>
#include <vector>

#include "heapviz/lang/ast.hpp"
#include "heapviz/lang/diagnostic.hpp"

namespace heapviz::lang {

/// The result of parsing a lesson: the program (complete only if there are no errors) and the
/// diagnostics. Parsing stops at the first error.
struct ParseResult {
  Program program;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return !has_errors(diagnostics); }
};

/// Parses a lesson: a bare method body, or a compilation unit whose classes contain `main`.
///
/// A text is a compilation unit if it starts with `package`, `import` or a modifier/`class` and
/// consists only of type declarations one of which has a static `main`; otherwise it is a bare
/// body (which may declare local classes such as `class Node { Node next; }` among its statements).
/// Never throws; never recurses deeper than a fixed bound; reports an error at the first problem.
ParseResult parse_program(std::string_view source);

/// A single expression (for tests and tools); `expr` is null when there are errors.
struct ExprParseResult {
  ExprPtr expr;
  std::vector<Diagnostic> diagnostics;
};
ExprParseResult parse_expression(std::string_view source);

}  // namespace heapviz::lang
