// I/O steps as facts: each sub-step once, copies with source and destination ranges at the addresses
// the view draws (heap -> native -> page cache -> device, page cache -> page cache for sendfile).
#include <doctest/doctest.h>

#include <algorithm>

#include "heapviz/engine/view.hpp"
#include "heapviz/io/buffer_dump.hpp"
#include "heapviz/io/io_ranges.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "interp_test_util.hpp"

using heapviz::ByteRange;
using heapviz::StepKind;
using heapviz::heap::SpaceId;

namespace {
const std::string kLesson =
    "FileChannel ch = FileChannel.open(Path.of(\"t.bin\"), StandardOpenOption.CREATE, "
    "StandardOpenOption.READ,\n"
    "        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);\n"
    "FileChannel out = FileChannel.open(Path.of(\"u.bin\"), StandardOpenOption.CREATE, "
    "StandardOpenOption.WRITE,\n"
    "        StandardOpenOption.TRUNCATE_EXISTING);\n"
    "ByteBuffer buf = ByteBuffer.allocate(64);\n"
    "buf.put(\"hello\".getBytes());\nbuf.flip();\n"
    "int n = ch.write(buf);\n"
    "ch.force(true);\n"
    "long sent = ch.transferTo(0, ch.size(), out);\n"
    "System.out.println(n + \" \" + sent);\nch.close();\nout.close();";

std::vector<std::size_t> steps_of(const heapviz::Trace& t, StepKind k) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.step(i).kind == k) out.push_back(i);
  return out;
}

const ByteRange* crossing(const heapviz::Step& s, SpaceId from, SpaceId to) {
  for (const ByteRange& r : s.ranges)
    if (r.space == from && r.to_space == to) return &r;
  return nullptr;
}

/// The view after step k: where the page cache and the disk of `file` are drawn.
std::uint64_t block_addr(const heapviz::Trace& t, std::size_t k, const std::string& label) {
  const heapviz::View v = heapviz::make_view(t.state_at(k + 1));
  for (const auto& b : v.blocks)
    if (b.label.rfind(label, 0) == 0) return b.addr;
  return 0;
}
}  // namespace

TEST_CASE(
    "io steps: a heap write is bounce copy -> flip -> reset -> write, each once, with both spaces in its "
    "ranges") {
  const auto r = interp_test::run(kLesson);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "5 5\n");
  const heapviz::Trace& t = *r.trace;
  for (std::size_t i = 0; i < t.size(); ++i) CHECK(t.step(i).text.en != "The channel state changes.");
  for (std::size_t i = 1; i < t.size(); ++i)
    if (t.step(i).kind == StepKind::io_position) CHECK(t.step(i).text.en != t.step(i - 1).text.en);

  const auto bounce = steps_of(t, StepKind::bounce_copy);
  REQUIRE(bounce.size() == 1);
  const heapviz::Step& b = t.step(bounce[0]);
  const ByteRange* h2n = crossing(b, SpaceId::java_heap, SpaceId::native);
  REQUIRE(h2n != nullptr);
  CHECK(h2n->length == 5);
  CHECK(b.objects.size() >= 3);  // the heap buffer, its byte[], the temporary direct buffer
  CHECK(b.text.en.find("HeapByteBuffer#") != std::string::npos);
  CHECK(b.text.zh.find("中转复制") != std::string::npos);
  // IOUtil's positions follow the copy they belong to, not steps of their own.
  CHECK(t.step(bounce[0] + 1).text.en.find("flips") != std::string::npos);
  CHECK(t.step(bounce[0] + 2).text.en.find("back to 0") != std::string::npos);

  // write: from the temporary's native memory to the page cache page the view draws for t.bin.
  const std::size_t w = bounce[0] + 3;
  REQUIRE(t.step(w).kind == StepKind::syscall);
  const ByteRange* n2k = crossing(t.step(w), SpaceId::native, SpaceId::kernel);
  REQUIRE(n2k != nullptr);
  CHECK(n2k->from == h2n->to);
  CHECK(n2k->length == 5);
  CHECK(n2k->to == block_addr(t, w, "t.bin page 0"));
  CHECK(t.step(w).text.en.find("t.bin") != std::string::npos);
  CHECK(steps_of(t, StepKind::io_position).size() == 2);  // flip and reset; the advances are in the copies

  // Each step holds its own changes, no more: the fields and the page cache change at their step.
  const auto buf = heapviz::nio::buffer_for(t.state_at(bounce[0]), b.objects.front());
  REQUIRE(buf != heapviz::heap::kNoObject);
  auto pos_after = [&](std::size_t k, heapviz::heap::ObjectId id) {
    return heapviz::nio::buffer_state(t.state_at(k + 1), id).position;
  };
  std::vector<heapviz::heap::ObjectId> buffers;
  for (const auto id : b.objects)
    if (heapviz::nio::buffer_for(t.state_at(bounce[0] + 1), id) == id) buffers.push_back(id);
  REQUIRE(buffers.size() == 2);  // the heap buffer and the temporary
  for (const auto id : buffers) {
    CHECK(pos_after(bounce[0], id) == 5);  // the copy advanced both
    CHECK(pos_after(bounce[0] - 1, id) == 0);
  }
  const auto& temp =
      heapviz::nio::buffer_state(t.state_at(bounce[0] + 1), buffers[0]).is_direct() ? buffers[0] : buffers[1];
  const auto& heapb = temp == buffers[0] ? buffers[1] : buffers[0];
  CHECK(heapviz::nio::buffer_state(t.state_at(bounce[0] + 2), temp).limit == 5);  // flip at its own step
  CHECK(pos_after(bounce[0] + 1, heapb) == 5);  // the reset is not done before its step
  CHECK(pos_after(bounce[0] + 2, heapb) == 0);
  CHECK(t.state_at(w).io->kernel.file_named("t.bin")->size == 0);  // the page cache changes at the write
  CHECK(t.state_at(w + 1).io->kernel.file_named("t.bin")->size == 5);
  CHECK(pos_after(w, heapb) == 5);

  // fsync: page cache -> the file's place on the device lane.
  const auto wb = steps_of(t, StepKind::writeback);
  REQUIRE(wb.size() == 1);
  const ByteRange* k2d = crossing(t.step(wb[0]), SpaceId::kernel, SpaceId::device);
  REQUIRE(k2d != nullptr);
  CHECK(k2d->from == n2k->to);
  CHECK(k2d->to == block_addr(t, wb[0], "t.bin on disk"));
  {  // the Chinese UI's labels of the page and the file on disk
    const heapviz::View v = heapviz::make_view(t.state_at(wb[0] + 1));
    bool page = false, disk = false;
    for (const heapviz::BlockView& b : v.blocks) {
      page |= b.space == SpaceId::kernel && b.label_zh == "t.bin 第 0 页";
      disk |= b.space == SpaceId::device && b.label_zh == "t.bin（磁盘上）";
    }
    CHECK(page);
    CHECK(disk);
  }
  CHECK(k2d->length == 5);

  // sendfile: page cache -> page cache, no user memory.
  const auto sf = steps_of(t, StepKind::sendfile);
  REQUIRE(sf.size() == 1);
  const ByteRange* k2k = crossing(t.step(sf[0]), SpaceId::kernel, SpaceId::kernel);
  REQUIRE(k2k != nullptr);
  CHECK(k2k->from == n2k->to);
  CHECK(k2k->to == block_addr(t, sf[0], "u.bin page 0"));
  CHECK(crossing(t.step(sf[0]), SpaceId::native, SpaceId::kernel) == nullptr);
}

