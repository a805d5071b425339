// Lesson 06's modes through run_lesson on the real machine: os-reads-heap corrupts exactly the bytes that
// lie at the old address after the machine's own compacting GC; the JDK's bounce copy and pin-heap-array
// never corrupt; under pin-heap-array the GC waits for the critical region and a GCLocker Initiated GC
// follows.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "heapviz/engine/view.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "heapviz/lang/lesson_run.hpp"

using heapviz::StepKind;

namespace {

// 256 bytes written in 4 chunks of 64; 64 bytes of garbage below the buffer, a second buffer above it.
const std::string kLesson =
    "//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MarkSweepDeadRatio=0\n"
    "//@ hypothetical: os-reads-heap\n"
    "//@ hypothetical: pin-heap-array\n"
    "byte[] garbage = new byte[48];\n"
    "ByteBuffer buf = ByteBuffer.allocate(256);\n"
    "ByteBuffer check = ByteBuffer.allocate(256);\n"
    "for (int i = 0; i < 256; i++) { buf.put((byte) (i + 1)); }\n"
    "buf.flip();\n"
    "garbage = null;\n"
    "FileChannel ch = FileChannel.open(Path.of(\"t.bin\"), StandardOpenOption.CREATE, "
    "StandardOpenOption.READ,\n"
    "        StandardOpenOption.WRITE);\n"
    "System.out.println(\"before\");\n"
    "int n = ch.write(buf);\n"
    "ch.read(check, 0);\n"
    "int wrong = 0;\n"
    "for (int i = 0; i < 256; i++) { if (check.get(i) != (byte) (i + 1)) { wrong++; } }\n"
    "System.out.println(n + \" \" + wrong + \" \" + buf.position());\n"
    "ch.close();\n";

heapviz::LessonRunResult run(const std::string& mode) {
  heapviz::LessonRunOptions o;
  if (!mode.empty()) o.hypotheticals = {mode};
  return heapviz::run_lesson(kLesson, "t.java", o);
}

std::vector<std::uint8_t> file_bytes(const heapviz::Machine& m, const std::string& name) {
  const auto& k = m.io->kernel;
  const auto* f = k.file_named(name);
  REQUIRE(f != nullptr);
  std::vector<std::uint8_t> out;
  for (std::byte b : k.file_contents(f->id)) out.push_back(static_cast<std::uint8_t>(b));
  return out;
}

std::vector<std::uint8_t> pattern() {
  std::vector<std::uint8_t> p(256);
  for (int i = 0; i < 256; ++i) p[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i + 1);
  return p;
}

std::size_t first_of(const heapviz::Trace& t, StepKind k, std::size_t from = 0) {
  for (std::size_t i = from; i < t.size(); ++i)
    if (t.step(i).kind == k) return i;
  return t.size();
}

}  // namespace

