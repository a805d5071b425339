// The checker: what javac would reject in the simulated subset, and what heapviz does not simulate.
// It resolves every expression once (type, meaning, JVM slot) so the evaluator never guesses.
#include <algorithm>
#include <limits>
#include <unordered_set>

#include "heapviz/heap/java_throwable.hpp"
#include "interp_analysis.hpp"
#include "interp_buffers.hpp"
#include "interp_management.hpp"
#include "jdk_names.hpp"

namespace heapviz::lang::interp {
namespace {

constexpr std::string_view kUnsupportedTail = " is valid Java that heapviz does not simulate yet";

bool known_simple_class(std::string_view n) {
  return n == "Object" || n == "String" || n == "ByteBuffer" || n == "MappedByteBuffer" ||
         n == "FileChannel" || n == "Path" || n == "ByteOrder" || n == "Thread" || n == "Runnable" ||
         n == "IntBuffer" || n == "LongBuffer" || n == "Runtime" || n == "StringBuilder";
}
// Names usable as the target of a static member access.
bool static_holder(std::string_view n) {
  return n == "System" || n == "Heapviz" || n == "ByteBuffer" || n == "Integer" || n == "Long" ||
         n == "Double" || n == "Float" || n == "Short" || n == "Byte" || n == "Character" || n == "Runtime" ||
         n == "Math" || n == "String" || n == "Thread" || n == "StandardOpenOption" || n == "ByteOrder" ||
         n == "FileChannel" || n == "Path" || n == "Paths" || n == "FileChannel.MapMode";
}
std::string strip_package(const std::string& n) {
  for (std::string_view p : {"java.lang.", "java.nio.channels.", "java.nio.file.", "java.nio.", "java.io."})
    if (n.rfind(p, 0) == 0 && n.find('.', p.size()) == std::string::npos) return n.substr(p.size());
  return n;
}

class Checker {
 public:
  explicit Checker(Analysis& a) : a_(a) {}

  void program(const Program& p) {
    if (!p.main_class || !p.main_method || !p.main_method->body) return;
    const ClassDecl& main = *p.main_class;
    for (const auto& n : main.nested) declare_class(*n, main.name + "$" + n->name);
    // What is declared but not simulated is still declared: a use of it is not "cannot find symbol".
    for (const auto& f : main.fields) {
      unsupported(f->span, "a static field next to main");
      for (const Declarator& d : f->declarators) unsimulated_.insert(d.name);
    }
    for (const auto& m : main.methods)
      if (&*m != p.main_method) {
        unsupported(m->name_span, "a method other than main ('" + m->name + "')");
        unsimulated_.insert(m->name);
      }
    for (const auto& c : p.classes)
      if (&*c != &main) unsupported(c->name_span, "a second top-level class ('" + c->name + "')");
    main_name_ = main.name;
    jdk_ = jdk_scope_of(p);
    push();
    next_slot_ = 0;
    const std::string args_name = p.main_method->params.empty() ? "args" : p.main_method->params.front().name;
    args_ = declare(args_name, p.main_method->span, Type::ref("String", 1), p.main_method);
    args_->assignments = 1;
    block_body(*p.main_method->body);
    pop();
    for (const auto& [var, span] : captured_)
      if (var->assignments > 1)
        error(span, "local variables referenced from a lambda expression must be final or effectively final");
  }

 private:
  struct Var {
    std::string name;
    Type type;
    int slot = 0;
    int assignments = 0;
    int lambda_depth = 0;
    bool resource = false;  ///< a try-with-resources resource: implicitly final
  };
  Analysis& a_;
  JdkScope jdk_;
  std::vector<std::vector<Var*>> scopes_;
  std::vector<int> scope_first_slot_;  ///< next_slot_ when each scope began
  /// The variables in scope by name (innermost last), so a lookup does not walk every local.
  std::unordered_map<std::string, std::vector<Var*>> visible_;
  int max_locals_ = 0;  ///< javac's Code.max_locals so far (the catch-any slot of a finally)
  std::deque<Var> vars_;
  std::vector<std::pair<Var*, SourceSpan>> captured_;
  std::vector<std::pair<std::string, const UserClass*>> classes_;
  std::string main_name_ = "Main";
  int local_class_count_ = 0;
  /// Names of static fields, methods and pattern bindings that were reported as not simulated.
  std::unordered_set<std::string> unsimulated_;
  Var* args_ = nullptr;
  int next_slot_ = 1;
  int loops_ = 0;
  int lambda_depth_ = 0;

  // ------------------------------------------------------------ diagnostics
  void error(SourceSpan s, std::string msg, DiagnosticKind k = DiagnosticKind::Semantic) {
    a_.diagnostics.push_back(Diagnostic{Severity::Error, k, s, std::move(msg)});
  }
  void unsupported(SourceSpan s, const std::string& what) {
    error(s, what + std::string(kUnsupportedTail), DiagnosticKind::Unsupported);
  }
  Type record(const Expr& e, ExprInfo info) {
    Type t = info.type;
    a_.exprs[&e] = std::move(info);
    return t;
  }
  Type fail(const Expr& e) { return record(e, ExprInfo{}); }

  // ------------------------------------------------------------ scopes
  void push() {
    scopes_.emplace_back();
    scope_first_slot_.push_back(next_slot_);
  }
  void pop() {
    // Leaving a block frees every slot taken since it began (hidden ones too), as javac's
    // Code.endScopes(limit) does: the next declaration reuses them.
    next_slot_ = scope_first_slot_.back();
    scope_first_slot_.pop_back();
    for (Var* v : scopes_.back()) {
      auto it = visible_.find(v->name);
      it->second.pop_back();
      if (it->second.empty()) visible_.erase(it);
    }
    scopes_.pop_back();
  }
  void take_slots(int n) {
    next_slot_ += n;
    max_locals_ = std::max(max_locals_, next_slot_);
  }
  Var* find(std::string_view name) {
    const auto it = visible_.find(std::string(name));
    return it == visible_.end() ? nullptr : it->second.back();
  }
  Var* declare(const std::string& name, SourceSpan span, const Type& t, const void* key) {
    if (find(name)) error(span, "variable " + name + " is already defined in method main(String[])");
    vars_.push_back(Var{name, t, next_slot_, 0, lambda_depth_});
    take_slots(t.is(Prim::long_) || t.is(Prim::double_) ? 2 : 1);
    scopes_.back().push_back(&vars_.back());
    visible_[name].push_back(&vars_.back());
    a_.slots[key] = vars_.back().slot;
    a_.types[key] = t;
    return &vars_.back();
  }
  const UserClass* find_class(std::string_view name) const {
    for (auto it = classes_.rbegin(); it != classes_.rend(); ++it)
      if (it->first == name) return it->second;
    return nullptr;
  }

  // ------------------------------------------------------------ classes and types
  void declare_class(const ClassDecl& c, std::string binary) {
    if (find_class(c.name)) error(c.name_span, "duplicate class: " + c.name);
    if (c.superclass) unsupported(c.superclass->span, "a lesson class that extends another class");
    if (!c.nested.empty()) unsupported(c.nested.front()->name_span, "a class inside a lesson class");
    UserClass& uc = a_.classes.emplace_back();
    uc.name = c.name;
    uc.binary_name = std::move(binary);
    classes_.emplace_back(c.name, &uc);  // visible inside its own fields (Node next;)
    a_.class_of[&c] = &uc;
    for (const auto& m : c.methods)
      unsupported(m->name_span,
                  m->is_constructor ? "a constructor in a lesson class" : "a method in a lesson class");
    for (const auto& f : c.fields) {
      if (f->modifiers.is_static) unsupported(f->modifiers.static_span, "a static field in a lesson class");
      for (const Declarator& d : f->declarators) {
        const Type t = resolve(d.type_from(f->type));
        if (uc.field(d.name))
          error(d.name_span, "variable " + d.name + " is already defined in class " + c.name);
        uc.fields.push_back(UserClass::Field{d.name, t, d.init.get()});
      }
    }
    // Field initializers see no locals of main (they run in the constructor).
    auto saved = std::move(scopes_);
    auto saved_visible = std::move(visible_);
    auto saved_first = std::move(scope_first_slot_);
    scopes_.clear();
    visible_.clear();
    scope_first_slot_.clear();
    push();
    for (const auto& f : c.fields)
      for (const Declarator& d : f->declarators)
        if (d.init) check_init(*d.init, uc.field(d.name)->type);
    scopes_ = std::move(saved);
    visible_ = std::move(saved_visible);
    scope_first_slot_ = std::move(saved_first);
  }

