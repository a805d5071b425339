#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "heapviz/lang/lexer.hpp"

using namespace heapviz::lang;

namespace {
std::vector<std::string> texts(const LexResult& r) {
  std::vector<std::string> out;
  for (const Token& t : r.tokens) {
    if (t.kind != TokenKind::EndOfFile) out.push_back(t.text);
  }
  return out;
}
const Token& only(const LexResult& r) {
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.tokens.size() == 2);
  return r.tokens[0];
}
}  // namespace

TEST_CASE("lexer: identifiers, keywords and operators with positions") {
  const LexResult r = lex("int x = a >>> 2;\n  var y=x<<=1;");
  CHECK(r.diagnostics.empty());
  CHECK(texts(r) == std::vector<std::string>{"int", "x", "=", "a", ">", ">", ">", "2", ";", "var", "y", "=",
                                             "x", "<<=", "1", ";"});
  CHECK(r.tokens[0].kind == TokenKind::Keyword);
  CHECK(r.tokens[1].kind == TokenKind::Identifier);
  CHECK(r.tokens[9].kind == TokenKind::Identifier);  // var is contextual
  CHECK(r.tokens[9].span == SourceSpan{2, 3, 2, 6});
  CHECK(r.tokens[4].span == SourceSpan{1, 11, 1, 12});
  CHECK(r.tokens.back().kind == TokenKind::EndOfFile);
}

TEST_CASE("lexer: integer literals in every base, with underscores and suffixes") {
  CHECK(only(lex("0x1F")).int_value == 31);
  CHECK(only(lex("1_000")).int_value == 1000);
  CHECK(only(lex("0b1010")).int_value == 10);
  CHECK(only(lex("017")).int_value == 15);
  CHECK(only(lex("0")).int_value == 0);
  const LexResult long_lit = lex("10L");
  const Token& l = only(long_lit);
  CHECK(l.kind == TokenKind::LongLiteral);
  CHECK(l.int_value == 10);
  CHECK(only(lex("0xFFFFFFFF")).int_value == 0xFFFFFFFFull);
  CHECK(only(lex("2147483648")).int_value == 2147483648ull);  // allowed only after '-', checked by the parser
  CHECK(only(lex("0x7fff_ffff_ffff_ffffL")).int_value == 0x7fffffffffffffffull);
  CHECK(only(lex("1.5")).kind == TokenKind::DoubleLiteral);
  CHECK(only(lex("2.5f")).kind == TokenKind::FloatLiteral);
  CHECK(only(lex("1e3")).float_value == doctest::Approx(1000.0));
  CHECK(only(lex(".5")).float_value == doctest::Approx(0.5));
}

TEST_CASE("lexer: bad numbers are errors with positions") {
  CHECK(lex("2147483649").diagnostics.at(0).message == "int number too large: 2147483649");
  CHECK(lex("0x1_0000_0000").diagnostics.at(0).message.find("too large") != std::string::npos);
  CHECK(lex("1_").diagnostics.at(0).message.find("underscore") != std::string::npos);
  CHECK(lex("09").diagnostics.at(0).message.find("octal") != std::string::npos);
  CHECK(lex("12abc").diagnostics.at(0).message == "'12abc' is not a valid Java number");
  CHECK(lex("0x").diagnostics.size() == 1);
  CHECK(lex("99999999999999999999L").diagnostics.size() == 1);
}