TEST_CASE("io steps: a direct buffer write starts at native memory, with no heap hop") {
  const auto r = interp_test::run(
      "FileChannel ch = FileChannel.open(Path.of(\"d.bin\"), StandardOpenOption.CREATE, "
      "StandardOpenOption.WRITE);\n"
      "ByteBuffer buf = "
      "ByteBuffer.allocateDirect(16);\nbuf.putInt(7);\nbuf.flip();\nch.write(buf);\nch.close();");
  REQUIRE(r.exit_code == 0);
  const heapviz::Trace& t = *r.trace;
  CHECK(steps_of(t, StepKind::bounce_copy).empty());
  std::size_t copies = 0;
  for (const auto& s : t.steps())
    for (const ByteRange& br : s.ranges)
      if (br.crosses_spaces()) {
        ++copies;
        CHECK(br.space == SpaceId::native);
        CHECK(br.to_space == SpaceId::kernel);
        CHECK(br.length == 4);
      }
  CHECK(copies == 1);
}

TEST_CASE(
    "io ranges: a write across pages splits where page frames are not adjacent, and device addresses follow "
    "the view") {
  heapviz::io::KernelSpace k;
  heapviz::io::OpenFlags f;
  f.write = f.read = f.create = true;
  const auto a = k.open("a.bin", f), b = k.open("b.bin", f);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const std::vector<std::byte> page(4096, std::byte{1});
  REQUIRE(k.write(static_cast<int>(a.result), 0x7f0000000000, page).ok());  // a.bin page 0
  REQUIRE(k.write(static_cast<int>(b.result), 0x7f0000100000, page)
              .ok());  // b.bin page 0: a.bin's next frame is taken
  const std::vector<std::byte> two(8192, std::byte{2});
  const auto w = k.pwrite(static_cast<int>(a.result), 0x7f0000200000, two, 2048);  // a.bin pages 0, 1, 2
  REQUIRE(w.ok());
  const auto ranges = heapviz::io::syscall_ranges(k, w);
  std::uint64_t total = 0;
  for (const ByteRange& br : ranges) {
    CHECK(br.space == SpaceId::native);
    CHECK(br.to_space == SpaceId::kernel);
    total += br.length;
  }
  CHECK(total == 8192);
  CHECK(ranges.size() >= 2);  // page 0 of a.bin is not next to its page 1
  CHECK(ranges.front().from == 0x7f0000200000);
  CHECK(ranges.front().to == k.file_named("a.bin")->pages.at(0).kernel_address + 2048);
  CHECK(ranges.front().length == 2048);

  const auto fs = k.fsync(static_cast<int>(b.result));
  const auto wb = heapviz::io::syscall_ranges(k, fs);
  REQUIRE(wb.size() == 1);
  CHECK(wb[0].space == SpaceId::kernel);
  CHECK(wb[0].to_space == SpaceId::device);
  CHECK(wb[0].to == heapviz::io::device_base(k, k.file_named("b.bin")->id));
  CHECK(heapviz::io::device_base(k, k.file_named("a.bin")->id) == 0);
  CHECK(wb[0].to == 1);  // a.bin has nothing on disk yet: it takes one byte of the lane, as in io_view
}
