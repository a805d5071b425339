#include "heapviz/lang/parser.hpp"

#include <algorithm>

#include "heapviz/lang/lexer.hpp"
#include "parser_impl.hpp"

namespace heapviz::lang {
namespace detail {

Parser::Parser(const std::vector<Token>& tokens) : tokens_(tokens), match_(tokens.size(), npos) {
  // Pair brackets once, so lookahead for casts and lambdas is O(1) per bracket.
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::Operator) continue;
    if (t.text == "(" || t.text == "[" || t.text == "{") {
      open.push_back(i);
    } else if (t.text == ")" || t.text == "]" || t.text == "}") {
      const char want = t.text == ")" ? '(' : t.text == "]" ? '[' : '{';
      if (!open.empty() && tokens_[open.back()].text[0] == want) {
        match_[open.back()] = i;
        match_[i] = open.back();
        open.pop_back();
      }
    }
  }
}

const Token& Parser::peek(std::size_t ahead) const {
  return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
}

const Token& Parser::next() {
  const Token& t = tokens_[pos_];
  if (pos_ + 1 < tokens_.size()) ++pos_;
  return t;
}

bool Parser::accept(std::string_view op) {
  if (!at(op)) return false;
  next();
  return true;
}

const Token& Parser::expect(std::string_view op, std::string_view message) {
  if (at(op)) return next();
  std::string msg(message);
  // Missing tokens are reported where they belong: right after the previous token.
  SourceSpan where = pos_ == 0 ? cur().span : prev().span.end_point();
  if (pos_ > 0 && cur().span.line == prev().span.end_line && !at_eof()) {
    msg += ", but found " + describe_token(cur());
    where = cur().span;
  }
  fail(where, msg);
}

std::string Parser::expect_identifier(std::string_view message, SourceSpan* span) {
  if (!at_identifier()) {
    std::string msg(message);
    msg += at_eof() ? ", but the file ends here" : ", but found " + describe_token(cur());
    fail(cur().span, msg);
  }
  if (span) *span = cur().span;
  return next().text;
}

bool Parser::adjacent(std::size_t i) const {
  if (i + 1 >= tokens_.size()) return false;
  const SourceSpan& a = tokens_[i].span;
  const SourceSpan& b = tokens_[i + 1].span;
  return a.end_line == b.line && a.end_col == b.col;
}

void Parser::fail(SourceSpan span, std::string message, DiagnosticKind kind) {
  diagnostics.push_back(Diagnostic{Severity::Error, kind, span, std::move(message)});
  throw ParseAbort{};
}

void Parser::unsupported(SourceSpan span, std::string_view what, std::string_view hint) {
  std::string msg = "this is valid Java that heapviz does not simulate yet: ";
  msg += what;
  if (!hint.empty()) {
    msg += "; ";
    msg += hint;
  }
  fail(span, std::move(msg), DiagnosticKind::Unsupported);
}

Parser::Nest::Nest(Parser& p) : p_(p) {
  if (++p_.nesting_ > kMaxNesting) {
    p_.fail(p_.cur().span,
            "this code is nested too deeply for heapviz (too many brackets, blocks or operators inside each "
            "other); split it into several statements",
            DiagnosticKind::Limit);
  }
}

void Parser::finish(Node& n) {
  int deepest = 0;
  for_each_child(n, [&](const Node& c) { deepest = std::max(deepest, c.depth); });
  n.depth = deepest + 1;
  if (n.depth > kMaxTreeDepth) {
    fail(n.span,
         "this code is nested too deeply for heapviz (its syntax tree is more than " +
             std::to_string(kMaxTreeDepth) + " levels deep); split it into several statements",
         DiagnosticKind::Limit);
  }
}

// A whole-class lesson is nothing but (package, imports and) type declarations.
bool Parser::looks_like_compilation_unit() const {
  if (cur().is("package") || cur().is("import")) return true;
  std::size_t i = pos_;
  bool saw_type = false;
  while (tokens_[i].kind != TokenKind::EndOfFile) {
    // `static`, `private` and `protected` cannot start a top-level class: this is a body whose
    // local class javac would reject, and the body parser says why.
    if (tokens_[i].is("static") || tokens_[i].is("private") || tokens_[i].is("protected")) return false;
    while (tokens_[i].is("public") || tokens_[i].is("final") || tokens_[i].is("abstract") ||
           tokens_[i].is("strictfp") || (tokens_[i].is_identifier() && tokens_[i].text == "sealed")) {
      ++i;
    }
    const Token& t = tokens_[i];
    const bool type_word = t.is("class") || t.is("interface") || t.is("enum") ||
                           (t.is_identifier() && t.text == "record" && tokens_[i + 1].is_identifier());
    if (!type_word) return false;
    while (tokens_[i].kind != TokenKind::EndOfFile && !tokens_[i].is("{")) ++i;
    if (tokens_[i].kind == TokenKind::EndOfFile || match_[i] == npos)
      return saw_type || tokens_[pos_].is("public");
    i = match_[i] + 1;
    saw_type = true;
  }
  return saw_type;
}