  Type resolve(const TypeRef& r) {
    if (const auto t = resolve_management(r)) return *t;
    if (!r.args.empty() || r.diamond) {
      unsupported(r.span, "a generic type ('" + r.to_string() + "')");
      return Type::error();
    }
    Type base;
    const std::string name = strip_package(r.name);
    if (const Prim p = prim_of(name); p != Prim::none)
      base = Type::of(p);
    else if (name == "void")
      base = Type::void_t();
    else if (known_simple_class(name))
      base = Type::ref(name);
    else if (const UserClass* uc = find_class(name))
      base = Type::ref(uc->name);
    else if (const std::string_view q = qualify_throwable(name); !q.empty())
      base = Type::ref(std::string(q));
    else if (!jdk_.find(r.name)) {
      error(r.span, "cannot find symbol: class " + r.name);
      return Type::error();
    } else {
      unsupported(r.span, "the type '" + r.name +
                              "' (heapviz knows primitives, arrays, String, Object, ByteBuffer, "
                              "FileChannel, Path, Thread, exceptions and the lesson's own classes)");
      return Type::error();
    }
    base.dims = r.dims;
    return base;
  }

  // ------------------------------------------------------------ conversions
  static bool fits(const Value& v, Prim to) {
    const std::int64_t x = as_long(v);
    switch (to) {
      case Prim::byte_:
        return x >= -128 && x <= 127;
      case Prim::short_:
        return x >= -32768 && x <= 32767;
      case Prim::char_:
        return x >= 0 && x <= 0xFFFF;
      default:
        return false;
    }
  }
  bool assignable(const Type& to, const Type& from, const ExprInfo* src) const {
    if (to.is_error() || from.is_error()) return true;
    if (to.is_prim()) {
      if (!from.is_prim()) return false;
      if (widens(from.prim, to.prim)) return true;
      // Assignment context narrowing of int constants (JLS 5.2).
      return src && src->constant && from.is_integral() && from.prim != Prim::long_ &&
             (to.prim == Prim::byte_ || to.prim == Prim::short_ || to.prim == Prim::char_) &&
             fits(*src->constant, to.prim);
    }
    if (!to.is_reference()) return false;
    if (from.kind == Type::Kind::null_) return true;
    if (!from.is_reference()) return false;
    if (to.is_class("Object")) return true;
    if (to.dims != from.dims) return false;
    if (to.dims > 0 && (to.kind == Type::Kind::prim || from.kind == Type::Kind::prim)) return to == from;
    return is_subclass(from.cls, to.cls);
  }
  void require(const Type& to, const Type& from, const ExprInfo* src, SourceSpan span) {
    if (assignable(to, from, src)) return;
    if (to.is_reference() && from.is_prim() && (to.is_class("Object") || to.is_string())) {
      if (to.is_class("Object"))
        unsupported(span, "boxing a value of type " + from.java_name() + " into an Object");
      else
        error(span, "incompatible types: " + from.java_name() + " cannot be converted to String");
      return;
    }
    if (to.is_array() && from.is_array() && to.kind == Type::Kind::ref && to.cls == "Object" &&
        from.dims > to.dims) {
      unsupported(span, "using a " + from.java_name() + " as an " + to.java_name() + " (array covariance)");
      return;
    }
    if (to.is_numeric() && from.is_numeric())
      error(span, "incompatible types: possible lossy conversion from " + from.java_name() + " to " +
                      to.java_name());
    else if (from.is_void())
      error(span, "incompatible types: a void call has no value to assign");
    else
      error(span, "incompatible types: " + from.java_name() + " cannot be converted to " + to.java_name());
  }
  // An initializer in assignment context: array initializers take their type from the target.
  void check_init(const Expr& init, const Type& target) {
    if (const auto* se = init.as<SwitchExpr>()) {  // a poly expression: each result meets the target
      switch_expr(*se, target.is_error() ? nullptr : &target);
      return;
    }
    if (const auto* ai = init.as<ArrayInit>()) {
      if (!target.is_array()) {
        if (!target.is_error()) error(init.span, "illegal initializer for " + target.java_name());
        return;
      }
      for (const auto& el : ai->elements) check_init(*el, target.element());
      record(init, ExprInfo{target});
      return;
    }
    if (init.kind == NodeKind::Lambda) {
      error(init.span, "a lambda can only be written here as 'new Thread(() -> ...)'",
            DiagnosticKind::Unsupported);
      return;
    }
    const Type t = expr(init);
    require(target, t, &a_.info(init), init.span);
  }

  // ------------------------------------------------------------ statements
  void block_body(const Block& b) {
    for (const auto& s : b.statements) stmt(*s);
  }
  void scoped(const Stmt& s) {
    push();
    stmt(s);
    pop();
  }
  void condition(const Expr& e) {
    const Type t = expr(e);
    if (!t.is_error() && !t.is_boolean())
      error(e.span, "incompatible types: " + t.java_name() + " cannot be converted to boolean");
  }

  // try (R r = ...; ...) { body }: javac nests one try per resource; each resource's slot comes before
  // the body's, and its close-on-exception handler keeps the exception in the slot after the resource
  // (Lower.makeTwrTry), the suppressed one after that.
  void try_resources_and_body(const Try& n) {
    push();
    for (const auto& lv : n.resources) {
      local_var(*lv);
      for (const Declarator& d : lv->declarators) {
        const Type t = a_.types.count(&d) ? a_.types.at(&d) : Type::error();
        if (!t.is_error() && !(t.kind == Type::Kind::ref && t.dims == 0 && t.cls == "FileChannel"))
          error(d.name_span, "incompatible types: try-with-resources not applicable to variable type (" +
                                 t.java_name() + " cannot be converted to AutoCloseable)");
        if (Var* v = find(d.name)) v->resource = true;
        max_locals_ = std::max(max_locals_, next_slot_ + 2);
      }
    }
    push();
    block_body(*n.body);
    pop();
    pop();
  }

