// Statements: blocks and scopes (locals as GC roots), control flow, try/catch/finally, threads, the run.
#include <exception>
#include <stdexcept>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "interp_io.hpp"
#include "interp_runtime.hpp"

namespace heapviz::lang::interp {

void Runtime::stop(SourceSpan where, std::string message) { throw BudgetExceeded{where, std::move(message)}; }

void Runtime::tick(const Node& at) {
  if (budget_used_ + 1 == opts_.internal_error_at_step)
    throw std::logic_error("internal error forced at step " + std::to_string(budget_used_ + 1) +
                           " (test hook)");
  if (++budget_used_ > opts_.max_steps)
    stop(at.span, "the program was stopped after " + std::to_string(opts_.max_steps) +
                      " steps (statements and loop iterations); it may never end. Raise the budget with "
                      "--max-steps N if it is just long");
  if (r_.recording() && r_.trace()->size() > opts_.max_trace_steps)
    stop(at.span,
         "the program was stopped: its trace grew beyond " + std::to_string(opts_.max_trace_steps) +
             " recorded steps, more than a lesson can show; make the lesson smaller (heapviz run without "
             "--trace records no steps)");
}

void Runtime::begin_statement(const Stmt& s) {
  tick(s);
  r_.set_source_pos(
      SourcePos{static_cast<std::uint32_t>(s.span.line), static_cast<std::uint32_t>(s.span.col)});
}

// The operand stack is empty again: temporaries rooted during the statement stop being roots.
void Runtime::end_statement() {
  temps_.clear();
  temps_rooted_ = 0;
  for (const std::uint32_t slot : temp_roots_) drop_root(slot, "(operand stack)");
  temp_roots_.clear();
}

std::uint32_t Runtime::set_root(const std::string& name, heap::ObjectId value) {
  const Machine& m = r_.machine();
  const std::string& scope = frames_.back().scope;
  const std::string key = scope + '\0' + name;
  const auto dead = dead_slots_.find(key);
  if (dead == dead_slots_.end() || m.roots.find(heap::RootKind::local, scope, name))
    return heap::set_local(r_, scope, name, value);
  // Revive the dead slot under the same name, then set it: what heap::set_local does for a new slot.
  const std::uint32_t slot = dead->second;
  dead_slots_.erase(dead);
  r_.begin_step(StepKind::root_set);
  Effect def;
  def.kind = EffectKind::root_define;
  def.small = static_cast<std::uint16_t>(heap::RootKind::local);
  def.id = slot;
  def.b = key.size();
  r_.apply(def, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(key.data()), key.size()));
  Effect set;
  set.kind = EffectKind::root_set;
  set.id = slot;
  set.a = value == heap::kNoObject ? 0 : heap::narrow_oop::encode(m.heap.record(value).addr);
  r_.apply(set);
  if (r_.recording()) {
    if (value != heap::kNoObject) r_.touch(value);
    const std::string what = value == heap::kNoObject ? std::string("null") : heap::describe(m, value);
    r_.narrate(name + " = " + what + ": a local root (" + scope + ") now holds it.",
               name + " = " + what + "：局部变量根（" + scope + "）现在保存它。",
               "interpreter: astore (local variable slot in the frame)");
  }
  r_.end_step();
  return slot;
}

void Runtime::drop_root(std::uint32_t slot, const std::string& name) {
  if (slot >= r_.machine().roots.slots.size() || !r_.machine().roots.slots[slot].active) return;
  const heap::Root& root = r_.machine().roots.slots[slot];
  dead_slots_[root.scope + '\0' + root.name] = slot;
  r_.begin_step(StepKind::root_drop);
  Effect e;
  e.kind = EffectKind::root_deactivate;
  e.id = slot;
  r_.apply(e);
  if (r_.recording())
    r_.narrate("The local '" + name + "' goes out of scope: it is no longer a GC root.",
               "局部变量 '" + name + "' 离开作用域：它不再是 GC 根。",
               "the interpreter frame's local slot is dead");
  r_.end_step();
}

Local* Runtime::find_local(std::string_view name) {
  Frame& f = frames_.back();
  for (auto b = f.blocks.rbegin(); b != f.blocks.rend(); ++b)
    for (Local& l : *b)
      if (l.name == name) return &l;
  return nullptr;
}

