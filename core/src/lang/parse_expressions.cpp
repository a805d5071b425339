// Expressions with Java precedence: assignment, ?:, binary operators (precedence climbing),
// unary operators and casts, postfix calls/fields/indexes, primaries, `new`, lambdas.
#include <cstdint>
#include <limits>

#include "parser_impl.hpp"

namespace heapviz::lang::detail {
namespace {

template <class T>
std::unique_ptr<T> make(SourceSpan start) {
  auto n = std::make_unique<T>();
  n->span = start;
  return n;
}

struct BinaryInfo {
  BinaryOp op;
  int precedence;      // higher binds tighter
  std::size_t tokens;  // how many tokens spell it (`>>>` is three `>`)
};

bool is_assignable(const Expr& e) {
  if (const auto* f = e.as<FieldAccess>(); f && f->name == "class") return false;  // a class literal
  return e.kind == NodeKind::Name || e.kind == NodeKind::FieldAccess || e.kind == NodeKind::ArrayAccess;
}

// `a` or `a.b.c` (not parenthesized): what may stand before `.class`.
bool is_dotted_name(const Expr& e) {
  if (e.parenthesized) return false;
  if (e.kind == NodeKind::Name) return true;
  const auto* f = e.as<FieldAccess>();
  return f && f->name != "class" && is_dotted_name(*f->target);
}

}  // namespace

ExprPtr Parser::parse_expression() {
  Nest nest(*this);
  return parse_assignment();
}

ExprPtr Parser::parse_assignment() {
  Nest nest(*this);
  ExprPtr lhs = parse_conditional();
  struct AssignSpelling {
    std::string_view text;
    AssignOp op;
  };
  static constexpr AssignSpelling kOps[] = {
      {"=", AssignOp::Assign}, {"+=", AssignOp::Add}, {"-=", AssignOp::Sub}, {"*=", AssignOp::Mul},
      {"/=", AssignOp::Div},   {"%=", AssignOp::Rem}, {"&=", AssignOp::And}, {"|=", AssignOp::Or},
      {"^=", AssignOp::Xor},   {"<<=", AssignOp::Shl}};
  std::optional<AssignOp> op;
  std::size_t count = 1;
  for (const auto& a : kOps) {
    if (at(a.text)) op = a.op;
  }
  // `>>=` and `>>>=` arrive as separate adjacent `>` and `=` tokens.
  if (!op && at(">") && adjacent(pos()) && peek().is(">") && adjacent(pos() + 1)) {
    if (peek(2).is("=")) {
      op = AssignOp::Shr;
      count = 3;
    } else if (peek(2).is(">") && adjacent(pos() + 2) && peek(3).is("=")) {
      op = AssignOp::UShr;
      count = 4;
    }
  }
  if (!op) return lhs;
  const Token& op_token = cur();
  if (!is_assignable(*lhs)) {  // `(x) = 1` is fine in Java: parentheses keep a variable a variable
    fail(op_token.span,
         "the left side of '" + std::string(op_spelling(*op)) +
             "' must be a variable, a field or an array element",
         DiagnosticKind::Semantic);
  }
  for (std::size_t i = 0; i < count; ++i) next();
  auto a = make<Assign>(lhs->span);
  a->op = *op;
  a->target = std::move(lhs);
  a->value = parse_assignment();
  a->span = span_from(a->span);
  finish(*a);
  return a;
}

ExprPtr Parser::parse_conditional() {
  Nest nest(*this);
  ExprPtr cond = parse_binary(1);
  if (!at("?")) return cond;
  next();
  auto c = make<Conditional>(cond->span);
  c->cond = std::move(cond);
  c->then_expr = parse_expression();
  expect(":", "expected ':' in the conditional expression");
  c->else_expr = at_lambda() ? parse_lambda() : parse_conditional();
  c->span = span_from(c->span);
  finish(*c);
  return c;
}

ExprPtr Parser::parse_binary(int min_precedence) {
  Nest nest(*this);
  ExprPtr lhs = parse_unary();
  while (true) {
    std::optional<BinaryInfo> info;
    const Token& t = cur();
    if (t.kind == TokenKind::Operator) {
      const std::string& s = t.text;
      if (s == "||")
        info = BinaryInfo{BinaryOp::Or, 1, 1};
      else if (s == "&&")
        info = BinaryInfo{BinaryOp::And, 2, 1};
      else if (s == "|")
        info = BinaryInfo{BinaryOp::BitOr, 3, 1};
      else if (s == "^")
        info = BinaryInfo{BinaryOp::BitXor, 4, 1};
      else if (s == "&")
        info = BinaryInfo{BinaryOp::BitAnd, 5, 1};
      else if (s == "==")
        info = BinaryInfo{BinaryOp::Eq, 6, 1};
      else if (s == "!=")
        info = BinaryInfo{BinaryOp::Ne, 6, 1};
      else if (s == "<")
        info = BinaryInfo{BinaryOp::Lt, 7, 1};
      else if (s == "<=")
        info = BinaryInfo{BinaryOp::Le, 7, 1};
      else if (s == "<<")
        info = BinaryInfo{BinaryOp::Shl, 8, 1};
      else if (s == "+")
        info = BinaryInfo{BinaryOp::Add, 9, 1};
      else if (s == "-")
        info = BinaryInfo{BinaryOp::Sub, 9, 1};
      else if (s == "*")
        info = BinaryInfo{BinaryOp::Mul, 10, 1};
      else if (s == "/")
        info = BinaryInfo{BinaryOp::Div, 10, 1};
      else if (s == "%")
        info = BinaryInfo{BinaryOp::Rem, 10, 1};
      else if (s == ">") {
        // Join adjacent `>` tokens (split by the lexer for generics) into >=, >>, >>>.
        const bool second_gt = adjacent(pos()) && peek().is(">");
        const bool third_gt = second_gt && adjacent(pos() + 1) && peek(2).is(">");
        if (third_gt && adjacent(pos() + 2) && peek(3).is("="))
          info.reset();  // >>>=
        else if (third_gt)
          info = BinaryInfo{BinaryOp::UShr, 8, 3};
        else if (second_gt && adjacent(pos() + 1) && peek(2).is("="))
          info.reset();  // >>=
        else if (second_gt)
          info = BinaryInfo{BinaryOp::Shr, 8, 2};
        else if (adjacent(pos()) && peek().is("="))
          info = BinaryInfo{BinaryOp::Ge, 7, 2};
        else
          info = BinaryInfo{BinaryOp::Gt, 7, 1};
      }
    } else if (t.is("instanceof") && min_precedence <= 7) {
      next();
      auto io = make<InstanceOf>(lhs->span);
      io->operand = std::move(lhs);
      if (at("final")) next();
      io->type = parse_type(false);
      if (at_identifier()) io->binding = next().text;
      io->span = span_from(io->span);
      finish(*io);
      lhs = std::move(io);
      continue;
    }
    if (!info || info->precedence < min_precedence) return lhs;
    for (std::size_t i = 0; i < info->tokens; ++i) next();
    auto b = make<Binary>(lhs->span);
    b->op = info->op;
    b->lhs = std::move(lhs);
    b->rhs = parse_binary(info->precedence + 1);
    b->span = span_from(b->span);
    finish(*b);
    lhs = std::move(b);
  }
}

ExprPtr Parser::parse_int_literal(const Token& t, bool negated, SourceSpan span) {
  auto lit = make<Literal>(span);
  lit->text = negated ? "-" + t.text : t.text;
  const bool is_long = t.kind == TokenKind::LongLiteral;
  lit->literal_kind = is_long ? LiteralKind::Long : LiteralKind::Int;
  const std::uint64_t limit = is_long ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 31);
  if (t.decimal && t.int_value == limit && !negated) {
    fail(t.span,
         std::string(is_long ? "long" : "int") + " number too large: " + t.text + " (only -" + t.text +
             " is allowed)",
         DiagnosticKind::Lexical);
  }
  if (is_long) {
    lit->int_value = static_cast<std::int64_t>(t.int_value);  // two's complement bits
  } else {
    lit->int_value = static_cast<std::int32_t>(static_cast<std::uint32_t>(t.int_value));
  }
  if (negated) lit->int_value = static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(lit->int_value));
  if (!is_long) lit->int_value = static_cast<std::int32_t>(static_cast<std::uint32_t>(lit->int_value));
  finish(*lit);
  return lit;
}