TEST_CASE("lexer: char and string literals with escapes") {
  CHECK(only(lex("'a'")).int_value == 'a');
  CHECK(only(lex("'\\n'")).int_value == '\n');
  CHECK(only(lex("'\\''")).int_value == '\'');
  CHECK(only(lex("'\\u0041'")).int_value == 0x41);
  CHECK(only(lex("'\\101'")).int_value == 0x41);
  CHECK(only(lex("'中'")).int_value == 0x4E2D);
  CHECK(only(lex(R"("a\tb\"c\\d\n")")).string_value == "a\tb\"c\\d\n");
  CHECK(only(lex(R"("\u4e2d\u6587")")).string_value == "中文");
  CHECK(only(lex(R"("\uD83D\uDE00")")).string_value == "\xF0\x9F\x98\x80");
  CHECK(only(lex("\"字节 bytes\"")).string_value == "字节 bytes");
  CHECK(only(lex(R"("\0")")).string_value == std::string(1, '\0'));
}

TEST_CASE("lexer: literal errors") {
  CHECK(lex("\"abc").diagnostics.at(0).message == "this string is not closed with \" on the same line");
  CHECK(lex("\"a\nb\"").diagnostics.size() >= 1);
  CHECK(lex("''").diagnostics.at(0).message.find("one character") != std::string::npos);
  CHECK(lex("'ab'").diagnostics.at(0).message.find("exactly one") != std::string::npos);
  CHECK(lex(R"("\q")").diagnostics.at(0).message.find("not a Java escape") != std::string::npos);
  CHECK(lex(R"("\u12")").diagnostics.at(0).message.find("four hexadecimal") != std::string::npos);
  const LexResult tb = lex("String s = \"\"\"\n  hi\n  \"\"\";");
  REQUIRE(tb.diagnostics.size() == 1);
  CHECK(tb.diagnostics[0].kind == DiagnosticKind::Unsupported);
  CHECK(tb.diagnostics[0].span.line == 1);
  CHECK(tb.diagnostics[0].span.col == 12);
}

TEST_CASE("lexer: comments are skipped and recorded, UTF-8 counts code points, tabs count one column") {
  const LexResult r = lex("// 中文注释\n/* block\n comment */ x\t= \"字\"; y");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.comments.size() == 2);
  CHECK(r.comments[0].is_line);
  CHECK(r.comments[0].starts_line);
  CHECK(r.comments[0].span == SourceSpan{1, 1, 1, 8});
  CHECK_FALSE(r.comments[1].is_line);
  CHECK(texts(r) == std::vector<std::string>{"x", "=", "\"字\"", ";", "y"});
  CHECK(r.tokens[0].span == SourceSpan{3, 13, 3, 14});
  CHECK(r.tokens[1].span == SourceSpan{3, 15, 3, 16});  // the tab is one column
  CHECK(r.tokens[2].span == SourceSpan{3, 17, 3, 20});  // "字" is three code points
  CHECK(r.tokens[4].span.col == 22);
  const LexResult trailing = lex("x = 1; // note");
  REQUIRE(trailing.comments.size() == 1);
  CHECK_FALSE(trailing.comments[0].starts_line);
}

TEST_CASE("lexer: CRLF and lone CR end lines") {
  const LexResult r = lex("a\r\nb\rc");
  REQUIRE(r.tokens.size() == 4);
  CHECK(r.tokens[1].span.line == 2);
  CHECK(r.tokens[2].span.line == 3);
  CHECK(r.tokens[2].span.col == 1);
}

TEST_CASE("lexer: stray characters and unclosed comments") {
  const LexResult r = lex("int # x;");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message == "the character '#' cannot appear here in Java source");
  CHECK(r.diagnostics[0].span.col == 5);
  CHECK(lex("/* open").diagnostics.at(0).message.find("never closed") != std::string::npos);
  CHECK(lex("x\x01").diagnostics.at(0).message.find("code 1") != std::string::npos);
}

TEST_CASE("lexer: never loops or crashes on junk and caps its errors") {
  std::string junk(5000, '#');
  const LexResult r = lex(junk);
  CHECK(r.diagnostics.size() == 20);
  CHECK(r.tokens.back().kind == TokenKind::EndOfFile);
  const LexResult bad_utf8 = lex("\xff\xfe\xc3");
  CHECK(bad_utf8.tokens.back().kind == TokenKind::EndOfFile);
}

TEST_CASE("lexer: look-alike punctuation from Chinese input methods and word processors") {
  const LexResult semi = lex("int x = 1；");
  REQUIRE(semi.diagnostics.size() == 1);
  CHECK(semi.diagnostics[0].message ==
        "the character '；' cannot appear here in Java source; did you mean ';'?");
  CHECK(semi.diagnostics[0].span == SourceSpan{1, 10, 1, 11});
  CHECK(lex("s = “hi”;").diagnostics.at(0).message.find("did you mean '\"'?") != std::string::npos);
  CHECK(lex("f（x）").diagnostics.at(0).message.find("did you mean '('?") != std::string::npos);
  CHECK(lex("int\xC2\xA0x").diagnostics.at(0).message.find("type an ordinary space") != std::string::npos);
  // Chinese identifiers are Java letters.
  const LexResult ident = lex("int 字节数 = 1;");
  CHECK(ident.diagnostics.empty());
  CHECK(ident.tokens[1].text == "字节数");
  CHECK(ident.tokens[1].span == SourceSpan{1, 5, 1, 8});
}

TEST_CASE("lexer: a leading byte-order mark is skipped and takes no column") {
  const LexResult r = lex("\xEF\xBB\xBFint x;");
  CHECK(r.diagnostics.empty());
  CHECK(r.tokens[0].text == "int");
  CHECK(r.tokens[0].span.col == 1);
}
