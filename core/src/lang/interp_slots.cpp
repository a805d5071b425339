// Which local slots the interpreter's GC sees as roots at each join of control flow.
//
// HotSpot's interpreter finds the references of a frame with an oop map that GenerateOopMap computes
// from the bytecode's types, not from liveness: a slot is a root wherever every path into that point
// left a reference in it. So a local whose block ended stays a root (a stale slot) until a later store
// reuses the slot, unless some join merges it with a path where the slot held no reference (an `if`
// without else, a loop's back edge, an exception handler's entry). This pass walks main's statements with
// one cell per slot (uninit / reference / value bits, merged by OR) and records, for each join, the slots
// that hold a reference on some path only: the evaluator stops treating them as roots there.
#include <algorithm>

#include "interp_analysis.hpp"
#include "interp_management.hpp"

namespace heapviz::lang::interp {
namespace {

constexpr std::uint8_t kUninit = 1, kRef = 2, kValue = 4;

struct State {
  std::vector<std::uint8_t> cells;  ///< per slot; slots past the end are uninitialized
  bool live = false;                ///< false: no path reaches here

  std::uint8_t at(std::size_t s) const { return s < cells.size() ? cells[s] : kUninit; }
  void store(int slot, std::uint8_t what) {
    if (slot < 0) return;
    const auto s = static_cast<std::size_t>(slot);
    if (cells.size() <= s) cells.resize(s + 1, kUninit);
    cells[s] = what;
  }
  void merge(const State& o) {
    if (!o.live) return;
    if (!live) {
      *this = o;
      return;
    }
    const std::size_t n = std::max(cells.size(), o.cells.size());
    cells.resize(n, kUninit);
    for (std::size_t s = 0; s < n; ++s) cells[s] |= o.at(s);
  }
  bool operator==(const State& o) const {
    if (live != o.live) return false;
    const std::size_t n = std::max(cells.size(), o.cells.size());
    for (std::size_t s = 0; s < n; ++s)
      if (at(s) != o.at(s)) return false;
    return true;
  }
};

struct LoopTargets {
  State breaks, continues;
};

class SlotFlow {
 public:
  explicit SlotFlow(Analysis& a) : a_(a) {}

  void method(const Block& body, int first_slot) {
    State s;
    s.live = true;
    for (int i = 0; i < first_slot; ++i) s.store(i, kRef);  // main's args
    stmts(body, s);
  }

 private:
  Analysis& a_;
  std::vector<LoopTargets*> loops_;
  std::vector<State*> tries_;  ///< states seen inside enclosing try bodies (their handlers' entry)

  static std::uint8_t kind_of(const Type& t) { return t.is_reference() || t.is_error() ? kRef : kValue; }
  static bool wide(const Type& t) { return t.is(Prim::long_) || t.is(Prim::double_); }

  void store(State& s, int slot, const Type& t) {
    if (!s.live) return;
    s.store(slot, kind_of(t));
    if (wide(t)) s.store(slot + 1, kValue);
    for (State* acc : tries_) acc->merge(s);
  }
  void store_key(State& s, const void* key) {
    const auto slot = a_.slots.find(key);
    const auto type = a_.types.find(key);
    if (slot != a_.slots.end() && type != a_.types.end()) store(s, slot->second, type->second);
  }
  void join(const void* key, const State& s) {
    std::vector<int> mixed;
    for (std::size_t i = 0; i < s.cells.size(); ++i)
      if ((s.cells[i] & kRef) && s.cells[i] != kRef) mixed.push_back(static_cast<int>(i));
    if (!mixed.empty()) a_.slot_conflicts[key] = std::move(mixed);
  }
  static const void* key(const Node* n, int which) { return join_key(n, which); }
  std::optional<bool> constant_bool(const Expr* e) const {
    if (!e) return true;  // for (;;)
    const auto& c = a_.info(*e).constant;
    if (c && std::holds_alternative<bool>(*c)) return std::get<bool>(*c);
    return std::nullopt;
  }

  // Stores to locals inside an expression, in evaluation order (the value before its store).
  void expr(const Expr& e, State& s) {
    if (e.kind == NodeKind::Lambda) return;  // its body is a method of its own
    for_each_child(e, [&](const Node& c) {
      if (c.kind != NodeKind::Lambda && static_cast<int>(c.kind) < static_cast<int>(NodeKind::Block))
        expr(static_cast<const Expr&>(c), s);
    });
    if (e.kind == NodeKind::Assign) {
      const auto& a = e.cast<Assign>();
      const ExprInfo& t = a_.info(*a.target);
      if (t.op == Op::local && t.slot >= 0) store(s, t.slot, t.type);
    }
  }

  void stmts(const Block& b, State& s) {
    for (const auto& st : b.statements) stmt(*st, s);
  }

  void loop_body(const Stmt& body, State& s, LoopTargets& t) {
    loops_.push_back(&t);
    stmt(body, s);
    loops_.pop_back();
    s.merge(t.continues);
  }