  void local_var(const LocalVar& lv) {
    for (const Declarator& d : lv.declarators) {
      Type t;
      if (lv.type.is_var()) {
        if (!d.init)
          error(d.name_span, "cannot infer type for local variable " + d.name +
                                 " (cannot use 'var' on variable without initializer)");
        else if (d.init->kind == NodeKind::ArrayInit)
          error(d.name_span, "cannot infer type for local variable " + d.name +
                                 " (array initializer needs an explicit target-type)");
        else if (d.init->kind == NodeKind::Lambda)
          error(d.name_span, "cannot infer type for local variable " + d.name +
                                 " (lambda expression needs an explicit target-type)");
        else {
          t = expr(*d.init);
          if (t.kind == Type::Kind::null_) {
            error(d.name_span,
                  "cannot infer type for local variable " + d.name + " (variable initializer is 'null')");
            t = Type::error();
          } else if (t.is_void()) {
            error(d.name_span,
                  "cannot infer type for local variable " + d.name + " (variable initializer is 'void')");
            t = Type::error();
          }
        }
        Var* v = declare(d.name, d.name_span, t, &d);
        v->assignments = d.init ? 1 : 0;
        continue;
      }
      t = resolve(d.type_from(lv.type));
      if (t.is_void()) error(lv.type.span, "illegal start of expression: a variable cannot be void");
      // javac gives the variable its slot before the initializer runs, so a switch expression's locals
      // there come after it.
      const int own_slot = next_slot_;
      take_slots(t.is(Prim::long_) || t.is(Prim::double_) ? 2 : 1);
      if (d.init) check_init(*d.init, t);
      next_slot_ = own_slot;
      Var* v = declare(d.name, d.name_span, t, &d);
      v->assignments = d.init ? 1 : 0;
    }
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case NodeKind::Block:
        push();
        block_body(s.cast<Block>());
        pop();
        return;
      case NodeKind::LocalVar:
        local_var(s.cast<LocalVar>());
        return;
      case NodeKind::LocalClass: {
        const ClassDecl& c = *s.cast<LocalClass>().decl;
        declare_class(c, main_name_ + "$" + std::to_string(++local_class_count_) + c.name);
        return;
      }
      case NodeKind::ExprStmt: {
        const Expr& e = *s.cast<ExprStmt>().expr;
        if (e.kind == NodeKind::Lambda) {
          error(e.span, "not a statement");
          return;
        }
        expr(e);
        return;
      }
      case NodeKind::If: {
        const auto& n = s.cast<If>();
        condition(*n.cond);
        scoped(*n.then_stmt);
        if (n.else_stmt) scoped(*n.else_stmt);
        return;
      }
      case NodeKind::While: {
        const auto& n = s.cast<While>();
        condition(*n.cond);
        ++loops_;
        scoped(*n.body);
        --loops_;
        return;
      }
      case NodeKind::DoWhile: {
        const auto& n = s.cast<DoWhile>();
        ++loops_;
        scoped(*n.body);
        --loops_;
        condition(*n.cond);
        return;
      }
      case NodeKind::For: {
        const auto& n = s.cast<For>();
        push();
        for (const auto& i : n.init) stmt(*i);
        if (n.cond) condition(*n.cond);
        for (const auto& u : n.update) expr(*u);
        ++loops_;
        scoped(*n.body);
        --loops_;
        pop();
        return;
      }
      case NodeKind::ForEach: {
        const auto& n = s.cast<ForEach>();
        const Type it = expr(*n.iterable);
        push();
        // javac keeps the array copy, the length and the index in hidden slots (arr$, len$, i$)
        // before the variable.
        // Over a List it keeps the Iterator (i$) there instead.
        const bool over_list = is_mx_list(it);
        a_.slots[n.iterable.get()] = next_slot_;
        take_slots(over_list ? 1 : 3);
        Type elem = it.is_array() ? it.element() : over_list ? mx_list_element(it) : Type::error();
        if (!it.is_error() && !it.is_array() && !over_list)
          unsupported(n.iterable->span, "a for-each loop over a " + it.java_name());
        Type vt = n.var_type.is_var() ? elem : resolve(n.var_type);
        if (!n.var_type.is_var()) require(vt, elem, nullptr, n.name_span);
        Var* v = declare(n.name, n.name_span, vt, &n);
        v->assignments = 1;
        ++loops_;
        scoped(*n.body);
        --loops_;
        pop();
        return;
      }
      case NodeKind::Break:
        if (loops_ == 0 && switches_ == 0)
          error(s.span, switch_exprs_.empty() ? "break outside switch or loop"
                                              : "attempt to break out of a switch expression");
        return;
      case NodeKind::Continue:
        if (loops_ == 0)
          error(s.span, switch_exprs_.empty() ? "continue outside of loop"
                                              : "attempt to continue out of a switch expression");
        return;
      case NodeKind::Yield:
        return yield_stmt(s.cast<Yield>());
      case NodeKind::Return: {
        const auto& n = s.cast<Return>();
        if (!switch_exprs_.empty()) error(s.span, "attempt to return out of a switch expression");
        if (n.value) error(n.value->span, "incompatible types: unexpected return value");
        return;
      }
      case NodeKind::Throw: {
        const auto& n = s.cast<Throw>();
        const Type t = expr(*n.value);
        if (!t.is_error() && !t.is_throwable() && t.kind != Type::Kind::null_)
          error(n.value->span, "incompatible types: " + t.java_name() + " cannot be converted to Throwable");
        return;
      }
      case NodeKind::Try: {
        const auto& n = s.cast<Try>();
        // javac then spills the operand stack into locals, which would renumber the slots.
        if (!switch_exprs_.empty()) unsupported(s.span, "a try statement inside a switch expression");
        try_resources_and_body(n);
        for (const CatchClause& c : n.catches) {
          push();
          Type t = Type::error();
          for (const TypeRef& tr : c.types) {
            const Type ct = resolve(tr);
            if (!ct.is_error() && !ct.is_throwable())
              error(tr.span, "incompatible types: " + ct.java_name() + " cannot be converted to Throwable");
            t = c.types.size() == 1 ? ct
                                    : Type::ref("java.lang.Throwable");  // multi-catch: the lub, simplified
            if (c.types.size() > 1 && !ct.is_error()) {
              // javac's lub of the alternatives: RuntimeException if all are, else Exception/Throwable.
              t = Type::ref("java.lang.Exception");
            }
          }
          if (c.types.size() > 1) {
            bool all_runtime = true;
            for (const TypeRef& tr : c.types)
              all_runtime = all_runtime && is_subclass(std::string(qualify_throwable(strip_package(tr.name))),
                                                       "RuntimeException");
            if (all_runtime) t = Type::ref("java.lang.RuntimeException");
          }
          Var* v = declare(c.name, c.name_span, t, &c);
          v->assignments = 1;
          block_body(*c.body);
          pop();
        }
        if (n.finally_block) {
          // The catch-any handler keeps the exception in a fresh slot (Code.newRegSegment: max_locals);
          // its copy of the finally block numbers its locals after it.
          a_.slots[&n] = max_locals_;
          a_.slots[n.finally_block.get()] = next_slot_;
          push();
          block_body(*n.finally_block);
          pop();
          max_locals_ = std::max(max_locals_, a_.slots[&n] + 1);
        }
        return;
      }
      case NodeKind::Empty:
        return;
      case NodeKind::Switch:
        return switch_stmt(s.cast<Switch>());
      default:
        unsupported(s.span, std::string("the statement '") + std::string(node_kind_name(s.kind)) + "'");
        return;
    }
  }

  // ------------------------------------------------------------ expressions
  Type expr(const Expr& e) {
    switch (e.kind) {
      case NodeKind::Literal:
        return literal(e.cast<Literal>());
      case NodeKind::Name:
        return name(e.cast<Name>());
      case NodeKind::FieldAccess:
        return field_access(e.cast<FieldAccess>());
      case NodeKind::MethodCall:
        return call(e.cast<MethodCall>());
      case NodeKind::NewObject:
        return new_object(e.cast<NewObject>());
      case NodeKind::NewArray:
        return new_array(e.cast<NewArray>());
      case NodeKind::ArrayInit:
        error(e.span, "illegal start of expression: an array initializer needs 'new T[]' here");
        return fail(e);
      case NodeKind::ArrayAccess: {
        const auto& n = e.cast<ArrayAccess>();
        const Type at = expr(*n.array);
        const Type it = expr(*n.index);
        index_type(it, *n.index);
        if (at.is_error()) return fail(e);
        if (!at.is_array()) {
          error(n.array->span, "array required, but " + at.java_name() + " found");
          return fail(e);
        }
        return record(e, ExprInfo{at.element()});
      }
      case NodeKind::Unary:
        return unary(e.cast<Unary>());
      case NodeKind::Binary:
        return binary(e.cast<Binary>());
      case NodeKind::Assign:
        return assign(e.cast<Assign>());
      case NodeKind::Conditional:
        return conditional(e.cast<Conditional>());
      case NodeKind::Cast:
        return cast(e.cast<Cast>());
      case NodeKind::InstanceOf: {
        const auto& n = e.cast<InstanceOf>();
        const Type t = expr(*n.operand);
        const Type to = resolve(n.type);
        if (!n.binding.empty()) {
          unsupported(e.span, "an instanceof pattern with a binding variable");
          unsimulated_.insert(n.binding);
        }
        if (is_mx_type(to)) unsupported(n.type.span, "instanceof " + to.java_name());
        if (!t.is_error() && !t.is_reference())
          error(n.operand->span, "unexpected type: required reference, found " + t.java_name());
        return record(e, ExprInfo{Type::of(Prim::boolean_)});
      }
      case NodeKind::Lambda:
        unsupported(e.span, "a lambda outside 'new Thread(() -> ...)'");
        return fail(e);
      case NodeKind::SwitchExpr:
        return switch_expr(e.cast<SwitchExpr>(), nullptr);
      case NodeKind::This:
        unsupported(e.span, "'this'");
        return fail(e);
      default:
        unsupported(e.span, std::string("the expression '") + std::string(node_kind_name(e.kind)) + "'");
        return fail(e);
    }
  }

  void index_type(const Type& it, const Expr& idx) {
    if (it.is_error()) return;
    if (!it.is_integral())
      error(idx.span, "incompatible types: " + it.java_name() + " cannot be converted to int");
    else if (it.prim == Prim::long_)
      error(idx.span, "incompatible types: possible lossy conversion from long to int");
  }

