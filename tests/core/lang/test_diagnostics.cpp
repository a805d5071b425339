#include <doctest/doctest.h>

#include "heapviz/lang/diagnostic.hpp"
#include "heapviz/lang/lesson.hpp"

using namespace heapviz::lang;

TEST_CASE("diagnostics: file:line:col, the source line and a caret") {
  const std::string src = "int a = 1;\n    ByteBuffer b = ByteBuffer.allocate(16)\nb.flip();\n";
  const Lesson lesson = parse_lesson(src, "lesson.java");
  REQUIRE(lesson.diagnostics.size() == 1);
  CHECK(lesson.format_diagnostics() ==
        "lesson.java:2:43: error: expected ';' after the statement\n"
        "    ByteBuffer b = ByteBuffer.allocate(16)\n"
        "                                          ^\n");
}

TEST_CASE("diagnostics: the caret accounts for tabs and wide UTF-8 characters") {
  Diagnostic d{Severity::Error, DiagnosticKind::Syntax, SourceSpan{1, 4, 1, 5}, "m"};
  CHECK(format_diagnostic("f", "\t\tx y", d) == "f:1:4: error: m\n\t\tx y\n\t\t ^\n");
  // "字节" are two code points (columns 2 and 3) but four terminal cells.
  const std::string src = "s = \"字节\" + x y;";
  const Lesson lesson = parse_lesson(src, "zh.java");
  REQUIRE(lesson.diagnostics.size() == 1);
  CHECK(lesson.diagnostics[0].span.col == 14);
  CHECK(lesson.format_diagnostics() ==
        "zh.java:1:14: error: expected ';' after the statement, but found the name 'y'\n"
        "s = \"字节\" + x y;\n"
        "               ^\n");
  Diagnostic w{Severity::Warning, DiagnosticKind::Directive, SourceSpan{1, 2, 1, 3}, "w"};
  CHECK(format_diagnostic("f", "é!", w) == "f:1:2: warning: w\né!\n ^\n");
}

TEST_CASE("diagnostics: positions past the line or the text are safe") {
  Diagnostic end{Severity::Error, DiagnosticKind::Syntax, SourceSpan{1, 6, 1, 6}, "m"};
  CHECK(format_diagnostic("f", "abc", end) == "f:1:6: error: m\nabc\n     ^\n");
  Diagnostic off{Severity::Error, DiagnosticKind::Syntax, SourceSpan{9, 1, 9, 1}, "m"};
  CHECK(format_diagnostic("f", "abc", off) == "f:9:1: error: m\n");
  Diagnostic zero{Severity::Error, DiagnosticKind::Syntax, SourceSpan{0, 0, 0, 0}, "m"};
  CHECK(format_diagnostic("f", "", zero) == "f:0:0: error: m\n");
  CHECK(source_line("a\r\nb\rc", 2) == "b");
  CHECK(source_line("a\r\nb\rc", 3) == "c");
  CHECK(source_line("a", 2).empty());
}

TEST_CASE("diagnostics: lexical errors come with position and caret too") {
  const Lesson lesson = parse_lesson("int x = 1;\nString s = \"open;\n", "l.java");
  CHECK(lesson.format_diagnostics() ==
        "l.java:2:12: error: this string is not closed with \" on the same line\n"
        "String s = \"open;\n"
        "           ^\n");
  CHECK(has_errors(lesson.diagnostics));
  CHECK(severity_name(Severity::Note) == "note");
}

TEST_CASE("diagnostics: a byte-order mark does not shift the caret") {
  const Lesson lesson = parse_lesson("\xEF\xBB\xBFint x = 1", "bom.java");
  REQUIRE(lesson.diagnostics.size() == 1);
  CHECK(lesson.diagnostics[0].span.col == 10);
  const std::string text = lesson.format_diagnostics();
  CHECK(text.substr(text.rfind('\n', text.size() - 2) + 1) == "         ^\n");
}

TEST_CASE("control bytes of a source line are escaped in a diagnostic, the caret still under the column") {
  heapviz::lang::Diagnostic d{
      heapviz::lang::Severity::Error, heapviz::lang::DiagnosticKind::Syntax, {1, 4, 1, 4}, "m"};
  const std::string out = heapviz::lang::format_diagnostic("f", "a\x1b[2Jb;", d);
  CHECK(out == "f:1:4: error: m\na\\x1b[2Jb;\n      ^\n");
  CHECK(out.find('\x1b') == std::string::npos);
}
