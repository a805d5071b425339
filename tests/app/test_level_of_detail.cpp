// Level of detail on a big heap: the map shows occupancy, not a million rectangles, and the app asks the
// core only for a few thousand blocks (the heap lane's window and block budget).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "facts_check.hpp"
#include "process.hpp"

namespace {
std::string out_file(const std::string& name) { return std::string(HEAPVIZ_TEST_OUT_DIR) + "/" + name; }

// bench/lessons/million_objects.java with `count` objects instead of 1,000,000.
std::string objects_lesson(const std::string& count) {
  std::ifstream in(std::string(HEAPVIZ_TEST_SOURCE_DIR) + "/bench/lessons/million_objects.java");
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  const auto at = text.find("1_000_000");
  if (at != std::string::npos) text.replace(at, 9, count);
  const std::string path = out_file("objects_" + count + ".java");
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE(
    "level of detail: 100,000 objects are drawn as occupancy from a view cut to a few thousand blocks") {
  const std::string big = objects_lesson("100_000"), small = objects_lesson("1_000");
  // Step 500: the allocation loop is done (its steps folded into batches), the GC not begun.
  const ProcessResult r =
      run_heapviz_many({"screenshot '" + big + "' --step 500 --out '" + out_file("lod_100k.png") +
                            "' --facts '" + out_file("lod_100k.json") + "'",
                        "screenshot '" + small + "' --step 500 --out '" + out_file("lod_1k.png") +
                            "' --facts '" + out_file("lod_1k.json") + "'"},
                       out_file("lod.sh"));
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  for (const char* name : {"lod_100k.json", "lod_1k.json"}) {
    INFO(name);
    const nlohmann::json facts = read_json(out_file(name));
    REQUIRE(facts.is_object());
    const nlohmann::json* heap = nullptr;
    for (const nlohmann::json& l : facts["lanes"])
      if (l["space"] == "java-heap") heap = &l;
    REQUIRE(heap);
    // 1,000 16-byte objects on a lane of ~900 pixels are below a pixel each: occupancy as well.
    CHECK((*heap)["aggregated"].get<bool>());
    CHECK((*heap)["view_blocks"].get<std::size_t>() <= 2 * 3001 + 1);  // objects and the gaps between them
    std::size_t heap_blocks = 0;
    for (const nlohmann::json& b : facts["blocks"]) heap_blocks += b["space"] == "java-heap";
    CHECK(heap_blocks == 0);
  }
}
