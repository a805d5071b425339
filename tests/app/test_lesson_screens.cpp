#include <algorithm>
// Every bundled lesson at its key steps (first allocation, bounce copy, system call, GC move, native free,
// exception ...): what a teacher would check on the screenshot, through the drawn-facts log and the pixels.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core_reference.hpp"
#include "facts_check.hpp"
#include "png_probe.hpp"
#include "process.hpp"

namespace {

using heapviz::StepKind;
constexpr std::uint8_t kLaneBg[3] = {250, 250, 252};  // app/render/palette.hpp kLaneBg

std::string out_file(const std::string& name) { return std::string(HEAPVIZ_TEST_OUT_DIR) + "/" + name; }

const std::vector<StepKind>& key_kinds() {
  static const std::vector<StepKind> k = {
      StepKind::alloc,       StepKind::bounce_copy,      StepKind::syscall,      StepKind::move,
      StepKind::native_free, StepKind::writeback,        StepKind::io_exception, StepKind::oom,
      StepKind::direct_oom,  StepKind::reference_handler};
  return k;
}

const nlohmann::json* lane_of(const nlohmann::json& facts, const std::string& space) {
  for (const nlohmann::json& l : facts["lanes"])
    if (l["space"] == space) return &l;
  return nullptr;
}
const nlohmann::json* block_of(const nlohmann::json& facts, heapviz::heap::ObjectId id) {
  for (const nlohmann::json& b : facts["blocks"])
    if (b["id"] == id) return &b;
  return nullptr;
}
int px(const nlohmann::json& v) { return static_cast<int>(v.get<double>()); }

// Where the lane draws `addr` (the app's AddressAxis is linear over [view_start, view_start + view_length)).
float x_of(const nlohmann::json& lane, std::uint64_t addr) {
  const double start = static_cast<double>(lane["view_start"].get<std::uint64_t>());
  const double len = static_cast<double>(lane["view_length"].get<std::uint64_t>());
  return static_cast<float>(lane["x0"].get<double>() +
                            (static_cast<double>(addr) - start) / len *
                                (lane["x1"].get<double>() - lane["x0"].get<double>()));
}

double lane_bg_in(const PngImage& img, int x0, int y0, int x1, int y1) {
  return fraction_of_colour(img, x0, y0, x1, y1, kLaneBg[0], kLaneBg[1], kLaneBg[2]);
}

// A moved object whose old place is free after the step and wide enough to sample (-1 if none).
long pick_moved(const CoreLesson& c, std::size_t k, const nlohmann::json& facts) {
  const heapviz::View before = c.view_at(k), after = c.view_at(k + 1);
  const nlohmann::json* lane = lane_of(facts, "java-heap");
  if (!lane) return -1;
  for (const heapviz::BlockView& a : after.blocks) {
    if (a.id == 0) continue;
    const auto old = std::find_if(before.blocks.begin(), before.blocks.end(),
                                  [&](const heapviz::BlockView& b) { return b.id == a.id; });
    if (old == before.blocks.end() || old->addr == a.addr || a.addr + a.size > old->addr) continue;
    const bool old_place_free =
        std::none_of(after.blocks.begin(), after.blocks.end(), [&](const heapviz::BlockView& b) {
          return b.space == heapviz::heap::SpaceId::java_heap && b.state != heapviz::BlockState::free &&
                 b.addr < old->addr + old->size && old->addr < b.addr + b.size;
        });
    if (old_place_free && x_of(*lane, old->addr + old->size) - x_of(*lane, old->addr) >= 4 &&
        block_of(facts, a.id))
      return a.id;
  }
  return -1;
}

// The move step (of the first 64) whose moved object is the largest one that leaves a free old place behind:
// the easiest for a person, and for the pixel check, to see (a 48-byte buffer is under a pixel wide).
long best_move_step(const CoreLesson& c) {
  long best = -1;
  std::uint64_t best_size = 0;
  int seen = 0;
  for (std::size_t k = 0; k < c.trace->size() && seen < 64; ++k) {
    if (c.trace->step(k).kind != StepKind::move) continue;
    ++seen;
    const heapviz::View before = c.view_at(k), after = c.view_at(k + 1);
    for (const heapviz::BlockView& a : after.blocks) {
      if (a.id == 0 || a.size <= best_size) continue;
      const auto old = std::find_if(before.blocks.begin(), before.blocks.end(),
                                    [&](const heapviz::BlockView& b) { return b.id == a.id; });
      if (old == before.blocks.end() || old->addr == a.addr || a.addr + a.size > old->addr) continue;
      const bool free_after =
          std::none_of(after.blocks.begin(), after.blocks.end(), [&](const heapviz::BlockView& b) {
            return b.space == heapviz::heap::SpaceId::java_heap && b.state != heapviz::BlockState::free &&
                   b.addr < old->addr + old->size && old->addr < b.addr + b.size;
          });
      if (free_after) {
        best = static_cast<long>(k);
        best_size = a.size;
      }
    }
  }
  return best;
}

}  // namespace

