// Lesson 09 (fragmentation): Serial's mark-compact closes the holes so the big array fits; the
// hypothetical non-moving sweep leaves them and the allocation fails although enough bytes are free.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/lang/lesson_run.hpp"

namespace {

constexpr std::uint64_t kBlock = 6ull * 1024 * 1024 + 16;  // byte[6 MiB]: 16-byte header
constexpr std::uint64_t kBig = 12ull * 1024 * 1024 + 16;   // byte[12 MiB]

heapviz::LessonRunResult run_lesson_09(std::vector<std::string> hypotheticals) {
  const std::filesystem::path file =
      std::filesystem::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios" / "09-fragmentation-sweep-vs-compact.java";
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  heapviz::LessonRunOptions o;
  o.hypotheticals = std::move(hypotheticals);
  return heapviz::run_lesson(text.str(), file.filename().string(), o);
}

std::size_t first_step(const heapviz::Trace& t, heapviz::StepKind k) {
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.step(i).kind == k) return i;
  return t.size();
}

// Start addresses of the live objects of exactly `size` bytes, ascending.
std::vector<std::uint64_t> addresses_of(const heapviz::Machine& m, std::uint64_t size) {
  std::vector<std::uint64_t> out;
  for (heapviz::heap::ObjectId id = 1; id < m.heap.next_id(); ++id)
    if (m.heap.is_live(id) && m.heap.record(id).size == size) out.push_back(m.heap.record(id).addr);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE(
    "lesson 09: Serial's compaction moves the kept blocks down and the big array fits below the old holes' "
    "top") {
  const auto r = run_lesson_09({});
  REQUIRE(r.ok);
  REQUIRE(r.trace);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("new byte[12 MiB] fits: 12582912 bytes") != std::string::npos);
  const std::size_t gc = first_step(*r.trace, heapviz::StepKind::gc_start);
  REQUIRE(gc < r.trace->size());
  const heapviz::Machine before = r.trace->state_at(gc);
  const std::vector<std::uint64_t> blocks =
      addresses_of(before, kBlock);  // garbage is collected only by the GC
  REQUIRE(blocks.size() == 10);
  const std::uint64_t holes_top = blocks[9];  // the highest hole (block 8) ends where block 9 starts

  const heapviz::Machine end = r.trace->state_at(r.trace->size());
  const std::vector<std::uint64_t> kept_after = addresses_of(end, kBlock);
  const std::vector<std::uint64_t> big = addresses_of(end, kBig);
  REQUIRE(kept_after.size() == 5);
  REQUIRE(big.size() == 1);
  CHECK(big[0] < holes_top);  // the array sits where holes were: objects moved
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(kept_after[i] < blocks[2 * i + 1]);  // kept blocks 1, 3, 5, 7, 9 slid down
}

TEST_CASE(
    "lesson 09: in the non-moving-sweep mode the allocation fails with free > requested > largest free "
    "chunk") {
  const auto r = run_lesson_09({"non-moving-sweep"});
  REQUIRE(r.ok);
  REQUIRE(r.trace);
  CHECK(r.out.find("java.lang.OutOfMemoryError: Java heap space") != std::string::npos);
  CHECK(r.out.find("fits") == std::string::npos);
  const std::size_t oom = first_step(*r.trace, heapviz::StepKind::oom);
  REQUIRE(oom < r.trace->size());
  const heapviz::Machine at = r.trace->state_at(oom);
  REQUIRE(at.heap_settings.collector == heapviz::heap::Collector::mark_sweep);
  std::uint64_t free = 0, largest = 0;
  for (const auto& [addr, len] : at.heap.free_chunks) {
    free += len;
    largest = std::max(largest, len);
  }
  CHECK(free > kBig);
  CHECK(kBig > largest);
  CHECK(largest == kBlock);  // a hole is exactly one dropped block
  const std::string& en = r.trace->step(oom).text.en;
  CHECK(en.find("fragmentation") != std::string::npos);
  CHECK(en.find("largest free chunk is only " + std::to_string(largest)) != std::string::npos);
  CHECK(en.find("after the full GC " + std::to_string(free) + " bytes are free") != std::string::npos);
  CHECK(addresses_of(at, kBlock).size() == 5);  // nothing moved, nothing else was freed
}