// Assigns a local; a reference-typed local is a GC root, and every change of it is a step. Any other
// store into the slot ends the root an earlier (stale) local left there.
void Runtime::set_local(Local& l, Value v, const Type& t) {
  l.value = std::move(v);
  const bool heap_ref = std::holds_alternative<JRef>(l.value) && (t.is_reference() || t.is_error());
  const bool off_heap = t.is_string() || t.is_throwable() || t.is_class("Thread") || t.is_class("Class") ||
                        t.is_class("FileChannel") || t.is_class("Path");
  if (!heap_ref || off_heap) {
    clear_slot(l.slot, l.name);
    if (l.wide) clear_slot(l.slot + 1, l.name);
    return;
  }
  const heap::ObjectId id = std::get<JRef>(l.value).id;
  if (id == heap::kNoObject && active_slot_root(l.slot) < 0) {
    // A null that was never a reference needs no root slot yet; `x = null` after a reference does.
    if (!t.is_array() && !t.is_class("Object") && !t.is_class("ByteBuffer") &&
        !t.is_class("MappedByteBuffer") && !(t.kind == Type::Kind::ref))
      return;
  }
  write_slot_root(l.slot, l.name, id);
}

int Runtime::slot_of(const void* key) const {
  const auto it = a_.slots.find(key);
  return it == a_.slots.end() ? -1 : it->second;
}

Local& Runtime::declare(const std::string& name, Value v, const Type& t, int slot, bool store) {
  auto& block = frames_.back().blocks.back();
  const bool wide = t.is(Prim::long_) || t.is(Prim::double_);
  block.push_back(Local{name, JRef{}, slot < 0 ? -1 : slot + frames_.back().slot_shift, wide});
  Local& l = block.back();
  if (store)
    set_local(l, std::move(v), t);
  else
    l.value = std::move(v);  // `T x;` stores nothing: the slot keeps what an earlier local left there
  return l;
}

void Runtime::pop_block() {
  auto block = std::move(frames_.back().blocks.back());
  frames_.back().blocks.pop_back();
  // The method body's own locals never go stale: javac ends no scope there, the frame just returns.
  if (frames_.back().blocks.size() <= 1) return;
  for (auto it = block.rbegin(); it != block.rend(); ++it) make_stale(*it);
}

void Runtime::exec_local_var(const LocalVar& lv) {
  for (const Declarator& d : lv.declarators) {
    const auto tit = a_.types.find(&d);
    const Type t = tit == a_.types.end() ? Type::error() : tit->second;
    Value v = default_value(t);
    if (d.init) {
      v = d.init->kind == NodeKind::ArrayInit ? eval_array_init(d.init->cast<ArrayInit>(), t)
                                              : coerce(eval(*d.init), t);
    }
    declare(d.name, std::move(v), t, slot_of(&d), d.init != nullptr);
  }
}

Flow Runtime::exec_block(const Block& b) {
  push_block();
  Flow f = Flow::normal;
  try {
    for (const auto& s : b.statements) {
      f = exec(*s);
      if (f != Flow::normal) break;
    }
  } catch (const JavaException&) {
    pop_block();
    throw;
  }
  pop_block();
  return f;
}

