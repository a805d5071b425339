// Narration counts bytes in good English: "1 byte", never "1 bytes" (a one-byte buffer, write, copy,
// read and mapping touch every narration that counts bytes).
#include <doctest/doctest.h>

#include <regex>

#include "heapviz/heap/text_format.hpp"
#include "interp_test_util.hpp"

namespace {
const std::string kOneByteLesson =
    "FileChannel ch = FileChannel.open(Path.of(\"t.bin\"), StandardOpenOption.CREATE, "
    "StandardOpenOption.READ,\n"
    "        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);\n"
    "ByteBuffer heap = ByteBuffer.allocate(1);\n"
    "heap.put((byte) 7);\nheap.flip();\n"
    "int n = ch.write(heap);\n"
    "ch.force(true);\n"
    "ByteBuffer direct = ByteBuffer.allocateDirect(1);\n"
    "direct.put((byte) 8);\ndirect.flip();\n"
    "ch.write(direct, 1);\n"
    "ByteBuffer back = ByteBuffer.allocate(1);\n"
    "int r = ch.read(back, 0);\n"
    "MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, 1);\n"
    "map.put(0, (byte) 9);\nmap.force();\n"
    "direct = null;\n"
    "System.gc();\n"
    "System.out.println(n + \" \" + r + \" \" + back.get(0));\nch.close();";
}  // namespace

TEST_CASE("text::bytes and text::plural say 1 byte, 0 bytes, 2 bytes") {
  CHECK(heapviz::text::bytes(1) == "1 byte");
  CHECK(heapviz::text::bytes(0) == "0 bytes");
  CHECK(heapviz::text::bytes(4096) == "4096 bytes");
  CHECK(heapviz::text::plural(1, "page") == "1 page");
  CHECK(heapviz::text::plural(3, "page") == "3 pages");
  CHECK(heapviz::text::hex(0xfc000010) == "0xfc000010");
}

TEST_CASE("narration of one-byte buffers, copies, writes and mappings never says \"1 bytes\"") {
  const auto r = interp_test::run(kOneByteLesson);
  INFO(r.diagnostics << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "1 1 7\n");
  const heapviz::Trace& t = *r.trace;
  const std::regex one_bytes(R"((^|[^0-9.])1 bytes)");
  int one_byte_mentions = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string& en = t.step(i).text.en;
    INFO("step " << i << ": " << en);
    CHECK_FALSE(std::regex_search(en, one_bytes));
    if (en.find("1 byte") != std::string::npos) ++one_byte_mentions;
  }
  CHECK(one_byte_mentions >= 5);  // the lesson really narrates one-byte counts
}