  Type literal(const Literal& l) {
    ExprInfo info;
    switch (l.literal_kind) {
      case LiteralKind::Int:
        info.type = Type::of(Prim::int_);
        info.constant = static_cast<std::int32_t>(l.int_value);
        break;
      case LiteralKind::Long:
        info.type = Type::of(Prim::long_);
        info.constant = l.int_value;
        break;
      case LiteralKind::Char:
        info.type = Type::of(Prim::char_);
        info.constant = static_cast<char16_t>(l.int_value);
        break;
      case LiteralKind::Boolean:
        info.type = Type::of(Prim::boolean_);
        info.constant = l.int_value != 0;
        break;
      case LiteralKind::Double:
        info.type = Type::of(Prim::double_);
        info.constant = l.float_value;
        break;
      case LiteralKind::Float:
        info.type = Type::of(Prim::float_);
        info.constant = static_cast<float>(l.float_value);
        break;
      case LiteralKind::String:
        info.type = Type::ref("String");
        info.constant = l.string_value;
        break;
      case LiteralKind::Null:
        info.type = Type::null_t();
        info.constant = JRef{};
        break;
    }
    info.op = Op::constant;
    return record(l, std::move(info));
  }

  Type name(const Name& n) {
    if (Var* v = find(n.identifier)) {
      if (v->lambda_depth < lambda_depth_) captured_.emplace_back(v, n.span);
      if (v == args_) a_.uses_args = true;
      ExprInfo info{v->type, Op::local};
      info.slot = v->slot;
      return record(n, std::move(info));
    }
    if (const auto t = management_name(n)) return *t;
    if (static_holder(n.identifier) || known_simple_class(n.identifier))
      return record(n, ExprInfo{Type::class_ref(n.identifier), Op::class_ref});
    if (find_class(n.identifier)) {
      error(n.span, "cannot find symbol: variable " + n.identifier + " (" + n.identifier + " is a class)");
      return fail(n);
    }
    if (jdk_.find(n.identifier)) {
      unsupported(n.span, "the JDK class " + n.identifier);
      return fail(n);
    }
    if (n.identifier == "java" || n.identifier == "javax") {
      unsupported(n.span, "a fully qualified class name in an expression (import the class instead)");
      return fail(n);
    }
    if (!unsimulated_.count(n.identifier)) error(n.span, "cannot find symbol: variable " + n.identifier);
    return fail(n);
  }

  Type field_access(const FieldAccess& f) {
    if (f.name == "class") return class_literal(f);
    const Type t = expr(*f.target);
    if (t.is_error()) return fail(f);
    auto enum_of = [&](std::string cls, std::initializer_list<std::string_view> names) -> Type {
      for (std::string_view n : names)
        if (n == f.name) {
          ExprInfo info{Type::ref(cls), Op::enum_const};
          info.constant = JEnum{cls + "." + f.name};
          return record(f, std::move(info));
        }
      error(f.name_span, "cannot find symbol: variable " + f.name + " in " + cls);
      return fail(f);
    };
    if (t.kind == Type::Kind::classref) {
      const std::string& c = t.cls;
      if (c == "System" && f.name == "out")
        return record(f, ExprInfo{Type::ref("PrintStream"), Op::system_out});
      if (c == "System" && f.name == "err")
        return record(f, ExprInfo{Type::ref("PrintStream"), Op::system_err});
      if (const auto k = limit_constant(c, f.name)) return record(f, *k);
      if ((c == "Integer" || c == "Long") && (f.name == "MAX_VALUE" || f.name == "MIN_VALUE")) {
        ExprInfo info{Type::of(c == "Integer" ? Prim::int_ : Prim::long_), Op::constant};
        const bool max = f.name == "MAX_VALUE";
        if (c == "Integer")
          info.constant =
              max ? std::numeric_limits<std::int32_t>::max() : std::numeric_limits<std::int32_t>::min();
        else
          info.constant =
              max ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
        return record(f, std::move(info));
      }
      if (c == "StandardOpenOption")
        return enum_of("StandardOpenOption", {"READ", "WRITE", "APPEND", "TRUNCATE_EXISTING", "CREATE",
                                              "CREATE_NEW", "DELETE_ON_CLOSE", "SPARSE", "SYNC", "DSYNC"});
      if (c == "ByteOrder") return enum_of("ByteOrder", {"BIG_ENDIAN", "LITTLE_ENDIAN"});
      if (c == "FileChannel" && f.name == "MapMode")
        return record(f, ExprInfo{Type::class_ref("FileChannel.MapMode"), Op::class_ref});
      if (c == "FileChannel.MapMode")
        return enum_of("FileChannel.MapMode", {"READ_ONLY", "READ_WRITE", "PRIVATE"});
      if (const JdkClass* jc = jdk_.find(c); jc && !jc->has_member(f.name)) {
        error(f.name_span, "cannot find symbol: variable " + f.name + " in class " + c);
        return fail(f);
      }
      unsupported(f.name_span, "the static member " + c + "." + f.name);
      return fail(f);
    }
    if (t.is_array()) {
      if (f.name == "length") return record(f, ExprInfo{Type::of(Prim::int_), Op::array_length});
      error(f.name_span, "cannot find symbol: variable " + f.name);
      return fail(f);
    }
    if (t.kind == Type::Kind::ref) {
      if (const UserClass* uc = find_class(t.cls)) {
        if (const auto* fd = uc->field(f.name)) {
          ExprInfo info{fd->type, Op::user_field};
          info.cls = uc;
          return record(f, std::move(info));
        }
        error(f.name_span, "cannot find symbol: variable " + f.name + " in class " + uc->name);
        return fail(f);
      }
    }
    unsupported(f.name_span, "the field '" + f.name + "' of " + t.java_name());
    return fail(f);
  }

  // ---- calls
  std::vector<Type> arg_types(const MethodCall& c) {
    std::vector<Type> out;
    for (const auto& a : c.args) out.push_back(expr(*a));
    return out;
  }
  Type call_result(const MethodCall& c, Op op, Type result, std::string sig = {}) {
    ExprInfo info{std::move(result), op};
    info.signature = std::move(sig);
    return record(c, std::move(info));
  }
  bool arity(const MethodCall& c, std::size_t n, const std::string& what) {
    if (c.args.size() == n) return true;
    error(c.name_span, "method " + what + " cannot be applied to the given types: expected " +
                           std::to_string(n) + " argument" + (n == 1 ? "" : "s") + ", found " +
                           std::to_string(c.args.size()));
    return false;
  }
  bool arg_is(const MethodCall& c, const std::vector<Type>& ts, std::size_t i, const Type& want) {
    if (i >= ts.size()) return false;
    require(want, ts[i], &a_.info(*c.args[i]), c.args[i]->span);
    return true;
  }

