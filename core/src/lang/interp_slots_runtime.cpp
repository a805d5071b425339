// A frame's JVM local slots as GC roots, the way HotSpot's interpreter sees them: a slot holding a
// reference is a root, also after its variable's block ended (a stale slot), until a store reuses the
// slot, a join of control flow merges it with a path where it held no reference (interp_slots.cpp), or
// the method returns.
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "interp_runtime.hpp"

namespace heapviz::lang::interp {

std::int64_t Runtime::active_slot_root(int jvm_slot) const {
  const Frame& f = frames_.back();
  if (jvm_slot < 0 || static_cast<std::size_t>(jvm_slot) >= f.slot_roots.size()) return -1;
  const std::int64_t root = f.slot_roots[static_cast<std::size_t>(jvm_slot)];
  if (root < 0 || !r_.machine().roots.slots[static_cast<std::size_t>(root)].active) return -1;
  return root;
}

namespace {
void define_root(Recorder& r, std::uint32_t index, const std::string& scope, const std::string& name,
                 int jvm_slot, bool stale, std::uint32_t value) {
  const std::string both = scope + '\0' + name;
  Effect def;
  def.kind = EffectKind::root_define;
  def.small = static_cast<std::uint16_t>(static_cast<std::uint16_t>(heap::RootKind::local) |
                                         (stale ? kRootDefineStale : 0));
  def.id = index;
  def.a = static_cast<std::uint64_t>(jvm_slot + 1);
  def.b = both.size();
  r.apply(def,
          std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(both.data()), both.size()));
  Effect set;
  set.kind = EffectKind::root_set;
  set.id = index;
  set.a = value;
  r.apply(set);
}
}  // namespace

// astore into a slot: the slot's root (reused from an earlier local of the slot, or a new one) holds it.
void Runtime::write_slot_root(int jvm_slot, const std::string& name, heap::ObjectId value) {
  Frame& f = frames_.back();
  const Machine& m = r_.machine();
  const std::uint32_t narrow =
      value == heap::kNoObject ? 0 : heap::narrow_oop::encode(m.heap.record(value).addr);
  if (jvm_slot < 0) return;
  const auto s = static_cast<std::size_t>(jvm_slot);
  if (f.slot_roots.size() <= s) f.slot_roots.resize(s + 1, -1);
  std::int64_t& root = f.slot_roots[s];
  r_.begin_step(StepKind::root_set);
  const bool fresh = root < 0;
  if (fresh) root = static_cast<std::int64_t>(m.roots.slots.size());
  const auto index = static_cast<std::uint32_t>(root);
  const heap::Root& old = m.roots.slots.size() > index ? m.roots.slots[index] : heap::Root{};
  const bool was_stale = !fresh && old.active && old.stale;
  const std::string old_name = fresh ? std::string() : old.name;
  if (fresh || !old.active || old.stale || old.name != name) {
    define_root(r_, index, f.scope, name, jvm_slot, false, narrow);
  } else {
    Effect set;
    set.kind = EffectKind::root_set;
    set.id = index;
    set.a = narrow;
    r_.apply(set);
  }
  if (r_.recording()) {
    if (value != heap::kNoObject) r_.touch(value);
    const std::string what = value == heap::kNoObject ? std::string("null") : heap::describe(m, value);
    const std::string reuse = was_stale
                                  ? " (it reuses slot " + std::to_string(jvm_slot) + ", where the stale '" +
                                        old_name + "' kept a reference until now)"
                                  : "";
    r_.narrate(name + " = " + what + ": a local root (" + f.scope + ", slot " + std::to_string(jvm_slot) +
                   ") now holds it" + reuse + ".",
               name + " = " + what + "：局部变量根（" + f.scope + "，槽 " + std::to_string(jvm_slot) +
                   "）现在保存它" + (was_stale ? "（复用了过期变量 '" + old_name + "' 的槽）" : "") + "。",
               "interpreter: astore (local variable slot in the frame)");
  }
  r_.end_step();
}

// A store of a non-reference (or of an off-heap value) into the slot: whatever it held is no root now.
void Runtime::clear_slot(int jvm_slot, const std::string& by) {
  const std::int64_t root = active_slot_root(jvm_slot);
  if (root < 0) return;
  const heap::Root& old = r_.machine().roots.slots[static_cast<std::size_t>(root)];
  const std::string old_name = old.name;
  const bool stale = old.stale;
  r_.begin_step(StepKind::root_drop);
  Effect e;
  e.kind = EffectKind::root_deactivate;
  e.id = static_cast<std::uint32_t>(root);
  r_.apply(e);
  if (r_.recording())
    r_.narrate(
        "'" + by + "' is stored in slot " + std::to_string(jvm_slot) + ": the " + (stale ? "stale " : "") +
            "reference of '" + old_name + "' there is no longer a GC root.",
        "'" + by + "' 存入槽 " + std::to_string(jvm_slot) + "：'" + old_name + "' 在那里的引用不再是 GC 根。",
        "interpreter: store into a local slot");
  r_.end_step();
}

// The variable's block ended; javac frees the slot, but the interpreter's oop map still sees the
// reference in it: the root stays, marked stale.
void Runtime::make_stale(const Local& l) {
  const std::int64_t root = active_slot_root(l.slot);
  if (root < 0) return;
  const heap::Root& old = r_.machine().roots.slots[static_cast<std::size_t>(root)];
  if (old.stale || old.name != l.name) return;
  r_.begin_step(StepKind::root_drop);
  define_root(r_, static_cast<std::uint32_t>(root), old.scope, old.name, l.slot, true, old.value);
  if (r_.recording())
    r_.narrate("The local '" + l.name + "' goes out of scope, but slot " + std::to_string(l.slot) +
                   " still holds its reference: the interpreter keeps it as a GC root (stale) until the slot "
                   "is reused.",
               "局部变量 '" + l.name + "' 离开作用域，但槽 " + std::to_string(l.slot) +
                   " 仍保存它的引用：解释器在该槽被复用前仍把它当作 GC 根（过期）。",
               "interpreter oop map: the slot still holds a reference on every path");
  r_.end_step();
}

// A join where these slots held a reference on some paths only: the oop map drops them.
void Runtime::apply_join(const void* key) {
  const auto it = a_.slot_conflicts.find(key);
  if (it == a_.slot_conflicts.end() || frames_.size() != 1) return;  // computed for main's frame
  for (const int slot : it->second) {
    const std::int64_t root = active_slot_root(slot);
    if (root < 0) continue;
    const std::string name = r_.machine().roots.slots[static_cast<std::size_t>(root)].name;
    r_.begin_step(StepKind::root_drop);
    Effect e;
    e.kind = EffectKind::root_deactivate;
    e.id = static_cast<std::uint32_t>(root);
    r_.apply(e);
    if (r_.recording())
      r_.narrate("Paths join here, and on some of them slot " + std::to_string(slot) +
                     " holds no reference: the interpreter no longer counts '" + name + "' as a GC root.",
                 "控制流在此汇合，其中一些路径上槽 " + std::to_string(slot) + " 不保存引用：解释器不再把 '" +
                     name + "' 当作 GC 根。",
                 "interpreter oop map: reference on some paths only (conflict)");
    r_.end_step();
  }
}

}  // namespace heapviz::lang::interp