  void stmt(const Stmt& st, State& s) {
    switch (st.kind) {
      case NodeKind::Block:
        stmts(st.cast<Block>(), s);
        return;
      case NodeKind::LocalVar:
        for (const Declarator& d : st.cast<LocalVar>().declarators)
          if (d.init) {
            expr(*d.init, s);
            store_key(s, &d);
          }
        return;
      case NodeKind::ExprStmt:
        expr(*st.cast<ExprStmt>().expr, s);
        return;
      case NodeKind::If: {
        const auto& n = st.cast<If>();
        expr(*n.cond, s);
        const std::optional<bool> c = constant_bool(n.cond.get());
        State other = s;
        if (c == false) s.live = false;
        if (c == true) other.live = false;
        stmt(*n.then_stmt, s);
        if (n.else_stmt) stmt(*n.else_stmt, other);
        s.merge(other);
        join(key(&n, 0), s);
        return;
      }
      case NodeKind::While: {
        const auto& n = st.cast<While>();
        loop(&n, s, n.cond.get(), nullptr, nullptr, *n.body, {});
        return;
      }
      case NodeKind::For: {
        const auto& n = st.cast<For>();
        for (const auto& i : n.init) stmt(*i, s);
        loop(&n, s, n.cond.get(), nullptr, nullptr, *n.body, n.update);
        return;
      }
      case NodeKind::ForEach: {
        const auto& n = st.cast<ForEach>();
        expr(*n.iterable, s);
        const auto base = a_.slots.find(n.iterable.get());
        if (base != a_.slots.end() && is_mx_list(a_.info(*n.iterable).type)) {
          store(s, base->second, Type::ref("Object"));  // the Iterator
        } else if (base != a_.slots.end()) {
          store(s, base->second, Type::ref("Object"));       // arr$
          store(s, base->second + 1, Type::of(Prim::int_));  // len$
          store(s, base->second + 2, Type::of(Prim::int_));  // i$
        }
        loop(&n, s, nullptr, nullptr, &n, *n.body, {});
        return;
      }
      case NodeKind::DoWhile: {
        const auto& n = st.cast<DoWhile>();
        loop(&n, s, nullptr, n.cond.get(), nullptr, *n.body, {});
        return;
      }
      case NodeKind::Break:
        if (!loops_.empty()) loops_.back()->breaks.merge(s);
        s.live = false;
        return;
      case NodeKind::Continue:
        if (!loops_.empty()) loops_.back()->continues.merge(s);
        s.live = false;
        return;
      case NodeKind::Return:
        s.live = false;
        return;
      case NodeKind::Throw:
        expr(*st.cast<Throw>().value, s);
        s.live = false;
        return;
      case NodeKind::Try:
        try_stmt(st.cast<Try>(), s);
        return;
      default:
        return;
    }
  }

  // A loop: `pre` is tested before the body (while/for; null = always true), `post` after it
  // (do-while), `each` is a for-each whose variable is stored at the start of every iteration.
  void loop(const Node* n, State& s, const Expr* pre, const Expr* post, const ForEach* each, const Stmt& body,
            const std::vector<ExprPtr>& update) {
    const bool do_while = post != nullptr;
    State head = s;
    LoopTargets t;
    State exit;
    for (int round = 0; round < 64; ++round) {
      t = LoopTargets{};
      State cur = head;
      exit = State{};
      if (!do_while) {
        if (each) {
          exit = cur;  // i$ >= len$
        } else if (pre) {
          expr(*pre, cur);
          if (constant_bool(pre) != true) exit = cur;
        }
        if (each) store_key(cur, each);
      }
      loop_body(body, cur, t);
      if (do_while) {
        expr(*post, cur);
        if (constant_bool(post) != true) exit = cur;
      } else {
        for (const auto& u : update) expr(*u, cur);
      }
      State next = s;
      if (do_while && constant_bool(post) == false) cur.live = false;
      next.merge(cur);
      if (next == head) break;
      head = std::move(next);
    }
    join(key(n, 0), head);
    exit.merge(t.breaks);
    join(key(n, 1), exit);
    s = std::move(exit);
  }

  // Resource i, then the rest inside its own try: javac's handler (catch Throwable, close, rethrow)
  // stores the exception in the slot after the resource; that store reaches the enclosing handlers.
  void resources_and_body(const Try& n, std::size_t i, State& s) {
    if (i == n.resources.size()) return stmts(*n.body, s);
    int resource_slot = -1;
    for (const Declarator& d : n.resources[i]->declarators) {
      if (d.init) expr(*d.init, s);
      store_key(s, &d);
      if (a_.slots.count(&d)) resource_slot = a_.slots.at(&d);
    }
    State in_body = s;
    tries_.push_back(&in_body);
    resources_and_body(n, i + 1, s);
    tries_.pop_back();
    State handler = in_body;
    join(key(n.resources[i].get(), 1), handler);
    if (resource_slot >= 0) store(handler, resource_slot + 1, Type::ref("java.lang.Throwable"));
  }

  void try_stmt(const Try& n, State& s) {
    State in_body = s;  // the handlers' entry: every state inside the try body
    tries_.push_back(&in_body);
    State body = s;
    resources_and_body(n, 0, body);
    tries_.pop_back();
    State in_any = in_body;  // the catch-any handler also covers the catch blocks
    State after = body;
    if (n.finally_block) tries_.push_back(&in_any);
    for (const CatchClause& c : n.catches) {
      State h = in_body;
      join(&c, h);
      store_key(h, &c);
      stmts(*c.body, h);
      after.merge(h);
    }
    if (n.finally_block) tries_.pop_back();
    join(key(&n, 0), after);
    if (n.finally_block) {
      State any = in_any;
      join(key(&n, 1), any);
      stmts(*n.finally_block, after);
    }
    s = std::move(after);
  }
};

}  // namespace

void analyze_slot_flow(const Program& program, Analysis& a) {
  if (!program.main_method || !program.main_method->body) return;
  SlotFlow(a).method(*program.main_method->body, 1);
}

}  // namespace heapviz::lang::interp
