// Every bundled lesson, in every mode it declares, runs with VerifyAfterGC: after each GC every reference
// field of every live object (a Cleaner's referent included) is null or a live object's current address,
// and no live direct buffer has lost its native memory. The checks themselves are shown able to fail.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/invariants.hpp"
#include "heapviz/lang/lesson_catalog.hpp"
#include "heapviz/lang/lesson_run.hpp"
#include "heapviz/nio/buffer_invariants.hpp"
#include "interp_test_util.hpp"

namespace fs = std::filesystem;
using namespace heapviz;

namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The lesson-05 repro: a second GC after the compaction that moved the DirectByteBuffer.
const char* const kMovedTwice = R"(//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MarkSweepDeadRatio=0
Object[] garbage = new Object[64];
for (int i = 0; i < garbage.length; i++) {
    garbage[i] = new byte[1000];
}
ByteBuffer direct = ByteBuffer.allocateDirect(512);
direct.put("native bytes".getBytes());
garbage = null;
System.gc();
byte[] fresh = new byte[100000];
Heapviz.gc();
Heapviz.pools();
System.out.println(direct.get(0));
)";

}  // namespace

TEST_CASE("every bundled lesson in every declared mode runs with VerifyAfterGC, recording on") {
  const auto lessons = list_lessons(fs::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios");
  REQUIRE(lessons.size() >= 11);
  for (const auto& l : lessons) {
    const std::string source = read_text(l.path);
    LessonRunOptions o;
    o.verify_after_gc = true;
    const LessonRunResult plain = run_lesson(source, l.path.filename().string(), o);
    CAPTURE(l.id);
    CHECK_MESSAGE(plain.ok, plain.diagnostics);
    CHECK(plain.diagnostics.find("internal error") == std::string::npos);
    for (const std::string& h : plain.lesson->directives.hypotheticals) {
      CAPTURE(h);
      LessonRunOptions ho = o;
      ho.hypotheticals = {h};
      const LessonRunResult hyp = run_lesson(source, l.path.filename().string(), ho);
      CHECK_MESSAGE(hyp.diagnostics.find("internal error") == std::string::npos, hyp.diagnostics);
    }
  }
}

TEST_CASE(
    "a direct buffer moved by one compaction is still live at the next GC (its Cleaner's referent "
    "followed)") {
  const LessonRunResult r = interp_test::run(kMovedTwice);
  REQUIRE_MESSAGE(r.ok, r.diagnostics);
  CHECK(r.out == "direct: count=1 used=512 capacity=512\nmapped: count=0 used=0 capacity=0\n110\n");
  REQUIRE(r.trace);
  const Machine& m = r.trace->state_at(r.trace->size() - 1);
  int cleaners = 0;
  for (heap::ObjectId id = 1; id < m.heap.next_id(); ++id) {
    if (!m.heap.is_live(id) || m.heap.record(id).klass != heap::builtin::kCleaner) continue;
    const heap::ObjectId referent = heap::load_ref(m, id, "referent");
    if (referent == heap::kNoObject) continue;
    ++cleaners;
    CHECK(m.heap.is_live(referent));
    CHECK(m.heap.record(referent).klass == heap::builtin::kDirectByteBuffer);
  }
  CHECK(cleaners == 1);
}

TEST_CASE("the VerifyAfterGC checks report a stale referent and a live buffer whose memory was freed") {
  const LessonRunResult r = interp_test::run(kMovedTwice);
  REQUIRE(r.trace);
  Machine m = r.trace->state_at(r.trace->size() - 1);
  REQUIRE(heap::check_invariants(m).empty());
  REQUIRE(nio::check_direct_buffers(m).empty());
  heap::ObjectId cleaner = heap::kNoObject, buffer = heap::kNoObject;
  for (heap::ObjectId id = 1; id < m.heap.next_id(); ++id)
    if (m.heap.is_live(id) && m.heap.record(id).klass == heap::builtin::kCleaner &&
        heap::load_ref(m, id, "referent") != heap::kNoObject) {
      cleaner = id;
      buffer = heap::load_ref(m, id, "referent");
    }
  REQUIRE(buffer != heap::kNoObject);
  {
    Machine stale = m;  // the referent left at an address 8 bytes past the buffer's start
    const std::uint64_t slot = stale.heap.record(cleaner).addr + 12;
    stale.heap.space.write_u32(slot, heap::narrow_oop::encode(stale.heap.record(buffer).addr + 8));
    CHECK_FALSE(heap::check_invariants(stale).empty());
  }
  {
    Machine freed = m;  // the buffer's block given back behind the Cleaner's back
    const auto address = static_cast<std::uint64_t>(heap::load_prim(freed, buffer, "address"));
    freed.native.free(address);
    const auto errs = nio::check_direct_buffers(freed);
    REQUIRE(errs.size() >= 1);
    CHECK(errs.front().find("not inside an allocated block") != std::string::npos);
  }
}