  Type call(const MethodCall& c) {
    if (!c.target) {
      if (!unsimulated_.count(c.name)) error(c.name_span, "cannot find symbol: method " + c.name);
      for (const auto& a : c.args) expr(*a);
      return fail(c);
    }
    const Type t = expr(*c.target);
    const std::vector<Type> ts = arg_types(c);
    if (t.is_error()) return fail(c);
    for (const Type& a : ts)
      if (a.is_error()) return fail(c);
    const Type kInt = Type::of(Prim::int_), kString = Type::ref("String");
    if (t.kind == Type::Kind::classref) return static_call(c, t.cls, ts);
    if (const auto r = management_call(c, t, ts)) return *r;
    if (t.is_class("PrintStream")) {
      if ((c.name == "println" && c.args.size() <= 1) || (c.name == "print" && c.args.size() == 1)) {
        if (!ts.empty() && ts[0].is_void()) error(c.args[0]->span, "'void' type not allowed here");
        if (!ts.empty() && ts[0].is_array() && ts[0].prim == Prim::char_)
          unsupported(c.args[0]->span, "printing a char[]");
        return call_result(c, c.name == "println" ? Op::println : Op::print, Type::void_t());
      }
      unsupported(c.name_span,
                  "PrintStream." + c.name + " with " + std::to_string(c.args.size()) + " arguments");
      return fail(c);
    }
    if (t.is_string()) {
      if (c.name == "length" && arity(c, 0, "length()")) return call_result(c, Op::string_length, kInt);
      if (c.name == "getBytes" && arity(c, 0, "getBytes()"))
        return call_result(c, Op::string_get_bytes, Type::of(Prim::byte_).array_of());
      if (c.name == "isEmpty" && arity(c, 0, "isEmpty()"))
        return call_result(c, Op::string_is_empty, Type::of(Prim::boolean_));
      if (c.name == "charAt" && arity(c, 1, "charAt(int)") && arg_is(c, ts, 0, kInt))
        return call_result(c, Op::string_char_at, Type::of(Prim::char_));
      if (c.name == "equals" && arity(c, 1, "equals(Object)")) {
        if (ts[0].is_prim()) unsupported(c.args[0]->span, "boxing a primitive for equals");
        return call_result(c, Op::string_equals, Type::of(Prim::boolean_));
      }
      if (c.name == "toString" && arity(c, 0, "toString()"))
        return call_result(c, Op::string_value_of, kString);
      unsupported(c.name_span, "String." + c.name + "()");
      return fail(c);
    }
    if (t.is_throwable()) {
      if (c.name == "getMessage" && arity(c, 0, "getMessage()"))
        return call_result(c, Op::throwable_get_message, kString);
      if (c.name == "toString" && arity(c, 0, "toString()"))
        return call_result(c, Op::throwable_to_string, kString);
      if (c.name == "getClass" && arity(c, 0, "getClass()"))
        return call_result(c, Op::throwable_get_class, Type::ref("Class"));
      unsupported(c.name_span, "Throwable." + c.name + "()");
      return fail(c);
    }
    if (t.is_class("Class")) {
      if (c.name == "getName" && arity(c, 0, "getName()")) return call_result(c, Op::class_get_name, kString);
      if (c.name == "getSimpleName" && arity(c, 0, "getSimpleName()"))
        return call_result(c, Op::class_get_simple_name, kString);
      unsupported(c.name_span, "Class." + c.name + "()");
      return fail(c);
    }
    if (t.is_class("Thread")) {
      if (c.name == "start" && arity(c, 0, "start()"))
        return call_result(c, Op::thread_start, Type::void_t());
      if (c.name == "join" && arity(c, 0, "join()")) return call_result(c, Op::thread_join, Type::void_t());
      if (c.name == "getName" && arity(c, 0, "getName()"))
        return call_result(c, Op::thread_get_name, kString);
      unsupported(c.name_span, "Thread." + c.name + "()");
      return fail(c);
    }
    if (t.is_class("ByteBuffer") || t.is_class("MappedByteBuffer") || t.is_class("IntBuffer") ||
        t.is_class("LongBuffer"))
      return buffer_call(c, t, ts);
    if (t.is_class("Runtime")) return runtime_call(c);
    if (t.is_class("StringBuilder")) return string_builder_call(c, ts);
    if (t.is_class("FileChannel")) return channel_call(c, ts);
    if (t.kind == Type::Kind::null_) {
      error(c.name_span, "<null> cannot be dereferenced");
      return fail(c);
    }
    if (t.is_prim()) {
      error(c.name_span, t.java_name() + " cannot be dereferenced");
      return fail(c);
    }
    unsupported(c.name_span, "the method " + t.java_name() + "." + c.name + "()");
    return fail(c);
  }

  Type static_call(const MethodCall& c, const std::string& cls, const std::vector<Type>& ts) {
    const Type kInt = Type::of(Prim::int_), kLong = Type::of(Prim::long_), kString = Type::ref("String");
    const Type kBuffer = Type::ref("ByteBuffer");
    if (cls == "System" && c.name == "gc" && arity(c, 0, "gc()"))
      return call_result(c, Op::system_gc, Type::void_t());
    if (cls == "System" && c.name == "exit" && arity(c, 1, "exit(int)") && arg_is(c, ts, 0, kInt))
      return call_result(c, Op::system_exit, Type::void_t());
    if (cls == "Heapviz" && c.name == "pools" && arity(c, 0, "pools()"))
      return call_result(c, Op::heapviz_pools, Type::void_t());
    if (cls == "Heapviz" && c.name == "gc" && arity(c, 0, "gc()"))
      return call_result(c, Op::heapviz_gc, Type::void_t());
    if (cls == "ByteBuffer" && (c.name == "allocate" || c.name == "allocateDirect" || c.name == "wrap")) {
      if (!machine_buffers_available()) {
        unsupported(c.name_span, "ByteBuffer." + c.name +
                                     " (this build of heapviz has no ByteBuffers on the machine yet)");
        return fail(c);
      }
      if (c.name == "wrap") {
        if (c.args.size() != 1 && c.args.size() != 3) {
          error(c.name_span,
                "no suitable method found for wrap with " + std::to_string(c.args.size()) + " arguments");
          return fail(c);
        }
        arg_is(c, ts, 0, Type::of(Prim::byte_).array_of());
        if (c.args.size() == 3) {
          arg_is(c, ts, 1, kInt);
          arg_is(c, ts, 2, kInt);
        }
        return call_result(c, Op::bb_wrap, kBuffer);
      }
      if (arity(c, 1, c.name + "(int)") && arg_is(c, ts, 0, kInt))
        return call_result(c, c.name == "allocate" ? Op::bb_allocate : Op::bb_allocate_direct, kBuffer);
      return fail(c);
    }
    if ((cls == "Integer" || cls == "Long") && c.name == "toHexString" && arity(c, 1, "toHexString")) {
      arg_is(c, ts, 0, cls == "Integer" ? kInt : kLong);
      return call_result(c, cls == "Integer" ? Op::to_hex_int : Op::to_hex_long, kString);
    }
    if (cls == "String" && c.name == "valueOf" && arity(c, 1, "valueOf")) {
      if (ts[0].is_array() && ts[0].prim == Prim::char_)
        unsupported(c.args[0]->span, "String.valueOf(char[])");
      return call_result(c, Op::string_value_of, kString);
    }
    if (cls == "Math" && (c.name == "max" || c.name == "min" || c.name == "abs")) {
      const std::size_t n = c.name == "abs" ? 1 : 2;
      if (!arity(c, n, c.name)) return fail(c);
      Prim p = Prim::int_;
      for (std::size_t i = 0; i < n; ++i) {
        if (!ts[i].is_numeric()) {
          error(c.args[i]->span, "incompatible types: " + ts[i].java_name() + " cannot be converted to int");
          return fail(c);
        }
        p = promote(p, ts[i].prim);
      }
      if (p == Prim::float_ || p == Prim::double_) {
        unsupported(c.name_span, "Math." + c.name + " on floating-point values");
        return fail(c);
      }
      return call_result(c,
                         c.name == "max"   ? Op::math_max
                         : c.name == "min" ? Op::math_min
                                           : Op::math_abs,
                         Type::of(p));
    }
    if (const auto r = jdk_static_call(c, cls)) return *r;
    if (const auto r = management_static_call(c, cls, ts)) return *r;
    if (cls == "Thread" && c.name == "currentThread" && arity(c, 0, "currentThread()"))
      return call_result(c, Op::thread_current, Type::ref("Thread"));
    if (((cls == "Path" && c.name == "of") || (cls == "Paths" && c.name == "get")) &&
        arity(c, 1, c.name + "(String)") && arg_is(c, ts, 0, kString))
      return call_result(c, Op::path_of, Type::ref("Path"));
    if (cls == "FileChannel" && c.name == "open" && !c.args.empty()) {
      bool ok = arg_is(c, ts, 0, Type::ref("Path"));
      for (std::size_t i = 1; i < ts.size() && ok; ++i)
        ok = arg_is(c, ts, i, Type::ref("StandardOpenOption"));
      if (ok) return call_result(c, Op::channel_open, Type::ref("FileChannel"));
      return fail(c);
    }
    if (cls == "FileChannel" || cls == "Path" || cls == "Paths") {
      unsupported(c.name_span, cls + "." + c.name + " (file I/O)");
      return fail(c);
    }
    const JdkClass* jc = jdk_.find(cls);
    if (cls == "Heapviz" || (jc && jc->has_member(c.name)))
      unsupported(c.name_span, cls + "." + c.name);
    else
      error(c.name_span, "cannot find symbol: method " + c.name + " in " + cls);
    return fail(c);
  }

