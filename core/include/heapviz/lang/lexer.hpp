#pragma once
#include <string_view>
#include <vector>

#include "heapviz/lang/diagnostic.hpp"
#include "heapviz/lang/token.hpp"

namespace heapviz::lang {

/// Tokens, comments and lexical errors of one source text.
struct LexResult {
  std::vector<Token> tokens;  ///< always ends with an EndOfFile token
  std::vector<Comment> comments;
  std::vector<Diagnostic> diagnostics;
};

/// Splits Java source (UTF-8) into tokens.
///
/// - Positions: 1-based line and column; a column is one Unicode code point, a tab is one column.
///   "\n", "\r\n" and a lone "\r" each end a line.
/// - Literals: decimal, hex (`0x1F`), octal (`017`), binary (`0b101`) with underscores (`1_000`),
///   `L` suffix for long; floating literals with `f`/`d` suffixes; char and string literals with the
///   escapes `\b \t \n \f \r \s \" \' \\` and octal escapes.
/// - Unicode escapes (`\uXXXX`, `\uuXXXX`) are translated everywhere before lexing, as javac does
///   (JLS 3.3), so `\u000a` ends a `//` comment; positions still point at the original text.
/// - Text blocks (`"""`) are reported as valid Java that heapviz does not simulate yet.
/// - `>` is always a token of its own so that `List<List<X>>` closes two type argument lists; the
///   parser joins adjacent `>` `>` (and `>` `=`) back into shift and comparison operators.
/// - Identifiers may contain any non-ASCII character (Java allows Unicode letters).
/// Never throws; at most a bounded number of errors is reported (then lexing stops).
LexResult lex(std::string_view source);

}  // namespace heapviz::lang
