#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/lang/ast.hpp"
#include "heapviz/lang/diagnostic.hpp"
#include "heapviz/lang/directives.hpp"

namespace heapviz::lang {

/// A caption for the statement that starts on `line`.
struct Caption {
  int line = 0;
  std::string text;     ///< English ("" if only a Chinese one was given)
  std::string text_zh;  ///< Chinese ("" if none)
};

/// A pause point before the statement that starts on `line`.
struct PausePoint {
  int line = 0;
  std::string label;  ///< "" if the directive had no label
};

/// Everything the directives of one lesson say, ready for the GUI and the simulator.
struct LessonDirectives {
  std::string title;
  std::string title_zh;
  std::vector<Caption> captions;         ///< in source order
  std::vector<PausePoint> pauses;        ///< in source order
  std::string jvm_flags;                 ///< all `jvm` values joined by one space, verbatim
  std::vector<std::string> jvm_tokens;   ///< the flags split at whitespace
  std::vector<std::string> hypotheticals;///< mode names, e.g. "os-reads-heap"
  std::optional<int> expect_exit;
  std::vector<Directive> all;            ///< every directive as written, with target lines

  /// The caption for the statement starting on `line`, or nullptr.
  const Caption* caption_at(int line) const;
  /// The pause before the statement starting on `line`, or nullptr.
  const PausePoint* pause_at(int line) const;
};

/// A lesson file, parsed: its program, its directives and every diagnostic (lexing, directives,
/// parsing, attaching captions). Parse a lesson with `parse_lesson`, check `ok()`, print
/// `format_diagnostics(file_name, source, diagnostics)` otherwise, then interpret
/// `program.main_method->body`.
struct Lesson {
  std::string file_name;
  std::string source;
  Program program;
  LessonDirectives directives;
  std::vector<Diagnostic> diagnostics;

  bool ok() const { return !has_errors(diagnostics); }
  /// All diagnostics formatted with file:line:col, the source line and a caret.
  std::string format_diagnostics() const;
};

/// Lexes, parses and reads the directives of a lesson. Captions and pauses attach to the first
/// statement that starts on a later line (an error if there is none). Never throws.
Lesson parse_lesson(std::string_view source, std::string file_name = "lesson.java");

}  // namespace heapviz::lang