TEST_CASE(
    "heap-address modes: os-reads-heap writes exactly the bytes found at the old address after the GC") {
  const auto r = run("os-reads-heap");
  REQUIRE(r.ok);
  REQUIRE(r.trace);
  const heapviz::Trace& t = *r.trace;
  const heapviz::Machine end = t.state_at(t.size());
  REQUIRE(end.io->heap_write.has_value());
  const heapviz::io::HeapAddressWrite& w = *end.io->heap_write;
  CHECK(w.mode == heapviz::io::HeapWriteMode::os_reads_heap);
  CHECK(w.finished);
  CHECK(w.gc_ran);
  REQUIRE(w.chunks.size() == 4);
  CHECK(w.length == 256);
  CHECK(w.array_now == w.address_given - 64);  // the 64-byte garbage array was squeezed out below it

  // Independently: the heap right after the GC, read at the old address, is what chunks 3 and 4 must deliver.
  const std::size_t gc_end = first_of(t, StepKind::gc_end);
  REQUIRE(gc_end < t.size());
  const heapviz::Machine after_gc = t.state_at(gc_end + 1);
  std::vector<std::uint8_t> want = pattern();
  after_gc.heap.space.read(w.address_given + 128, want.data() + 128, 128);
  const std::vector<std::uint8_t> file = file_bytes(end, "t.bin");
  CHECK(file == want);

  // Expected wrong bytes: where the old-address contents differ from what the program wrote.
  const std::vector<std::uint8_t> intended = pattern();
  std::int64_t wrong = 0;
  for (std::size_t i = 0; i < 256; ++i) wrong += want[i] != intended[i] ? 1 : 0;
  CHECK(wrong >
        100);  // the array slid 64 bytes down: chunk 3 holds its own later bytes, chunk 4 the next objects
  CHECK(w.wrong_bytes == wrong);
  CHECK(r.out == "before\n256 " + std::to_string(wrong) + " 256\n");
  for (const heapviz::io::WrongBytes& run : w.wrong) {
    CHECK(run.offset >= 128);  // chunks 1 and 2 were copied before the GC
    CHECK(run.read_from == w.address_given + static_cast<std::uint64_t>(run.offset));
    CHECK(run.array_now == w.array_now + static_cast<std::uint64_t>(run.offset));
    for (std::int64_t i = 0; i < run.length; ++i) {
      const auto at = static_cast<std::size_t>(run.offset + i);
      CHECK(run.expected[static_cast<std::size_t>(i)] == intended[at]);
      CHECK(run.received[static_cast<std::size_t>(i)] == want[at]);
    }
  }
  // The view exposes the same facts for drawing.
  const heapviz::View v = heapviz::make_view(end);
  REQUIRE(v.heap_address_write.has_value());
  CHECK(v.heap_address_write->wrong == w.wrong);
  // Chunks 3 and 4 report their wrong bytes; 1 and 2 none.
  CHECK(w.chunks[0].wrong + w.chunks[1].wrong == 0);
  CHECK(w.chunks[2].wrong + w.chunks[3].wrong == wrong);
  CHECK(w.chunks[2].after_gc);
  CHECK_FALSE(w.chunks[1].after_gc);
}

TEST_CASE(
    "heap-address modes: every step of the hypothetical says so, in English and Chinese, with marker kinds") {
  const auto r = run("os-reads-heap");
  REQUIRE(r.trace);
  const heapviz::Trace& t = *r.trace;
  std::size_t first = t.size(), last = 0;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.step(i).text.en.find("HYPOTHETICAL") != std::string::npos) {
      first = std::min(first, i);
      last = i;
    }
  REQUIRE(first < t.size());
  std::size_t syscalls = 0, gcs = 0;
  for (std::size_t i = first; i <= last; ++i) {
    const heapviz::Step& s = t.step(i);
    CHECK(s.text.en.rfind("HYPOTHETICAL, not what the JDK does", 0) == 0);
    CHECK(s.text.zh.rfind("【假想情形，JDK 并不这样做】", 0) == 0);
    syscalls += s.kind == StepKind::syscall ? 1 : 0;
    gcs += s.kind == StepKind::gc_start ? 1 : 0;
  }
  CHECK(syscalls == 6);  // handed the address, 4 chunks, write returns
  CHECK(gcs == 1);
  CHECK(first_of(t, StepKind::alloc_failed, first) < first_of(t, StepKind::gc_start, first));
  CHECK(first_of(t, StepKind::bounce_copy, first) > last);  // no bounce copy in the write itself
  // The steps after the hypothetical carry no label any more.
  CHECK(t.step(last + 1).text.en.find("HYPOTHETICAL") == std::string::npos);
}

