#include "heapviz/lang/ast_printer.hpp"

namespace heapviz::lang {
namespace {

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

class Printer {
 public:
  std::string out;

  void node(const Node* n) {
    sp();
    if (!n) {
      out += "null";
      return;
    }
    switch (n->kind) {
      case NodeKind::Literal:
        return literal(n->cast<Literal>());
      case NodeKind::Name:
        out += n->cast<Name>().identifier;
        return;
      case NodeKind::This:
        out += "this";
        return;
      case NodeKind::FieldAccess: {
        const auto& f = n->cast<FieldAccess>();
        open(".");
        node(f.target.get());
        word(f.name);
        close();
        return;
      }
      case NodeKind::MethodCall: {
        const auto& c = n->cast<MethodCall>();
        open("call");
        node(c.target.get());
        word(c.name);
        for (const auto& a : c.args) {
          sp();
          node(a.get());
        }
        close();
        return;
      }
      case NodeKind::NewObject: {
        const auto& c = n->cast<NewObject>();
        open("new");
        word(c.type.to_string());
        for (const auto& a : c.args) {
          sp();
          node(a.get());
        }
        close();
        return;
      }
      case NodeKind::NewArray: {
        const auto& a = n->cast<NewArray>();
        open("new-array");
        word(a.array_type().to_string());
        for (const auto& d : a.dim_exprs) {
          sp();
          node(d.get());
        }
        if (a.init) {
          sp();
          node(a.init.get());
        }
        close();
        return;
      }
      case NodeKind::ArrayInit: {
        open("{}");
        for (const auto& e : n->cast<ArrayInit>().elements) {
          sp();
          node(e.get());
        }
        close();
        return;
      }
      case NodeKind::ArrayAccess:
        open("[]");
        node(n->cast<ArrayAccess>().array.get());
        sp();
        node(n->cast<ArrayAccess>().index.get());
        close();
        return;
      case NodeKind::Unary: {
        const auto& u = n->cast<Unary>();
        const bool post = u.op == UnaryOp::PostIncrement || u.op == UnaryOp::PostDecrement;
        open(post ? std::string("post") + std::string(op_spelling(u.op)) : std::string(op_spelling(u.op)));
        node(u.operand.get());
        close();
        return;
      }
      case NodeKind::Binary: {
        const auto& b = n->cast<Binary>();
        open(std::string(op_spelling(b.op)));
        node(b.lhs.get());
        sp();
        node(b.rhs.get());
        close();
        return;
      }
      case NodeKind::Assign: {
        const auto& a = n->cast<Assign>();
        open(std::string(op_spelling(a.op)));
        node(a.target.get());
        sp();
        node(a.value.get());
        close();
        return;
      }
      case NodeKind::Conditional: {
        const auto& c = n->cast<Conditional>();
        open("?");
        node(c.cond.get());
        sp();
        node(c.then_expr.get());
        sp();
        node(c.else_expr.get());
        close();
        return;
      }
      case NodeKind::Cast:
        open("cast");
        word(n->cast<Cast>().type.to_string());
        sp();
        node(n->cast<Cast>().operand.get());
        close();
        return;
      case NodeKind::InstanceOf:
        open("instanceof");
        node(n->cast<InstanceOf>().operand.get());
        word(n->cast<InstanceOf>().type.to_string());
        if (!n->cast<InstanceOf>().binding.empty()) word(n->cast<InstanceOf>().binding);
        close();
        return;
      case NodeKind::Lambda: {
        const auto& l = n->cast<Lambda>();
        open("lambda");
        out += " (";
        for (std::size_t i = 0; i < l.params.size(); ++i) {
          if (i) out += ' ';
          out += l.params[i].name;
        }
        out += ") ";
        node(l.expr_body ? static_cast<const Node*>(l.expr_body.get()) : l.block_body.get());
        close();
        return;
      }
      case NodeKind::Block: {
        open("block");
        for (const auto& s : n->cast<Block>().statements) {
          sp();
          node(s.get());
        }
        close();
        return;
      }
      case NodeKind::LocalVar: {
        const auto& v = n->cast<LocalVar>();
        open("local");
        if (v.is_final) word("final");
        word(v.type.to_string());
        declarators(v.declarators);
        close();
        return;
      }
      case NodeKind::LocalClass:
        node(n->cast<LocalClass>().decl.get());
        return;
      case NodeKind::ExprStmt:
        open("expr");
        node(n->cast<ExprStmt>().expr.get());
        close();
        return;
      case NodeKind::If: {
        const auto& s = n->cast<If>();
        open("if");
        node(s.cond.get());
        sp();
        node(s.then_stmt.get());
        if (s.else_stmt) {
          sp();
          node(s.else_stmt.get());
        }
        close();
        return;
      }
      case NodeKind::While:
        open("while");
        node(n->cast<While>().cond.get());
        sp();
        node(n->cast<While>().body.get());
        close();
        return;
      case NodeKind::DoWhile:
        open("do");
        node(n->cast<DoWhile>().body.get());
        sp();
        node(n->cast<DoWhile>().cond.get());
        close();
        return;
      case NodeKind::For: {
        const auto& s = n->cast<For>();
        open("for");
        out += " (";
        for (std::size_t i = 0; i < s.init.size(); ++i) {
          if (i) sp();
          node(s.init[i].get());
        }
        out += ") ";
        node(s.cond.get());
        out += " (";
        for (std::size_t i = 0; i < s.update.size(); ++i) {
          if (i) sp();
          node(s.update[i].get());
        }
        out += ") ";
        node(s.body.get());
        close();
        return;
      }
      case NodeKind::ForEach: {
        const auto& s = n->cast<ForEach>();
        open("foreach");
        word(s.var_type.to_string());
        word(s.name);
        sp();
        node(s.iterable.get());
        sp();
        node(s.body.get());
        close();
        return;
      }
      case NodeKind::Break:
        out += "(break)";
        return;
      case NodeKind::Continue:
        out += "(continue)";
        return;
      case NodeKind::Return:
        open("return");
        if (n->cast<Return>().value) {
          sp();
          node(n->cast<Return>().value.get());
        }
        close();
        return;
      case NodeKind::Throw:
        open("throw");
        node(n->cast<Throw>().value.get());
        close();
        return;
      case NodeKind::SwitchExpr:
        open("switch-expr");
        node(n->cast<SwitchExpr>().body.get());
        close();
        return;
      case NodeKind::Yield:
        open("yield");
        node(n->cast<Yield>().value.get());
        close();
        return;
      case NodeKind::Switch: {
        const auto& s = n->cast<Switch>();
        open(s.rules ? "switch->" : "switch");
        node(s.selector.get());
        for (const auto& c : s.cases) {
          out += c.is_default ? " (default" : " (case";
          for (const auto& l : c.labels) {
            sp();
            node(l.get());
          }
          out += " :";
          for (const auto& b : c.body) {
            sp();
            node(b.get());
          }
          out += ')';
        }
        close();
        return;
      }
      case NodeKind::Try: {
        const auto& t = n->cast<Try>();
        open("try");
        for (const auto& r : t.resources) {
          node(r.get());
          sp();
        }
        node(t.body.get());
        for (const auto& c : t.catches) {
          out += " (catch";
          for (std::size_t i = 0; i < c.types.size(); ++i) {
            out += i ? "|" : " ";
            out += c.types[i].to_string();
          }
          word(c.name);
          sp();
          node(c.body.get());
          out += ')';
        }
        if (t.finally_block) {
          out += " (finally ";
          node(t.finally_block.get());
          out += ')';
        }
        close();
        return;
      }
      case NodeKind::Empty:
        out += "(empty)";
        return;
      case NodeKind::ClassDecl: {
        const auto& c = n->cast<ClassDecl>();
        open("class");
        if (c.modifiers.is_static) word("static");
        word(c.name);
        if (c.superclass) {
          word("extends");
          word(c.superclass->to_string());
        }
        for (const auto& f : c.fields) {
          sp();
          node(f.get());
        }
        for (const auto& m : c.methods) {
          sp();
          node(m.get());
        }
        for (const auto& k : c.nested) {
          sp();
          node(k.get());
        }
        close();
        return;
      }
      case NodeKind::FieldDecl: {
        const auto& f = n->cast<FieldDecl>();
        open("field");
        if (f.modifiers.is_static) word("static");
        word(f.type.to_string());
        declarators(f.declarators);
        close();
        return;
      }
      case NodeKind::MethodDecl: {
        const auto& m = n->cast<MethodDecl>();
        open(m.is_constructor ? "constructor" : "method");
        if (m.modifiers.is_static) word("static");
        if (!m.is_constructor) word(m.return_type.to_string());
        word(m.name);
        out += " (";
        for (std::size_t i = 0; i < m.params.size(); ++i) {
          if (i) out += ", ";
          out += m.params[i].type.to_string() + " " + m.params[i].name;
        }
        out += ") ";
        node(m.body.get());
        close();
        return;
      }
    }
  }

