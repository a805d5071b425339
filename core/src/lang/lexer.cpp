#include "heapviz/lang/lexer.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <limits>

#include "unicode_escapes.hpp"
#include "utf8.hpp"

namespace heapviz::lang {
namespace {

constexpr int kMaxLexErrors = 20;

// Longest first, so that "<<=" wins over "<<" and "<". `>` forms are left to the parser.
constexpr std::array<std::string_view, 41> kOperators = {
    "<<=", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", "+=", "-=", "*=",
    "/=",  "&=",  "|=", "^=", "%=", "<<", "(",  ")",  "{",  "}",  "[",  "]",  ";",  ",",
    ".",   "@",   "=",  ">",  "<",  "!",  "~",  "?",  ":",  "+",  "-",  "*",  "/"};
constexpr std::string_view kSingleExtra = "&|^%";

bool is_ident_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Non-ASCII characters that are not Java letters but that teachers type by accident: the no-break
// space, a byte-order mark, typographic quotes and CJK/fullwidth punctuation.
bool is_non_letter(std::uint32_t cp) {
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return false;  // letters in Latin-1 punctuation block
  return cp == 0xFFFD || cp == 0xFEFF || (cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

// The ASCII character a look-alike stands for, or 0.
char ascii_look_alike(std::uint32_t cp) {
  switch (cp) {
    case 0xFF1B:
      return ';';
    case 0xFF08:
      return '(';
    case 0xFF09:
      return ')';
    case 0xFF0C:
    case 0x3001:
      return ',';
    case 0xFF1A:
      return ':';
    case 0x3002:
      return '.';
    case 0xFF1D:
      return '=';
    case 0xFF5B:
      return '{';
    case 0xFF5D:
      return '}';
    case 0x201C:
    case 0x201D:
    case 0xFF02:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0xFF07:
      return '\'';
    case 0xA0:
    case 0x3000:
      return ' ';
    default:
      return 0;
  }
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Lexer {
 public:
  // javac translates unicode escapes before it lexes (JLS 3.3): `\u000a` ends a `//` comment and
  // `\u0061bc` is the identifier abc. The translation also drops a byte-order mark (editors on
  // Windows may start a file with one; it is not a column).
  explicit Lexer(std::string_view src) : source_(translate_unicode_escapes(src)), src_(source_.text) {
    for (Diagnostic& d : source_.diagnostics) {
      ++errors_;
      out_.diagnostics.push_back(std::move(d));
    }
  }

  LexResult run() {
    while (errors_ < kMaxLexErrors) {
      skip_whitespace_and_comments();
      if (pos_ >= src_.size()) break;
      lex_token();
    }
    Token eof;
    eof.kind = TokenKind::EndOfFile;
    eof.span = SourceSpan{line_, col_, line_, col_};
    out_.tokens.push_back(std::move(eof));
    return std::move(out_);
  }

 private:
  TranslatedSource source_;
  std::string_view src_;  // the translated text; positions map back through source_.line/col
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  int col_ = 1;
  int errors_ = 0;
  LexResult out_;

  char peek(std::size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
  bool at_end() const { return pos_ >= src_.size(); }

  // Moves past one byte; line and column are those of the original character at the new position.
  void advance() {
    const char c = src_[pos_++];
    if (c == '\n' || (c == '\r' && peek() != '\n')) line_start_ = pos_;
    line_ = source_.line[pos_];
    col_ = source_.col[pos_];
  }
  void advance(std::size_t n) {
    for (std::size_t i = 0; i < n && !at_end(); ++i) advance();
  }
  void advance_code_point() {
    std::size_t i = pos_;
    utf8::decode(src_, i);
    advance(i - pos_);
  }
  // Identifier characters: ASCII letters, digits, '_', '$', and any non-ASCII letter.
  bool ident_start_here() const {
    if (at_end()) return false;
    const auto c = static_cast<unsigned char>(peek());
    if (c < 0x80) return is_ident_start(c);
    std::size_t i = pos_;
    return !is_non_letter(utf8::decode(src_, i));
  }
  bool ident_part_here() const { return ident_start_here() || (!at_end() && is_digit(peek())); }

  SourceSpan span_from(int line, int col) const { return SourceSpan{line, col, line_, col_}; }

  void error(SourceSpan span, std::string message, DiagnosticKind kind = DiagnosticKind::Lexical) {
    ++errors_;
    out_.diagnostics.push_back(Diagnostic{Severity::Error, kind, span, std::move(message)});
  }

  void skip_whitespace_and_comments() {
    while (!at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '/' && peek(1) == '/') {
        line_comment();
      } else if (c == '/' && peek(1) == '*') {
        block_comment();
      } else {
        return;
      }
    }
  }

  bool only_space_before(std::size_t start) const {
    for (std::size_t i = line_start_; i < start; ++i) {
      if (src_[i] != ' ' && src_[i] != '\t' && src_[i] != '\f') return false;
    }
    return true;
  }

  void line_comment() {
    const std::size_t start = pos_;
    const int line = line_, col = col_;
    const bool starts_line = only_space_before(start);
    while (!at_end() && peek() != '\n' && peek() != '\r') advance();
    out_.comments.push_back(
        Comment{std::string(src_.substr(start, pos_ - start)), span_from(line, col), true, starts_line});
  }

  void block_comment() {
    const std::size_t start = pos_;
    const int line = line_, col = col_;
    const bool starts_line = only_space_before(start);
    advance(2);
    while (!at_end() && !(peek() == '*' && peek(1) == '/')) advance();
    if (at_end()) {
      error(SourceSpan{line, col, line, col + 2}, "this comment is never closed: '/*' needs a matching '*/'");
      return;
    }
    advance(2);
    out_.comments.push_back(
        Comment{std::string(src_.substr(start, pos_ - start)), span_from(line, col), false, starts_line});
  }

  Token make(TokenKind kind, std::size_t start, int line, int col) const {
    Token t;
    t.kind = kind;
    t.text = std::string(src_.substr(start, pos_ - start));
    t.span = span_from(line, col);
    return t;
  }

  void lex_token() {
    const std::size_t start = pos_;
    const int line = line_, col = col_;
    const auto c = static_cast<unsigned char>(peek());
    if (ident_start_here()) {
      while (ident_part_here()) advance_code_point();
      Token t = make(TokenKind::Identifier, start, line, col);
      if (is_java_keyword(t.text)) t.kind = TokenKind::Keyword;
      out_.tokens.push_back(std::move(t));
      return;
    }
    if (is_digit(static_cast<char>(c)) || (c == '.' && is_digit(peek(1)))) return number(start, line, col);
    if (c == '\'') return char_literal(start, line, col);
    if (c == '"') {
      if (peek(1) == '"' && peek(2) == '"') return text_block(line, col);
      return string_literal(start, line, col);
    }
    for (std::string_view op : kOperators) {
      if (src_.substr(pos_, op.size()) == op) {
        advance(op.size());
        out_.tokens.push_back(make(TokenKind::Operator, start, line, col));
        return;
      }
    }
    if (kSingleExtra.find(static_cast<char>(c)) != std::string_view::npos) {
      advance();
      out_.tokens.push_back(make(TokenKind::Operator, start, line, col));
      return;
    }
    // Not Java: report the whole code point.
    std::size_t i = pos_;
    const std::uint32_t cp = utf8::decode(src_, i);
    advance(i - pos_);
    std::string shown;
    if (cp >= 0x20 && cp != 0x7F && cp != 0xA0 && cp != 0xFEFF && cp != 0xFFFD) {
      shown = "'";
      utf8::append(shown, cp);
      shown += "'";
    } else {
      shown = "with code " + std::to_string(cp);
    }
    std::string msg = "the character " + shown + " cannot appear here in Java source";
    if (const char ascii = ascii_look_alike(cp)) {
      msg += ascii == ' ' ? std::string("; type an ordinary space")
                          : std::string("; did you mean '") + ascii + "'?";
    }
    error(span_from(line, col), std::move(msg));
  }

  // ---- numbers

  // Reads digits (and underscores) accepted by `digit_ok`; returns them without underscores.
  template <class F>
  std::string digits(F digit_ok, bool& bad_underscore) {
    const std::size_t start = pos_;
    std::string out;
    while (!at_end() && (digit_ok(peek()) || peek() == '_')) {
      if (peek() != '_') out += peek();
      advance();
    }
    const std::string_view raw = src_.substr(start, pos_ - start);
    if (!raw.empty() && (raw.front() == '_' || raw.back() == '_')) bad_underscore = true;
    return out;
  }

  static bool accumulate(const std::string& ds, unsigned base, std::uint64_t& value) {
    value = 0;
    for (char d : ds) {
      const auto v = static_cast<std::uint64_t>(hex_value(d));
      if (value > (std::numeric_limits<std::uint64_t>::max() - v) / base) return false;
      value = value * base + v;
    }
    return true;
  }

  void number(std::size_t start, int line, int col) {
    bool bad_underscore = false;
    unsigned base = 10;
    std::string ds;
    bool is_float = false;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      advance(2);
      base = 16;
      ds = digits([](char ch) { return hex_value(ch) >= 0; }, bad_underscore);
      if (peek() == '.' || peek() == 'p' || peek() == 'P') {
        while (ident_part_here()) advance_code_point();
        error(span_from(line, col),
              "this is valid Java that heapviz does not simulate yet: hexadecimal floating-point literals",
              DiagnosticKind::Unsupported);
        return;
      }
    } else if (peek() == '0' && (peek(1) == 'b' || peek(1) == 'B')) {
      advance(2);
      base = 2;
      ds = digits([](char ch) { return ch == '0' || ch == '1'; }, bad_underscore);
    } else {
      ds = digits(is_digit, bad_underscore);
      if (peek() == '.' && !(peek(1) == '.')) {  // "1." is a double; "1..2" is not ours anyway
        is_float = true;
        advance();
        if (!at_end() && peek() == '_') bad_underscore = true;
        ds += '.';
        ds += digits(is_digit, bad_underscore);
      }
      if (peek() == 'e' || peek() == 'E') {
        is_float = true;
        ds += 'e';
        advance();
        if (peek() == '+' || peek() == '-') {
          ds += peek();
          advance();
        }
        const std::string exp = digits(is_digit, bad_underscore);
        if (exp.empty()) {
          error(span_from(line, col), "this number's exponent has no digits");
          return;
        }
        ds += exp;
      }
    }
    TokenKind kind = is_float ? TokenKind::DoubleLiteral : TokenKind::IntLiteral;
    const char suffix = peek();
    if (suffix == 'l' || suffix == 'L') {
      if (is_float) {
        error(span_from(line, col), "a floating-point number cannot end in 'L'");
        return;
      }
      kind = TokenKind::LongLiteral;
      advance();
    } else if (base == 10 && (suffix == 'f' || suffix == 'F' || suffix == 'd' || suffix == 'D')) {
      kind = (suffix == 'f' || suffix == 'F') ? TokenKind::FloatLiteral : TokenKind::DoubleLiteral;
      is_float = true;
      advance();
    }
    if (ident_part_here()) {
      while (ident_part_here()) advance_code_point();
      std::string msg = "'";
      msg += src_.substr(start, pos_ - start);
      msg += "' is not a valid Java number";
      error(span_from(line, col), std::move(msg));
      return;
    }
    if (bad_underscore) {
      error(span_from(line, col), "an underscore in a number must sit between digits");
      return;
    }
    Token t = make(kind, start, line, col);
    t.decimal = base == 10;
    if (is_float) {
      std::string clean;
      if (!ds.empty() && ds.front() == '.') clean += '0';  // from_chars wants a digit first
      clean += ds;
      double v = 0;
      const auto res = std::from_chars(clean.data(), clean.data() + clean.size(), v);
      if (res.ec == std::errc::result_out_of_range) {
        error(t.span, "this floating-point number is too large");
        return;
      }
      t.float_value = v;
      out_.tokens.push_back(std::move(t));
      return;
    }
    if (ds.empty()) {
      error(t.span, base == 16 ? "a hexadecimal number needs digits after '0x'"
                               : "a binary number needs digits after '0b'");
      return;
    }
    if (base == 10 && ds.size() > 1 && ds.front() == '0') {
      base = 8;  // Java reads 017 as octal
      t.decimal = false;
      if (ds.find_first_of("89") != std::string::npos) {
        error(t.span,
              "'" + t.text + "' starts with 0, so Java reads it as octal, and octal has no digits 8 or 9");
        return;
      }
    }
    std::uint64_t value = 0;
    const bool fits64 = accumulate(ds, base, value);
    const bool is_long = kind == TokenKind::LongLiteral;
    bool too_large = !fits64;
    if (base == 10)
      too_large = too_large || value > (is_long ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 31));
    else if (!is_long)
      too_large = too_large || value > 0xFFFFFFFFull;
    if (too_large) {
      error(t.span, std::string(is_long ? "long" : "int") + " number too large: " + t.text);
      return;
    }
    t.int_value = value;
    out_.tokens.push_back(std::move(t));
  }

  // ---- characters and strings

  // Reads one escape sequence after the backslash; returns the UTF-16 unit or -1 after an error.
  long escape(int line, int col) {
    const char e = peek();
    if (at_end() || e == '\n' || e == '\r') {
      error(span_from(line, col), "a backslash at the end of the line is not a Java escape");
      return -1;
    }
    advance();
    switch (e) {
      case 'b':
        return '\b';
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'f':
        return '\f';
      case 'r':
        return '\r';
      case 's':
        return ' ';
      case '"':
        return '"';
      case '\'':
        return '\'';
      case '\\':
        return '\\';
      default:
        break;
    }
    if (e >= '0' && e <= '7') {
      long v = e - '0';
      const int max_digits = e <= '3' ? 3 : 2;
      for (int n = 1; n < max_digits && peek() >= '0' && peek() <= '7'; ++n) {
        v = v * 8 + (peek() - '0');
        advance();
      }
      return v;
    }
    // No unicode escape here: they were translated before lexing.
    error(span_from(line, col),
          std::string("'\\") + e + "' is not a Java escape sequence (use \\n, \\t, \\\\, \\\", \\' ...)");
    return -1;
  }

  void char_literal(std::size_t start, int line, int col) {
    advance();  // '
    long unit = -1;
    if (peek() == '\'') {
      advance();
      error(span_from(line, col), "a character literal needs one character between the quotes");
      return;
    }
    if (at_end() || peek() == '\n' || peek() == '\r') {
      error(span_from(line, col), "this character literal is not closed with ' on the same line");
      return;
    }
    if (peek() == '\\') {
      const int el = line_, ec = col_;
      advance();
      unit = escape(el, ec);
      if (unit < 0) return;
    } else {
      std::size_t i = pos_;
      const std::uint32_t cp = utf8::decode(src_, i);
      advance(i - pos_);
      if (cp > 0xFFFF) {
        error(span_from(line, col), "this character does not fit in a Java char; use a String");
        return;
      }
      unit = cp;
    }
    if (peek() != '\'') {
      while (!at_end() && peek() != '\'' && peek() != '\n' && peek() != '\r') advance();
      if (peek() == '\'') advance();
      error(span_from(line, col),
            "a character literal holds exactly one character; use double quotes for a String");
      return;
    }
    advance();
    Token t = make(TokenKind::CharLiteral, start, line, col);
    t.int_value = static_cast<std::uint64_t>(unit);
    out_.tokens.push_back(std::move(t));
  }

  void string_literal(std::size_t start, int line, int col) {
    advance();  // "
    std::string value;
    long pending_high = -1;  // a \uD8xx waiting for its low surrogate
    auto put_unit = [&](long unit) {
      if (pending_high >= 0) {
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
          utf8::append(value, 0x10000 + ((static_cast<std::uint32_t>(pending_high) - 0xD800) << 10) +
                                  (static_cast<std::uint32_t>(unit) - 0xDC00));
          pending_high = -1;
          return;
        }
        utf8::append(value, static_cast<std::uint32_t>(pending_high));
        pending_high = -1;
      }
      if (unit >= 0xD800 && unit <= 0xDBFF)
        pending_high = unit;
      else
        utf8::append(value, static_cast<std::uint32_t>(unit));
    };
    while (true) {
      if (at_end() || peek() == '\n' || peek() == '\r') {
        error(SourceSpan{line, col, line, col + 1}, "this string is not closed with \" on the same line");
        return;
      }
      const char c = peek();
      if (c == '"') break;
      if (c == '\\') {
        const int el = line_, ec = col_;
        advance();
        const long unit = escape(el, ec);
        if (unit < 0) return;
        put_unit(unit);
        continue;
      }
      std::size_t i = pos_;
      const std::uint32_t cp = utf8::decode(src_, i);
      advance(i - pos_);
      put_unit(cp);
    }
    if (pending_high >= 0) utf8::append(value, static_cast<std::uint32_t>(pending_high));
    advance();  // closing "
    Token t = make(TokenKind::StringLiteral, start, line, col);
    t.string_value = std::move(value);
    out_.tokens.push_back(std::move(t));
  }

  void text_block(int line, int col) {
    advance(3);
    while (!at_end() && !(peek() == '"' && peek(1) == '"' && peek(2) == '"')) advance();
    advance(3);
    error(SourceSpan{line, col, line, col + 3},
          "this is valid Java that heapviz does not simulate yet: text blocks (\"\"\"); use a string literal",
          DiagnosticKind::Unsupported);
  }
};

}  // namespace

LexResult lex(std::string_view source) { return Lexer(source).run(); }

}  // namespace heapviz::lang