ExprPtr Parser::parse_unary() {
  Nest nest(*this);
  const Token& t = cur();
  const SourceSpan start = t.span;
  std::optional<UnaryOp> op;
  if (t.is("+"))
    op = UnaryOp::Plus;
  else if (t.is("-"))
    op = UnaryOp::Minus;
  else if (t.is("!"))
    op = UnaryOp::Not;
  else if (t.is("~"))
    op = UnaryOp::BitNot;
  else if (t.is("++"))
    op = UnaryOp::PreIncrement;
  else if (t.is("--"))
    op = UnaryOp::PreDecrement;
  if (op) {
    next();
    // -2147483648 and -9223372036854775808L are literals, not negations of too-large numbers.
    const Token& lit = cur();
    if (*op == UnaryOp::Minus && (lit.kind == TokenKind::IntLiteral || lit.kind == TokenKind::LongLiteral) &&
        !peek().is(".") && !peek().is("[") && !peek().is("++") && !peek().is("--")) {
      next();
      return parse_postfix(parse_int_literal(lit, true, span_from(start)));
    }
    auto u = make<Unary>(start);
    u->op = *op;
    u->operand = parse_unary();
    if ((*op == UnaryOp::PreIncrement || *op == UnaryOp::PreDecrement) && !is_assignable(*u->operand)) {
      fail(u->operand->span, "'" + t.text + "' needs a variable, a field or an array element",
           DiagnosticKind::Semantic);
    }
    u->span = span_from(start);
    finish(*u);
    return u;
  }
  if (t.is("(")) return parse_postfix(parse_parenthesized_or_cast_or_lambda());
  return parse_postfix(parse_primary());
}

