#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "heapviz/lang/source_span.hpp"

namespace heapviz::lang {

/// Lexical category of a token. Keywords and operators keep their spelling in `Token::text`.
enum class TokenKind : std::uint8_t {
  EndOfFile,
  Identifier,     ///< includes contextual keywords such as `var`, `record`, `yield`
  Keyword,        ///< a reserved word, also `true`, `false`, `null`
  IntLiteral,     ///< `int_value` holds the bits (0x80000000 for 2147483648 / -2147483648)
  LongLiteral,    ///< `int_value` holds the bits
  FloatLiteral,   ///< `float_value`
  DoubleLiteral,  ///< `float_value`
  CharLiteral,    ///< `int_value` holds the UTF-16 code unit
  StringLiteral,  ///< `string_value` holds the decoded text as UTF-8
  Operator,       ///< punctuation and operators; `>` is always lexed alone (see Lexer)
};

/// One token with its exact place in the source.
struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  std::string text;  ///< the spelling as written (for literals the raw lexeme)
  SourceSpan span;
  std::uint64_t int_value = 0;
  double float_value = 0.0;
  std::string string_value;  ///< decoded value of a string literal
  bool decimal = true;       ///< for integer literals: written in decimal (range rules differ)

  bool is(std::string_view op_or_word) const {
    return (kind == TokenKind::Operator || kind == TokenKind::Keyword) && text == op_or_word;
  }
  bool is_identifier() const { return kind == TokenKind::Identifier; }
};

/// A comment found while lexing; directives are read from these.
struct Comment {
  std::string text;  ///< the whole comment including `//` or `/*`
  SourceSpan span;
  bool is_line = true;      ///< `//` comment (false for `/* */`)
  bool starts_line = true;  ///< nothing but whitespace precedes it on its line
};

/// A readable name for a token in messages: "';'", "identifier 'foo'", "end of file".
std::string describe_token(const Token& t);

/// True if `word` is a reserved Java keyword or literal word (`true`, `false`, `null`).
bool is_java_keyword(std::string_view word);

}  // namespace heapviz::lang
