// JVM local slots: javac's numbering (checked against `javap -c` of the same code, compiled by javac 17
// without -g, recorded below), and the interpreter's view of them as GC roots (stale slots).
#include <doctest/doctest.h>

#include "heapviz/engine/view.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/lang/lesson.hpp"
#include "interp_analysis.hpp"
#include "interp_test_util.hpp"

using heapviz::lang::Block;
using heapviz::lang::ForEach;
using heapviz::lang::LocalVar;
using heapviz::lang::Try;

namespace {
int slot(const heapviz::lang::interp::Analysis& a, const void* key) {
  const auto it = a.slots.find(key);
  return it == a.slots.end() ? -100 : it->second;
}
std::size_t live_objects(const heapviz::Machine& m) {
  std::size_t n = 0;
  for (heapviz::heap::ObjectId id = 1; id < m.heap.next_id(); ++id)
    if (m.heap.is_live(id) && !(m.heap.record(id).flags & heapviz::heap::ObjectRecord::kFiller)) ++n;
  return n;
}
// The machine right after the first GC of the run.
heapviz::Machine after_first_gc(const heapviz::LessonRunResult& r) {
  const auto& t = *r.trace;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.steps()[i].kind == heapviz::StepKind::gc_end) return t.state_at(i + 1);
  return t.state_at(t.size());
}
}  // namespace

TEST_CASE("local slots: javac's numbering of blocks, try/catch/finally and for-each") {
  // javap -c of this body in main(String[]):
  //   0: lconst_1  1: lstore_1                       w = slots 1-2
  //   8: astore_3  10: astore 4                      c = 3, d = 4 (try body)
  //  17: astore_3  19: astore 4                      e = 3, q = 4 (catch)
  //  12: aconst_null 13: astore_3                    f = 3 (finally, normal copy)
  //  26: astore 5  29: astore 6                      catch-any exception = 5 (max_locals), its f = 6
  //  35: astore_3  38: istore 4  41: istore 5  54: astore 6   arr$ 3, len$ 4, i$ 5, s 6
  //  63: astore_3                                    after = 3 (the for-each's slots are free again)
  const auto lesson = heapviz::lang::parse_lesson(
      "long w = 1;\n"
      "try { ByteBuffer c = ByteBuffer.allocateDirect(3000); Object d = c; }\n"
      "catch (RuntimeException e) { Object q = e; }\n"
      "finally { Object f = null; }\n"
      "for (String s : args) { }\n"
      "Object after = null;\n",
      "t.java");
  REQUIRE(lesson.ok());
  const auto a = heapviz::lang::interp::analyze(lesson.program);
  REQUIRE(a.diagnostics.empty());
  const auto& stmts = lesson.program.main_method->body->statements;
  REQUIRE(stmts.size() == 4);
  CHECK(slot(a, &stmts[0]->cast<LocalVar>().declarators[0]) == 1);
  const auto& t = stmts[1]->cast<Try>();
  CHECK(slot(a, &t.body->statements[0]->cast<LocalVar>().declarators[0]) == 3);
  CHECK(slot(a, &t.body->statements[1]->cast<LocalVar>().declarators[0]) == 4);
  CHECK(slot(a, &t.catches[0]) == 3);
  CHECK(slot(a, &t.catches[0].body->statements[0]->cast<LocalVar>().declarators[0]) == 4);
  CHECK(slot(a, &t.finally_block->statements[0]->cast<LocalVar>().declarators[0]) == 3);
  CHECK(slot(a, &t) == 5);                     // the catch-any handler's exception
  CHECK(slot(a, t.finally_block.get()) == 3);  // where the finally's own numbering starts
  const auto& fe = stmts[2]->cast<ForEach>();
  CHECK(slot(a, fe.iterable.get()) == 3);  // arr$ (len$ 4, i$ 5)
  CHECK(slot(a, &fe) == 6);
  CHECK(slot(a, &stmts[3]->cast<LocalVar>().declarators[0]) == 3);
}

TEST_CASE("local slots: helpful NPE names after a for-each and in nested blocks follow javac") {
  // javac: arr$ 1, len$ 2, i$ 3, v 4; after the loop `s` reuses slot 1.
  CHECK(interp_test::out("for (int v : new int[] {1}) { }\nString s = null;\ntry { s.length(); }"
                         " catch (NullPointerException e) { System.out.println(e.getMessage()); }") ==
        "Cannot invoke \"String.length()\" because \"<local1>\" is null\n");
  CHECK(interp_test::out("{ long a = 1; int[] b = {1}; }\nint[] z = null;\ntry { z[0] = 1; }"
                         " catch (NullPointerException e) { System.out.println(e.getMessage()); }") ==
        "Cannot store to int array because \"<local1>\" is null\n");
}

TEST_CASE("local slots: a stale slot stays a root until a store reuses it") {
  // The JDK keeps `inner`'s object: the interpreter's oop map still sees the reference in slot 1.
  const auto kept = interp_test::run("{\n  Object inner = new Object();\n}\nSystem.gc();");
  REQUIRE(kept.exit_code == 0);
  const heapviz::Machine m = after_first_gc(kept);
  CHECK(live_objects(m) == 1);
  bool stale_root = false;
  for (const auto& root : m.roots.slots)
    if (root.active && root.name == "inner") stale_root = root.stale && root.jvm_slot == 1;
  CHECK(stale_root);
  const auto view = heapviz::make_view(m);
  bool stale_in_view = false;
  for (const auto& rv : view.roots) stale_in_view = stale_in_view || (rv.stale && rv.jvm_slot == 1);
  CHECK(stale_in_view);

  // An int stored in slot 1 ends it.
  const auto reused = interp_test::run("{\n  Object inner = new Object();\n}\nint k = 0;\nSystem.gc();");
  CHECK(live_objects(after_first_gc(reused)) == 0);
}

TEST_CASE("local slots: joins drop a slot that holds a reference on some paths only") {
  // if without else: the slot holds a reference on one path only.
  CHECK(live_objects(after_first_gc(interp_test::run(
            "if (args.length == 0) {\n  Object o = new Object();\n}\nSystem.gc();"))) == 1);  // args only
  // if (true): javac emits no branch, the reference is on every path.
  CHECK(live_objects(after_first_gc(
            interp_test::run("if (true) {\n  Object o = new Object();\n}\nSystem.gc();"))) == 1);
  // a loop's back edge merges the body's slot with the entry, where it held nothing.
  CHECK(live_objects(after_first_gc(interp_test::run(
            "for (int i = 0; i < 2; i++) {\n  Object o = new Object();\n}\nSystem.gc();"))) == 0);
  // for-each: the hidden array copy (arr$) stays, the element variable does not.
  CHECK(live_objects(after_first_gc(
            interp_test::run("for (Object o : new Object[] {new Object()}) {\n}\nSystem.gc();"))) == 2);
}
