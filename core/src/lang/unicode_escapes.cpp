#include "unicode_escapes.hpp"

#include <cstdint>

#include "utf8.hpp"

namespace heapviz::lang {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Walks the raw source keeping the original line and code-point column, as the lexer counts them.
class Translator {
 public:
  explicit Translator(std::string_view src) : src_(src) {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  TranslatedSource run() {
    int backslashes = 0;  // raw backslashes right before pos_
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      if (c == '\\' && backslashes % 2 == 0 && pos_ + 1 < src_.size() && src_[pos_ + 1] == 'u') {
        backslashes = 0;
        escape();
        continue;
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
      emit_raw_byte();
    }
    flush_high();
    out_.line.push_back(line_);
    out_.col.push_back(col_);
    return std::move(out_);
  }

 private:
  std::string_view src_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int col_ = 1;
  TranslatedSource out_;
  // A high surrogate escape waiting for a low one: its unit and where it started.
  long pending_high_ = -1;
  int high_line_ = 0, high_col_ = 0;

  void step_raw() {
    const char c = src_[pos_++];
    if (c == '\n' || (c == '\r' && (pos_ >= src_.size() || src_[pos_] != '\n'))) {
      ++line_;
      col_ = 1;
    } else if (c == '\r') {
      // "\r\n": the '\n' ends the line.
    } else if (pos_ >= src_.size() || !utf8::is_continuation(static_cast<unsigned char>(src_[pos_]))) {
      ++col_;
    }
  }

  void emit_raw_byte() {
    flush_high();
    out_.text += src_[pos_];
    out_.line.push_back(line_);
    out_.col.push_back(col_);
    step_raw();
  }

  void emit_code_point(std::uint32_t cp, int line, int col) {
    const std::size_t before = out_.text.size();
    utf8::append(out_.text, cp);
    for (std::size_t i = before; i < out_.text.size(); ++i) {
      out_.line.push_back(line);
      out_.col.push_back(col);
    }
  }

  void flush_high() {
    if (pending_high_ < 0) return;
    emit_code_point(static_cast<std::uint32_t>(pending_high_), high_line_, high_col_);
    pending_high_ = -1;
  }

  void escape() {
    const int line = line_, col = col_;
    std::size_t i = pos_ + 1;
    while (i < src_.size() && src_[i] == 'u') ++i;
    long unit = 0;
    for (int n = 0; n < 4; ++n, ++i) {
      const int h = i < src_.size() ? hex_digit(src_[i]) : -1;
      if (h < 0) {
        flush_high();
        out_.diagnostics.push_back(Diagnostic{Severity::Error, DiagnosticKind::Lexical,
                                              SourceSpan{line, col, line, col + 2},
                                              "illegal unicode escape: '\\u' must be followed by four "
                                              "hexadecimal digits"});
        // Keep the text as typed (the lexer then stops at the stray backslash or reads on).
        emit_raw_byte();
        return;
      }
      unit = unit * 16 + h;
    }
    out_.had_escapes = true;
    while (pos_ < i) step_raw();
    if (pending_high_ >= 0 && unit >= 0xDC00 && unit <= 0xDFFF) {
      const auto cp = 0x10000 + ((static_cast<std::uint32_t>(pending_high_) - 0xD800) << 10) +
                      (static_cast<std::uint32_t>(unit) - 0xDC00);
      emit_code_point(cp, high_line_, high_col_);
      pending_high_ = -1;
      return;
    }
    flush_high();
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      pending_high_ = unit;
      high_line_ = line;
      high_col_ = col;
      return;
    }
    emit_code_point(static_cast<std::uint32_t>(unit), line, col);
  }
};

}  // namespace

TranslatedSource translate_unicode_escapes(std::string_view source) { return Translator(source).run(); }

}  // namespace heapviz::lang