TEST_CASE(
    "lesson screens: every bundled lesson at its key steps shows the right lanes, blocks and narration") {
  // Every lesson file, then the built-in heap demo (today the one scenario whose GC moves objects: the
  // lessons' first full GC keeps their garbage as dead wood, MarkSweepDeadRatio=5).
  std::vector<std::filesystem::path> lessons = bundled_lessons();
  REQUIRE(lessons.size() >= 9);
  lessons.push_back("heap-demo");
  struct Shot {
    std::size_t lesson;
    StepKind kind;
    std::size_t step;  // the step shown: screenshot --step step+1
    std::string png, facts;
  };
  std::vector<CoreLesson> cores;
  std::vector<Shot> shots;
  std::vector<std::string> commands;
  for (std::size_t i = 0; i < lessons.size(); ++i) {
    cores.push_back(lessons[i] == "heap-demo" ? run_core_heap_demo() : run_core_lesson(lessons[i]));
    const CoreLesson& c = cores.back();
    if (!c.trace) continue;  // a lesson that cannot run yet: the screenshot of step 0 below still has to work
    for (StepKind kind : key_kinds()) {
      const long k = kind == StepKind::move ? best_move_step(c) : c.first_of(kind);
      if (k < 0) continue;
      const std::string stem =
          "screen_" + lessons[i].stem().string() + "_" + std::string(heapviz::step_kind_name(kind));
      shots.push_back(
          Shot{i, kind, static_cast<std::size_t>(k), out_file(stem + ".png"), out_file(stem + ".json")});
      commands.push_back("screenshot '" + lessons[i].string() + "' --step " + std::to_string(k + 1) +
                         " --out '" + shots.back().png + "' --facts '" + shots.back().facts + "' >/dev/null");
    }
    if (c.trace->size() == 0)
      commands.push_back("screenshot '" + lessons[i].string() + "' --out '" +
                         out_file("screen_" + lessons[i].stem().string() + "_0.png") + "' >/dev/null");
  }
  REQUIRE(shots.size() >= 20);
  const ProcessResult r = run_heapviz_many(commands, out_file("lesson_screens.sh"));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);

  std::map<StepKind, int> moved_checked;
  for (const Shot& s : shots) {
    const CoreLesson& c = cores[s.lesson];
    INFO(lessons[s.lesson].filename().string() << ": " << heapviz::step_kind_name(s.kind) << " at step "
                                               << s.step << " (--step " << s.step + 1 << ")");
    const nlohmann::json facts = read_json(s.facts);
    REQUIRE(facts.is_object());
    for (const std::string& problem : check_drawn_facts(facts, c, s.step + 1)) FAIL_CHECK(problem);
    const PngImage img = load_png(s.png);
    REQUIRE(img.ok());

    // Lanes: the heap always; native memory, the kernel and the device once the lesson has used them; each
    // lane is visible on the image (its background or blocks inside its frame).
    CHECK(lane_of(facts, "java-heap"));
    const heapviz::View view = c.view_at(s.step + 1);
    if (s.kind == StepKind::bounce_copy || s.kind == StepKind::syscall || s.kind == StepKind::writeback) {
      CHECK(lane_of(facts, "kernel"));
      CHECK(lane_of(facts, "device"));
    }
    for (const nlohmann::json& lane : facts["lanes"]) {
      INFO("lane " << lane["space"]);
      const int x0 = px(lane["x0"]), y0 = px(lane["y0"]), x1 = px(lane["x1"]), y1 = px(lane["y1"]);
      CHECK(x1 - x0 > 400);
      CHECK(y1 - y0 > 20);
      // The lane's frame: a grey border line; a step's copy outline may cover parts of it, so at least one
      // of its four edges must show mostly frame colour.
      const double frame = std::max({fraction_of_colour(img, x0 + 2, y0, x1 - 2, y0 + 1, 170, 175, 185),
                                     fraction_of_colour(img, x0 + 2, y1 - 1, x1 - 2, y1, 170, 175, 185),
                                     fraction_of_colour(img, x0, y0 + 2, x0 + 1, y1 - 2, 170, 175, 185),
                                     fraction_of_colour(img, x1 - 1, y0 + 2, x1, y1 - 2, 170, 175, 185)});
      CHECK(frame > 0.5);
    }

    // The step's object (an allocation): drawn where the facts say, in colour, not as empty lane.
    const heapviz::Step& step = c.trace->step(s.step);
    if (s.kind == StepKind::alloc && !step.objects.empty()) {
      const nlohmann::json* lane = lane_of(facts, "java-heap");
      const nlohmann::json* b = block_of(facts, step.objects.front());
      REQUIRE(lane);
      if (!(*lane)["aggregated"].get<bool>()) {
        REQUIRE(b);
        CHECK(lane_bg_in(img, px((*b)["x0"]), px((*b)["y0"]), std::max(px((*b)["x1"]), px((*b)["x0"]) + 2),
                         px((*b)["y1"])) < 0.5);
      }
    }
    // A compaction step: the moved object's pixels are at its new address, its old place is empty lane.
    if (s.kind == StepKind::move) {
      const long id = pick_moved(c, s.step, facts);
      REQUIRE_MESSAGE(id > 0, "no moved object with a free old place to sample");
      const heapviz::View before = c.view_at(s.step);
      const auto old = std::find_if(
          before.blocks.begin(), before.blocks.end(),
          [&](const heapviz::BlockView& b) { return b.id == static_cast<heapviz::heap::ObjectId>(id); });
      const nlohmann::json& b = *block_of(facts, static_cast<heapviz::heap::ObjectId>(id));
      const nlohmann::json& lane = *lane_of(facts, "java-heap");
      const auto now = std::find_if(view.blocks.begin(), view.blocks.end(), [&](const heapviz::BlockView& v) {
        return v.id == static_cast<heapviz::heap::ObjectId>(id);
      });
      CHECK(b["addr"].get<std::uint64_t>() == now->addr);
      CHECK(std::abs(b["x0"].get<double>() - x_of(lane, now->addr)) < 1.5);  // drawn at its new address
      const int y0 = px(b["y0"]), y1 = px(b["y1"]);
      CHECK(lane_bg_in(img, px(b["x0"]), y0, std::max(px(b["x1"]), px(b["x0"]) + 2), y1) < 0.5);
      const int ox0 = static_cast<int>(x_of(lane, old->addr)) + 1,
                ox1 = static_cast<int>(x_of(lane, old->addr + old->size)) - 1;
      CHECK(lane_bg_in(img, ox0, y0 + 6, ox1, y1 - 6) > 0.9);  // the old place: free lane
      ++moved_checked[s.kind];
    }
    // The narration panel (lower left) holds the step's text: checked as facts above, and it is drawn.
    CHECK(img.dark_pixels(0, img.height / 2, img.width * 3 / 10, img.height * 4 / 5, 110) > 300);
  }
  CHECK(moved_checked[StepKind::move] >= 1);  // at least one lesson compacts
}