ExprPtr Parser::parse_postfix(ExprPtr e) {
  while (true) {
    if (at(".")) {
      next();
      if (at("<")) unsupported(cur().span, "explicit type arguments on a method call");
      if (at("class")) {
        // `Name.class` / `java.lang.String.class`: a FieldAccess named "class" on the type's name.
        if (!is_dotted_name(*e)) fail(cur().span, "<identifier> expected: '.class' follows a class name");
        auto lit = make<FieldAccess>(e->span);
        lit->name_span = cur().span;
        lit->name = next().text;
        lit->target = std::move(e);
        lit->span = span_from(lit->span);
        finish(*lit);
        e = std::move(lit);
        continue;
      }
      if (at("new")) unsupported(cur().span, "inner class creation ('outer.new')");
      if (at("this") || at("super")) unsupported(cur().span, "qualified '" + cur().text + "'");
      SourceSpan name_span;
      std::string name = expect_identifier("expected a field or method name after '.'", &name_span);
      if (at("(")) {
        auto call = make<MethodCall>(e->span);
        call->target = std::move(e);
        call->name = std::move(name);
        call->name_span = name_span;
        call->args = parse_arguments();
        call->span = span_from(call->span);
        finish(*call);
        e = std::move(call);
      } else {
        auto fa = make<FieldAccess>(e->span);
        fa->target = std::move(e);
        fa->name = std::move(name);
        fa->name_span = name_span;
        fa->span = span_from(fa->span);
        finish(*fa);
        e = std::move(fa);
      }
    } else if (at("[") && peek().is("]")) {
      // `String[].class` or `int[]::new`: a type in expression position.
      unsupported(cur().span, "array class literals and array constructor references");
    } else if (at("[")) {
      if (e->kind == NodeKind::NewArray && !e->parenthesized) {
        fail(cur().span, "index a new array only after putting it in parentheses: (new int[3])[0]");
      }
      next();
      auto acc = make<ArrayAccess>(e->span);
      acc->array = std::move(e);
      acc->index = parse_expression();
      expect("]", "expected ']' after the array index");
      acc->span = span_from(acc->span);
      finish(*acc);
      e = std::move(acc);
    } else if (at("++") || at("--")) {
      if (!is_assignable(*e)) {
        fail(cur().span, "'" + cur().text + "' needs a variable, a field or an array element",
             DiagnosticKind::Semantic);
      }
      auto u = make<Unary>(e->span);
      u->op = at("++") ? UnaryOp::PostIncrement : UnaryOp::PostDecrement;
      next();
      u->operand = std::move(e);
      u->span = span_from(u->span);
      finish(*u);
      e = std::move(u);
    } else if (at("::")) {
      unsupported(cur().span, "method references ('::')", "use a lambda");
    } else {
      return e;
    }
  }
}

