#include "heapviz/lang/token.hpp"

#include <algorithm>
#include <array>

namespace heapviz::lang {

bool is_java_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 53> kWords = {
      "abstract", "assert",       "boolean",  "break",     "byte",   "case",      "catch",    "char",
      "class",    "const",        "continue", "default",   "do",     "double",    "else",     "enum",
      "extends",  "final",        "finally",  "float",     "for",    "goto",      "if",       "implements",
      "import",   "instanceof",   "int",      "interface", "long",   "native",    "new",      "package",
      "private",  "protected",    "public",   "return",    "short",  "static",    "strictfp", "super",
      "switch",   "synchronized", "this",     "throw",     "throws", "transient", "try",      "void",
      "volatile", "while",        "true",     "false",     "null"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

std::string describe_token(const Token& t) {
  switch (t.kind) {
    case TokenKind::EndOfFile:
      return "the end of the file";
    case TokenKind::Identifier:
      return "the name '" + t.text + "'";
    case TokenKind::Keyword:
      return "the keyword '" + t.text + "'";
    case TokenKind::IntLiteral:
    case TokenKind::LongLiteral:
    case TokenKind::FloatLiteral:
    case TokenKind::DoubleLiteral:
      return "the number " + t.text;
    case TokenKind::CharLiteral:
      return "the character literal " + t.text;
    case TokenKind::StringLiteral:
      return "a string literal";
    case TokenKind::Operator:
      return "'" + t.text + "'";
  }
  return "'" + t.text + "'";
}

}  // namespace heapviz::lang