Flow Runtime::exec(const Stmt& s) {
  if (s.kind == NodeKind::Block) return exec_block(s.cast<Block>());
  begin_statement(s);
  Flow flow = Flow::normal;
  switch (s.kind) {
    case NodeKind::LocalVar:
      exec_local_var(s.cast<LocalVar>());
      break;
    case NodeKind::LocalClass:
      break;  // registered with the class table when first instantiated
    case NodeKind::ExprStmt:
      eval(*s.cast<ExprStmt>().expr);
      break;
    case NodeKind::If: {
      const auto& n = s.cast<If>();
      const bool c = std::get<bool>(eval(*n.cond));
      end_statement();
      Flow f = Flow::normal;
      if (c)
        f = exec_scoped(*n.then_stmt);
      else if (n.else_stmt)
        f = exec_scoped(*n.else_stmt);
      if (f == Flow::normal) apply_join(join_key(&n, 0));
      return f;
    }
    case NodeKind::While: {
      const auto& n = s.cast<While>();
      end_statement();
      while (true) {
        tick(*n.cond);
        r_.set_source_pos(
            SourcePos{static_cast<std::uint32_t>(s.span.line), static_cast<std::uint32_t>(s.span.col)});
        apply_join(join_key(&n, 0));
        if (!std::get<bool>(eval(*n.cond))) break;
        end_statement();
        const Flow f = exec_scoped(*n.body);
        if (f == Flow::break_) break;
        if (f == Flow::return_ || f == Flow::yield_) return f;
      }
      apply_join(join_key(&n, 1));
      break;
    }
    case NodeKind::DoWhile: {
      const auto& n = s.cast<DoWhile>();
      end_statement();
      while (true) {
        apply_join(join_key(&n, 0));
        const Flow f = exec_scoped(*n.body);
        if (f == Flow::break_) break;
        if (f == Flow::return_ || f == Flow::yield_) return f;
        tick(*n.cond);
        r_.set_source_pos(SourcePos{static_cast<std::uint32_t>(n.cond->span.line),
                                    static_cast<std::uint32_t>(n.cond->span.col)});
        if (!std::get<bool>(eval(*n.cond))) break;
        end_statement();
      }
      apply_join(join_key(&n, 1));
      break;
    }
    case NodeKind::For: {
      const auto& n = s.cast<For>();
      push_block();
      Flow result = Flow::normal;
      try {
        for (const auto& i : n.init) {
          if (i->kind == NodeKind::LocalVar)
            exec_local_var(i->cast<LocalVar>());
          else
            eval(*i->cast<ExprStmt>().expr);
        }
        end_statement();
        while (true) {
          tick(s);
          r_.set_source_pos(
              SourcePos{static_cast<std::uint32_t>(s.span.line), static_cast<std::uint32_t>(s.span.col)});
          apply_join(join_key(&n, 0));
          if (n.cond && !std::get<bool>(eval(*n.cond))) break;
          end_statement();
          const Flow f = exec_scoped(*n.body);
          if (f == Flow::break_) break;
          if (f == Flow::return_ || f == Flow::yield_) {
            result = f;
            break;
          }
          r_.set_source_pos(
              SourcePos{static_cast<std::uint32_t>(s.span.line), static_cast<std::uint32_t>(s.span.col)});
          for (const auto& u : n.update) eval(*u);
          end_statement();
        }
      } catch (const JavaException&) {
        pop_block();
        throw;
      }
      end_statement();
      if (result == Flow::normal) apply_join(join_key(&n, 1));
      pop_block();
      return result;
    }
    case NodeKind::ForEach: {
      // javac: arr$ = iterable; len$ = arr$.length; for (i$ = 0; i$ < len$; ++i$) { T v = arr$[i$]; body }
      // Over a List: i$ = list.iterator(); while (i$.hasNext()) { T v = (T) i$.next(); body }
      const auto& n = s.cast<ForEach>();
      const Value arr = eval(*n.iterable);
      const Type arr_type = a_.info(*n.iterable).type;
      const bool over_list = is_mx_list(arr_type);
      if (over_list && is_null(arr))
        throw_npe("Cannot invoke \"java.util.List.iterator()\"", n.iterable.get());
      const int base = slot_of(n.iterable.get());
      push_block();
      Flow result = Flow::normal;
      try {
        const std::vector<Value> items = over_list ? mx_list_elements(arr) : std::vector<Value>{};
        declare(over_list ? "i$" : "arr$", arr, over_list ? Type::ref("Iterator") : arr_type, base);
        end_statement();
        const std::int32_t len =
            over_list ? static_cast<std::int32_t>(items.size()) : array_length(arr, *n.iterable);
        if (!over_list) {
          declare("len$", len, Type::of(Prim::int_), base < 0 ? -1 : base + 1);
          declare("i$", 0, Type::of(Prim::int_), base < 0 ? -1 : base + 2);
        }
        const auto tit = a_.types.find(&n);
        const Type vt = tit == a_.types.end() ? Type::error() : tit->second;
        for (std::int32_t i = 0;; ++i) {
          tick(s);
          apply_join(join_key(&n, 0));
          if (i >= len) break;
          push_block();
          Flow f = Flow::normal;
          try {
            const Value item = over_list ? items[static_cast<std::size_t>(i)]
                                         : load_element(arr, arr_type.element(), i, *n.iterable);
            declare(n.name, coerce(item, vt), vt, slot_of(&n));
            f = exec_scoped(*n.body);
          } catch (const JavaException&) {
            pop_block();
            throw;
          }
          pop_block();
          if (f == Flow::break_) break;
          if (f == Flow::return_ || f == Flow::yield_) {
            result = f;
            break;
          }
        }
      } catch (const JavaException&) {
        pop_block();
        throw;
      }
      if (result == Flow::normal) apply_join(join_key(&n, 1));
      pop_block();
      return result;
    }
    case NodeKind::Break:
      flow = Flow::break_;
      break;
    case NodeKind::Continue:
      flow = Flow::continue_;
      break;
    case NodeKind::Return:
      flow = Flow::return_;
      break;
    case NodeKind::Yield:
      yielded_ = eval(*s.cast<Yield>().value);
      flow = Flow::yield_;
      break;
    case NodeKind::Throw: {
      const Expr& v = *s.cast<Throw>().value;
      const Value t = eval(v);
      if (is_null(t)) throw_npe("Cannot throw exception", &v);
      throw JavaException{hosts_.at(std::get<HostRef>(t).index).throwable};
    }
    case NodeKind::Switch:
      return exec_switch(s.cast<Switch>());
    case NodeKind::Try:
      end_statement();
      return exec_try(s.cast<Try>());
    case NodeKind::Empty:
      break;
    default:
      break;  // the checker rejected everything else
  }
  end_statement();
  return flow;
}

