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
// A lesson body parsed and analysed (javac's slots), with the checks every slot test makes first.
struct Analyzed {
  heapviz::lang::Lesson lesson;
  heapviz::lang::interp::Analysis analysis;
  explicit Analyzed(const char* body) : lesson(heapviz::lang::parse_lesson(body, "t.java")) {
    REQUIRE(lesson.ok());
    analysis = heapviz::lang::interp::analyze(lesson.program);
    REQUIRE(analysis.diagnostics.empty());
  }
  const std::vector<heapviz::lang::StmtPtr>& statements() const {
    return lesson.program.main_method->body->statements;
  }
};
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
  const Analyzed an(
      "long w = 1;\n"
      "try { ByteBuffer c = ByteBuffer.allocateDirect(3000); Object d = c; }\n"
      "catch (RuntimeException e) { Object q = e; }\n"
      "finally { Object f = null; }\n"
      "for (String s : args) { }\n"
      "Object after = null;\n");
  const auto& a = an.analysis;
  const auto& stmts = an.statements();
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
  // The mark narration names the stale slot, not a live local the program could still use.
  bool narrated = false;
  for (const auto& step : kept.trace->steps())
    if (step.kind == heapviz::StepKind::mark) {
      CHECK(step.text.en.find("local root 'inner'") == std::string::npos);
      narrated = narrated || step.text.en.find("stale local slot 1 (last held 'inner'") != std::string::npos;
    }
  CHECK(narrated);

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

TEST_CASE("local slots: try-with-resources numbers resources before the body and checks like javac") {
  // javap -c (javac 17, no -g) of this body: astore_1 (a), astore_2 (b), astore_3 (buf); a's handler
  // keeps its Throwable in slot 2 and b's in slot 3; after the statement `after` reuses slot 1.
  const Analyzed an(
      "try (FileChannel a = FileChannel.open(Path.of(\"x\"), StandardOpenOption.READ);\n"
      "     FileChannel b = FileChannel.open(Path.of(\"x\"), StandardOpenOption.READ)) {\n"
      "  ByteBuffer buf = ByteBuffer.allocateDirect(10);\n"
      "}\n"
      "Object after = null;\n");
  const auto& a = an.analysis;
  const auto& stmts = an.statements();
  const auto& t = stmts[0]->cast<Try>();
  CHECK(slot(a, &t.resources[0]->declarators[0]) == 1);
  CHECK(slot(a, &t.resources[1]->declarators[0]) == 2);
  CHECK(slot(a, &t.body->statements[0]->cast<LocalVar>().declarators[0]) == 3);
  CHECK(slot(a, &stmts[1]->cast<LocalVar>().declarators[0]) == 1);

  CHECK(interp_test::first_error("try (ByteBuffer b = ByteBuffer.allocate(1)) { }") ==
        "incompatible types: try-with-resources not applicable to variable type (ByteBuffer cannot be "
        "converted to AutoCloseable)");
  CHECK(interp_test::first_error(
            "try (FileChannel c = FileChannel.open(Path.of(\"x\"), StandardOpenOption.READ)) "
            "{ c = null; }") == "auto-closeable resource c may not be assigned");
}

TEST_CASE("local slots: a try-with-resources body's buffer stays a root in its stale slot") {
  // The JDK (-XX:MaxDirectMemorySize=10000) throws here: buf's slot still holds the first buffer.
  const auto r = interp_test::run(
      "//@ jvm: -XX:MaxDirectMemorySize=10000\n"
      "try (FileChannel ch = FileChannel.open(Path.of(\"twr.bin\"), StandardOpenOption.CREATE, "
      "StandardOpenOption.WRITE)) {\n"
      "  ByteBuffer buf = ByteBuffer.allocateDirect(6000);\n"
      "  System.out.println(ch.isOpen());\n"
      "}\n"
      "System.gc();\n"
      "try { ByteBuffer c = ByteBuffer.allocateDirect(6000); } catch (OutOfMemoryError e) {\n"
      "  System.out.println(e.getMessage());\n"
      "}\n");
  INFO(r.diagnostics);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "true\nCannot reserve 6000 bytes of direct buffer memory (allocated: 6000, limit: 10000)\n");
}

TEST_CASE("local slots: a for-each over a List keeps its Iterator in one hidden slot, as javac does") {
  // javap -c of this body in main(String[]) (javac 17, no -g):
  //   5: astore_1                          pools = 1
  //  12: astore_2   (List.iterator())      i$ = 2
  //  31: astore_3   (checkcast)            p = 3
  //  38: lstore 4                          n = 4-5
  //  44: astore_2                          after = 2 (the for-each's slots are free again)
  const Analyzed an(
      "List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);\n"
      "for (BufferPoolMXBean p : pools) { long n = p.getCount(); }\n"
      "Object after = null;\n");
  const auto& a = an.analysis;
  const auto& stmts = an.statements();
  REQUIRE(stmts.size() == 3);
  CHECK(slot(a, &stmts[0]->cast<LocalVar>().declarators[0]) == 1);
  const auto& fe = stmts[1]->cast<ForEach>();
  CHECK(slot(a, fe.iterable.get()) == 2);  // i$, the Iterator
  CHECK(slot(a, &fe) == 3);
  CHECK(slot(a, &fe.body->cast<Block>().statements[0]->cast<LocalVar>().declarators[0]) == 4);
  CHECK(slot(a, &stmts[2]->cast<LocalVar>().declarators[0]) == 2);

  // The helpful NPE names in its body agree (java 17: i$ 1, g 2, s 3), and the Iterator's store ends a
  // stale buffer in its slot: the JDK frees it at the next GC.
  CHECK(interp_test::out(
            "for (var g : ManagementFactory.getGarbageCollectorMXBeans()) {\n  String s = null;\n"
            "  try { s.length(); } catch (NullPointerException e) { System.out.println(e.getMessage()); }\n"
            "  break;\n}") == "Cannot invoke \"String.length()\" because \"<local3>\" is null\n");
  CHECK(interp_test::out("{ ByteBuffer b = ByteBuffer.allocateDirect(100); }\nHeapviz.pools();\n"
                         "for (var p : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) { }\n"
                         "Heapviz.gc();\nHeapviz.pools();") ==
        "direct: count=1 used=100 capacity=100\nmapped: count=0 used=0 capacity=0\n"
        "direct: count=0 used=0 capacity=0\nmapped: count=0 used=0 capacity=0\n");
}