 private:
  void open(const std::string& head) { out += '(' + head; }
  void close() { out += ')'; }
  // Separates items; never doubles a space or puts one right after '('.
  void sp() {
    if (!out.empty() && out.back() != '(' && out.back() != ' ') out += ' ';
  }
  void word(const std::string& w) {
    sp();
    out += w;
  }

  void declarators(const std::vector<Declarator>& ds) {
    for (const Declarator& d : ds) {
      out += " (" + d.name;
      for (int i = 0; i < d.extra_dims; ++i) out += "[]";
      if (d.init) {
        sp();
        node(d.init.get());
      }
      out += ')';
    }
  }

  void literal(const Literal& l) {
    switch (l.literal_kind) {
      case LiteralKind::String:
        out += quote(l.string_value);
        return;
      case LiteralKind::Char:
        out += '\'';
        out += std::to_string(l.int_value);
        out += '\'';
        return;
      case LiteralKind::Int:
        out += std::to_string(l.int_value);
        return;
      case LiteralKind::Long:
        out += std::to_string(l.int_value) + "L";
        return;
      case LiteralKind::Boolean:
        out += l.int_value ? "true" : "false";
        return;
      case LiteralKind::Null:
        out += "null";
        return;
      case LiteralKind::Float:
      case LiteralKind::Double:
        out += l.text;
        return;
    }
  }
};

}  // namespace

std::string to_sexpr(const Node& n) {
  Printer p;
  p.node(&n);
  return p.out;
}

std::string to_sexpr(const Program& prog) {
  std::string out;
  for (const auto& c : prog.classes) {
    if (!out.empty()) out += ' ';
    out += to_sexpr(*c);
  }
  return out;
}

}  // namespace heapviz::lang