// The old form runs from the matching case to the end (fallthrough) until a break; a rule runs only
// its own body. Locals of the old form share one block, as in Java.
Flow Runtime::exec_switch(const Switch& n) {
  const Value v = eval(*n.selector);
  end_statement();
  if (const auto* r = std::get_if<JRef>(&v); r && r->id == heap::kNoObject) {
    // javac switches on tmp.hashCode(), tmp a hidden local copy of the String.
    const auto slot = a_.slots.find(&n);
    throw_java(
        "java.lang.NullPointerException",
        "Cannot invoke \"String.hashCode()\"" +
            (slot == a_.slots.end() ? std::string()
                                    : " because \"<local" + std::to_string(slot->second) + ">\" is null"));
  }
  auto key = [](const Value& x) -> std::optional<std::int64_t> {
    return std::visit(
        [](const auto& y) -> std::optional<std::int64_t> {
          using T = std::decay_t<decltype(y)>;
          if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
            return static_cast<std::int64_t>(y);
          else
            return std::nullopt;
        },
        x);
  };
  const std::string* sv = std::get_if<std::string>(&v);
  const std::optional<std::int64_t> iv = key(v);
  std::size_t start = n.cases.size();
  for (std::size_t i = 0; i < n.cases.size() && start == n.cases.size(); ++i)
    for (const auto& label : n.cases[i].labels) {
      const Value lv = eval(*label);
      const std::string* ls = std::get_if<std::string>(&lv);
      if ((sv && ls && *sv == *ls) || (iv && key(lv) == iv)) {
        start = i;
        break;
      }
    }
  if (start == n.cases.size())
    for (std::size_t i = 0; i < n.cases.size(); ++i)
      if (n.cases[i].is_default) start = i;
  if (start == n.cases.size()) return Flow::normal;
  push_block();
  Flow f = Flow::normal;
  try {
    if (n.rules) {
      for (const auto& b : n.cases[start].body) f = exec_scoped(*b);
    } else {
      for (std::size_t i = start; i < n.cases.size() && f == Flow::normal; ++i)
        for (const auto& b : n.cases[i].body) {
          f = exec(*b);
          if (f != Flow::normal) break;
        }
    }
  } catch (const JavaException&) {
    pop_block();
    throw;
  }
  pop_block();
  return f == Flow::break_ ? Flow::normal : f;
}

