#include <doctest/doctest.h>

#include "heapviz/heap/heap_ops.hpp"
#include "interp_test_util.hpp"

using heapviz::StepKind;

namespace {
std::size_t live_objects(const heapviz::Machine& m) {
  std::size_t n = 0;
  for (heapviz::heap::ObjectId id = 1; id < m.heap.next_id(); ++id)
    if (m.heap.is_live(id) && !(m.heap.record(id).flags & heapviz::heap::ObjectRecord::kFiller))
      ++n;  // not dead wood
  return n;
}
std::size_t count_kind(const heapviz::Trace& t, StepKind k) {
  std::size_t n = 0;
  for (const auto& s : t.steps()) n += s.kind == k ? 1 : 0;
  return n;
}
}  // namespace

TEST_CASE("interp machine: locals are roots, x = null really drops the reference") {
  const auto r =
      interp_test::run("Object a = new Object();\nObject b = new Object();\na = null;\nSystem.gc();");
  REQUIRE(r.exit_code == 0);
  const auto& t = *r.trace;
  const heapviz::Machine end = t.state_at(t.size());
  CHECK(live_objects(end) == 1);  // b survives, a's object was collected
  CHECK(count_kind(t, StepKind::gc_start) == 1);
}

TEST_CASE("interp machine: leaving a block drops its locals once their slot is reused") {
  // As in HotSpot's interpreter: the block's slot keeps its reference (a stale root) until a later
  // local reuses the slot (tests/jdk/programs/stale_slots.java checks this against the JDK).
  const auto r = interp_test::run("{\n  Object inner = new Object();\n}\nint reuse = 0;\nSystem.gc();");
  const heapviz::Machine end = r.trace->state_at(r.trace->size());
  CHECK(live_objects(end) == 0);
  CHECK(count_kind(*r.trace, StepKind::root_drop) >= 2);  // stale at the block's end, dropped by the int
}

TEST_CASE("interp machine: local classes get the JDK's binary name and their fields") {
  const auto r = interp_test::run(
      "class Node { Node next; int v = 7; }\nNode n = new Node();\nn.next = new Node();\n"
      "System.out.println(n.next.v);");
  CHECK(r.out == "7\n");
  const heapviz::Machine end = r.trace->state_at(r.trace->size());
  const auto k = end.klasses->find("Main$1Node");
  REQUIRE(k.has_value());
  CHECK(end.klasses->at(*k).field("next") != nullptr);
  CHECK(live_objects(end) == 2);
}

TEST_CASE("interp machine: steps carry the statement's source line, println is a note step") {
  const auto r = interp_test::run("int x = 1;\nObject o = new Object();\nSystem.out.println(\"hi\");");
  bool alloc_on_2 = false, print_on_3 = false;
  for (const auto& s : r.trace->steps()) {
    if (s.kind == StepKind::alloc && s.pos.line == 2) alloc_on_2 = true;
    if (s.kind == StepKind::note && s.pos.line == 3 && s.text.en == "prints: hi") print_on_3 = true;
  }
  CHECK(alloc_on_2);
  CHECK(print_on_3);
}

TEST_CASE("interp machine: temporaries survive a GC during the same statement") {
  // The array is only on the operand stack while its elements are allocated; a small heap forces GCs.
  heapviz::LessonRunOptions o;
  o.jvm_flags = "-Xmx2m";  // the smallest heap the JDK starts with
  const auto r = heapviz::run_lesson(
      "for (int i = 0; i < 50; i++) { Object[] a = new Object[]{new byte[100000], new byte[100000], new "
      "byte[100000]}; }\n"
      "System.out.println(\"ok\");",
      "t.java", o);
  CHECK(r.diagnostics == "");
  CHECK(r.out == "ok\n");
  CHECK(count_kind(*r.trace, StepKind::gc_start) >= 1);
}

TEST_CASE("interp machine: Java heap space OutOfMemoryError is catchable") {
  heapviz::LessonRunOptions o;
  o.jvm_flags = "-Xmx2m";
  const auto r = heapviz::run_lesson(
      "try { byte[] b = new byte[10000000]; } catch (OutOfMemoryError e) { System.out.println(e); }",
      "t.java", o);
  CHECK(r.out == "java.lang.OutOfMemoryError: Java heap space\n");
}

