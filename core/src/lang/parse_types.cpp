// Types as written in declarations, casts and `new`: primitives, dotted names, type arguments, [].
#include "parser_impl.hpp"

namespace heapviz::lang::detail {
namespace {
bool is_primitive_word(const Token& t) {
  return t.is("byte") || t.is("short") || t.is("int") || t.is("long") || t.is("char") || t.is("float") ||
         t.is("double") || t.is("boolean") || t.is("void");
}
}  // namespace

bool Parser::at_primitive_type() const { return is_primitive_word(cur()); }

TypeRef Parser::parse_type(bool allow_var) {
  Nest nest(*this);
  TypeRef type;
  const SourceSpan start = cur().span;
  if (at("@")) unsupported(cur().span, "annotations");
  if (at_primitive_type()) {
    type.name = next().text;
  } else {
    type.name = expect_identifier("expected a type name");
    while (at(".") && peek().is_identifier()) {
      next();
      type.name += "." + next().text;
    }
    if (at("<")) {
      next();
      if (at(">")) {
        next();
        type.diamond = true;
      } else {
        do {
          if (at("?")) unsupported(cur().span, "wildcard type arguments ('?')");
          if (at_primitive_type() && !peek().is("["))
            fail(cur().span, "type arguments must be class types: write Integer, not int");
          type.args.push_back(parse_type(false));
        } while (accept(","));
        expect(">", "expected '>' to close the type arguments");
      }
      if (at(".") && peek().is_identifier()) unsupported(cur().span, "types nested in generic types");
    }
  }
  while (at("[") && peek().is("]")) {
    next();
    next();
    ++type.dims;
  }
  type.span = span_from(start);
  if (!allow_var && type.name == "var")
    fail(type.span, "'var' is not allowed here", DiagnosticKind::Semantic);
  return type;
}

std::size_t Parser::scan_type(std::size_t i) const {
  // Mirrors parse_type without building anything; bounded by the token count.
  const auto tok = [&](std::size_t k) -> const Token& { return peek(k - pos()); };
  if (is_primitive_word(tok(i))) {
    ++i;
  } else {
    if (!tok(i).is_identifier()) return npos;
    ++i;
    while (tok(i).is(".") && tok(i + 1).is_identifier()) i += 2;
    if (tok(i).is("<")) {
      int depth = 0;
      // Type arguments hold only names, dots, commas, '?', extends/super, [] and nested < >.
      while (true) {
        const Token& t = tok(i);
        if (t.is("<"))
          ++depth;
        else if (t.is(">")) {
          if (--depth == 0) {
            ++i;
            break;
          }
        } else if (!(t.is_identifier() || t.is(".") || t.is(",") || t.is("?") || t.is("[") || t.is("]") ||
                     t.is("extends") || t.is("super") || is_primitive_word(t))) {
          return npos;
        }
        ++i;
      }
    }
  }
  while (tok(i).is("[") && tok(i + 1).is("]")) i += 2;
  return i;
}

bool Parser::at_local_var_decl() const {
  std::size_t i = pos();
  if (cur().is("final")) ++i;
  const std::size_t end = scan_type(i);
  if (end == npos) return false;
  const Token& name = peek(end - pos());
  if (!name.is_identifier()) return false;
  const Token& after = peek(end - pos() + 1);
  return after.is("=") || after.is(";") || after.is(",") || after.is("[") || after.is(":");
}

}  // namespace heapviz::lang::detail
