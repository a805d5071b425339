// The io classes on the Machine: one narrated step per sub-step, replayable from the trace.
#include <doctest/doctest.h>

#include <algorithm>

#include "heapviz/engine/trace.hpp"
#include "heapviz/engine/view.hpp"
#include "heapviz/io/machine_io.hpp"
#include "io_test_support.hpp"

using namespace io_test;
namespace om = heapviz::io::on_machine;

TEST_CASE("machine io - a heap write is a sequence of narrated steps and the trace replays it") {
  heapviz::Machine m;
  heapviz::Trace t(m);
  heapviz::Recorder r(m, &t);
  World w;  // only its stand-in direct buffers and heap buffers are used; the kernel is the machine's
  OpenOptions o;
  o.add("CREATE");
  o.add("WRITE");
  const std::uint32_t ch = om::open(r, w.buffers, "main", "out.bin", o);
  HeapBuf h = w.heap(pattern(100));
  const std::size_t before = t.size();
  CHECK(om::write(r, w.buffers, "main", ch, h.io()) == 100);
  std::vector<heapviz::StepKind> kinds;
  for (std::size_t k = before; k < t.size(); ++k) kinds.push_back(t.step(k).kind);
  REQUIRE(kinds.size() >= 4);
  CHECK(kinds.front() == heapviz::StepKind::temp_buffer_get);
  CHECK(std::count(kinds.begin(), kinds.end(), heapviz::StepKind::bounce_copy) == 1);
  CHECK(std::count(kinds.begin(), kinds.end(), heapviz::StepKind::syscall) == 1);
  CHECK(kinds.back() == heapviz::StepKind::temp_buffer_offer);
  for (std::size_t k = before; k < t.size(); ++k) {
    CHECK_FALSE(t.step(k).text.en.empty());
    CHECK_FALSE(t.step(k).text.zh.empty());
    CHECK_FALSE(t.step(k).text.internals.empty());
  }
  const auto& kernel = m.io->kernel;
  CHECK(kernel.file_contents(kernel.file_named("out.bin")->id) == pattern(100));
  CHECK(m.io->counters.bounce_heap_to_native == 100);

  // The device still has nothing: the writeback is a later, separate step.
  CHECK(kernel.device().files.count(kernel.file_named("out.bin")->id) == 0);
  om::writeback(r);
  CHECK(t.step(t.size() - 1).kind == heapviz::StepKind::writeback);
  CHECK(m.io->kernel.device().files.at(m.io->kernel.file_named("out.bin")->id) == pattern(100));

  // Random access: the state after any step is reproduced from the trace.
  CHECK(t.state_at(t.size()) == m);
  const heapviz::Machine mid = t.state_at(before);
  CHECK(mid.io->counters.bounce_heap_to_native == 0);
  CHECK(mid.io->kernel.file_named("out.bin")->size == 0);

  const heapviz::View v = heapviz::make_view(m);
  const auto it = std::find_if(v.counters.begin(), v.counters.end(), [](const heapviz::CounterView& c) {
    return c.key == "io_bounce_heap_to_native";
  });
  REQUIRE(it != v.counters.end());
  CHECK(it->value == 100);
}

TEST_CASE("machine io - exceptions are steps too and the channel state survives") {
  heapviz::Machine m;
  heapviz::Trace t(m);
  heapviz::Recorder r(m, &t);
  World w;
  OpenOptions o;
  o.add("CREATE");
  o.add("WRITE");
  const std::uint32_t ch = om::open(r, w.buffers, "main", "f", o);
  HeapBuf h = w.heap(pattern(10));
  h.state.read_only = true;
  CHECK(thrown([&] { om::read(r, w.buffers, "main", ch, h.io()); }) ==
        "java.nio.channels.NonReadableChannelException: null");
  CHECK(t.step(t.size() - 1).kind == heapviz::StepKind::io_exception);
  om::close(r, w.buffers, "main", ch);
  CHECK_FALSE(m.io->channels.at(ch).is_open());
  CHECK(thrown([&] { om::write(r, w.buffers, "main", ch, h.io()); }) ==
        "java.nio.channels.ClosedChannelException: null");
  om::thread_exit(r, w.buffers, "main");
  CHECK(t.state_at(t.size()) == m);
}