std::vector<ExprPtr> Parser::parse_arguments() {
  expect("(", "expected '('");
  std::vector<ExprPtr> args;
  if (!at(")")) {
    do args.push_back(at_lambda() ? parse_lambda() : parse_expression());
    while (accept(","));
  }
  expect(")", "expected ')' to close the argument list");
  return args;
}

bool Parser::at_lambda() const {
  if (at_identifier() && peek().is("->")) return true;
  if (!at("(")) return false;
  const std::size_t close = matching(pos());
  return close != npos && peek(close - pos() + 1).is("->");
}

bool Parser::at_cast() const {
  // `(primitive[]...)` is always a cast; `(Name...)` is one when an operand follows that cannot
  // continue a parenthesized expression (an identifier, literal, '(', '!', '~', new, this, ...).
  const std::size_t close = matching(pos());
  if (close == npos) return false;
  const std::size_t end = scan_type(pos() + 1);
  if (end != close) return false;
  const Token& first = peek(1);
  if (first.kind == TokenKind::Keyword) return true;  // a primitive type
  const Token& after = peek(close - pos() + 1);
  switch (after.kind) {
    case TokenKind::Identifier:
    case TokenKind::IntLiteral:
    case TokenKind::LongLiteral:
    case TokenKind::FloatLiteral:
    case TokenKind::DoubleLiteral:
    case TokenKind::CharLiteral:
    case TokenKind::StringLiteral:
      return true;
    case TokenKind::Keyword:
      return after.is("new") || after.is("this") || after.is("true") || after.is("false") ||
             after.is("null") || after.is("super");
    case TokenKind::Operator:
      return after.is("(") || after.is("!") || after.is("~");
    case TokenKind::EndOfFile:
      return false;
  }
  return false;
}

ExprPtr Parser::parse_parenthesized_or_cast_or_lambda() {
  const SourceSpan start = cur().span;
  if (at_lambda()) return parse_lambda();
  if (at_cast()) {
    next();
    auto c = make<Cast>(start);
    c->type = parse_type(false);
    expect(")", "expected ')' after the cast's type");
    // A cast applies to a unary expression; `(int) -x` is fine for primitives.
    c->operand = parse_unary();
    c->span = span_from(start);
    finish(*c);
    return c;
  }
  next();
  ExprPtr inner = parse_expression();
  expect(")", "expected ')' to close the parenthesis");
  inner->parenthesized = true;
  inner->span = span_from(start);
  return inner;
}

