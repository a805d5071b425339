// Statements and local declarations.
#include "parser_impl.hpp"

namespace heapviz::lang::detail {
namespace {
template <class T>
std::unique_ptr<T> make(SourceSpan start) {
  auto n = std::make_unique<T>();
  n->span = start;
  return n;
}
bool is_valid_statement_expression(const Expr& e) {
  switch (e.kind) {
    case NodeKind::Assign:
    case NodeKind::MethodCall:
    case NodeKind::NewObject:
      return !e.parenthesized;
    case NodeKind::Unary: {
      const UnaryOp op = e.cast<Unary>().op;
      return !e.parenthesized && op != UnaryOp::Plus && op != UnaryOp::Minus && op != UnaryOp::Not &&
             op != UnaryOp::BitNot;
    }
    default:
      return false;
  }
}
}  // namespace

std::unique_ptr<Block> Parser::parse_block() {
  Nest nest(*this);
  auto block = make<Block>(cur().span);
  expect("{", "expected '{'");
  while (!at("}")) {
    if (at_eof()) fail(block->span, "this '{' is never closed: expected '}' before the end of the file");
    block->statements.push_back(parse_block_statement());
  }
  next();
  block->span = span_from(block->span);
  finish(*block);
  return block;
}

StmtPtr Parser::parse_block_statement() {
  Nest nest(*this);
  const SourceSpan start = cur().span;
  // Modifiers start a local class (`final class Node {}`) or a final variable; anything else
  // ('static', 'public', annotations) javac rejects among statements.
  const auto at_type_declaration = [&] {
    return at("class") || at("interface") || at("enum") ||
           (at_identifier() && cur().text == "record" && peek().is_identifier() && peek(2).is("("));
  };
  if (at("final") || at("static") || at("public") || at("private") || at("protected") || at("abstract") ||
      at("@") || at_type_declaration()) {
    Modifiers mods = parse_modifiers();
    if (at_type_declaration()) {
      if (mods.is_static) {
        fail(mods.static_span,
             "a class declared among statements is a local class, and Java does not allow 'static' on it; "
             "write 'class " +
                 (peek().is_identifier() ? peek().text : std::string("...")) + "' without 'static'",
             DiagnosticKind::Semantic);
      }
      if (mods.is_public || mods.is_private || mods.is_protected) {
        fail(mods.span, "a local class cannot be public, private or protected", DiagnosticKind::Semantic);
      }
      auto stmt = make<LocalClass>(start);
      stmt->decl = parse_class_decl(mods, true);
      stmt->span = span_from(start);
      finish(*stmt);
      return stmt;
    }
    const bool is_final_variable = mods.is_final && !mods.is_static && !mods.is_public && !mods.is_private &&
                                   !mods.is_protected && !mods.is_abstract && !mods.is_volatile &&
                                   !mods.is_transient;
    if (is_final_variable) {
      TypeRef type = parse_type();
      return finish_local_var_statement(parse_local_var_rest(start, std::move(type), true, false));
    }
    // `static void helper() {...}` or `public int x;` inside a body.
    const std::size_t end = scan_type(pos());
    if (end != npos && peek(end - pos()).is_identifier() && peek(end - pos() + 1).is("(")) {
      fail(start,
           "a method cannot be declared among statements; write the lesson as a whole class with main "
           "(static methods go next to main), or use a local class",
           DiagnosticKind::Semantic);
    }
    fail(mods.span, "modifiers like 'static' or 'public' are not allowed on statements or local variables",
         DiagnosticKind::Semantic);
  }
  // `yield x;` is a statement: javac does not let 'yield' name a type.
  if (at_local_var_decl() && !(at_identifier() && cur().text == "yield")) {
    TypeRef type = parse_type();
    return finish_local_var_statement(parse_local_var_rest(start, std::move(type), false, false));
  }
  // A method declaration among statements: `void f() {` or `int f(int x) {`.
  const std::size_t type_end = scan_type(pos());
  const bool method_header = type_end != npos && peek(type_end - pos()).is_identifier() &&
                             peek(type_end - pos() + 1).is("(") && matching(type_end + 1) != npos &&
                             (peek(matching(type_end + 1) - pos() + 1).is("{") ||
                              peek(matching(type_end + 1) - pos() + 1).is("throws"));
  if (at("void") || method_header) {
    fail(start,
         "a method cannot be declared among statements; write the lesson as a whole class with main "
         "(static methods go next to main), or use a local class",
         DiagnosticKind::Semantic);
  }
  return parse_statement();
}

StmtPtr Parser::finish_local_var_statement(std::unique_ptr<LocalVar> decl) {
  expect(";", "expected ';' after the statement");
  decl->span = span_from(decl->span);
  return decl;
}

std::unique_ptr<LocalVar> Parser::parse_local_var_rest(SourceSpan start, TypeRef type, bool is_final,
                                                       bool single) {
  auto decl = make<LocalVar>(start);
  decl->is_final = is_final;
  if (type.name == "var" && type.dims > 0) {
    fail(type.span, "'var' cannot have array brackets; write the array type instead",
         DiagnosticKind::Semantic);
  }
  if (type.name == "void") fail(type.span, "a variable cannot have type void", DiagnosticKind::Semantic);
  decl->type = std::move(type);
  if (single) {
    Declarator d;
    d.name = expect_identifier("expected a variable name", &d.name_span);
    expect("=", "expected '=' and an initial value for the resource");
    d.init = parse_variable_initializer(decl->type);
    decl->declarators.push_back(std::move(d));
  } else {
    decl->declarators = parse_declarators(decl->type);
  }
  if (decl->type.is_var()) {
    if (decl->declarators.size() > 1) {
      fail(decl->declarators[1].name_span, "'var' is not allowed in a declaration of several variables",
           DiagnosticKind::Semantic);
    }
    const Declarator& d = decl->declarators.front();
    if (!d.init) fail(d.name_span, "a 'var' variable needs an initial value", DiagnosticKind::Semantic);
    if (d.init->kind == NodeKind::ArrayInit) {
      fail(d.init->span, "'var' cannot take an array initializer; write new byte[]{...}",
           DiagnosticKind::Semantic);
    }
    if (d.extra_dims > 0) fail(d.name_span, "'var' cannot have array brackets", DiagnosticKind::Semantic);
  }
  decl->span = span_from(start);
  finish(*decl);
  return decl;
}

// `switch (x) { case 1, 2: ...; default: ... }` or the rule form `case 1 -> ...;`. In a switch expression
// (`expression`) a rule's expression is the value: its body is `yield <expression>;`.
std::unique_ptr<Switch> Parser::parse_switch_body(bool expression) {
  const SourceSpan start = next().span;
  auto s = make<Switch>(start);
  expect("(", "expected '(' after 'switch'");
  s->selector = parse_expression();
  expect(")", "expected ')' after the switch's value");
  expect("{", "expected '{' to start the switch's cases");
  ++switch_depth_;
  bool seen_colon = false;
  while (!at("}") && cur().kind != TokenKind::EndOfFile) {
    SwitchCase c;
    c.span = cur().span;
    if (at("default")) {
      next();
      c.is_default = true;
    } else if (at("case")) {
      next();
      c.labels.push_back(parse_expression());
      while (at(",")) {
        next();
        c.labels.push_back(parse_expression());
      }
    } else {
      fail(cur().span, "expected 'case' or 'default' inside the switch");
    }
    if (at("->")) {
      if (seen_colon) fail(cur().span, "different case kinds used in the switch");
      next();
      s->rules = true;
      if (at("{")) {
        c.body.push_back(parse_block());
      } else if (at("throw")) {
        c.body.push_back(parse_simple_keyword_statement());
      } else if (expression) {
        auto y = make<Yield>(cur().span);
        y->value = parse_expression();
        expect(";", "expected ';' after the case's value");
        y->span = y->value->span;
        finish(*y);
        c.body.push_back(std::move(y));
      } else {
        c.body.push_back(parse_expression_statement());
      }
    } else {
      expect(":", "expected ':' or '->' after the case label");
      if (s->rules) fail(c.span, "different case kinds used in the switch");
      seen_colon = true;
      while (!at("case") && !at("default") && !at("}") && cur().kind != TokenKind::EndOfFile)
        c.body.push_back(parse_block_statement());
    }
    s->cases.push_back(std::move(c));
  }
  --switch_depth_;
  expect("}", "expected '}' to close the switch");
  s->span = span_from(start);
  finish(*s);
  return s;
}

StmtPtr Parser::parse_switch() { return parse_switch_body(false); }

StmtPtr Parser::parse_loop_body() {
  ++loop_depth_;
  StmtPtr body = parse_statement();
  --loop_depth_;
  return body;
}

std::unique_ptr<Block> Parser::parse_body_block() {
  // A method or lambda body starts outside any loop: `break` there cannot leave an outer loop.
  const int saved = loop_depth_, saved_switch = switch_depth_;
  loop_depth_ = switch_depth_ = 0;
  auto block = parse_block();
  loop_depth_ = saved;
  switch_depth_ = saved_switch;
  return block;
}

StmtPtr Parser::parse_statement() {
  Nest nest(*this);
  const Token& t = cur();
  const SourceSpan start = t.span;
  if (t.is("{")) return parse_block();
  if (t.is(";")) {
    next();
    auto e = make<Empty>(start);
    finish(*e);
    return e;
  }
  if (t.is("if")) return parse_if();
  if (t.is("while")) return parse_while();
  if (t.is("do")) return parse_do();
  if (t.is("for")) return parse_for();
  if (t.is("try")) return parse_try();
  if (t.is("switch")) return parse_switch();
  if (t.is("return") || t.is("throw") || t.is("break") || t.is("continue"))
    return parse_simple_keyword_statement();
  if (t.kind == TokenKind::Keyword) {
    if (StmtPtr s = reject_statement_keyword()) return s;
  }
  if (t.is_identifier() && peek().is(":")) unsupported(t.span, "labeled statements");
  if (t.is_identifier() && t.text == "yield" && !peek().is("=") && !peek().is(".") &&
      (!peek().is("(") || yield_with_parenthesis())) {
    next();
    auto y = make<Yield>(start);
    y->value = parse_expression();
    expect(";", "expected ';' after the yielded value");
    y->span = span_from(start);
    finish(*y);
    return y;
  }
  return parse_expression_statement();
}

// `yield (x)...`: javac's rule is a yield statement unless it reads as a call `yield(a, b);` (a comma
// inside the parentheses, or ';' right after them).
bool Parser::yield_with_parenthesis() const {
  std::size_t i = 2;
  int depth = 1;
  bool comma = false;
  for (; depth > 0 && peek(i).kind != TokenKind::EndOfFile; ++i) {
    if (peek(i).is("(")) ++depth;
    if (peek(i).is(")")) --depth;
    if (peek(i).is(",") && depth == 1) comma = true;
  }
  return (!comma && !peek(i).is(";")) || peek(i).is("->");
}

StmtPtr Parser::reject_statement_keyword() {
  const Token& t = cur();
  if (t.is("synchronized")) unsupported(t.span, "synchronized blocks");
  if (t.is("assert")) unsupported(t.span, "the assert statement", "use if and throw");
  if (t.is("else")) fail(t.span, "this 'else' has no 'if' before it");
  if (t.is("catch") || t.is("finally")) fail(t.span, "this '" + t.text + "' has no 'try' before it");
  if (t.is("case") || t.is("default")) fail(t.span, "'" + t.text + "' belongs inside a switch");
  if (t.is("import") || t.is("package")) {
    fail(t.span, "'" + t.text +
                     "' can only start a whole-class lesson; a lesson of bare statements already imports "
                     "java.nio.*, java.nio.channels.*, java.nio.file.*, java.io.*, java.util.* and "
                     "java.lang.management.*");
  }
  return nullptr;
}

StmtPtr Parser::parse_simple_keyword_statement() {
  const Token& kw = next();
  const SourceSpan start = kw.span;
  if (kw.is("break") || kw.is("continue")) {
    if (at_identifier()) unsupported(cur().span, "'" + kw.text + "' with a label");
    if (loop_depth_ == 0 && !(kw.is("break") && switch_depth_ > 0)) {
      fail(start,
           kw.is("break") ? std::string("break outside switch or loop")
                          : std::string("'continue' can only be used inside a loop"),
           DiagnosticKind::Semantic);
    }
    expect(";", "expected ';' after '" + kw.text + "'");
    StmtPtr s;
    if (kw.is("break"))
      s = make<Break>(start);
    else
      s = make<Continue>(start);
    s->span = span_from(start);
    finish(*s);
    return s;
  }
  if (kw.is("throw")) {
    auto s = make<Throw>(start);
    s->value = parse_expression();
    expect(";", "expected ';' after the statement");
    s->span = span_from(start);
    finish(*s);
    return s;
  }
  auto s = make<Return>(start);
  if (!at(";")) s->value = parse_expression();
  expect(";", "expected ';' after the statement");
  s->span = span_from(start);
  finish(*s);
  return s;
}

StmtPtr Parser::parse_expression_statement() {
  const SourceSpan start = cur().span;
  auto s = make<ExprStmt>(start);
  s->expr = parse_expression();
  if (!is_valid_statement_expression(*s->expr)) {
    // A missing ';' is the likelier mistake (`x = 1` then `y` on the next line), so report it first.
    expect(";", "expected ';' after the statement");
    fail(s->expr->span,
         "this expression is not a statement in Java; only assignments, ++/--, method calls and 'new' can "
         "stand alone",
         DiagnosticKind::Semantic);
  }
  expect(";", "expected ';' after the statement");
  s->span = span_from(start);
  finish(*s);
  return s;
}

StmtPtr Parser::parse_if() {
  const SourceSpan start = next().span;
  auto s = make<If>(start);
  expect("(", "expected '(' after 'if'");
  s->cond = parse_expression();
  expect(")", "expected ')' after the condition");
  s->then_stmt = parse_statement();
  if (accept("else")) s->else_stmt = parse_statement();
  s->span = span_from(start);
  finish(*s);
  return s;
}

StmtPtr Parser::parse_while() {
  const SourceSpan start = next().span;
  auto s = make<While>(start);
  expect("(", "expected '(' after 'while'");
  s->cond = parse_expression();
  expect(")", "expected ')' after the condition");
  s->body = parse_loop_body();
  s->span = span_from(start);
  finish(*s);
  return s;
}

StmtPtr Parser::parse_do() {
  const SourceSpan start = next().span;
  auto s = make<DoWhile>(start);
  s->body = parse_loop_body();
  expect("while", "expected 'while' after the body of 'do'");
  expect("(", "expected '(' after 'while'");
  s->cond = parse_expression();
  expect(")", "expected ')' after the condition");
  expect(";", "expected ';' after 'do ... while (...)'");
  s->span = span_from(start);
  finish(*s);
  return s;
}

StmtPtr Parser::parse_for() {
  const SourceSpan start = next().span;
  expect("(", "expected '(' after 'for'");
  auto s = make<For>(start);
  if (!at(";")) {
    const SourceSpan init_start = cur().span;
    const bool is_final = accept("final");
    if (is_final || at_local_var_decl()) {
      TypeRef type = parse_type();
      // Enhanced for: `for (byte b : array)`.
      if (at_identifier() && peek().is(":")) {
        auto each = make<ForEach>(start);
        each->var_type = std::move(type);
        each->is_final = is_final;
        each->name = next().text;
        each->name_span = prev().span;
        next();  // :
        each->iterable = parse_expression();
        expect(")", "expected ')' after the enhanced for header");
        each->body = parse_loop_body();
        each->span = span_from(start);
        finish(*each);
        return each;
      }
      s->init.push_back(parse_local_var_rest(init_start, std::move(type), is_final, false));
    } else {
      do {
        auto e = make<ExprStmt>(cur().span);
        e->expr = parse_expression();
        if (!is_valid_statement_expression(*e->expr)) {
          fail(e->expr->span,
               "this expression is not a statement in Java, so it cannot initialize a for loop",
               DiagnosticKind::Semantic);
        }
        e->span = span_from(e->span);
        finish(*e);
        s->init.push_back(std::move(e));
      } while (accept(","));
    }
  }
  expect(";", "expected ';' after the for loop's initialization");
  if (!at(";")) s->cond = parse_expression();
  expect(";", "expected ';' after the for loop's condition");
  if (!at(")")) {
    do {
      s->update.push_back(parse_expression());
      if (!is_valid_statement_expression(*s->update.back())) {
        fail(s->update.back()->span,
             "this expression is not a statement in Java, so it cannot be a for loop update",
             DiagnosticKind::Semantic);
      }
    } while (accept(","));
  }
  expect(")", "expected ')' to close the for loop header");
  s->body = parse_loop_body();
  s->span = span_from(start);
  finish(*s);
  return s;
}

StmtPtr Parser::parse_try() {
  const SourceSpan start = next().span;
  auto s = make<Try>(start);
  if (accept("(")) {
    while (!at(")")) {
      const SourceSpan rstart = cur().span;
      const bool is_final = accept("final");
      if (!is_final && !at_local_var_decl()) {
        unsupported(cur().span, "try-with-resources on an existing variable",
                    "declare the resource inside 'try (...)'");
      }
      TypeRef type = parse_type();
      s->resources.push_back(parse_local_var_rest(rstart, std::move(type), is_final, true));
      if (!accept(";")) break;
    }
    expect(")", "expected ')' after the resources of 'try'");
  }
  if (!at("{")) expect("{", "expected '{' after 'try'");
  s->body = parse_block();
  while (at("catch")) {
    CatchClause c;
    c.span = next().span;
    expect("(", "expected '(' after 'catch'");
    accept("final");
    c.types.push_back(parse_type(false));
    while (accept("|")) c.types.push_back(parse_type(false));
    c.name = expect_identifier("expected the exception's variable name", &c.name_span);
    expect(")", "expected ')' after the caught exception");
    if (!at("{")) expect("{", "expected '{' after 'catch (...)'");
    c.body = parse_block();
    c.span = span_from(c.span);
    s->catches.push_back(std::move(c));
  }
  if (accept("finally")) {
    if (!at("{")) expect("{", "expected '{' after 'finally'");
    s->finally_block = parse_block();
  }
  if (s->catches.empty() && !s->finally_block && s->resources.empty()) {
    fail(s->body->span.end_point(), "a 'try' needs at least one 'catch' or a 'finally'");
  }
  s->span = span_from(start);
  finish(*s);
  return s;
}

}  // namespace heapviz::lang::detail