TEST_CASE("heap-address modes: the JDK's bounce copy and pinning never corrupt the file") {
  for (const std::string mode : {"", "pin-heap-array"}) {
    CAPTURE(mode);
    const auto r = run(mode);
    REQUIRE(r.ok);
    CHECK(r.out == "before\n256 0 256\n");
    const heapviz::Machine end = r.trace->state_at(r.trace->size());
    CHECK(file_bytes(end, "t.bin") == pattern());
    if (mode.empty()) {
      CHECK_FALSE(end.io->heap_write.has_value());
      CHECK_FALSE(r.out_before_hypothetical.has_value());
    } else {
      REQUIRE(end.io->heap_write.has_value());
      CHECK(end.io->heap_write->wrong_bytes == 0);
      CHECK(end.io->heap_write->wrong.empty());
      CHECK(r.out_before_hypothetical == std::optional<std::size_t>(7));  // "before\n"
    }
  }
}

TEST_CASE(
    "heap-address modes: pinned, the GC waits and a GCLocker Initiated GC follows the critical region") {
  const auto r = run("pin-heap-array");
  REQUIRE(r.trace);
  const heapviz::Trace& t = *r.trace;
  const std::size_t enter = first_of(t, StepKind::jni_critical);
  REQUIRE(enter < t.size());
  const std::size_t stall = first_of(t, StepKind::gc_locker_stall, enter);
  const std::size_t exit = first_of(t, StepKind::jni_critical, enter + 1);
  const std::size_t gc = first_of(t, StepKind::gc_start, enter);
  REQUIRE(exit < t.size());
  CHECK(enter < stall);
  CHECK(stall < exit);
  CHECK(exit < gc);  // no GC inside the region: it waits
  CHECK(first_of(t, StepKind::gc_start) == gc);
  CHECK(t.step(gc).text.en.find("Pause Full (GCLocker Initiated GC)") != std::string::npos);
  std::size_t chunks_while_waiting = 0;
  for (std::size_t i = stall; i < exit; ++i)
    chunks_while_waiting += t.step(i).kind == StepKind::syscall ? 1 : 0;
  CHECK(chunks_while_waiting == 3);  // chunks 3 and 4, and write returning

  // While the GC waits: one thread locked, _needs_gc set, an allocation stalled, the array where it was.
  const heapviz::Machine waiting = t.state_at(stall + 1);
  CHECK(waiting.io->gc_locker.jni_lock_count() == 1);
  CHECK(waiting.io->gc_locker.needs_gc());
  CHECK(waiting.io->gc_locker.stalled().size() == 1);
  const heapviz::io::HeapAddressWrite& w = *waiting.io->heap_write;
  CHECK(w.in_critical);
  CHECK(w.gc_waiting);
  CHECK(w.array_now == w.address_given);
  const heapviz::View v = heapviz::make_view(waiting);
  const auto needs = std::find_if(v.counters.begin(), v.counters.end(),
                                  [](const auto& c) { return c.key == "gc_locker_needs_gc"; });
  REQUIRE(needs != v.counters.end());
  CHECK(needs->value == 1);

  // After: the region is left, the deferred GC ran with its HotSpot cause, and only then the array moved.
  const heapviz::Machine end = t.state_at(t.size());
  CHECK(end.io->gc_locker.jni_lock_count() == 0);
  CHECK_FALSE(end.io->gc_locker.needs_gc());
  CHECK(end.io->gc_locker.gcs() == std::vector<std::string>{"GCLocker Initiated GC"});
  CHECK(end.io->heap_write->array_now == w.address_given - 64);
  for (std::size_t i = enter; i <= exit; ++i) {
    CHECK(t.step(i).text.en.rfind(
              "JNI critical region (what GetPrimitiveArrayCritical code does; FileChannel.write does not)",
              0) == 0);
    CHECK(t.step(i).text.zh.rfind("【JNI 临界区", 0) == 0);
  }
}