// A switch expression runs its cases as statements in the middle of an expression: what the enclosing
// statement holds on the operand stack stays rooted meanwhile, and is its own again afterwards.
Value Runtime::eval_switch_expr(const SwitchExpr& e) {
  protect_temps();
  std::vector<heap::ObjectId> outer_temps = std::move(temps_);
  std::vector<std::uint32_t> outer_roots = std::move(temp_roots_);
  const std::size_t outer_rooted = temps_rooted_;
  temps_.clear();
  temp_roots_.clear();
  temps_rooted_ = 0;
  const SourcePos pos = r_.source_pos();
  auto restore = [&]() {
    end_statement();
    temps_ = std::move(outer_temps);
    temp_roots_ = std::move(outer_roots);
    temps_rooted_ = outer_rooted;
    r_.set_source_pos(pos);
  };
  try {
    exec_switch(*e.body);  // the checker made every path yield or throw
  } catch (...) {
    restore();
    throw;
  }
  restore();
  return coerce(yielded_, a_.info(e).type);
}

Flow Runtime::exec_scoped(const Stmt& s) {
  if (s.kind == NodeKind::Block) return exec_block(s.cast<Block>());
  push_block();
  Flow f = Flow::normal;
  try {
    f = exec(s);
  } catch (const JavaException&) {
    pop_block();
    throw;
  }
  pop_block();
  return f;
}

// try/catch/finally for Java exceptions. The budget and System.exit unwind past finally (the JVM
// does not run finally blocks on exit either).
// try-with-resources as javac lowers it: each resource in its own try; the resources are closed in
// reverse order when the body completes in any way (a break or return too), and a null one is skipped.
Flow Runtime::exec_with_resources(const Try& t, std::size_t i) {
  if (i == t.resources.size()) return exec_block(*t.body);
  const LocalVar& lv = *t.resources[i];
  begin_statement(lv);
  exec_local_var(lv);
  end_statement();
  Flow flow = Flow::normal;
  try {
    flow = exec_with_resources(t, i + 1);
  } catch (const JavaException&) {
    // catch (Throwable t): the exception goes to the slot after the resource, then close, rethrow.
    end_statement();
    apply_join(join_key(&lv, 1));
    const int resource_slot = slot_of(&lv.declarators.front());
    if (resource_slot >= 0) clear_slot(resource_slot + 1, "(the exception)");
    close_resource(lv);
    throw;
  }
  close_resource(lv);
  return flow;
}

void Runtime::close_resource(const LocalVar& lv) {
  begin_statement(lv);
  for (const Declarator& d : lv.declarators) {
    const Local* l = find_local(d.name);
    if (!l || !std::holds_alternative<HostRef>(l->value)) continue;  // null: javac's `if (r != null)`
    const HostObject& h = hosts_.at(std::get<HostRef>(l->value).index);
    if (h.kind == HostObject::Kind::channel) channel_close(r_, frames_.back().thread, h.channel);
  }
  end_statement();
}

Flow Runtime::exec_try(const Try& t) {
  std::optional<JavaException> pending;
  Flow flow = Flow::normal;
  try {
    if (t.resources.empty()) {
      flow = exec_block(*t.body);
    } else {
      push_block();  // the resources' scope: their slots stay stale after the statement, as in javac
      try {
        flow = exec_with_resources(t, 0);
      } catch (const JavaException&) {
        pop_block();
        throw;
      }
      pop_block();
    }
  } catch (const JavaException& ex) {
    end_statement();
    const CatchClause* handler = nullptr;
    for (const CatchClause& c : t.catches) {
      for (const TypeRef& tr : c.types) {
        // `RuntimeException`, or qualified `java.nio.BufferOverflowException`.
        std::string_view q = qualify_throwable(tr.name);
        if (q.empty()) q = qualify_throwable(tr.name.substr(tr.name.rfind('.') + 1));
        if (!q.empty() && ex.throwable.is_instance_of(q)) {
          handler = &c;
          break;
        }
      }
      if (handler) break;
    }
    if (!handler) {
      pending = ex;
    } else {
      apply_join(handler);
      push_block();
      try {
        const auto tit = a_.types.find(handler);
        declare(handler->name,
                new_host(HostObject{HostObject::Kind::throwable, ex.throwable, {}, nullptr, {}, false, 0}),
                tit == a_.types.end() ? Type::error() : tit->second, slot_of(handler));
        flow = exec_block(*handler->body);
      } catch (const JavaException& inner) {
        pending = inner;
      }
      pop_block();
    }
  }
  if (!pending && flow == Flow::normal) apply_join(join_key(&t, 0));
  if (t.finally_block) {
    Frame& frame = frames_.back();
    const int saved_shift = frame.slot_shift;
    if (pending) {
      // The catch-any handler: the exception goes to a fresh slot, this copy's locals follow it.
      apply_join(join_key(&t, 1));
      const int exc_slot = slot_of(&t), first = slot_of(t.finally_block.get());
      clear_slot(exc_slot, "(the exception)");
      if (exc_slot >= 0 && first >= 0) frame.slot_shift = exc_slot + 1 - first;
    }
    Flow f = Flow::normal;
    const Value yielded = yielded_;  // a switch expression inside the finally must not replace it
    try {
      f = exec_block(*t.finally_block);
    } catch (...) {
      frames_.back().slot_shift = saved_shift;
      throw;
    }
    frames_.back().slot_shift = saved_shift;
    if (f == Flow::normal) yielded_ = yielded;
    if (f != Flow::normal) return f;  // a break/return in finally discards the exception, as in Java
  }
  if (pending) throw *pending;
  return flow;
}