  // FileChannel.map, positional write, gathering/scattering, truncate and position(long); an error
  // type when `c` is none of them.
  template <class Sig>
  Type channel_call_more(const MethodCall& c, const Sig& sig) {
    const Type kInt = Type::of(Prim::int_), kLong = Type::of(Prim::long_), kBuffer = Type::ref("ByteBuffer");
    const Type kBuffers = kBuffer.array_of(), kChannel = Type::ref("FileChannel");
    if (c.name == "map" && sig({Type::ref("FileChannel.MapMode"), kLong, kLong}))
      return call_result(c, Op::channel_map, Type::ref("MappedByteBuffer"));
    if (c.name == "write" && sig({kBuffer, kLong})) return call_result(c, Op::channel_write_at, kInt);
    if (c.name == "write" && (sig({kBuffers}) || sig({kBuffers, kInt, kInt})))
      return call_result(c, Op::channel_write_gather, kLong);
    if (c.name == "read" && (sig({kBuffers}) || sig({kBuffers, kInt, kInt})))
      return call_result(c, Op::channel_read_scatter, kLong);
    if (c.name == "truncate" && sig({kLong})) return call_result(c, Op::channel_truncate, kChannel);
    if (c.name == "position" && sig({kLong})) return call_result(c, Op::channel_set_position, kChannel);
    return Type::error();
  }

  // FileChannel instance methods the I/O model simulates.
  Type channel_call(const MethodCall& c, const std::vector<Type>& ts) {
    const Type kInt = Type::of(Prim::int_), kLong = Type::of(Prim::long_), kBuffer = Type::ref("ByteBuffer");
    const auto sig = [&](std::initializer_list<Type> ps) {
      if (ps.size() != ts.size()) return false;
      std::size_t i = 0;
      for (const Type& p : ps) {
        if (!assignable(p, ts[i], nullptr)) return false;
        ++i;
      }
      return true;
    };
    if (c.name == "write" && sig({kBuffer})) return call_result(c, Op::channel_write, kInt);
    if (c.name == "read" && (sig({kBuffer}) || sig({kBuffer, kLong})))
      return call_result(c, Op::channel_read, kInt);
    if (c.name == "size" && sig({})) return call_result(c, Op::channel_size, kLong);
    if (c.name == "position" && sig({})) return call_result(c, Op::channel_position, kLong);
    if (Type t = channel_call_more(c, sig); !t.is_error()) return t;
    if (c.name == "force" && sig({Type::of(Prim::boolean_)}))
      return call_result(c, Op::channel_force, Type::void_t());
    if (c.name == "transferTo" && sig({kLong, kLong, Type::ref("FileChannel")}))
      return call_result(c, Op::channel_transfer_to, kLong);
    if (c.name == "close" && sig({})) return call_result(c, Op::channel_close, Type::void_t());
    if (c.name == "isOpen" && sig({})) return call_result(c, Op::channel_is_open, Type::of(Prim::boolean_));
    std::string args;
    for (const Type& t : ts) args += (args.empty() ? "" : ",") + t.java_name();
    unsupported(c.name_span, "FileChannel." + c.name + "(" + args + ")");
    return fail(c);
  }

  // Overload resolution against the JDK's ByteBuffer signatures: exact parameter types first, then
  // method invocation conversion (widening only: `put(1)` is rejected as javac does).
  Type buffer_call(const MethodCall& c, const Type& recv, const std::vector<Type>& ts) {
    auto param_type = [](std::string_view p) {
      if (p == "byte[]" || p == "int[]" || p == "long[]")
        return Type::of(prim_of(p.substr(0, p.size() - 2))).array_of();
      if (const Prim q = prim_of(p); q != Prim::none) return Type::of(q);
      return Type::ref(std::string(p));
    };
    auto params_of = [&](std::string_view sig) {
      std::vector<Type> ps;
      const auto open = sig.find('('), close = sig.rfind(')');
      std::string_view list = sig.substr(open + 1, close - open - 1);
      while (!list.empty()) {
        const auto comma = list.find(',');
        ps.push_back(param_type(list.substr(0, comma)));
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      }
      return ps;
    };
    const BufferMethodSpec* found = nullptr;
    bool name_exists = false;
    const bool typed_view = recv.is_class("IntBuffer") || recv.is_class("LongBuffer");
    const auto& specs = typed_view ? view_method_specs(recv.cls) : buffer_method_specs();
    for (int phase = 0; phase < 2 && !found; ++phase) {
      for (const BufferMethodSpec& s : specs) {
        if (s.signature.substr(0, s.signature.find('(')) != c.name) continue;
        name_exists = true;
        if ((s.signature == "force()" || s.signature == "load()" || s.signature == "isLoaded()") &&
            !recv.is_class("MappedByteBuffer"))
          continue;
        const std::vector<Type> ps = params_of(s.signature);
        if (ps.size() != ts.size()) continue;
        bool ok = true;
        for (std::size_t i = 0; i < ps.size() && ok; ++i)
          ok = phase == 0 ? ps[i] == ts[i] || (ts[i].kind == Type::Kind::null_ && ps[i].is_reference())
                          : assignable(ps[i], ts[i], nullptr);
        if (ok) {
          found = &s;
          break;
        }
      }
    }
    if (!found) {
      std::string args;
      for (const Type& t : ts) {
        if (!args.empty()) args += ',';
        args += t.java_name();
      }
      if (name_exists)
        error(c.name_span, "no suitable method found for " + c.name + "(" + args + ") in " +
                               recv.java_name() +
                               " (check the argument types; a byte needs a cast such as (byte) 7)");
      else
        unsupported(c.name_span, recv.java_name() + "." + c.name + "(" + args + ")");
      return fail(c);
    }
    if (found->signature == "force()" || found->signature == "load()" ||
        found->signature == "isLoaded()")  // MappedByteBuffer's own
      return call_result(
          c, Op::mapped_method,
          found->signature == "isLoaded()" ? Type::of(Prim::boolean_) : Type::ref("MappedByteBuffer"),
          std::string(found->signature));
    if (typed_view ? !view_method_available(recv.cls, found->signature)
                   : !buffer_method_available(found->signature)) {
      unsupported(c.name_span, (typed_view ? recv.java_name() : std::string("ByteBuffer")) + "." +
                                   std::string(found->signature) +
                                   (machine_buffers_available()
                                        ? ""
                                        : " (this build of heapviz has no ByteBuffers on the machine yet)"));
      return fail(c);
    }
    Type result = param_type(found->returns);
    if (found->returns == "void") result = Type::void_t();
    static constexpr std::string_view kCovariant[] = {
        "flip()",     "clear()", "rewind()",       "mark()",      "reset()",  "position(int)",
        "limit(int)", "slice()", "slice(int,int)", "duplicate()", "compact()"};
    if (recv.is_class("MappedByteBuffer") &&
        std::find(std::begin(kCovariant), std::end(kCovariant), found->signature) != std::end(kCovariant))
      result = Type::ref("MappedByteBuffer");
    return call_result(c, Op::buffer_method, result, std::string(found->signature));
  }

