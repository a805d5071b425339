// Lesson 06's hypothetical race on screen: at the chunk the kernel reads from the array's old address, the
// map outlines that address ("kernel reads here: the array was here"), shows the array where it went, draws
// the copy in the warning colour and marks the wrong bytes in the page cache; the JDK's own run draws none of
// it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core_reference.hpp"
#include "facts_check.hpp"
#include "png_probe.hpp"
#include "process.hpp"

namespace {

constexpr std::uint8_t kWrongBytes[3] = {213, 94, 0};  // app/render/palette.hpp kWrongBytes (vermillion)

std::string out_file(const std::string& name) { return std::string(HEAPVIZ_TEST_OUT_DIR) + "/" + name; }

std::filesystem::path lesson06() {
  return std::filesystem::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios" / "06-why-not-read-the-heap.java";
}

// The first step whose copy the kernel read from where the array no longer was (-1 if none).
long first_stale_chunk(const CoreLesson& c) {
  for (std::size_t k = 0; k < c.trace->size(); ++k) {
    const heapviz::View after = c.view_at(k + 1);
    if (!after.heap_address_write) continue;
    for (const heapviz::ByteRange& b : c.trace->step(k).ranges)
      if (b.space == heapviz::heap::SpaceId::java_heap && b.to_space == heapviz::heap::SpaceId::kernel)
        if (const auto* chunk = heapviz::io::chunk_read_at(*after.heap_address_write, b.from);
            chunk && chunk->stale)
          return static_cast<long>(k);
  }
  return -1;
}

const nlohmann::json* mark_of(const nlohmann::json& facts, const std::string& kind) {
  for (const nlohmann::json& m : facts["marks"])
    if (m["kind"] == kind) return &m;
  return nullptr;
}

std::size_t warning_pixels_in_lane(const nlohmann::json& facts, const std::string& png,
                                   const std::string& space) {
  const PngImage img = load_png(png);
  if (!img.ok()) return 0;
  for (const nlohmann::json& l : facts["lanes"])
    if (l["space"] == space)
      return img.pixels_of(static_cast<int>(l["x0"].get<double>()), static_cast<int>(l["y0"].get<double>()),
                           static_cast<int>(l["x1"].get<double>()), static_cast<int>(l["y1"].get<double>()),
                           kWrongBytes[0], kWrongBytes[1], kWrongBytes[2]);
  return 0;
}

}  // namespace

