// "The app never draws a fact absent from the core's view": screenshots with --facts, compared with
// make_view of the same step built here from heapviz_core (not by the app).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core_reference.hpp"
#include "facts_check.hpp"
#include "process.hpp"

namespace {
std::string out_file(const std::string& name) { return std::string(HEAPVIZ_TEST_OUT_DIR) + "/" + name; }

struct Shot {
  std::string lesson;  // file name in assets/scenarios
  std::size_t position;
};
}  // namespace

TEST_CASE(
    "drawn facts: every block, arrow, root, counter and narration the app draws is in the core's view") {
  const std::filesystem::path dir = std::filesystem::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios";
  // Allocation, a GC mid-compaction and after it, native memory, a bounce copy through the kernel, the end.
  const std::vector<Shot> shots = {
      {"01-allocate-vs-direct.java", 12},        {"01-allocate-vs-direct.java", 49},
      {"03-heap-buffer-write-bounces.java", 31}, {"05-gc-moves-heap-not-native.java", 0},
      {"05-gc-moves-heap-not-native.java", 300}, {"07-cleaner-after-gc.java", 60}};
  std::vector<std::string> commands;
  for (std::size_t i = 0; i < shots.size(); ++i)
    commands.push_back("screenshot '" + (dir / shots[i].lesson).string() + "' --step " +
                       std::to_string(shots[i].position) + " --out '" +
                       out_file("facts_" + std::to_string(i) + ".png") + "' --facts '" +
                       out_file("facts_" + std::to_string(i) + ".json") + "'");
  const ProcessResult r = run_heapviz_many(commands, out_file("facts_shots.sh"));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  std::size_t blocks_checked = 0, arrows_checked = 0;
  for (std::size_t i = 0; i < shots.size(); ++i) {
    const CoreLesson core = run_core_lesson(dir / shots[i].lesson);
    REQUIRE_MESSAGE(core.error.empty(), core.error);
    REQUIRE(shots[i].position <= core.trace->size());
    const nlohmann::json facts = read_json(out_file("facts_" + std::to_string(i) + ".json"));
    REQUIRE(facts.is_object());
    INFO(shots[i].lesson << " --step " << shots[i].position);
    for (const std::string& problem : check_drawn_facts(facts, core, shots[i].position)) FAIL_CHECK(problem);
    blocks_checked += facts["blocks"].size();
    arrows_checked += facts["arrows"].size();
    CHECK(facts["counters"].size() > 10);
    if (shots[i].position > 0) CHECK(!facts["narration"].empty());
  }
  CHECK(blocks_checked > 30);  // the comparison is not vacuous
  CHECK(arrows_checked > 5);

  // The check itself catches a made-up block, a wrong size, a wrong counter and a wrong narration.
  const CoreLesson core = run_core_lesson(dir / shots[0].lesson);
  const nlohmann::json real = read_json(out_file("facts_0.json"));
  REQUIRE(check_drawn_facts(real, core, shots[0].position).empty());
  nlohmann::json made_up = real;
  made_up["blocks"].push_back({{"id", 4242},
                               {"space", "java-heap"},
                               {"addr", 4227858432ull + 64},
                               {"size", 24},
                               {"label", "Node"},
                               {"x0", 700},
                               {"y0", 140},
                               {"x1", 720},
                               {"y1", 180},
                               {"ghost", false}});
  CHECK(check_drawn_facts(made_up, core, shots[0].position).size() == 1);
  nlohmann::json resized = real;
  REQUIRE(!resized["blocks"].empty());
  resized["blocks"][0]["size"] = resized["blocks"][0]["size"].get<std::uint64_t>() + 8;
  CHECK(!check_drawn_facts(resized, core, shots[0].position).empty());
  nlohmann::json counter = real;
  counter["counters"][0]["value"] = "12345678";
  CHECK(!check_drawn_facts(counter, core, shots[0].position).empty());
  nlohmann::json told = real;
  told["narration"][0] = "Something else happened.";
  CHECK(!check_drawn_facts(told, core, shots[0].position).empty());
  // The same screenshot checked against another step's view fails.
  CHECK(!check_drawn_facts(real, core, shots[0].position + 1).empty());
}