  // ---- creation
  Type new_object(const NewObject& n) {
    const std::string cname = strip_package(n.type.name);
    if (!n.type.args.empty() || n.type.diamond) {
      unsupported(n.type.span, "a generic class ('" + n.type.to_string() + "')");
      for (const auto& a : n.args)
        if (a->kind != NodeKind::Lambda) expr(*a);
      return fail(n);
    }
    if (cname == "Thread") {
      if (n.args.size() == 1 && n.args[0]->kind == NodeKind::Lambda) {
        lambda(n.args[0]->cast<Lambda>());
        return record(n, ExprInfo{Type::ref("Thread"), Op::new_thread});
      }
      unsupported(n.span, "new Thread(...) with anything but a lambda '() -> ...'");
      return fail(n);
    }
    std::vector<Type> ts;
    for (const auto& a : n.args) {
      if (a->kind == NodeKind::Lambda) {
        unsupported(a->span, "a lambda outside 'new Thread(() -> ...)'");
        return fail(n);
      }
      ts.push_back(expr(*a));
    }
    if (cname == "StringBuilder") return new_string_builder(n, ts);
    if (cname == "Object") {
      if (!n.args.empty())
        error(n.span, "constructor Object in class Object cannot be applied to given types");
      return record(n, ExprInfo{Type::ref("Object"), Op::new_object});
    }
    if (const UserClass* uc = find_class(cname)) {
      if (!n.args.empty())
        error(n.span, "constructor " + cname + " in class " + cname + " cannot be applied to given types");
      ExprInfo info{Type::ref(uc->name), Op::new_user};
      info.cls = uc;
      return record(n, std::move(info));
    }
    if (const std::string_view q = qualify_throwable(cname); !q.empty()) {
      if (q == "java.lang.ArrayIndexOutOfBoundsException" && ts.size() == 1 && ts[0].is_prim()) {
        // AIOOBE(int index): the message is "Array index out of range: " + index.
        require(Type::of(Prim::int_), ts[0], &a_.info(*n.args[0]), n.args[0]->span);
        return record(n, ExprInfo{Type::ref(std::string(q)), Op::new_throwable});
      }
      if (n.args.size() > 1) {
        unsupported(n.span, "an exception constructor with a cause");
        return fail(n);
      }
      // Throwable(Throwable cause): the message is cause.toString() (the cause itself is not kept).
      if (n.args.size() == 1 && !ts[0].is_throwable())
        require(Type::ref("String"), ts[0], &a_.info(*n.args[0]), n.args[0]->span);
      return record(n, ExprInfo{Type::ref(std::string(q)), Op::new_throwable});
    }
    if (!jdk_.find(n.type.name)) {
      error(n.type.span, "cannot find symbol: class " + n.type.name);
      return fail(n);
    }
    unsupported(n.type.span, "new " + n.type.to_string() + "(...)");
    return fail(n);
  }

#include "interp_check_jdk.inc"
#include "interp_check_management.inc"
#include "interp_check_strings.inc"
#include "interp_check_switch.inc"

  void lambda(const Lambda& l) {
    if (!l.params.empty())
      error(l.span, "incompatible parameter types in lambda expression: Runnable.run() takes none");
    const int saved_slot = next_slot_, saved_max = max_locals_;
    next_slot_ = 0;
    max_locals_ = 0;  // lambda$main$N is a static method of its own (captured values come first; simplified)
    ++lambda_depth_;
    auto outer_switch_exprs = std::move(switch_exprs_);  // a yield in the lambda cannot reach them
    switch_exprs_.clear();
    push();
    if (l.block_body) {
      const int saved_loops = loops_;
      loops_ = 0;
      block_body(*l.block_body);
      loops_ = saved_loops;
    } else if (l.expr_body) {
      expr(*l.expr_body);
    }
    pop();
    switch_exprs_ = std::move(outer_switch_exprs);
    --lambda_depth_;
    next_slot_ = saved_slot;
    max_locals_ = saved_max;
  }

  Type new_array(const NewArray& n) {
    const Type arr = resolve(n.array_type());
    if (arr.is_error()) return fail(n);
    for (const auto& d : n.dim_exprs) {
      const Type t = expr(*d);
      if (!t.is_error() && (!t.is_integral() || promote(t.prim) != Prim::int_)) {
        if (t.is(Prim::long_))
          error(d->span, "incompatible types: possible lossy conversion from long to int");
        else
          error(d->span, "incompatible types: " + t.java_name() + " cannot be converted to int");
      }
    }
    if (n.init) check_init(*n.init, arr);
    return record(n, ExprInfo{arr});
  }

  // ---- operators
  Type unary(const Unary& u) {
    const Type t = expr(*u.operand);
    if (t.is_error()) return fail(u);
    switch (u.op) {
      case UnaryOp::Not:
        if (!t.is_boolean()) {
          error(u.span, "bad operand type " + t.java_name() + " for unary operator '!'");
          return fail(u);
        }
        return fold_unary(u, t);
      case UnaryOp::BitNot:
        if (!t.is_integral()) {
          error(u.span, "bad operand type " + t.java_name() + " for unary operator '~'");
          return fail(u);
        }
        return fold_unary(u, Type::of(promote(t.prim)));
      case UnaryOp::Plus:
      case UnaryOp::Minus:
        if (!t.is_numeric()) {
          error(u.span, "bad operand type " + t.java_name() + " for unary operator '" +
                            std::string(op_spelling(u.op)) + "'");
          return fail(u);
        }
        return fold_unary(u, Type::of(promote(t.prim)));
      default:  // ++ and --
        if (!is_variable(*u.operand)) {
          error(u.operand->span, "unexpected type: required variable, found value");
          return fail(u);
        }
        if (!t.is_numeric()) {
          error(u.span, "bad operand type " + t.java_name() + " for unary operator '" +
                            std::string(op_spelling(u.op)) + "'");
          return fail(u);
        }
        note_assignment(*u.operand);
        return record(u, ExprInfo{t});
    }
  }
  Type fold_unary(const Unary& u, const Type& t) {
    ExprInfo info{t};
    const ExprInfo& o = a_.info(*u.operand);
    if (o.constant && t.is_prim() && t.prim != Prim::float_ && t.prim != Prim::double_) {
      const std::int64_t v = as_long(*o.constant);
      std::int64_t r = v;
      if (u.op == UnaryOp::Minus) r = static_cast<std::int64_t>(0ull - static_cast<std::uint64_t>(v));
      if (u.op == UnaryOp::BitNot) r = ~v;
      if (u.op == UnaryOp::Not)
        info.constant = !std::get<bool>(*o.constant);
      else
        info.constant = convert_prim(r, t.prim);
    }
    return record(u, std::move(info));
  }

  static bool is_variable(const Expr& e) {
    return e.kind == NodeKind::Name || e.kind == NodeKind::FieldAccess || e.kind == NodeKind::ArrayAccess;
  }
  void note_assignment(const Expr& target) {
    if (const auto* n = target.as<Name>())
      if (Var* v = find(n->identifier)) {
        ++v->assignments;
        if (v->resource) error(target.span, "auto-closeable resource " + v->name + " may not be assigned");
      }
  }

  Type binary(const Binary& b) {
    const Type l = expr(*b.lhs);
    const Type r = expr(*b.rhs);
    if (l.is_error() || r.is_error()) return fail(b);
    const std::string op(op_spelling(b.op));
    auto bad = [&]() {
      error(b.span,
            "bad operand types for binary operator '" + op + "': " + l.java_name() + " and " + r.java_name());
      return fail(b);
    };
    Type result;
    switch (b.op) {
      case BinaryOp::Add:
        if (l.is_string() || r.is_string()) {
          if (l.is_void() || r.is_void()) {
            error(b.span, "'void' type not allowed here");
            return fail(b);
          }
          result = Type::ref("String");
          break;
        }
        [[fallthrough]];
      case BinaryOp::Sub:
      case BinaryOp::Mul:
      case BinaryOp::Div:
      case BinaryOp::Rem:
        if (!l.is_numeric() || !r.is_numeric()) return bad();
        result = Type::of(promote(l.prim, r.prim));
        break;
      case BinaryOp::Shl:
      case BinaryOp::Shr:
      case BinaryOp::UShr:
        if (!l.is_integral() || !r.is_integral()) return bad();
        result = Type::of(promote(l.prim));
        break;
      case BinaryOp::Lt:
      case BinaryOp::Gt:
      case BinaryOp::Le:
      case BinaryOp::Ge:
        if (!l.is_numeric() || !r.is_numeric()) return bad();
        result = Type::of(Prim::boolean_);
        break;
      case BinaryOp::Eq:
      case BinaryOp::Ne:
        if (l.is_numeric() && r.is_numeric()) {
          result = Type::of(Prim::boolean_);
          break;
        }
        if (l.is_boolean() && r.is_boolean()) {
          result = Type::of(Prim::boolean_);
          break;
        }
        if (l.is_reference() && r.is_reference()) {
          if ((l.is_string() && r.kind != Type::Kind::null_) ||
              (r.is_string() && l.kind != Type::Kind::null_)) {
            unsupported(b.span,
                        "comparing Strings with '" + op + "' (identity of String objects; use equals)");
            return fail(b);
          }
          if (!assignable(l, r, nullptr) && !assignable(r, l, nullptr))
            error(b.span, "incomparable types: " + l.java_name() + " and " + r.java_name());
          result = Type::of(Prim::boolean_);
          break;
        }
        return bad();
      case BinaryOp::BitAnd:
      case BinaryOp::BitOr:
      case BinaryOp::BitXor:
        if (l.is_boolean() && r.is_boolean()) {
          result = Type::of(Prim::boolean_);
          break;
        }
        if (!l.is_integral() || !r.is_integral()) return bad();
        result = Type::of(promote(l.prim, r.prim));
        break;
      case BinaryOp::And:
      case BinaryOp::Or:
        if (!l.is_boolean() || !r.is_boolean()) return bad();
        result = Type::of(Prim::boolean_);
        break;
    }
    ExprInfo info{result};
    fold_binary(b, info);
    return record(b, std::move(info));
  }

