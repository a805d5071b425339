// What a teacher sees without scrolling: all four lanes inside the memory map's area (window at
// 1600x900, presentation layout at 1280x720, English and Chinese), the run's simulation notes drawn,
// the heap lane's header saying it is one space, and a caption before `try {` shown (lesson 09).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core_reference.hpp"
#include "facts_check.hpp"
#include "process.hpp"

namespace {

std::string out_file(const std::string& name) { return std::string(HEAPVIZ_TEST_OUT_DIR) + "/" + name; }
std::filesystem::path lesson_file(const std::string& name) {
  return std::filesystem::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios" / name;
}

struct FitShot {
  std::string lesson, extra;  // extra: --size, --lang, --presentation
  std::string name;
};

const nlohmann::json* lane_of(const nlohmann::json& facts, const std::string& space) {
  for (const nlohmann::json& l : facts["lanes"])
    if (l["space"] == space) return &l;
  return nullptr;
}

bool has_text(const nlohmann::json& list, const std::string& part) {
  for (const nlohmann::json& t : list)
    if (t.get<std::string>().find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE(
    "screen fit: heap, native, kernel and device lanes all lie inside the memory map, window and "
    "presentation") {
  // Lesson 03 at its end and lesson 11 at its end have all four address spaces.
  const CoreLesson l03 = run_core_lesson(lesson_file("03-heap-buffer-write-bounces.java"));
  const CoreLesson l11 = run_core_lesson(lesson_file("11-zero-copy-transfer-map.java"));
  REQUIRE_MESSAGE(l03.error.empty(), l03.error);
  REQUIRE_MESSAGE(l11.error.empty(), l11.error);
  const std::string end03 = std::to_string(l03.trace->size()), end11 = std::to_string(l11.trace->size());
  const std::vector<FitShot> shots = {
      {"03-heap-buffer-write-bounces.java", "--step " + end03, "fit_03_1600"},
      {"03-heap-buffer-write-bounces.java", "--step " + end03 + " --lang zh", "fit_03_1600_zh"},
      {"03-heap-buffer-write-bounces.java", "--step " + end03 + " --size 1280x720 --presentation",
       "fit_03_720p"},
      {"11-zero-copy-transfer-map.java", "--step " + end11, "fit_11_1600"},
      {"11-zero-copy-transfer-map.java", "--step " + end11 + " --size 1280x720 --presentation --lang zh",
       "fit_11_720p_zh"},
  };
  std::vector<std::string> commands;
  for (const FitShot& s : shots)
    commands.push_back("screenshot '" + lesson_file(s.lesson).string() + "' " + s.extra + " --out '" +
                       out_file(s.name + ".png") + "' --facts '" + out_file(s.name + ".json") + "'");
  const ProcessResult r = run_heapviz_many(commands, out_file("fit_shots.sh"));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  for (const FitShot& s : shots) {
    INFO(s.name);
    const nlohmann::json facts = read_json(out_file(s.name + ".json"));
    REQUIRE(facts.is_object());
    const nlohmann::json& area = facts["map_area"];
    const double ax0 = area["x0"].get<double>(), ay0 = area["y0"].get<double>(),
                 ax1 = area["x1"].get<double>(), ay1 = area["y1"].get<double>();
    REQUIRE(ay1 - ay0 > 100);
    for (const std::string space : {"java-heap", "native", "kernel", "device"}) {
      INFO(space);
      const nlohmann::json* lane = lane_of(facts, space);
      REQUIRE(lane != nullptr);
      CHECK((*lane)["x0"].get<double>() >= ax0);
      CHECK((*lane)["x1"].get<double>() <= ax1);
      CHECK((*lane)["y0"].get<double>() >= ay0);
      CHECK((*lane)["y1"].get<double>() <= ay1);  // not cut off, not scrolled away
      CHECK((*lane)["y1"].get<double>() - (*lane)["y0"].get<double>() >= 24);  // still readable
    }
  }
}

TEST_CASE(
    "screen fit: the run's simulation notes and the heap's one-space header are drawn, in English and "
    "Chinese") {
  // Lesson 09 passes -Xmn2m to java: heapviz says it does not split its heap. Lesson 01 has no note.
  const CoreLesson l09 = run_core_lesson(lesson_file("09-fragmentation-sweep-vs-compact.java"));
  REQUIRE_MESSAGE(l09.error.empty(), l09.error);
  long line24 =
      -1;  // the first step of `byte[] big = new byte[12 * MiB];`, whose caption stands before `try {`
  for (std::size_t k = 0; k < l09.trace->size() && line24 < 0; ++k)
    if (l09.trace->step(k).pos.line == 24) line24 = static_cast<long>(k);
  REQUIRE(line24 >= 0);
  const std::string at24 = std::to_string(line24 + 1);  // position k + 1 shows step k
  const std::string f09 = lesson_file("09-fragmentation-sweep-vs-compact.java").string();
  const std::vector<std::string> commands = {
      "screenshot '" + f09 + "' --step " + at24 + " --out '" + out_file("notes_09.png") + "' --facts '" +
          out_file("notes_09.json") + "'",
      "screenshot '" + f09 + "' --step " + at24 + " --lang zh --out '" + out_file("notes_09_zh.png") +
          "' --facts '" + out_file("notes_09_zh.json") + "'",
      "screenshot '" + f09 + "' --step " + at24 + " --size 1280x720 --presentation --out '" +
          out_file("notes_09_720p.png") + "' --facts '" + out_file("notes_09_720p.json") + "'",
      "screenshot '" + lesson_file("01-allocate-vs-direct.java").string() + "' --step 5 --out '" +
          out_file("notes_01.png") + "' --facts '" + out_file("notes_01.json") + "'",
  };
  const ProcessResult r = run_heapviz_many(commands, out_file("notes_shots.sh"));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);

  const nlohmann::json en = read_json(out_file("notes_09.json"));
  REQUIRE(en.is_object());
  REQUIRE(en["notes"].size() >= 2);
  CHECK(en["notes"][0] == "Simulation notes (1)");
  CHECK(has_text(en["notes"], "-Xmn2m"));
  CHECK(has_text(en["notes"], "one space"));
  REQUIRE(lane_of(en, "java-heap") != nullptr);
  CHECK((*lane_of(en, "java-heap"))["title"] == "Java heap — one space (JDK Serial: young + old)");
  CHECK(has_text(en["narration"], "does not fit above the last block"));  // the caption before `try {`

  const nlohmann::json zh = read_json(out_file("notes_09_zh.json"));
  REQUIRE(zh.is_object());
  REQUIRE(!zh["notes"].empty());
  CHECK(zh["notes"][0] == "模拟说明（1）");
  CHECK(has_text(zh["notes"], "-Xmn2m"));
  CHECK(has_text(zh["notes"], "单一空间"));  // the note itself in Chinese, from the core
  REQUIRE(lane_of(zh, "java-heap") != nullptr);
  CHECK((*lane_of(zh, "java-heap"))["title"].get<std::string>().find("单一空间") != std::string::npos);
  CHECK(has_text(zh["narration"], "放不进最后一块之上的空间"));

  const nlohmann::json pres = read_json(out_file("notes_09_720p.json"));
  REQUIRE(pres.is_object());
  CHECK(has_text(pres["notes"], "Simulation notes (1)"));
  CHECK(has_text(pres["notes"], "-Xmn2m"));
  CHECK(has_text(pres["narration"], "does not fit above the last block"));

  const nlohmann::json none = read_json(out_file("notes_01.json"));
  REQUIRE(none.is_object());
  CHECK(none["notes"].empty());  // no simplification to report: nothing drawn
}
