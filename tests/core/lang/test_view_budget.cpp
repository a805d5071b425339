// make_view with a block budget and a window (what the GUI asks for on a 1M-object heap) gives exactly the
// first blocks, in address order, of the full view, also when object ids are not in address order
// (a free-list heap reuses low addresses for new objects).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "heapviz/engine/view.hpp"
#include "heapviz/lang/lesson_run.hpp"

namespace {
std::vector<const heapviz::BlockView*> objects_of(const heapviz::View& v, std::uint64_t from,
                                                  std::uint64_t to) {
  std::vector<const heapviz::BlockView*> out;
  for (const heapviz::BlockView& b : v.blocks)
    if (b.id != 0 && b.space == heapviz::heap::SpaceId::java_heap && b.addr < to && b.addr + b.size > from)
      out.push_back(&b);
  return out;
}
}  // namespace

TEST_CASE("view budget: the first max_blocks objects by address, windowed or not, ids out of address order") {
  const char* body =
      "Object[] a = new Object[40];\n"
      "for (int i = 0; i < a.length; i++) { a[i] = new byte[16 + i]; }\n"
      "for (int i = 0; i < a.length; i += 2) { a[i] = null; }\n"
      "System.gc();\n"
      "Object[] b = new Object[20];\n"
      "for (int i = 0; i < b.length; i++) { b[i] = new byte[8]; }\n";
  heapviz::LessonRunOptions o;
  o.jvm_flags = "-XX:+UseConcMarkSweepGC -Xmx2m";
  const auto r = heapviz::run_lesson(body, "t.java", o);
  REQUIRE(r.trace);
  const heapviz::Machine m = r.trace->state_at(r.trace->size());
  const heapviz::View full = heapviz::make_view(m);
  REQUIRE_FALSE(full.truncated);
  const auto all = objects_of(full, 0, ~0ull);
  REQUIRE(all.size() == 42);  // a, its 20 survivors, b and its 20
  // Ids are not in address order: a later object (b's bytes) sits below an earlier one.
  bool out_of_order = false;
  for (std::size_t i = 1; i < all.size(); ++i) out_of_order |= all[i]->id < all[i - 1]->id;
  CHECK(out_of_order);
  for (std::size_t budget : {1u, 7u, 30u}) {
    heapviz::ViewOptions opts;
    opts.max_blocks = budget;
    const heapviz::View cut = heapviz::make_view(m, opts);
    CHECK(cut.truncated);
    const auto shown = objects_of(cut, 0, ~0ull);
    REQUIRE(shown.size() == budget);
    for (std::size_t i = 0; i < budget; ++i) {
      CHECK(shown[i]->id == all[i]->id);
      CHECK(shown[i]->addr == all[i]->addr);
    }
  }
  // A window in the middle: the objects overlapping it, the same as in the full view.
  heapviz::ViewOptions win;
  win.window_begin = all[10]->addr + 1;
  win.window_end = all[30]->addr;
  const auto expected = objects_of(full, win.window_begin, win.window_end);
  const heapviz::View windowed = heapviz::make_view(m, win);
  const auto got = objects_of(windowed, 0, ~0ull);
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i]->id == expected[i]->id);
}

TEST_CASE("view budget: occupancy over a window counts exactly the bytes of the objects inside it") {
  const char* body =
      "Object[] a = new Object[300];\n"
      "for (int i = 0; i < a.length; i++) { a[i] = new byte[24 + i % 50]; }\n";
  const auto r = heapviz::run_lesson(body, "t.java");
  REQUIRE(r.trace);
  const heapviz::Machine m = r.trace->state_at(r.trace->size());
  const heapviz::View full = heapviz::make_view(m);
  const auto all = objects_of(full, 0, ~0ull);
  REQUIRE(all.size() == 301);
  // A window that cuts objects at both ends.
  const std::uint64_t begin = all[40]->addr + 5, end = all[200]->addr + 3;
  std::uint64_t live = 0;
  for (const heapviz::BlockView* b : all) {
    const std::uint64_t lo = std::max(b->addr, begin), hi = std::min(b->addr + b->size, end);
    if (hi > lo) live += hi - lo;
  }
  const auto occ = heapviz::occupancy(m, heapviz::heap::SpaceId::java_heap, 37, begin, end);
  REQUIRE(occ.size() == 37);
  CHECK(occ.front().begin == begin);
  CHECK(occ.back().end == end);
  std::uint64_t got_live = 0, total = 0;
  for (const auto& b : occ) {
    got_live += b.live;
    total += b.live + b.free + b.filler + b.garbage;
  }
  CHECK(got_live == live);
  CHECK(total == end - begin);
  // The whole-heap form is the window [bottom, bottom + capacity).
  const auto whole = heapviz::occupancy(m, heapviz::heap::SpaceId::java_heap, 10);
  REQUIRE(whole.size() == 10);
  CHECK(whole[0].begin == full.regions[0].base);
}
