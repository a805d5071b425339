#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/lang/ast.hpp"
#include "heapviz/lang/diagnostic.hpp"
#include "heapviz/lang/directives.hpp"

// The lesson format, as the front end reads it.
//
// A lesson file is either
//  - a bare body: statements that javac would accept as the body of
//    `public static void main(String[] args) throws Exception` in a class importing java.nio.*,
//    java.nio.channels.*, java.nio.file.*, java.io.*, java.util.* and java.lang.management.*;
//    object-graph classes are declared as local classes among the statements
//    (`class Node { Node next; }`, legal Java since 1.1; `static` is not allowed on them, as in
//    javac), or
//  - a whole class: optional package and imports, then classes, one with a static `main`;
//    static nested classes, static fields and static methods may sit next to main.
// A file made only of class declarations is a whole class; anything else is a bare body.
//
// Directives are `//@ key: value` comments alone on their line (see directives.hpp). Captions and
// pauses belong to the first statement that starts on a later line.
//
// Walking a parsed lesson: `program.main_method->body` is the Block to run; switch on
// `Node::kind` and use `cast<T>()`; LocalClass statements declare classes; every node has a span.

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
  std::vector<Caption> captions;           ///< in source order
  std::vector<PausePoint> pauses;          ///< in source order
  std::string jvm_flags;                   ///< all `jvm` values joined by one space, verbatim
  std::vector<std::string> jvm_tokens;     ///< the flags split at whitespace
  std::vector<std::string> hypotheticals;  ///< mode names, e.g. "os-reads-heap"
  std::optional<int> expect_exit;
  std::vector<Directive> all;  ///< every directive as written, with target lines

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