TEST_CASE("interp machine: the step budget stops a runaway program with a clear message (exit 2)") {
  const auto r = interp_test::run("int i = 0;\nwhile (true) { i++; }", 1000);
  CHECK(r.exit_code == 2);
  CHECK(r.outcome == heapviz::lang::RunOutcome::step_budget);
  REQUIRE(r.diagnostic_list.size() == 1);
  CHECK(r.diagnostic_list[0].kind == heapviz::lang::DiagnosticKind::Limit);
  CHECK(r.diagnostics.find("stopped after 1000 steps") != std::string::npos);
  CHECK(r.diagnostics.find("--max-steps") != std::string::npos);
}

TEST_CASE("interp machine: an internal error keeps what was printed, then says so (exit 2)") {
  heapviz::LessonRunOptions o;
  o.internal_error_at_step = 20;  // the loop prints one line per step or two before the hook fires
  const auto r = heapviz::run_lesson(
      "for (int i = 0; i < 100; i++) { System.out.println(\"line \" + i); System.err.println(i); }", "t.java",
      o);
  CHECK(r.exit_code == 2);
  CHECK(r.out.rfind("line 0\nline 1\n", 0) == 0);
  CHECK(r.out.size() > std::string("line 0\nline 1\nline 2\n").size());
  CHECK(r.err.rfind("0\n1\n", 0) == 0);
  CHECK(r.diagnostics.find("internal error") != std::string::npos);
  CHECK(r.diagnostics.find("test hook") != std::string::npos);
  o.internal_error_at_step = 0;
  CHECK(heapviz::run_lesson("System.out.println(1);", "t.java", o).exit_code == 0);
}

TEST_CASE("interp machine: the same lesson gives the same trace (determinism)") {
  const std::string body =
      "class N { N next; }\nN h = null;\nfor (int i = 0; i < 20; i++) { N n = new N(); n.next = h; h = n; }\n"
      "h.next.next = null;\nSystem.gc();\nSystem.out.println(\"done\");";
  const auto a = interp_test::run(body);
  const auto b = interp_test::run(body);
  CHECK(a.trace->size() > 40);
  CHECK(a.trace->hash() == b.trace->hash());
}

TEST_CASE("interp machine: run_lesson keeps the directives for captions and pauses") {
  const auto r =
      interp_test::run("//@ title: T\n//@ caption: make one\n//@ pause: here\nObject o = new Object();");
  CHECK(r.lesson->directives.title == "T");
  REQUIRE(r.lesson->directives.caption_at(4) != nullptr);
  CHECK(r.lesson->directives.pause_at(4) != nullptr);
}

TEST_CASE("interp machine: a heap below the JDK's minimum is refused as java refuses it (stdout, exit 1)") {
  heapviz::LessonRunOptions o;
  o.jvm_flags = "-XX:+UseSerialGC -Xmx1m";
  const auto r = heapviz::run_lesson("System.out.println(\"ran\");", "t.java", o);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "Error occurred during initialization of VM\nToo small maximum heap\n");
  CHECK(r.err == "");
  CHECK(r.diagnostics == "");
  o.jvm_flags = "-XX:+UseSerialGC -Xmx2m";
  CHECK(heapviz::run_lesson("System.out.println(\"ran\");", "t.java", o).out == "ran\n");
}

TEST_CASE("interp machine: bad JVM flags are a lesson error, unknown flags a note") {
  heapviz::LessonRunOptions o;
  o.jvm_flags = "-Xmx0";
  const auto bad = heapviz::run_lesson("int a = 1;", "t.java", o);
  CHECK(bad.exit_code == 2);
  CHECK(!bad.diagnostics.empty());
  o.jvm_flags = "-XX:+UseSerialGC -XX:+SomethingElse";
  const auto note = heapviz::run_lesson("int a = 1;", "t.java", o);
  CHECK(note.exit_code == 0);
  CHECK(note.notes.find("SomethingElse") != std::string::npos);
}