TEST_CASE("heap-address modes: a run may only switch on modes heapviz knows and the lesson declares") {
  heapviz::LessonRunOptions o;
  o.hypotheticals = {"no-such-mode"};
  auto r = heapviz::run_lesson(kLesson, "t.java", o);
  CHECK(r.exit_code == 2);
  CHECK(r.diagnostics.find("unknown hypothetical mode 'no-such-mode' (heapviz knows: os-reads-heap, "
                           "pin-heap-array, non-moving-sweep)") != std::string::npos);
  o.hypotheticals = {"os-reads-heap"};
  r = heapviz::run_lesson("System.out.println(1);\n", "t.java", o);
  CHECK(r.exit_code == 2);
  CHECK(r.diagnostics.find(
            "this lesson does not offer the hypothetical mode 'os-reads-heap' (it declares none") !=
        std::string::npos);
  o.hypotheticals = {"os-reads-heap", "pin-heap-array"};
  r = heapviz::run_lesson(kLesson, "t.java", o);
  CHECK(r.exit_code == 2);
  CHECK(r.diagnostics.find("switch on one of them") != std::string::npos);
}

TEST_CASE("heap-address modes: bundled lesson 06 tells all three stories") {
  std::ifstream in(std::string(HEAPVIZ_TEST_ASSETS_DIR) + "/scenarios/06-why-not-read-the-heap.java",
                   std::ios::binary);
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  heapviz::LessonRunOptions o;
  o.record_trace = false;
  const std::string first = "writing 4096 bytes of a heap buffer to race.bin\n";
  auto r = heapviz::run_lesson(s.str(), "06-why-not-read-the-heap.java", o);
  CHECK(r.out == first + "wrote 4096 bytes, 0 of them wrong\n");
  o.hypotheticals = {"pin-heap-array"};
  r = heapviz::run_lesson(s.str(), "06-why-not-read-the-heap.java", o);
  CHECK(r.out == first + "wrote 4096 bytes, 0 of them wrong\n");
  CHECK(r.out_before_hypothetical == std::optional<std::size_t>(first.size()));
  o.hypotheticals = {"os-reads-heap"};
  r = heapviz::run_lesson(s.str(), "06-why-not-read-the-heap.java", o);
  CHECK(r.out_before_hypothetical == std::optional<std::size_t>(first.size()));
  CHECK(r.out.rfind(first + "wrote 4096 bytes, ", 0) == 0);
  CHECK(r.out.find(" 0 of them wrong") == std::string::npos);
}