  // Constant folding of integral and boolean operands (what javac treats as constant expressions),
  // so that `byte b = 100 + 27;` checks as javac does. Division by a constant zero is not folded.
  void fold_binary(const Binary& b, ExprInfo& info) {
    const ExprInfo& l = a_.info(*b.lhs);
    const ExprInfo& r = a_.info(*b.rhs);
    if (!l.constant || !r.constant || !info.type.is_prim()) return;
    if (std::holds_alternative<std::string>(*l.constant) || std::holds_alternative<std::string>(*r.constant))
      return;
    if (std::holds_alternative<double>(*l.constant) || std::holds_alternative<double>(*r.constant) ||
        std::holds_alternative<float>(*l.constant) || std::holds_alternative<float>(*r.constant))
      return;
    const std::int64_t x = as_long(*l.constant), y = as_long(*r.constant);
    const bool is_long = info.type.is(Prim::long_);
    auto wrap = [&](std::uint64_t v) { return convert_prim(static_cast<std::int64_t>(v), info.type.prim); };
    const auto ux = static_cast<std::uint64_t>(x), uy = static_cast<std::uint64_t>(y);
    switch (b.op) {
      case BinaryOp::Add:
        info.constant = wrap(ux + uy);
        break;
      case BinaryOp::Sub:
        info.constant = wrap(ux - uy);
        break;
      case BinaryOp::Mul:
        info.constant = wrap(ux * uy);
        break;
      case BinaryOp::BitAnd:
        info.constant = info.type.is_boolean() ? Value{(x & y) != 0} : wrap(ux & uy);
        break;
      case BinaryOp::BitOr:
        info.constant = info.type.is_boolean() ? Value{(x | y) != 0} : wrap(ux | uy);
        break;
      case BinaryOp::BitXor:
        info.constant = info.type.is_boolean() ? Value{(x ^ y) != 0} : wrap(ux ^ uy);
        break;
      case BinaryOp::Shl:
        info.constant = wrap(ux << (y & (is_long ? 63 : 31)));
        break;
      case BinaryOp::Lt:
        info.constant = x < y;
        break;
      case BinaryOp::Gt:
        info.constant = x > y;
        break;
      case BinaryOp::Le:
        info.constant = x <= y;
        break;
      case BinaryOp::Ge:
        info.constant = x >= y;
        break;
      case BinaryOp::Eq:
        info.constant = x == y;
        break;
      case BinaryOp::Ne:
        info.constant = x != y;
        break;
      case BinaryOp::And:
        info.constant = x != 0 && y != 0;
        break;
      case BinaryOp::Or:
        info.constant = x != 0 || y != 0;
        break;
      default:
        break;  // / % >> >>> : folded at run time only
    }
  }

  Type assign(const Assign& a) {
    const Type t = expr(*a.target);
    if (!is_variable(*a.target) || a.target->parenthesized) {
      if (!t.is_error()) error(a.target->span, "unexpected type: required variable, found value");
      expr(*a.value);
      return fail(a);
    }
    if (a.target->kind == NodeKind::FieldAccess && a_.info(*a.target).op == Op::array_length)
      error(a.target->span, "cannot assign a value to final variable length");
    note_assignment(*a.target);
    if (a.op == AssignOp::Assign) {
      check_init(*a.value, t);
      return record(a, ExprInfo{t});
    }
    const Type v = expr(*a.value);
    if (t.is_error() || v.is_error()) return fail(a);
    const bool ok = (a.op == AssignOp::Add && t.is_string() && !v.is_void()) ||
                    (t.is_numeric() && v.is_numeric() &&
                     (a.op == AssignOp::Add || a.op == AssignOp::Sub || a.op == AssignOp::Mul ||
                      a.op == AssignOp::Div || a.op == AssignOp::Rem)) ||
                    (t.is_integral() && v.is_integral()) ||
                    (t.is_boolean() && v.is_boolean() &&
                     (a.op == AssignOp::And || a.op == AssignOp::Or || a.op == AssignOp::Xor));
    if (!ok) {
      error(a.span, "bad operand types for binary operator '" + std::string(op_spelling(a.op)) +
                        "': " + t.java_name() + " and " + v.java_name());
      return fail(a);
    }
    return record(a, ExprInfo{t});
  }

  Type conditional(const Conditional& c) {
    condition(*c.cond);
    const Type a = expr(*c.then_expr);
    const Type b = expr(*c.else_expr);
    if (a.is_error() || b.is_error()) return fail(c);
    if (a == b) return record(c, ExprInfo{a});
    if (a.is_numeric() && b.is_numeric()) {
      // JLS 15.25: byte/short/char with an int constant that fits it keeps that type; byte and short give
      // short (`true ? 'a' : 0` is a char).
      auto narrow = [&](const Type& t, const Expr& other, const Type& ot) {
        const ExprInfo& oi = a_.info(other);
        return (t.prim == Prim::byte_ || t.prim == Prim::short_ || t.prim == Prim::char_) &&
               ot.is(Prim::int_) && oi.constant && fits(*oi.constant, t.prim);
      };
      if (narrow(a, *c.else_expr, b)) return record(c, ExprInfo{a});
      if (narrow(b, *c.then_expr, a)) return record(c, ExprInfo{b});
      if ((a.is(Prim::byte_) && b.is(Prim::short_)) || (a.is(Prim::short_) && b.is(Prim::byte_)))
        return record(c, ExprInfo{Type::of(Prim::short_)});
      return record(c, ExprInfo{Type::of(promote(a.prim, b.prim))});
    }
    if (a.is_reference() && b.is_reference()) {
      if (a.kind == Type::Kind::null_) return record(c, ExprInfo{b});
      if (b.kind == Type::Kind::null_) return record(c, ExprInfo{a});
      if (assignable(a, b, nullptr)) return record(c, ExprInfo{a});
      if (assignable(b, a, nullptr)) return record(c, ExprInfo{b});
      return record(c, ExprInfo{Type::ref("Object")});
    }
    unsupported(c.span, "a conditional mixing " + a.java_name() + " and " + b.java_name() + " (boxing)");
    return fail(c);
  }

  Type cast(const Cast& c) {
    const Type to = resolve(c.type);
    const Type from = expr(*c.operand);
    if (to.is_error() || from.is_error()) return fail(c);
    ExprInfo info{to};
    if (to.is_prim() && from.is_prim()) {
      if (to.is_boolean() != from.is_boolean()) {
        error(c.span,
              "incompatible types: " + from.java_name() + " cannot be converted to " + to.java_name());
        return fail(c);
      }
      const ExprInfo& o = a_.info(*c.operand);
      if (o.constant && !std::holds_alternative<double>(*o.constant) &&
          !std::holds_alternative<float>(*o.constant))
        info.constant = convert_prim(*o.constant, to.prim);
      else if (o.constant)
        info.constant = convert_prim(*o.constant, to.prim);
      return record(c, std::move(info));
    }
    if (to.is_reference() && from.is_reference()) {
      if (is_mx_type(to) && !assignable(to, from, nullptr)) {
        unsupported(c.span, "a cast from " + from.java_name() + " to " + to.java_name());
        return fail(c);
      }
      if (!assignable(to, from, nullptr) && !assignable(from, to, nullptr)) {
        error(c.span,
              "incompatible types: " + from.java_name() + " cannot be converted to " + to.java_name());
        return fail(c);
      }
      return record(c, std::move(info));
    }
    unsupported(c.span, "a cast between " + from.java_name() + " and " + to.java_name() + " (boxing)");
    return fail(c);
  }
};

}  // namespace

Analysis analyze(const Program& program) {
  Analysis a;
  Checker(a).program(program);
  if (a.diagnostics.empty()) analyze_slot_flow(program, a);
  return a;
}

}  // namespace heapviz::lang::interp
