// Classes (top-level, static nested, local), fields, methods and constructors.
#include "parser_impl.hpp"

namespace heapviz::lang::detail {

Modifiers Parser::parse_modifiers() {
  Modifiers m;
  const SourceSpan start = cur().span;
  bool any = false;
  while (true) {
    const Token& t = cur();
    bool* flag = nullptr;
    if (t.is("@")) {
      if (peek().is("interface")) unsupported(t.span, "annotation type declarations");
      unsupported(t.span, "annotations", "remove the '@...' line");
    }
    if (t.is("public"))
      flag = &m.is_public;
    else if (t.is("protected"))
      flag = &m.is_protected;
    else if (t.is("private"))
      flag = &m.is_private;
    else if (t.is("static")) {
      flag = &m.is_static;
      m.static_span = t.span;
    } else if (t.is("final"))
      flag = &m.is_final;
    else if (t.is("abstract"))
      flag = &m.is_abstract;
    else if (t.is("volatile"))
      flag = &m.is_volatile;
    else if (t.is("transient"))
      flag = &m.is_transient;
    else if (t.is("synchronized") || t.is("native") || t.is("strictfp")) {
      unsupported(t.span, "the modifier '" + t.text + "'");
    } else if (t.is_identifier() && (t.text == "sealed" || t.text == "non") && peek().is_identifier()) {
      unsupported(t.span, "sealed classes");
    } else {
      break;
    }
    if (*flag) fail(t.span, "the modifier '" + t.text + "' is written twice", DiagnosticKind::Semantic);
    *flag = true;
    any = true;
    next();
  }
  m.span = any ? span_from(start) : start;
  return m;
}

std::unique_ptr<ClassDecl> Parser::parse_class_decl(Modifiers mods, bool is_local) {
  Nest nest(*this);
  const Token& kw = cur();
  if (kw.is("interface")) unsupported(kw.span, is_local ? "local interfaces" : "interfaces");
  if (kw.is("enum")) unsupported(kw.span, is_local ? "local enums" : "enums");
  if (kw.is_identifier() && kw.text == "record") unsupported(kw.span, "records", "use a class with fields");
  if (!kw.is("class")) {
    fail(kw.span, "expected a class declaration, but found " + describe_token(kw));
  }
  auto cls = std::make_unique<ClassDecl>();
  const SourceSpan start = mods.any() ? mods.span : kw.span;
  next();
  cls->modifiers = mods;
  cls->is_local = is_local;
  cls->name = expect_identifier("expected the class name after 'class'", &cls->name_span);
  if (at("<")) unsupported(cur().span, "generic classes");
  if (accept("extends")) cls->superclass = parse_type(false);
  if (at("implements")) unsupported(cur().span, "implementing interfaces");
  if (at_identifier() && cur().text == "permits") unsupported(cur().span, "sealed classes");
  parse_class_body(*cls);
  cls->span = span_from(start);
  finish(*cls);
  return cls;
}

void Parser::parse_class_body(ClassDecl& cls) {
  expect("{", "expected '{' to start the body of class " + cls.name);
  while (!at("}")) {
    if (at_eof()) fail(cur().span, "the body of class " + cls.name + " is not closed: expected '}'");
    if (accept(";")) continue;
    if (at("{")) unsupported(cur().span, "instance initializer blocks");
    if (at("static") && peek().is("{")) unsupported(cur().span, "static initializer blocks");
    const SourceSpan start = cur().span;
    Modifiers mods = parse_modifiers();
    if (at("class") || at("interface") || at("enum") ||
        (at_identifier() && cur().text == "record" && peek().is_identifier())) {
      if (at("class") && !mods.is_static && !cls.is_local) {
        unsupported(
            cur().span, "inner (non-static) member classes",
            "declare it 'static class " + (peek().is_identifier() ? peek().text : std::string("...")) + "'");
      }
      cls.nested.push_back(parse_class_decl(mods, false));
      continue;
    }
    if (at("<")) unsupported(cur().span, "generic methods");
    if (at_identifier() && cur().text == cls.name && peek().is("(")) {
      auto ctor = std::make_unique<MethodDecl>();
      ctor->is_constructor = true;
      ctor->modifiers = mods;
      ctor->span = start;
      ctor->name = expect_identifier("expected the constructor's name", &ctor->name_span);
      if (mods.is_static) fail(mods.static_span, "a constructor cannot be static", DiagnosticKind::Semantic);
      parse_method_rest(*ctor);
      cls.methods.push_back(std::move(ctor));
      continue;
    }
    TypeRef type = parse_type(false);
    if (at("(")) {
      fail(type.span,
           "a method needs a return type (void if it returns nothing); a constructor must be named " +
               cls.name,
           DiagnosticKind::Semantic);
    }
    SourceSpan name_span;
    std::string name =
        expect_identifier("expected a field or method name after the type " + type.to_string(), &name_span);
    if (at("(")) {
      auto method = std::make_unique<MethodDecl>();
      method->modifiers = mods;
      method->span = start;
      method->return_type = std::move(type);
      method->name = std::move(name);
      method->name_span = name_span;
      parse_method_rest(*method);
      cls.methods.push_back(std::move(method));
      continue;
    }
    auto field = std::make_unique<FieldDecl>();
    field->modifiers = mods;
    field->type = std::move(type);
    Declarator first;
    first.name = std::move(name);
    first.name_span = name_span;
    parse_declarator_rest(first, field->type);
    field->declarators.push_back(std::move(first));
    while (accept(",")) {
      Declarator d;
      d.name = expect_identifier("expected a field name after ','", &d.name_span);
      parse_declarator_rest(d, field->type);
      field->declarators.push_back(std::move(d));
    }
    expect(";", "expected ';' after the field declaration");
    field->span = span_from(start);
    finish(*field);
    cls.fields.push_back(std::move(field));
  }
  next();  // }
}

void Parser::parse_method_rest(MethodDecl& m) {
  expect("(", "expected '(' to start the parameter list");
  if (!at(")")) {
    do {
      Param p;
      const SourceSpan pstart = cur().span;
      if (at("@")) unsupported(cur().span, "annotations");
      p.is_final = accept("final");
      p.type = parse_type(false);
      if (accept("...")) {
        p.varargs = true;
        ++p.type.dims;
      }
      p.name = expect_identifier("expected a parameter name");
      while (at("[") && peek().is("]")) {
        next();
        next();
        ++p.type.dims;
      }
      p.span = span_from(pstart);
      m.params.push_back(std::move(p));
    } while (accept(","));
  }
  expect(")", "expected ')' to close the parameter list");
  if (accept("throws")) {
    do m.throws.push_back(parse_type(false));
    while (accept(","));
  }
  if (at(";")) {
    if (m.modifiers.is_abstract) unsupported(cur().span, "abstract methods");
    fail(cur().span, "the method " + m.name + " needs a body in braces", DiagnosticKind::Semantic);
  }
  if (!at("{")) expect("{", "expected '{' to start the method body");
  m.body = parse_body_block();
  m.span = span_from(m.span);
  finish(m);
}

void Parser::parse_declarator_rest(Declarator& d, const TypeRef& type) {
  while (at("[") && peek().is("]")) {
    next();
    next();
    ++d.extra_dims;
  }
  if (accept("=")) d.init = parse_variable_initializer(d.type_from(type));
}

std::vector<Declarator> Parser::parse_declarators(const TypeRef& type) {
  std::vector<Declarator> out;
  do {
    Declarator d;
    d.name = expect_identifier("expected a variable name", &d.name_span);
    parse_declarator_rest(d, type);
    out.push_back(std::move(d));
  } while (accept(","));
  return out;
}

}  // namespace heapviz::lang::detail
