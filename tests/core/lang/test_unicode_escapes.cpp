#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "heapviz/lang/lexer.hpp"
#include "interp_test_util.hpp"

using namespace heapviz::lang;
using interp_test::out;
using interp_test::run;

namespace {
std::vector<std::string> texts(const LexResult& r) {
  std::vector<std::string> out;
  for (const Token& t : r.tokens) {
    if (t.kind != TokenKind::EndOfFile) out.push_back(t.text);
  }
  return out;
}
}  // namespace

TEST_CASE("unicode escapes: translated everywhere before lexing, as javac does") {
  const LexResult r = lex("int \\u0061bc = 1;");
  CHECK(r.diagnostics.empty());
  CHECK(texts(r) == std::vector<std::string>{"int", "abc", "=", "1", ";"});
  CHECK(r.tokens[1].kind == TokenKind::Identifier);
  // A keyword spelled with an escape is the keyword.
  CHECK(lex("\\u0069nt").tokens[0].kind == TokenKind::Keyword);
  // Several u's are one escape.
  CHECK(texts(lex("\\uuuu0078")) == std::vector<std::string>{"x"});
  // A string's quote may be an escape too.
  const LexResult s = lex("\\u0022hi\\u0022");
  REQUIRE(s.diagnostics.empty());
  CHECK(s.tokens[0].kind == TokenKind::StringLiteral);
  CHECK(s.tokens[0].string_value == "hi");
}

TEST_CASE("unicode escapes: \\u000a ends a line comment, and the code after it is code") {
  const LexResult r = lex("// note \\u000a int x = 1;\nint y;");
  CHECK(r.diagnostics.empty());
  CHECK(texts(r) == std::vector<std::string>{"int", "x", "=", "1", ";", "int", "y", ";"});
  // Positions are the original source's: 'int' after the escape sits on line 1, column 16.
  CHECK(r.tokens[0].span == SourceSpan{1, 16, 1, 19});
  CHECK(r.tokens[5].span == SourceSpan{2, 1, 2, 4});
}

TEST_CASE("unicode escapes: an escaped backslash does not start one") {
  // "\\u0041" is a backslash escape followed by the letters u0041.
  const LexResult r = lex(R"("\\u0041")");
  REQUIRE(r.diagnostics.empty());
  CHECK(r.tokens[0].string_value == "\\u0041");
  // Three backslashes: the third is preceded by two, so it does start an escape.
  const LexResult r3 = lex(R"("\\\u0041")");
  REQUIRE(r3.diagnostics.empty());
  CHECK(r3.tokens[0].string_value == "\\A");
  // \u005c is a backslash, which then escapes the next character of the literal.
  const LexResult r5 = lex(R"("\u005cn")");
  REQUIRE(r5.diagnostics.empty());
  CHECK(r5.tokens[0].string_value == "\n");
}

TEST_CASE("unicode escapes: surrogate pairs, columns after an escape, malformed escapes") {
  const LexResult r = lex("\"\\uD83D\\uDE00\" x");
  REQUIRE(r.diagnostics.empty());
  CHECK(r.tokens[0].string_value == "\xF0\x9F\x98\x80");
  CHECK(r.tokens[0].span == SourceSpan{1, 1, 1, 15});
  CHECK(r.tokens[1].span == SourceSpan{1, 16, 1, 17});
  const LexResult bad = lex("int x\\u00G1;");
  REQUIRE(!bad.diagnostics.empty());
  CHECK(bad.diagnostics[0].message.find("illegal unicode escape") != std::string::npos);
  CHECK(bad.diagnostics[0].span.col == 6);
  // A backslash not followed by u is no escape and stays an error outside literals.
  CHECK(!lex("a \\ b").diagnostics.empty());
}

TEST_CASE("unicode escapes: a lesson with escaped identifiers and comments runs") {
  CHECK(out("int \\u0061bc = 4; // \\u000a abc = abc + 1;\nSystem.out.println(abc);\n") == "5\n");
  CHECK(out("String s = \"\\u4e2d\\u6587\"; System.out.println(s.length());\n") == "2\n");
  // An error after an escape is reported at the column the user typed.
  const auto r = run("int \\u0061bc = \"x\";\n");
  REQUIRE(!r.diagnostics.empty());
  CHECK(r.diagnostics.find("t.java:1:") != std::string::npos);
}