ExprPtr Parser::parse_lambda() {
  Nest nest(*this);
  auto l = make<Lambda>(cur().span);
  if (at_identifier()) {
    l->params.push_back(LambdaParam{next().text, std::nullopt, prev().span});
  } else {
    expect("(", "expected '(' to start the lambda's parameters");
    if (!at(")")) {
      do {
        LambdaParam p;
        p.span = cur().span;
        if (at_identifier() && (peek().is(",") || peek().is(")"))) {
          p.name = next().text;
        } else {
          accept("final");
          p.type = parse_type();
          p.name = expect_identifier("expected the lambda parameter's name");
        }
        p.span = span_from(p.span);
        l->params.push_back(std::move(p));
      } while (accept(","));
    }
    expect(")", "expected ')' after the lambda's parameters");
  }
  expect("->", "expected '->' in the lambda");
  if (at("{"))
    l->block_body = parse_body_block();
  else
    l->expr_body = parse_expression();
  l->span = span_from(l->span);
  finish(*l);
  return l;
}

ExprPtr Parser::parse_primary() {
  Nest nest(*this);
  const Token& t = cur();
  const SourceSpan start = t.span;
  switch (t.kind) {
    case TokenKind::IntLiteral:
    case TokenKind::LongLiteral:
      next();
      return parse_int_literal(t, false, start);
    case TokenKind::FloatLiteral:
    case TokenKind::DoubleLiteral: {
      next();
      auto lit = make<Literal>(start);
      lit->literal_kind = t.kind == TokenKind::FloatLiteral ? LiteralKind::Float : LiteralKind::Double;
      lit->float_value = t.float_value;
      lit->text = t.text;
      finish(*lit);
      return lit;
    }
    case TokenKind::CharLiteral: {
      next();
      auto lit = make<Literal>(start);
      lit->literal_kind = LiteralKind::Char;
      lit->int_value = static_cast<std::int64_t>(t.int_value);
      lit->text = t.text;
      finish(*lit);
      return lit;
    }
    case TokenKind::StringLiteral: {
      next();
      auto lit = make<Literal>(start);
      lit->literal_kind = LiteralKind::String;
      lit->string_value = t.string_value;
      lit->text = t.text;
      finish(*lit);
      return lit;
    }
    case TokenKind::Identifier: {
      if (at_lambda()) return parse_lambda();
      next();
      if (at("(")) {
        auto call = make<MethodCall>(start);
        call->name = t.text;
        call->name_span = t.span;
        call->args = parse_arguments();
        call->span = span_from(start);
        finish(*call);
        return call;
      }
      auto n = make<Name>(start);
      n->identifier = t.text;
      finish(*n);
      return n;
    }
    case TokenKind::Keyword: {
      if (t.is("true") || t.is("false") || t.is("null")) {
        next();
        auto lit = make<Literal>(start);
        lit->literal_kind = t.is("null") ? LiteralKind::Null : LiteralKind::Boolean;
        lit->int_value = t.is("true") ? 1 : 0;
        lit->text = t.text;
        finish(*lit);
        return lit;
      }
      if (t.is("this")) {
        next();
        if (at("(")) unsupported(start, "calling another constructor with this(...)");
        auto n = make<This>(start);
        finish(*n);
        return n;
      }
      if (t.is("new")) return parse_new();
      if (t.is("super")) unsupported(start, "'super'");
      if (t.is("switch")) {
        auto e = make<SwitchExpr>(start);
        e->body = parse_switch_body(true);
        e->span = e->body->span;
        finish(*e);
        return e;
      }
      if (at_primitive_type()) {
        if (peek().is(".")) unsupported(start, "class literals ('" + t.text + ".class')");
        if (peek().is("[") && peek(2).is("]"))
          unsupported(start, "array class literals and array constructor references");
        if (peek().is("[")) fail(start, "to create an array, write new " + t.text + "[...]");
        fail(start, "expected an expression, but found the type '" + t.text +
                        "'; did you mean a cast like (" + t.text + ") x?");
      }
      break;
    }
    case TokenKind::Operator:
      if (t.is("@")) unsupported(start, "annotations");
      if (t.is("{")) {
        fail(start,
             "an array initializer {...} can only initialize an array variable; write new byte[]{...}");
      }
      break;
    case TokenKind::EndOfFile:
      fail(start, "expected an expression, but the file ends here");
  }
  fail(start, "expected an expression, but found " + describe_token(t));
}

