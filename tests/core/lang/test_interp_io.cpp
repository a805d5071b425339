// FileChannel through the interpreter: the I/O model runs on the machine's own ByteBuffer objects.
#include <doctest/doctest.h>

#include "heapviz/nio/machine_buffers.hpp"
#include "interp_test_util.hpp"

using heapviz::StepKind;

namespace {
std::size_t count_kind(const heapviz::Trace& t, StepKind k) {
  std::size_t n = 0;
  for (const auto& s : t.steps()) n += s.kind == k ? 1 : 0;
  return n;
}
const std::string kOpen =
    "FileChannel ch = FileChannel.open(Path.of(\"t.bin\"), StandardOpenOption.CREATE, "
    "StandardOpenOption.READ,\n"
    "        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);\n";
}  // namespace

TEST_CASE("interp io: a heap buffer write bounces through a cached temporary direct buffer") {
  const auto r = interp_test::run(kOpen +
                                  "ByteBuffer buf = ByteBuffer.allocate(64);\n"
                                  "buf.put(\"hello\".getBytes());\nbuf.flip();\n"
                                  "int n = ch.write(buf);\n"
                                  "System.out.println(n + \" \" + buf);\nHeapviz.pools();\nch.close();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "5 java.nio.HeapByteBuffer[pos=5 lim=5 cap=64]\n"
        "direct: count=1 used=5 capacity=5\nmapped: count=0 used=0 capacity=0\n");
  CHECK(count_kind(*r.trace, StepKind::bounce_copy) >= 1);
  const heapviz::Machine end = r.trace->state_at(r.trace->size());
  CHECK(heapviz::nio::direct_pool(end).count == 1);  // the temporary stays cached in main's BufferCache
}

TEST_CASE("interp io: a direct buffer write needs no bounce copy and no temporary") {
  const auto r = interp_test::run(kOpen +
                                  "ByteBuffer buf = ByteBuffer.allocateDirect(64);\n"
                                  "buf.put(\"hello\".getBytes());\nbuf.flip();\n"
                                  "int n = ch.write(buf);\n"
                                  "System.out.println(n + \" \" + buf);\nHeapviz.pools();\nch.close();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "5 java.nio.DirectByteBuffer[pos=5 lim=5 cap=64]\n"
        "direct: count=1 used=64 capacity=64\nmapped: count=0 used=0 capacity=0\n");
  CHECK(count_kind(*r.trace, StepKind::bounce_copy) == 0);
}

TEST_CASE("interp io: read(dst, position) brings the written bytes back into a heap buffer") {
  const auto r = interp_test::run(kOpen +
                                  "ByteBuffer buf = ByteBuffer.allocate(8);\n"
                                  "buf.put((byte) 7); buf.put((byte) 9);\nbuf.flip();\n"
                                  "ch.write(buf);\n"
                                  "ByteBuffer back = ByteBuffer.allocate(8);\n"
                                  "int n = ch.read(back, 0);\n"
                                  "System.out.println(n + \" \" + back.get(0) + \" \" + back.get(1) + \" \" "
                                  "+ ch.size() + \" \" + ch.position());\n"
                                  "ch.close();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "2 7 9 2 2\n");
}

TEST_CASE("interp io: a thread's cached temporary buffer is freed when the thread ends") {
  const auto r = interp_test::run(kOpen +
                                  "Thread t = new Thread(() -> {\n"
                                  "  try { ch.write(ByteBuffer.allocate(16)); Heapviz.pools(); }\n"
                                  "  catch (IOException e) { throw new UncheckedIOException(e); }\n"
                                  "});\nt.start();\nt.join();\nHeapviz.pools();\nch.close();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "direct: count=1 used=16 capacity=16\nmapped: count=0 used=0 capacity=0\n"
        "direct: count=0 used=0 capacity=0\nmapped: count=0 used=0 capacity=0\n");
}

TEST_CASE("interp io: writing to a closed channel throws ClosedChannelException") {
  const auto r = interp_test::run(
      kOpen +
      "ch.close();\n"
      "try { ch.write(ByteBuffer.allocate(4)); } catch (IOException e) { System.out.println(e); }");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "java.nio.channels.ClosedChannelException\n");
}

TEST_CASE(
    "interp io: transferTo copies inside the kernel (no bounce, no temporary), a write-only channel cannot "
    "read") {
  const auto r = interp_test::run(
      kOpen +
      "ByteBuffer text = ByteBuffer.allocateDirect(16);\n"
      "text.put(\"abc\".getBytes());\ntext.flip();\nch.write(text);\n"
      "FileChannel dst = FileChannel.open(Path.of(\"u.bin\"), StandardOpenOption.CREATE,\n"
      "        StandardOpenOption.WRITE);\n"
      "long sent = ch.transferTo(0, ch.size(), dst);\n"
      "dst.force(true);\n"
      "System.out.println(sent + \" \" + dst.size() + \" \" + dst.position());\n"
      "try { dst.read(ByteBuffer.allocate(4)); } catch (RuntimeException e) { System.out.println(e); }\n"
      "Heapviz.pools();\nch.close();\ndst.close();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "3 3 3\njava.nio.channels.NonReadableChannelException\n"
        "direct: count=1 used=16 capacity=16\nmapped: count=0 used=0 capacity=0\n");
  CHECK(count_kind(*r.trace, StepKind::bounce_copy) == 0);
  CHECK(count_kind(*r.trace, StepKind::sendfile) >= 1);
}