TEST_CASE(
    "heap-address modes: each chunk step carries its copy, Java heap (the address read) -> the page cache") {
  const auto r = run("os-reads-heap");
  REQUIRE(r.ok);
  const heapviz::Trace& t = *r.trace;
  const heapviz::Machine end = t.state_at(t.size());
  REQUIRE(end.io->heap_write.has_value());
  const heapviz::io::HeapAddressWrite& w = *end.io->heap_write;
  const std::vector<std::uint8_t> intended = pattern();
  // The chunk steps: syscall steps whose ranges go from the Java heap to the kernel.
  std::vector<std::size_t> chunk_steps;
  for (std::size_t i = 0; i < t.size(); ++i)
    for (const heapviz::ByteRange& b : t.step(i).ranges)
      if (b.space == heapviz::heap::SpaceId::java_heap && b.to_space == heapviz::heap::SpaceId::kernel) {
        chunk_steps.push_back(i);
        break;
      }
  REQUIRE(chunk_steps.size() == 4);
  for (std::size_t c = 0; c < 4; ++c) {
    const heapviz::Step& s = t.step(chunk_steps[c]);
    CHECK(s.kind == StepKind::syscall);
    REQUIRE(s.ranges.size() == 1);  // 64 bytes inside one page
    const heapviz::ByteRange& b = s.ranges[0];
    CHECK(b.from == w.chunks[c].read_from);
    CHECK(b.from ==
          w.address_given + 64 * c);  // always the address the kernel was given, never where the array went
    CHECK(b.length == 64);
    CHECK(std::find(s.objects.begin(), s.objects.end(), w.array) != s.objects.end());
    // The destination is the page-cache page of file offset file_offset + 64c, as the view draws it.
    const heapviz::Machine after = t.state_at(chunk_steps[c] + 1);
    const auto* f = after.io->kernel.file_named("t.bin");
    REQUIRE(f != nullptr);
    const std::int64_t off = w.file_offset + 64 * static_cast<std::int64_t>(c);
    const auto page = f->pages.find(off / heapviz::io::kPageSize);
    REQUIRE(page != f->pages.end());
    CHECK(b.to == page->second.kernel_address + static_cast<std::uint64_t>(off % heapviz::io::kPageSize));
    // What the page received is what lay at the source address at that step.
    std::vector<std::uint8_t> src(64), got(64);
    after.heap.space.read(b.from, src.data(), 64);
    const std::vector<std::byte> contents = after.io->kernel.file_contents(f->id);
    REQUIRE(contents.size() >= static_cast<std::size_t>(off) + 64);
    for (std::size_t k = 0; k < 64; ++k)
      got[k] = static_cast<std::uint8_t>(contents[static_cast<std::size_t>(off) + k]);
    CHECK(got == src);
    const std::vector<std::uint8_t> want(intended.begin() + 64 * static_cast<std::ptrdiff_t>(c),
                                         intended.begin() + 64 * static_cast<std::ptrdiff_t>(c + 1));
    if (c < 2)
      CHECK(src == want);  // before the GC the old address is the array
    else
      CHECK(src != want);  // chunk 3 on: the old address holds other bytes after the GC
    const heapviz::io::HeapWriteChunk* read = heapviz::io::chunk_read_at(*after.io->heap_write, b.from);
    REQUIRE(read != nullptr);
    CHECK(read->stale == (c >= 2));
  }
  // Chunk 3's source lies above where the array is now: the kernel reads where the array no longer starts.
  CHECK(t.step(chunk_steps[2]).ranges[0].from != w.array_now + 128);

  // The view follows the array as soon as the GC has moved it (before chunk 3 finds it gone), and not before.
  const std::size_t gc_end = first_of(t, StepKind::gc_end);
  REQUIRE(gc_end < chunk_steps[2]);
  const heapviz::View after_gc = heapviz::make_view(t.state_at(gc_end + 1));
  REQUIRE(after_gc.heap_address_write.has_value());
  CHECK(after_gc.heap_address_write->array_now == w.array_now);
  CHECK(w.array_now != w.address_given);
  const heapviz::View before_gc = heapviz::make_view(t.state_at(chunk_steps[1] + 1));
  REQUIRE(before_gc.heap_address_write.has_value());
  CHECK(before_gc.heap_address_write->array_now == w.address_given);

  // The wrong runs, where the page cache holds them (for the map's marks and the inspector's highlight).
  const auto* f = end.io->kernel.file_named("t.bin");
  REQUIRE(f != nullptr);
  REQUIRE_FALSE(w.wrong_cached.empty());
  std::int64_t total = 0;
  for (const heapviz::io::CachedBytes& c : w.wrong_cached) {
    const std::int64_t off = w.file_offset + c.offset;
    const auto page = f->pages.find(off / heapviz::io::kPageSize);
    REQUIRE(page != f->pages.end());
    CHECK(c.kernel_address ==
          page->second.kernel_address + static_cast<std::uint64_t>(off % heapviz::io::kPageSize));
    total += c.length;
  }
  CHECK(total == w.wrong_bytes);
  const std::uint64_t page0 = f->pages.begin()->second.kernel_address;
  std::uint64_t highlighted = 0;
  for (const auto& [a, n] : heapviz::io::wrong_kernel_bytes(w, page0, heapviz::io::kPageSize)) {
    CHECK(a >= page0);
    highlighted += n;
  }
  CHECK(highlighted == static_cast<std::uint64_t>(w.wrong_bytes));
  CHECK(heapviz::io::wrong_kernel_bytes(w, page0, 128).empty());  // chunks 1 and 2 arrived right
}
