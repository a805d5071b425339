#include "heapviz/lang/diagnostic.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace heapviz::lang {

bool has_errors(const std::vector<Diagnostic>& diags) {
  return std::any_of(diags.begin(), diags.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

std::string_view source_line(std::string_view source, int line) {
  if (line < 1) return {};
  std::size_t pos = 0;
  for (int current = 1; current < line; ++current) {
    const std::size_t nl = source.find_first_of("\r\n", pos);
    if (nl == std::string_view::npos) return {};
    pos = nl + 1;
    if (source[nl] == '\r' && pos < source.size() && source[pos] == '\n') ++pos;
  }
  const std::size_t end = source.find_first_of("\r\n", pos);
  return source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
}

namespace {

// Control bytes of a source line (other than tab) are shown as \xNN, so a diagnostic cannot move the
// terminal's cursor or ring its bell; the caret padding counts the same four characters.
bool is_control(std::uint32_t cp) { return (cp < 0x20 && cp != '\t') || cp == 0x7f; }

std::string escape_controls(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    if (!is_control(b)) {
      out += ch;
      continue;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

// Padding that puts a caret under 1-based code-point column `col` of `text`.
std::string caret_padding(std::string_view text, int col) {
  std::string pad;
  int current = 1;
  std::size_t i = 0;
  while (i < text.size() && current < col) {
    const std::uint32_t cp = utf8::decode(text, i);
    // A malformed lead byte leaves continuation bytes that the lexer did not count as columns.
    while (i < text.size() && utf8::is_continuation(static_cast<unsigned char>(text[i]))) ++i;
    if (cp == 0xFEFF && current == 1 && i == 3) continue;  // a leading byte-order mark takes no column
    if (cp == '\t')
      pad += '\t';
    else if (is_control(cp))
      pad += "    ";
    else
      pad += utf8::is_wide(cp) ? "  " : " ";
    ++current;
  }
  // Columns past the end of the line (a missing ';' at the end) continue with spaces.
  for (; current < col && pad.size() < 4096; ++current) pad += ' ';
  return pad;
}

}  // namespace

std::string format_diagnostic(std::string_view file_name, std::string_view source, const Diagnostic& d) {
  std::string out;
  out += file_name;
  out += ':' + std::to_string(d.span.line) + ':' + std::to_string(d.span.col) + ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  out += '\n';
  int line_count = 1;
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n' || (source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n')))
      ++line_count;
  }
  if (d.span.line >= 1 && d.span.line <= line_count) {
    const std::string_view text = source_line(source, d.span.line);
    out += escape_controls(text);
    out += '\n';
    out += caret_padding(text, d.span.col);
    out += "^\n";
  }
  return out;
}

std::string format_diagnostics(std::string_view file_name, std::string_view source,
                               const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const Diagnostic& d : diags) out += format_diagnostic(file_name, source, d);
  return out;
}

}  // namespace heapviz::lang
