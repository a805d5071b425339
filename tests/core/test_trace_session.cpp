#include <doctest/doctest.h>

#include "heapviz/engine/demo_scenarios.hpp"
#include "heapviz/engine/step_category.hpp"
#include "heapviz/engine/trace_session.hpp"

using namespace heapviz;

TEST_CASE("a trace session marks each step with its category and stops before a pause line") {
  TraceSession s;
  CHECK_FALSE(s.loaded());
  auto trace = run_heap_demo(heap::Collector::mark_compact);
  const Trace& t = *trace;
  REQUIRE(t.size() > 10);
  const int pause_line = static_cast<int>(t.step(t.size() / 2).pos.line);
  s.load(std::move(trace), {pause_line});
  REQUIRE(s.loaded());
  REQUIRE(s.playback().size() == t.size());
  for (std::size_t k = 0; k < t.size(); ++k)
    CHECK(s.playback().kind_at(k) == static_cast<int>(step_category(t.step(k).kind)) + 1);
  // Playing from 0 stops before the first step of the pause line.
  std::size_t first_on_line = 0;
  while (static_cast<int>(t.step(first_on_line).pos.line) != pause_line) ++first_on_line;
  s.playback().play();
  for (int i = 0; i < 10000 && s.playback().playing(); ++i) s.playback().advance(0.1f);
  CHECK(s.playback().position() == first_on_line);
}

TEST_CASE("a trace session's views follow the playback position") {
  TraceSession s;
  s.load(run_heap_demo(heap::Collector::mark_sweep));
  const Trace& t = *s.trace();
  CHECK(s.current_step() == nullptr);  // position 0: nothing applied yet
  s.playback().seek(t.size());
  s.update(800, true);
  CHECK(s.current_step() == &t.step(t.size() - 1));
  CHECK(s.view_after().blocks.size() == make_view(t.state_at(t.size())).blocks.size());
  CHECK(s.view_before().blocks.size() == s.view_after().blocks.size());  // paused: one state
  CHECK_FALSE(s.occupancy().empty());
  CHECK_FALSE(s.counter_series().empty());
  for (const CounterSeries& c : s.counter_series()) CHECK_FALSE(c.values.empty());
}
