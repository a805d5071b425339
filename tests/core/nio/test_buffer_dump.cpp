// The inspector's marked dump of a ByteBuffer and the hex dump of any space.
#include <doctest/doctest.h>

#include "../lang/interp_test_util.hpp"
#include "heapviz/engine/view.hpp"
#include "heapviz/io/buffer_dump.hpp"
#include "heapviz/nio/inspect.hpp"

using heapviz::heap::SpaceId;

namespace {
heapviz::Machine end_state(const heapviz::LessonRunResult& r) { return r.trace->state_at(r.trace->size()); }
heapviz::heap::ObjectId first_of_type(const heapviz::Machine& m, const std::string& type) {
  for (const auto& b : heapviz::make_view(m).blocks)
    if (b.id != heapviz::heap::kNoObject && b.type == type) return b.id;
  return heapviz::heap::kNoObject;
}
}  // namespace

TEST_CASE("buffer dump: a heap buffer's bytes with position, limit and mark, also from its byte[]") {
  const auto r = interp_test::run(
      "ByteBuffer buf = "
      "ByteBuffer.allocate(32);\nbuf.put(\"hello\".getBytes());\nbuf.mark();\nbuf.put((byte) 33);\n"
      "buf.flip();\nbuf.get();\nSystem.out.println(buf);");
  REQUIRE(r.exit_code == 0);
  const heapviz::Machine m = end_state(r);
  const auto buf = first_of_type(m, "java.nio.HeapByteBuffer");
  REQUIRE(buf != heapviz::heap::kNoObject);
  const auto d = heapviz::nio::buffer_dump(m, buf, 0, 64);
  REQUIRE(d.has_value());
  CHECK_FALSE(d->direct);
  CHECK(d->space == SpaceId::java_heap);
  CHECK(d->position == 1);
  CHECK(d->limit == 6);
  CHECK(d->capacity == 32);
  CHECK(d->mark == -1);            // flip() discards the mark
  REQUIRE(d->bytes.size() == 32);  // clamped to the capacity
  CHECK(d->bytes[0] == 'h');
  CHECK(d->bytes[5] == 33);
  CHECK(d->bytes[6] == 0);
  // Selecting the byte[] finds the buffer that wraps it.
  const auto hb = first_of_type(m, "byte[]");
  CHECK(heapviz::nio::buffer_for(m, buf) == buf);
  const auto arr = heapviz::nio::buffer_dump(m, heapviz::nio::buffer_for(m, hb), 2, 3);
  REQUIRE(heapviz::nio::buffer_for(m, hb) == buf);  // byte[32] is allocated before "hello".getBytes()
  REQUIRE(arr.has_value());
  CHECK(arr->first == 2);
  CHECK(arr->bytes == std::vector<std::uint8_t>{'l', 'l', 'o'});
  const auto lines = heapviz::nio::hex_dump(m, SpaceId::java_heap, d->address, 5);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find(": 68 65 6c 6c 6f") != std::string::npos);
}

TEST_CASE("buffer dump: a direct buffer's bytes come from native memory at its address, marks kept") {
  const auto r = interp_test::run(
      "ByteBuffer buf = ByteBuffer.allocateDirect(16);\nbuf.put((byte) 7);\nbuf.put((byte) 9);\nbuf.mark();\n"
      "buf.put((byte) 11);\nSystem.out.println(buf);");
  REQUIRE(r.exit_code == 0);
  const heapviz::Machine m = end_state(r);
  const auto buf = first_of_type(m, "java.nio.DirectByteBuffer");
  const auto d = heapviz::nio::buffer_dump(m, buf, 0, 16);
  REQUIRE(d.has_value());
  CHECK(d->direct);
  CHECK(d->space == SpaceId::native);
  CHECK(d->position == 3);
  CHECK(d->limit == 16);
  CHECK(d->mark == 2);
  CHECK(d->bytes[0] == 7);
  CHECK(d->bytes[1] == 9);
  CHECK(d->bytes[2] == 11);
  const auto lines = heapviz::nio::hex_dump(m, SpaceId::native, d->address, 3);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find(": 07 09 0b") != std::string::npos);
  // Nothing there: a clear "..", not a crash.
  CHECK(heapviz::nio::hex_dump(m, SpaceId::kernel, 0x10, 2) == std::vector<std::string>{"0x10: .. .."});
  CHECK_FALSE(heapviz::nio::buffer_dump(m, heapviz::heap::kNoObject, 0, 4).has_value());
}

TEST_CASE("hex dump: page cache and device bytes at the addresses the view draws") {
  const auto r = interp_test::run(
      "FileChannel ch = FileChannel.open(Path.of(\"h.bin\"), StandardOpenOption.CREATE, "
      "StandardOpenOption.WRITE);\n"
      "ByteBuffer buf = ByteBuffer.wrap(\"AB\".getBytes());\nch.write(buf);\nch.force(true);\nch.close();");
  REQUIRE(r.exit_code == 0);
  const heapviz::Machine m = end_state(r);
  const auto* f = m.io->kernel.file_named("h.bin");
  REQUIRE(f != nullptr);
  const auto k = heapviz::nio::hex_dump(m, SpaceId::kernel, f->pages.at(0).kernel_address, 2);
  CHECK(k.at(0).find(": 41 42") != std::string::npos);
  const auto d = heapviz::nio::hex_dump(m, SpaceId::device, 0, 3);
  CHECK(d.at(0) == "0x0: 41 42 ..");
}

TEST_CASE("buffer dump: a direct address outside native memory (a mapping) gives no made-up bytes") {
  const auto r = interp_test::run(
      "ByteBuffer buf = ByteBuffer.allocateDirect(16);\nbuf.put((byte) 7);\nSystem.out.println(buf);");
  REQUIRE(r.exit_code == 0);
  heapviz::Machine m = end_state(r);
  const auto buf = first_of_type(m, "java.nio.DirectByteBuffer");
  REQUIRE(heapviz::nio::buffer_dump(m, buf, 0, 16)->bytes_known);
  // Point Buffer.address at the first mmap address, as a MappedByteBuffer's would be.
  std::uint32_t offset = 0;
  for (const auto& f : heapviz::inspect_fields(m, buf))
    if (f.name == "address") offset = f.offset;
  REQUIRE(offset != 0);
  m.heap.space.write_u64(m.heap.record(buf).addr + offset, 0x7f5000000000ull);
  const auto d = heapviz::nio::buffer_dump(m, buf, 0, 16);
  REQUIRE(d.has_value());
  CHECK_FALSE(d->bytes_known);
  CHECK(d->bytes.empty());
  CHECK(d->position == 1);
  CHECK(d->address == 0x7f5000000000ull);
}