void Parser::parse_compilation_unit(Program& prog) {
  prog.bare_body = false;
  if (at("package")) {
    const SourceSpan start = next().span;
    std::string name = expect_identifier("expected a package name after 'package'");
    while (accept(".")) {
      name += '.';
      name += expect_identifier("expected a name after '.'");
    }
    expect(";", "expected ';' after the package declaration");
    (void)start;
    prog.package_name = std::move(name);
  }
  while (at("import")) {
    Import imp;
    const SourceSpan start = next().span;
    imp.is_static = accept("static");
    imp.name = expect_identifier("expected a package or class name after 'import'");
    while (accept(".")) {
      if (accept("*")) {
        imp.on_demand = true;
        break;
      }
      imp.name += '.';
      imp.name += expect_identifier("expected a name or '*' after '.'");
    }
    expect(";", "expected ';' after the import");
    imp.span = span_from(start);
    prog.imports.push_back(std::move(imp));
  }
  while (!at_eof()) {
    if (accept(";")) continue;
    if (at("import") || at("package"))
      fail(cur().span, "'" + cur().text + "' must come before the first class");
    Modifiers mods = parse_modifiers();
    const bool type_word =
        at("class") || at("interface") || at("enum") || (at_identifier() && cur().text == "record");
    if (!type_word && prog.classes.empty()) {
      fail(
          cur().span,
          "a lesson that starts with 'package' or 'import' must be a whole class with main; a lesson of bare "
          "statements needs no imports: it already imports java.nio.*, java.nio.channels.*, java.nio.file.*, "
          "java.io.*, java.util.* and java.lang.management.*");
    }
    prog.classes.push_back(parse_class_decl(mods, false));
  }
  for (const auto& cls : prog.classes) {
    if (const MethodDecl* m = cls->find_method("main"); m && m->is_main()) {
      prog.main_class = cls.get();
      prog.main_method = m;
      return;
    }
  }
  const SourceSpan where = prog.classes.empty() ? cur().span : prog.classes.front()->name_span;
  fail(where,
       "a whole-class lesson needs a method 'public static void main(String[] args)'; "
       "or write the lesson as bare statements",
       DiagnosticKind::Semantic);
}

void Parser::parse_bare_body(Program& prog) {
  prog.bare_body = true;
  auto cls = std::make_unique<ClassDecl>();
  cls->name = "Main";
  cls->synthesized = true;
  cls->modifiers.is_public = true;
  auto main = std::make_unique<MethodDecl>();
  main->name = "main";
  main->modifiers.is_public = main->modifiers.is_static = true;
  main->return_type.name = "void";
  Param args;
  args.type.name = "String";
  args.type.dims = 1;
  args.name = "args";
  main->params.push_back(std::move(args));
  TypeRef exception;
  exception.name = "Exception";
  main->throws.push_back(std::move(exception));
  auto body = std::make_unique<Block>();
  const SourceSpan start = cur().span;
  while (!at_eof()) {
    if (at("}")) fail(cur().span, "this '}' has no matching '{'");
    body->statements.push_back(parse_block_statement());
  }
  body->span = body->statements.empty() ? start : span_from(start);
  finish(*body);
  main->span = main->name_span = body->span;
  main->body = std::move(body);
  finish(*main);
  cls->span = cls->name_span = main->span;
  cls->methods.push_back(std::move(main));
  finish(*cls);
  prog.main_class = cls.get();
  prog.main_method = cls->methods.front().get();
  prog.classes.push_back(std::move(cls));
}

Program Parser::parse_program() {
  Program prog;
  try {
    if (looks_like_compilation_unit())
      parse_compilation_unit(prog);
    else
      parse_bare_body(prog);
  } catch (const ParseAbort&) {
    prog.main_class = nullptr;
    prog.main_method = nullptr;
  }
  return prog;
}

ExprPtr Parser::parse_standalone_expression() {
  try {
    ExprPtr e = parse_expression();
    if (!at_eof()) fail(cur().span, "expected the end of the expression, but found " + describe_token(cur()));
    return e;
  } catch (const ParseAbort&) {
    return nullptr;
  }
}

}  // namespace detail

ParseResult parse_program(std::string_view source) {
  ParseResult result;
  LexResult lexed = lex(source);
  if (has_errors(lexed.diagnostics)) {
    result.diagnostics = std::move(lexed.diagnostics);
    return result;
  }
  detail::Parser parser(lexed.tokens);
  result.program = parser.parse_program();
  result.diagnostics = std::move(parser.diagnostics);
  return result;
}

ExprParseResult parse_expression(std::string_view source) {
  ExprParseResult result;
  LexResult lexed = lex(source);
  if (has_errors(lexed.diagnostics)) {
    result.diagnostics = std::move(lexed.diagnostics);
    return result;
  }
  detail::Parser parser(lexed.tokens);
  result.expr = parser.parse_standalone_expression();
  result.diagnostics = std::move(parser.diagnostics);
  return result;
}

}  // namespace heapviz::lang
