#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/lang/diagnostic.hpp"
#include "heapviz/lang/lexer.hpp"

namespace heapviz::lang {

/// The directives a lesson may use. The table in directives.cpp (`kDirectiveTable`) describes each
/// one; adding a key is one line there plus an enumerator here.
enum class DirectiveKind {
  Title,         ///< `//@ title: Where the bytes live`
  TitleZh,       ///< `//@ title.zh: 字节住在哪里`
  Caption,       ///< `//@ caption: ...` shown when the next statement runs
  CaptionZh,     ///< `//@ caption.zh: ...` Chinese caption for the next statement
  Pause,         ///< `//@ pause` or `//@ pause: label` stops before the next statement
  Jvm,           ///< `//@ jvm: -Xmx64m -XX:+UseSerialGC` flags for `java` and the simulator
  Hypothetical,  ///< `//@ hypothetical: os-reads-heap` a "what if" mode the lesson offers
  ExpectExit,    ///< `//@ expect-exit: 1` the exit status the lesson ends with (default 0)
};

/// One `//@ key: value` comment line.
struct Directive {
  DirectiveKind kind = DirectiveKind::Title;
  std::string key;        ///< as written, e.g. "caption.zh"
  std::string value;      ///< trimmed text after the colon ("" if none)
  SourceSpan span;        ///< the whole comment
  SourceSpan value_span;  ///< the value (empty span after the key if there is none)
  /// For captions and pauses: the line of the statement they attach to (0 until attached).
  int target_line = 0;
};

/// What a directive table entry says about a key.
struct DirectiveSpec {
  std::string_view key;
  DirectiveKind kind;
  bool value_required;  ///< false: the value may be empty (`pause`)
  bool attaches_to_statement;
  bool repeatable;           ///< may appear more than once
  std::string_view summary;  ///< one line for help texts and "unknown directive" hints
};

/// The whole table, in documentation order.
const std::vector<DirectiveSpec>& directive_table();
/// The spec for `key`, or nullptr.
const DirectiveSpec* find_directive_spec(std::string_view key);

/// Reads every `//@` directive from the comments of a lexed text. A directive must be a `//`
/// comment alone on its line; an unknown key, a missing value, a repeated one-off key, a `//@`
/// after code, or a malformed value is an error at its position. Captions and pauses are not
/// attached to statements here (see `parse_lesson`).
struct DirectiveParseResult {
  std::vector<Directive> directives;
  std::vector<Diagnostic> diagnostics;
};
DirectiveParseResult parse_directives(const std::vector<Comment>& comments);
/// Same, lexing `source` first (lexical errors are not repeated here).
DirectiveParseResult parse_directives(std::string_view source);

/// Splits a `jvm` value into flags at whitespace (`"-Xmx64m  -Xms8m"` → {"-Xmx64m", "-Xms8m"}).
std::vector<std::string> split_jvm_flags(std::string_view flags);

/// True if the simulator reads this JVM flag (`-Xmx64m`, `-XX:+UseSerialGC`, ...).
bool is_simulated_jvm_flag(std::string_view flag);

}  // namespace heapviz::lang