ExprPtr Parser::parse_new() {
  const SourceSpan start = next().span;  // new
  if (at("<")) unsupported(cur().span, "explicit type arguments on a constructor");
  TypeRef type;
  {
    // Parse the type name and its type arguments, but not array brackets: those hold sizes here.
    const SourceSpan tstart = cur().span;
    if (at_primitive_type()) {
      type.name = next().text;
      if (type.name == "void") fail(tstart, "'new void' is not Java");
    } else {
      type.name = expect_identifier("expected a class or array type after 'new'");
      while (at(".") && peek().is_identifier()) {
        next();
        type.name += "." + next().text;
      }
      if (at("<")) {
        next();
        if (accept(">")) {
          type.diamond = true;
        } else {
          do {
            if (at("?")) unsupported(cur().span, "wildcard type arguments ('?')");
            type.args.push_back(parse_type(false));
          } while (accept(","));
          expect(">", "expected '>' to close the type arguments");
        }
      }
    }
    type.span = span_from(tstart);
  }
  if (at("[")) {
    auto arr = make<NewArray>(start);
    arr->element_type = std::move(type);
    bool unsized_seen = false;
    while (at("[")) {
      next();
      if (accept("]")) {
        unsized_seen = true;
        ++arr->dims;
        continue;
      }
      if (unsized_seen) fail(cur().span, "array sizes must come before the empty [] brackets");
      arr->dim_exprs.push_back(parse_expression());
      expect("]", "expected ']' after the array size");
      ++arr->dims;
    }
    if (at("{")) {
      if (!arr->dim_exprs.empty()) {
        fail(cur().span,
             "an array creation cannot have both a size and an initializer; write new byte[]{1, 2} or new "
             "byte[2]");
      }
      arr->init = parse_array_init();
    } else if (arr->dim_exprs.empty()) {
      fail(prev().span.end_point(),
           "an array creation needs a size, as in new byte[16], or an initializer, as in new byte[]{1, 2}");
    }
    arr->span = span_from(start);
    finish(*arr);
    return arr;
  }
  if (type.is_primitive()) {
    fail(type.span, "'new " + type.name + "' needs array brackets, as in new " + type.name +
                        "[16]; primitive values need no 'new'");
  }
  if (!at("(")) expect("(", "expected '(' or '[' after 'new " + type.to_string() + "'");
  auto obj = make<NewObject>(start);
  obj->type = std::move(type);
  obj->args = parse_arguments();
  if (at("{")) unsupported(cur().span, "anonymous classes", "use a lambda or a local class");
  obj->span = span_from(start);
  finish(*obj);
  return obj;
}

std::unique_ptr<ArrayInit> Parser::parse_array_init() {
  Nest nest(*this);
  auto init = make<ArrayInit>(cur().span);
  expect("{", "expected '{'");
  while (!at("}")) {
    init->elements.push_back(at("{") ? parse_array_init() : parse_expression());
    if (!accept(",")) break;
  }
  expect("}", "expected '}' or ',' in the array initializer");
  init->span = span_from(init->span);
  finish(*init);
  return init;
}

ExprPtr Parser::parse_variable_initializer(const TypeRef& type) {
  if (at("{")) {
    if (type.dims == 0 && !type.is_var()) {
      fail(cur().span,
           "an array initializer {...} needs an array type, but this variable is a " + type.to_string(),
           DiagnosticKind::Semantic);
    }
    return parse_array_init();
  }
  if (at_lambda()) return parse_lambda();
  return parse_expression();
}

}  // namespace heapviz::lang::detail
