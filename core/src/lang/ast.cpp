#include "heapviz/lang/ast.hpp"

#include <array>

namespace heapviz::lang {

std::string_view node_kind_name(NodeKind k) {
  static constexpr std::array<std::string_view, 37> kNames = {
      "Literal",     "Name",      "FieldAccess", "MethodCall", "NewObject",   "NewArray",   "ArrayInit",
      "ArrayAccess", "Unary",     "Binary",      "Assign",     "Conditional", "Cast",       "InstanceOf",
      "Lambda",      "This",      "SwitchExpr",  "Block",      "LocalVar",    "LocalClass", "ExprStmt",
      "If",          "While",     "DoWhile",     "For",        "ForEach",     "Break",      "Continue",
      "Return",      "Throw",     "Try",         "Empty",      "Switch",      "Yield",      "ClassDecl",
      "FieldDecl",   "MethodDecl"};
  const auto i = static_cast<std::size_t>(k);
  return i < kNames.size() ? kNames[i] : "?";
}

bool TypeRef::is_primitive() const {
  if (dims != 0) return false;
  static constexpr std::array<std::string_view, 9> kPrims = {"byte",  "short",  "int",     "long", "char",
                                                             "float", "double", "boolean", "void"};
  for (std::string_view p : kPrims) {
    if (name == p) return true;
  }
  return false;
}

std::string TypeRef::to_string() const {
  std::string s = name;
  if (diamond) s += "<>";
  if (!args.empty()) {
    s += '<';
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i) s += ", ";
      s += args[i].to_string();
    }
    s += '>';
  }
  for (int i = 0; i < dims; ++i) s += "[]";
  return s;
}

TypeRef TypeRef::element() const {
  TypeRef t = *this;
  if (t.dims > 0) --t.dims;
  return t;
}

TypeRef NewArray::array_type() const {
  TypeRef t = element_type;
  t.dims += dims;
  return t;
}

TypeRef Declarator::type_from(const TypeRef& declared) const {
  TypeRef t = declared;
  t.dims += extra_dims;
  return t;
}

bool Modifiers::any() const {
  return is_public || is_protected || is_private || is_static || is_final || is_abstract || is_volatile ||
         is_transient;
}

bool MethodDecl::is_main() const {
  return !is_constructor && name == "main" && modifiers.is_static && return_type.name == "void" &&
         return_type.dims == 0 && params.size() == 1 && params[0].type.name == "String" &&
         params[0].type.dims == 1;
}

const MethodDecl* ClassDecl::find_method(std::string_view method_name) const {
  for (const auto& m : methods) {
    if (m->name == method_name) return m.get();
  }
  return nullptr;
}

namespace {
void visit_expr(const ExprPtr& e, const std::function<void(const Node&)>& f) {
  if (e) f(*e);
}
void visit_stmt(const StmtPtr& s, const std::function<void(const Node&)>& f) {
  if (s) f(*s);
}
void visit_declarators(const std::vector<Declarator>& ds, const std::function<void(const Node&)>& f) {
  for (const Declarator& d : ds) visit_expr(d.init, f);
}
}  // namespace

