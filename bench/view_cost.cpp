// Per-step cost of what the GUI asks the core for while playing a lesson: TracePlayer::seek to the next
// step, make_view limited to the map's block budget, and occupancy() for the aggregated heap lane.
// Usage: view_cost LESSON.java [STEPS [FROM]]   prints the median and 95th percentile of each (ms) over STEPS
// steps (default 300) from step FROM (default: the last STEPS steps).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "heapviz/engine/view.hpp"
#include "heapviz/lang/lesson_run.hpp"

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}
void print(const char* what, std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::printf("  %-28s median %8.2f ms   p95 %8.2f ms\n", what, v[v.size() / 2],
              v[std::min(v.size() - 1, v.size() * 95 / 100)]);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: view_cost LESSON.java [STEPS]\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  const auto t0 = Clock::now();
  heapviz::LessonRunResult r = heapviz::run_lesson(text.str(), "lesson.java");
  if (!r.trace) {
    std::fprintf(stderr, "%s\n", r.diagnostics.c_str());
    return 1;
  }
  const heapviz::Trace& t = *r.trace;
  std::printf("%s: %zu steps, recorded in %.0f ms, trace %.0f MiB\n", argv[1], t.size(), ms_since(t0),
              t.memory_bytes() / 1048576.0);
  const std::size_t steps = argc > 2 ? std::stoul(argv[2]) : 300;
  std::size_t from =
      t.size() > steps ? t.size() - steps : 0;  // the end of a lesson: the fullest heap, the GC
  if (argc > 3) from = std::min<std::size_t>(std::stoul(argv[3]), t.size() - 1);
  heapviz::TracePlayer player(t);
  player.seek(from);
  std::vector<double> seek, view, view0, occ;
  heapviz::ViewOptions opts;
  opts.max_blocks = 3001;
  std::printf("steps %zu..%zu\n", from + 1, std::min(t.size(), from + steps));
  for (std::size_t k = from + 1; k <= std::min(t.size(), from + steps); ++k) {
    auto a = Clock::now();
    player.seek(k);
    seek.push_back(ms_since(a));
    a = Clock::now();
    const heapviz::View v = heapviz::make_view(player.state(), opts);
    view.push_back(ms_since(a));
    a = Clock::now();
    const heapviz::View v0 = heapviz::make_view(player.state(), heapviz::ViewOptions{1});
    view0.push_back(ms_since(a));
    a = Clock::now();
    const auto o = heapviz::occupancy(player.state(), heapviz::heap::SpaceId::java_heap, 700);
    occ.push_back(ms_since(a));
  }
  print("seek(k + 1)", seek);
  print("make_view(max_blocks 3001)", view);
  print("make_view(max_blocks 1)", view0);
  print("occupancy(700 buckets)", occ);
  return 0;
}