TEST_CASE(
    "race screens: the kernel reading the old address is outlined, the copy is vermillion, the wrong bytes "
    "are marked") {
  const CoreLesson race = run_core_lesson(lesson06(), {"os-reads-heap"});
  const CoreLesson pin = run_core_lesson(lesson06(), {"pin-heap-array"});
  const CoreLesson jdk = run_core_lesson(lesson06());
  REQUIRE_MESSAGE(race.error.empty(), race.error);
  REQUIRE_MESSAGE(pin.error.empty(), pin.error);
  REQUIRE_MESSAGE(jdk.error.empty(), jdk.error);
  const long k = first_stale_chunk(race);
  REQUIRE(k >= 0);
  const heapviz::View at = race.view_at(static_cast<std::size_t>(k) + 1);
  REQUIRE(at.heap_address_write.has_value());
  REQUIRE(at.heap_address_write->wrong_bytes > 0);
  const long stall = pin.first_of(heapviz::StepKind::gc_locker_stall);
  REQUIRE(stall >= 0);
  const long jdk_write = jdk.first_of(heapviz::StepKind::bounce_copy);
  REQUIRE(jdk_write >= 0);

  struct Shot {
    std::string name, args;
    const CoreLesson* core;
    std::size_t position;
  };
  std::string file = "'";  // (append, not +: GCC 12 raises a false -Wrestrict)
  file.append(lesson06().string()).append("'");
  const std::string race_step = std::to_string(k + 1);
  const std::vector<Shot> shots = {
      {"race_en", "--hypothetical os-reads-heap --step " + race_step, &race, static_cast<std::size_t>(k) + 1},
      {"race_zh", "--hypothetical os-reads-heap --lang zh --step " + race_step, &race,
       static_cast<std::size_t>(k) + 1},
      {"race_scaled", "--hypothetical os-reads-heap --scale 1.5 --step " + race_step, &race,
       static_cast<std::size_t>(k) + 1},
      {"race_end", std::string("--hypothetical os-reads-heap --step ") + std::to_string(race.trace->size()),
       &race, race.trace->size()},
      {"race_page",
       std::string("--hypothetical os-reads-heap --select-page 0 --step ") +
           std::to_string(race.trace->size()),
       &race, race.trace->size()},
      {"pin_stall", std::string("--hypothetical pin-heap-array --step ") + std::to_string(stall + 1), &pin,
       static_cast<std::size_t>(stall) + 1},
      {"jdk_write", std::string("--step ") + std::to_string(jdk_write + 1), &jdk,
       static_cast<std::size_t>(jdk_write) + 1},
      {"jdk_end", std::string("--step ") + std::to_string(jdk.trace->size()), &jdk, jdk.trace->size()},
  };
  std::vector<std::string> commands;
  for (const Shot& s : shots)
    commands.push_back("screenshot " + file + " " + s.args + " --out '" + out_file(s.name + ".png") +
                       "' --facts '" + out_file(s.name + ".json") + "' >/dev/null");
  const ProcessResult r = run_heapviz_many(commands, out_file("race_screens.sh"));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);

  for (const Shot& s : shots) {
    INFO(s.name);
    const nlohmann::json facts = read_json(out_file(s.name + ".json"));
    REQUIRE(facts.is_object());
    if (s.name == "race_zh") continue;  // check_drawn_facts compares the narration with the English text
    for (const std::string& problem : check_drawn_facts(facts, *s.core, s.position)) FAIL_CHECK(problem);
  }

  const std::string wrong_en = std::to_string(at.heap_address_write->wrong_bytes) + " bytes wrong";
  for (const std::string name : {"race_en", "race_zh", "race_scaled"}) {
    INFO(name);
    const nlohmann::json facts = read_json(out_file(name + ".json"));
    const bool zh = name == "race_zh";
    const nlohmann::json* outline = mark_of(facts, "kernel_reads_here");
    REQUIRE(outline != nullptr);
    CHECK((*outline)["addr"] == at.heap_address_write->address_given);
    CHECK((*outline)["label"] ==
          (zh ? "内核在这里读取：数组原来在这里" : "kernel reads here: the array was here"));
    const nlohmann::json* now = mark_of(facts, "array_now");
    REQUIRE(now != nullptr);
    CHECK((*now)["addr"] == at.heap_address_write->array_now);
    CHECK((*now)["x0"].get<double>() <
          (*outline)["x0"].get<double>());  // the array slid down, below the address read
    const nlohmann::json* wrong = mark_of(facts, "wrong_bytes");
    REQUIRE(wrong != nullptr);
    CHECK((*wrong)["space"] == "kernel");
    CHECK((*wrong)["label"] ==
          (zh ? std::to_string(at.heap_address_write->wrong_bytes) + " 个字节是错的" : wrong_en));
    CHECK(mark_of(facts, "stale_read") != nullptr);  // the chunk's copy is drawn in the warning colour
    CHECK(warning_pixels_in_lane(facts, out_file(name + ".png"), "kernel") > 200);
  }
  // The page-cache page selected: the inspector dumps it and highlights exactly the view's wrong bytes.
  const nlohmann::json page = read_json(out_file("race_page.json"));
  const nlohmann::json* dumped = mark_of(page, "inspector_bytes");
  REQUIRE(dumped != nullptr);
  CHECK((*dumped)["space"] == "kernel");
  const heapviz::View end = race.view_at(race.trace->size());
  REQUIRE(end.heap_address_write.has_value());
  CHECK((*dumped)["label"] == std::to_string(end.heap_address_write->wrong_bytes));
  CHECK(end.heap_address_write->wrong_bytes > 1000);
  // Pinned: the array is held and the GC waits; nothing is wrong.
  const nlohmann::json pinned = read_json(out_file("pin_stall.json"));
  CHECK(mark_of(pinned, "pinned") != nullptr);
  CHECK(mark_of(pinned, "gc_waiting") != nullptr);
  CHECK(mark_of(pinned, "wrong_bytes") == nullptr);
  CHECK(mark_of(pinned, "stale_read") == nullptr);
  CHECK(warning_pixels_in_lane(pinned, out_file("pin_stall.png"), "kernel") == 0);
  // The JDK's own run (the bounce copy): no race marks, no warning colour in the page cache.
  for (const std::string name : {"jdk_write", "jdk_end"}) {
    INFO(name);
    const nlohmann::json facts = read_json(out_file(name + ".json"));
    CHECK(facts["marks"].empty());
    CHECK(warning_pixels_in_lane(facts, out_file(name + ".png"), "kernel") == 0);
  }
  // The check catches a made-up mark.
  nlohmann::json made_up = read_json(out_file("jdk_end.json"));
  made_up["marks"].push_back(
      {{"kind", "wrong_bytes"}, {"space", "kernel"}, {"addr", 1}, {"size", 1}, {"label", "1 bytes wrong"}});
  CHECK(!check_drawn_facts(made_up, jdk, jdk.trace->size()).empty());
}