void for_each_child(const Node& n, const std::function<void(const Node&)>& f) {
  switch (n.kind) {
    case NodeKind::Literal:
    case NodeKind::Name:
    case NodeKind::This:
    case NodeKind::Break:
    case NodeKind::Continue:
    case NodeKind::Empty:
      return;
    case NodeKind::FieldAccess:
      return visit_expr(n.cast<FieldAccess>().target, f);
    case NodeKind::MethodCall: {
      const auto& c = n.cast<MethodCall>();
      visit_expr(c.target, f);
      for (const auto& a : c.args) visit_expr(a, f);
      return;
    }
    case NodeKind::NewObject:
      for (const auto& a : n.cast<NewObject>().args) visit_expr(a, f);
      return;
    case NodeKind::NewArray: {
      const auto& a = n.cast<NewArray>();
      for (const auto& d : a.dim_exprs) visit_expr(d, f);
      if (a.init) f(*a.init);
      return;
    }
    case NodeKind::ArrayInit:
      for (const auto& e : n.cast<ArrayInit>().elements) visit_expr(e, f);
      return;
    case NodeKind::ArrayAccess:
      visit_expr(n.cast<ArrayAccess>().array, f);
      visit_expr(n.cast<ArrayAccess>().index, f);
      return;
    case NodeKind::Unary:
      return visit_expr(n.cast<Unary>().operand, f);
    case NodeKind::Binary:
      visit_expr(n.cast<Binary>().lhs, f);
      visit_expr(n.cast<Binary>().rhs, f);
      return;
    case NodeKind::Assign:
      visit_expr(n.cast<Assign>().target, f);
      visit_expr(n.cast<Assign>().value, f);
      return;
    case NodeKind::Conditional: {
      const auto& c = n.cast<Conditional>();
      visit_expr(c.cond, f);
      visit_expr(c.then_expr, f);
      visit_expr(c.else_expr, f);
      return;
    }
    case NodeKind::Cast:
      return visit_expr(n.cast<Cast>().operand, f);
    case NodeKind::InstanceOf:
      return visit_expr(n.cast<InstanceOf>().operand, f);
    case NodeKind::Lambda: {
      const auto& l = n.cast<Lambda>();
      visit_expr(l.expr_body, f);
      if (l.block_body) f(*l.block_body);
      return;
    }
    case NodeKind::Block:
      for (const auto& s : n.cast<Block>().statements) visit_stmt(s, f);
      return;
    case NodeKind::LocalVar:
      return visit_declarators(n.cast<LocalVar>().declarators, f);
    case NodeKind::LocalClass:
      if (n.cast<LocalClass>().decl) f(*n.cast<LocalClass>().decl);
      return;
    case NodeKind::ExprStmt:
      return visit_expr(n.cast<ExprStmt>().expr, f);
    case NodeKind::If: {
      const auto& s = n.cast<If>();
      visit_expr(s.cond, f);
      visit_stmt(s.then_stmt, f);
      visit_stmt(s.else_stmt, f);
      return;
    }
    case NodeKind::While:
      visit_expr(n.cast<While>().cond, f);
      visit_stmt(n.cast<While>().body, f);
      return;
    case NodeKind::DoWhile:
      visit_stmt(n.cast<DoWhile>().body, f);
      visit_expr(n.cast<DoWhile>().cond, f);
      return;
    case NodeKind::For: {
      const auto& s = n.cast<For>();
      for (const auto& i : s.init) visit_stmt(i, f);
      visit_expr(s.cond, f);
      for (const auto& u : s.update) visit_expr(u, f);
      visit_stmt(s.body, f);
      return;
    }
    case NodeKind::ForEach:
      visit_expr(n.cast<ForEach>().iterable, f);
      visit_stmt(n.cast<ForEach>().body, f);
      return;
    case NodeKind::Return:
      return visit_expr(n.cast<Return>().value, f);
    case NodeKind::Throw:
      return visit_expr(n.cast<Throw>().value, f);
    case NodeKind::SwitchExpr:
      f(*n.cast<SwitchExpr>().body);
      return;
    case NodeKind::Yield:
      return visit_expr(n.cast<Yield>().value, f);
    case NodeKind::Switch: {
      const auto& s = n.cast<Switch>();
      visit_expr(s.selector, f);
      for (const auto& c : s.cases) {
        for (const auto& l : c.labels) visit_expr(l, f);
        for (const auto& b : c.body) visit_stmt(b, f);
      }
      return;
    }
    case NodeKind::Try: {
      const auto& t = n.cast<Try>();
      for (const auto& r : t.resources) f(*r);
      if (t.body) f(*t.body);
      for (const auto& c : t.catches) {
        if (c.body) f(*c.body);
      }
      if (t.finally_block) f(*t.finally_block);
      return;
    }
    case NodeKind::ClassDecl: {
      const auto& c = n.cast<ClassDecl>();
      for (const auto& fd : c.fields) f(*fd);
      for (const auto& m : c.methods) f(*m);
      for (const auto& k : c.nested) f(*k);
      return;
    }
    case NodeKind::FieldDecl:
      return visit_declarators(n.cast<FieldDecl>().declarators, f);
    case NodeKind::MethodDecl:
      if (n.cast<MethodDecl>().body) f(*n.cast<MethodDecl>().body);
      return;
  }
}

std::string_view op_spelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::Plus:
      return "+";
    case UnaryOp::Minus:
      return "-";
    case UnaryOp::Not:
      return "!";
    case UnaryOp::BitNot:
      return "~";
    case UnaryOp::PreIncrement:
    case UnaryOp::PostIncrement:
      return "++";
    case UnaryOp::PreDecrement:
    case UnaryOp::PostDecrement:
      return "--";
  }
  return "?";
}

std::string_view op_spelling(BinaryOp op) {
  static constexpr std::array<std::string_view, 19> kOps = {
      "*",  "/",  "%",  "+",  "-", "<<", ">>", ">>>", "<", ">",
      "<=", ">=", "==", "!=", "&", "^",  "|",  "&&",  "||"};
  return kOps[static_cast<std::size_t>(op)];
}

std::string_view op_spelling(AssignOp op) {
  static constexpr std::array<std::string_view, 12> kOps = {
      "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>="};
  return kOps[static_cast<std::size_t>(op)];
}

std::string qualified_name(const Expr& e) {
  if (const auto* n = e.as<Name>()) return n->identifier;
  if (const auto* fa = e.as<FieldAccess>()) {
    if (!fa->target) return {};
    std::string left = qualified_name(*fa->target);
    if (left.empty()) return {};
    return left + "." + fa->name;
  }
  return {};
}

}  // namespace heapviz::lang
