#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/lang/source_span.hpp"

namespace heapviz::lang {

/// How bad a diagnostic is. Only errors stop a lesson from running.
enum class Severity { Error, Warning, Note };

/// Which stage found the problem; lets callers (and tests) tell "not Java" from "not simulated yet".
enum class DiagnosticKind {
  Lexical,      ///< bad characters, unterminated literals, numbers out of range
  Syntax,       ///< not valid Java
  Unsupported,  ///< valid Java that heapviz does not simulate yet
  Semantic,     ///< valid syntax that javac would still reject (e.g. `static` on a local class)
  Directive,    ///< a malformed or unknown `//@` directive
  Limit,        ///< nesting or size beyond what the front end accepts
};

/// One message about a lesson, tied to a place in its source.
struct Diagnostic {
  Severity severity = Severity::Error;
  DiagnosticKind kind = DiagnosticKind::Syntax;
  SourceSpan span;
  std::string message;  ///< a plain sentence, no trailing newline
};

/// True if any diagnostic in `diags` is an error.
bool has_errors(const std::vector<Diagnostic>& diags);

/// "error", "warning" or "note".
std::string_view severity_name(Severity s);

/// Formats one diagnostic like a compiler:
///   lesson.java:3:17: error: expected ';' after the statement
///   <the source line>
///   <caret under the column>
/// Tabs before the column are copied into the caret line so the caret lines up; East Asian wide
/// characters before it get two spaces (terminals draw them two cells wide). A span outside the
/// text prints only the first line.
std::string format_diagnostic(std::string_view file_name, std::string_view source, const Diagnostic& d);

/// format_diagnostic for each diagnostic, concatenated.
std::string format_diagnostics(std::string_view file_name, std::string_view source,
                               const std::vector<Diagnostic>& diags);

/// The text of 1-based line `line` of `source` without its line terminator ("" if out of range).
std::string_view source_line(std::string_view source, int line);

}  // namespace heapviz::lang