// Thread.start(): the lambda runs to completion right away on a thread of its own (a documented
// simplification: threads run one after another). Its locals are roots of "Thread-N/run".
void Runtime::run_thread(HostObject& th) {
  Frame f;
  f.thread = th.name;
  f.scope = th.name + "/run";
  f.captured = th.captured;
  f.blocks.emplace_back();
  frames_.push_back(std::move(f));
  const auto saved_pos = r_.source_pos();
  try {
    if (th.body->block_body) {
      exec_block(*th.body->block_body);
    } else if (th.body->expr_body) {
      eval(*th.body->expr_body);
      end_statement();
    }
  } catch (const JavaException& ex) {
    // An uncaught exception ends only this thread; the default handler prints it.
    end_statement();
    print(true, "Exception in thread \"" + th.name + "\" " + ex.throwable.to_string() + "\n");
  }
  io_thread_exit(r_, th.name);  // TerminatingThreadLocal frees the thread's cached temporary buffers
  heap::drop_frame(r_, frames_.back().scope);
  frames_.pop_back();
  r_.set_source_pos(saved_pos);
}

void Runtime::run(InterpretResult& result) {
  Frame main;
  main.thread = "main";
  main.scope = "main/main";
  main.blocks.emplace_back();
  frames_.push_back(std::move(main));
  const Program& p = lesson_.program;
  try {
    try {
      if (a_.uses_args) {
        // The launcher passes an empty String[] (no program arguments).
        r_.set_source_pos(SourcePos{static_cast<std::uint32_t>(p.main_method->span.line),
                                    static_cast<std::uint32_t>(p.main_method->span.col)});
        const heap::ObjectId args = heap::new_array(r_, heap::builtin::kObjectArray, 0);
        declare(p.main_method->params.empty() ? "args" : p.main_method->params.front().name, JRef{args},
                Type::ref("String", 1), 0);
      }
      exec_block(*p.main_method->body);
      end_statement();
      heap::drop_frame(r_, "main/main");
    } catch (const JavaException& ex) {
      print(true, "Exception in thread \"main\" " + ex.throwable.to_string() + "\n\tat " + lesson_.file_name +
                      ":" + std::to_string(r_.source_pos().line) + " (heapviz shows no Java stack trace)\n");
      result.outcome = RunOutcome::uncaught;
      result.exit_code = 1;
    }
  } catch (const BudgetExceeded& b) {
    result.outcome = RunOutcome::step_budget;
    result.exit_code = 2;
    result.diagnostics.push_back(Diagnostic{Severity::Error, DiagnosticKind::Limit, b.where, b.message});
  } catch (const ExitRequest& e) {
    result.outcome = e.status == 0 ? RunOutcome::completed : RunOutcome::exited;
    result.exit_code = e.status;
  } catch (const std::exception&) {
    // A heapviz bug: what the program printed so far still comes out, before interpret() reports it.
    result.out = std::move(out_);
    result.err = std::move(err_);
    result.steps_used = budget_used_;
    throw;
  }
  if (r_.step_open()) r_.end_step();
  result.out = std::move(out_);
  result.err = std::move(err_);
  result.steps_used = budget_used_;
  result.out_before_hypothetical = out_before_hypothetical_;
}

}  // namespace heapviz::lang::interp
