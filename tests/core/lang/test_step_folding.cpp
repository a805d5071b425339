// Folding of a lesson's repeated statements into batch steps (TraceOptions::fold_line_after): a loop of
// many `new` keeps the trace small, the end state is the same as without folding, and runs repeat exactly.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "heapviz/engine/view.hpp"
#include "heapviz/lang/lesson_run.hpp"

namespace {

heapviz::LessonRunResult run_folded(const std::string& body, std::uint32_t fold_after) {
  heapviz::LessonRunOptions o;
  o.fold_line_after = fold_after;
  return heapviz::run_lesson(body, "t.java", o);
}

const char* kLoop =
    "Object[] a = new Object[5000];\n"        // line 1
    "for (int i = 0; i < a.length; i++) {\n"  // line 2
    "    a[i] = new Object();\n"              // line 3
    "}\n"
    "System.gc();\n"  // line 5
    "System.out.println(a.length);\n";

std::size_t steps_at_line(const heapviz::Trace& t, std::uint32_t line) {
  std::size_t n = 0;
  for (const heapviz::Step& s : t.steps()) n += s.pos.line == line;
  return n;
}

}  // namespace

TEST_CASE("folding: a loop's steps beyond the first fold_line_after of its line become batches of 4096") {
  const auto folded = run_folded(kLoop, 256);
  const auto plain = run_folded(kLoop, 0);
  REQUIRE(folded.trace);
  REQUIRE(plain.trace);
  CHECK(folded.out == "5000\n");
  CHECK(plain.out == folded.out);
  // Unfolded: about four steps per iteration on line 3 (alloc, store, operand-stack root set and drop).
  const std::size_t plain_line3 = steps_at_line(*plain.trace, 3);
  CHECK(plain_line3 >= 10000);
  // Folded: the first 256 one by one, then batches of at most 4096 folded steps.
  std::size_t single = 0, batches = 0, folded_events = 0;
  for (const heapviz::Step& s : folded.trace->steps()) {
    if (s.pos.line != 3) continue;
    if (s.text.en.rfind("Line 3 again: ", 0) == 0) {
      ++batches;
      folded_events += s.events;
      CHECK(s.events <= 4096);
      CHECK(s.effect_count > 0);
      CHECK(s.text.zh.find("第 3 行重复执行") != std::string::npos);
      CHECK(s.kind == heapviz::StepKind::alloc);  // filed under its allocations, whatever step came first
    } else {
      ++single;
      CHECK(s.events == 1);
    }
  }
  CHECK(single == 256);
  CHECK(single + folded_events == plain_line3);         // every step is accounted for
  CHECK(batches == (plain_line3 - 256 + 4095) / 4096);  // full batches, then one partial
  // The GC's steps are never folded into a line's batches.
  std::map<heapviz::StepKind, int> gc;
  for (const heapviz::Step& s : folded.trace->steps())
    if (s.pos.line == 5) ++gc[s.kind];
  CHECK(gc[heapviz::StepKind::gc_start] == 1);
  CHECK(gc[heapviz::StepKind::gc_end] == 1);
}

TEST_CASE("folding: the state after every line is the same as without folding") {
  const auto folded = run_folded(kLoop, 256);
  const auto plain = run_folded(kLoop, 0);
  REQUIRE(folded.trace);
  REQUIRE(plain.trace);
  // The end states agree object by object.
  const heapviz::View a = heapviz::make_view(folded.trace->state_at(folded.trace->size()));
  const heapviz::View b = heapviz::make_view(plain.trace->state_at(plain.trace->size()));
  REQUIRE(a.blocks.size() == b.blocks.size());
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    CHECK(a.blocks[i].id == b.blocks[i].id);
    CHECK(a.blocks[i].addr == b.blocks[i].addr);
    CHECK(a.blocks[i].size == b.blocks[i].size);
  }
  // Before the GC (the first step of line 5), both traces hold the same 5001 objects.
  auto before_gc = [](const heapviz::Trace& t) {
    std::size_t k = 0;
    while (k < t.size() && t.step(k).pos.line != 5) ++k;
    return heapviz::make_view(t.state_at(k));
  };
  const heapviz::View fa = before_gc(*folded.trace), pa = before_gc(*plain.trace);
  CHECK(fa.blocks.size() == pa.blocks.size());
  CHECK(fa.counters.size() == pa.counters.size());
  for (std::size_t i = 0; i < fa.counters.size() && i < pa.counters.size(); ++i) {
    INFO(fa.counters[i].key);
    CHECK(fa.counters[i].value == pa.counters[i].value);
  }
}

TEST_CASE("folding: deterministic, and short lessons are not folded at all") {
  const auto a = run_folded(kLoop, 256), b = run_folded(kLoop, 256);
  REQUIRE(a.trace);
  REQUIRE(b.trace);
  CHECK(a.trace->hash() == b.trace->hash());
  const char* shorter =
      "Object[] a = new Object[10];\nfor (int i = 0; i < a.length; i++) {\n    a[i] = new Object();\n}\n";
  const auto s1 = run_folded(shorter, 256), s0 = run_folded(shorter, 0);
  REQUIRE(s1.trace);
  REQUIRE(s0.trace);
  CHECK(s1.trace->hash() == s0.trace->hash());
}

TEST_CASE("folding: a million small objects stay a few thousand steps, the GC's dead wood batched too") {
#ifdef HEAPVIZ_SANITIZED_BUILD
  // Under ASan+UBSan the million takes minutes; 200,000 objects still need folding (unfolded they are
  // over 400,000 steps) and exercise the same code. The Release run keeps the million.
  const char* million =
      "Object[] a = new Object[200_000];\n"
#else
  const char* million =
      "Object[] a = new Object[1_000_000];\n"
#endif
      "for (int i = 0; i < a.length; i++) {\n"
      "    a[i] = new Object();\n"
      "}\n"
      "for (int i = 0; i < a.length; i += 2) {\n"
      "    a[i] = null;\n"
      "}\n"
      "System.gc();\n";
  heapviz::LessonRunOptions o;
  o.jvm_flags = "-XX:+UseSerialGC -Xmx256m";
  const auto r = heapviz::run_lesson(million, "t.java", o);
  REQUIRE(r.trace);
  CHECK(r.exit_code == 0);
  CHECK(r.trace->size() < 5000);
  std::size_t dead_wood_steps = 0;
  for (const heapviz::Step& s : r.trace->steps()) dead_wood_steps += s.kind == heapviz::StepKind::dead_wood;
  CHECK(dead_wood_steps <= 256);
}
