// FileChannel.map and the newer FileChannel calls through the interpreter, on the machine: the JDK's
// heap objects, page-cache bytes, the mapped pool, the unmap by the Reference Handler, and errors.
#include <doctest/doctest.h>

#include <algorithm>

#include "heapviz/engine/machine.hpp"
#include "heapviz/engine/view.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "heapviz/io/buffer_dump.hpp"
#include "heapviz/io/mapped_buffers.hpp"
#include "heapviz/nio/inspect.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "interp_test_util.hpp"

using heapviz::Machine;
using heapviz::StepKind;
using heapviz::heap::ObjectId;

namespace {

const std::string kOpen =
    "FileChannel ch = FileChannel.open(Path.of(\"m.bin\"), StandardOpenOption.CREATE, "
    "StandardOpenOption.READ,\n"
    "        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);\n";

std::size_t count_kind(const heapviz::Trace& t, StepKind k) {
  return static_cast<std::size_t>(
      std::count_if(t.steps().begin(), t.steps().end(), [&](const auto& s) { return s.kind == k; }));
}

// The live objects of class `name`.
std::vector<ObjectId> objects_of(const Machine& m, std::string_view name) {
  std::vector<ObjectId> out;
  for (ObjectId id = 1; id < m.heap.objects.size(); ++id)
    if (m.heap.is_live(id) && m.klasses->at(m.heap.record(id).klass).name == name) out.push_back(id);
  return out;
}

std::uint64_t field_u64(const Machine& m, ObjectId id, std::string_view field) {
  const auto& k = m.klasses->at(m.heap.record(id).klass);
  return m.heap.space.read_u64(m.heap.record(id).addr + k.field(field)->offset);
}
std::uint32_t field_u32(const Machine& m, ObjectId id, std::string_view field) {
  const auto& k = m.klasses->at(m.heap.record(id).klass);
  return m.heap.space.read_u32(m.heap.record(id).addr + k.field(field)->offset);
}
ObjectId field_ref(const Machine& m, ObjectId id, std::string_view field) {
  return heapviz::heap::object_of_ref(m, field_u32(m, id, field));
}

// The first step index after which `pred(machine)` holds (0 if never).
template <class P>
std::size_t first_state(const heapviz::Trace& t, P pred) {
  for (std::size_t k = 1; k <= t.size(); ++k)
    if (pred(t.state_at(k))) return k;
  return 0;
}

}  // namespace

TEST_CASE(
    "interp map: map builds FileDescriptor, DefaultUnmapper, DirectByteBuffer and Cleaner, counted only in "
    "the mapped pool") {
  const auto r = interp_test::run(kOpen +
                                  "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 5000, 10);\n"
                                  "System.out.println(m + \" \" + ch.size());\nHeapviz.pools();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "java.nio.DirectByteBuffer[pos=0 lim=10 cap=10] 5010\n"
        "direct: count=0 used=0 capacity=0\nmapped: count=1 used=914 capacity=10\n");
  const Machine end = r.trace->state_at(r.trace->size());
  const auto fds = objects_of(end, "java.io.FileDescriptor");
  const auto unmappers = objects_of(end, "sun.nio.ch.FileChannelImpl$DefaultUnmapper");
  const auto buffers = objects_of(end, "java.nio.DirectByteBuffer");
  const auto cleaners = objects_of(end, "jdk.internal.ref.Cleaner");
  REQUIRE(fds.size() == 1);
  REQUIRE(unmappers.size() == 1);
  REQUIRE(buffers.size() == 1);
  REQUIRE(cleaners.size() == 1);
  // Sizes as JDK 17.0.15 lays the classes out (Unsafe.objectFieldOffset): 40, 48, 64, 40.
  CHECK(end.heap.record(fds[0]).size == 40);
  CHECK(end.heap.record(unmappers[0]).size == 48);
  CHECK(end.heap.record(buffers[0]).size == 64);
  const ObjectId u = unmappers[0], b = buffers[0], fd = fds[0];
  const auto& uk = end.klasses->at(end.heap.record(u).klass);
  CHECK(uk.field("pagePosition")->offset == 12);
  CHECK(uk.field("address")->offset == 16);
  CHECK(uk.field("size")->offset == 24);
  CHECK(uk.field("cap")->offset == 32);
  CHECK(uk.field("fd")->offset == 40);
  const auto& fk = end.klasses->at(end.heap.record(fd).klass);
  CHECK(fk.field("fd")->offset == 12);
  CHECK(fk.field("handle")->offset == 16);
  CHECK(fk.field("closed")->offset == 24);
  CHECK(fk.field("cleanup")->offset == 36);
  CHECK(static_cast<std::int32_t>(field_u32(end, fd, "fd")) ==
        -1);  // duplicateForMapping: an invalid descriptor
  // 5000 % 4096 = 904: the mapping starts at the page, the buffer 904 bytes into it.
  CHECK(field_u32(end, u, "pagePosition") == 904);
  CHECK(field_u64(end, u, "size") == 914);
  CHECK(field_u64(end, u, "cap") == 10);
  CHECK(field_u64(end, b, "address") == field_u64(end, u, "address") + 904);
  CHECK(field_ref(end, b, "fd") == fd);
  CHECK(field_ref(end, u, "fd") == fd);
  CHECK(field_ref(end, b, "att") == heapviz::heap::kNoObject);
  CHECK(field_ref(end, b, "cleaner") == cleaners[0]);
  CHECK(field_ref(end, cleaners[0], "thunk") == u);
  CHECK(heapviz::nio::is_mapped_buffer(end, b));
  CHECK(end.io->kernel.mappings().size() == 1);
  CHECK(heapviz::nio::direct_pool(end).count == 0);
  CHECK(count_kind(*r.trace, StepKind::mmap) == 1);
}

TEST_CASE("interp map: put goes into the page-cache page (dirty), get reads it, and the file shows it") {
  const auto r =
      interp_test::run(kOpen +
                       "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8);\n"
                       "m.put(3, (byte) 65);\n"
                       "ByteBuffer back = ByteBuffer.allocate(8);\nch.read(back, 0);\n"
                       "System.out.println(m.get(3) + \" \" + back.get(3) + \" \" + m.isDirect());");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "65 65 true\n");
  const Machine end = r.trace->state_at(r.trace->size());
  const auto* f = end.io->kernel.file_named("m.bin");
  REQUIRE(f != nullptr);
  REQUIRE(f->pages.count(0) == 1);
  CHECK(f->pages.at(0).dirty);
  CHECK(end.io->kernel.file_contents(f->id)[3] == std::byte{65});
  CHECK(heapviz::nio::buffer_window(end, objects_of(end, "java.nio.DirectByteBuffer")[0])[3] ==
        std::byte{65});
  // Replay: the state right after the put step already has the byte (the store is an io_state effect).
  const std::size_t k = first_state(*r.trace, [](const Machine& m) {
    const auto* file = m.io->kernel.file_named("m.bin");
    return file && file->size == 8 && m.io->kernel.file_contents(file->id)[3] == std::byte{65};
  });
  REQUIRE(k > 0);
  CHECK(r.trace->step(k - 1).kind == StepKind::buffer_op);
}

TEST_CASE(
    "interp map: after the buffer is unreachable, GC + Reference Handler run the Unmapper: munmap, pool back "
    "to 0") {
  const auto r = interp_test::run(
      kOpen +
      "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 100, 30);\n"
      "Heapviz.pools();\nch.close();\nHeapviz.pools();\nm = null;\nHeapviz.gc();\nHeapviz.pools();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "direct: count=0 used=0 capacity=0\nmapped: count=1 used=130 capacity=30\n"
        "direct: count=0 used=0 capacity=0\nmapped: count=1 used=130 capacity=30\n"  // close does not unmap
        "direct: count=0 used=0 capacity=0\nmapped: count=0 used=0 capacity=0\n");
  const Machine end = r.trace->state_at(r.trace->size());
  CHECK(end.io->kernel.mappings().empty());
  CHECK(end.io->statics.mapped.count == 0);
  CHECK(count_kind(*r.trace, StepKind::munmap) ==
        2);  // the munmap syscall, then Unmapper's address = 0 and the pool
  const auto unmappers = objects_of(end, "sun.nio.ch.FileChannelImpl$DefaultUnmapper");
  REQUIRE(unmappers.size() == 1);  // garbage now, collected by the next GC
  CHECK(field_u64(end, unmappers[0], "address") == 0);
  // The munmap comes after the GC's reference_pending and the Reference Handler's step, in that order.
  std::size_t pending = 0, handler = 0, munmap = 0;
  for (std::size_t i = 0; i < r.trace->size(); ++i) {
    const auto kind = r.trace->step(i).kind;
    if (kind == StepKind::reference_pending && pending == 0) pending = i;
    if (kind == StepKind::reference_handler && handler == 0) handler = i;
    if (kind == StepKind::munmap && munmap == 0) munmap = i;
  }
  CHECK(pending > 0);
  CHECK(pending < handler);
  CHECK(handler < munmap);
}

TEST_CASE(
    "interp map: READ_ONLY gives a DirectByteBufferR whose put throws, and size 0 maps nothing and has no "
    "Cleaner") {
  const auto r = interp_test::run(
      kOpen +
      "ch.write(ByteBuffer.wrap(\"abcdef\".getBytes()));\n"
      "MappedByteBuffer ro = ch.map(FileChannel.MapMode.READ_ONLY, 1, 3);\n"
      "System.out.println(ro + \" \" + (char) ro.get(0) + \" \" + ro.isReadOnly());\n"
      "try { ro.put((byte) 1); } catch (ReadOnlyBufferException e) { System.out.println(e); }\n"
      "ByteBuffer empty = ch.map(FileChannel.MapMode.READ_WRITE, 0, 0);\n"
      "System.out.println(empty);\nHeapviz.pools();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "java.nio.DirectByteBufferR[pos=0 lim=3 cap=3] b true\njava.nio.ReadOnlyBufferException\n"
        "java.nio.DirectByteBuffer[pos=0 lim=0 cap=0]\n"
        "direct: count=1 used=6 capacity=6\nmapped: count=1 used=4 capacity=3\n");
  const Machine end = r.trace->state_at(r.trace->size());
  CHECK(objects_of(end, "java.nio.DirectByteBufferR").size() == 1);
  CHECK(objects_of(end, "sun.nio.ch.FileChannelImpl$DefaultUnmapper").size() == 1);  // none for size 0
  CHECK(objects_of(end, "java.io.FileDescriptor").size() == 2);  // size 0 gets a dummy one
  CHECK(count_kind(*r.trace, StepKind::mmap) == 1);
}

TEST_CASE("interp map: errors come in the JDK's order with its classes and messages") {
  const auto out = interp_test::out(
      kOpen +
      "FileChannel wo = FileChannel.open(Path.of(\"m.bin\"), StandardOpenOption.WRITE);\n"
      "FileChannel ro = FileChannel.open(Path.of(\"m.bin\"), StandardOpenOption.READ);\n"
      "try { wo.map(FileChannel.MapMode.READ_ONLY, 0, 1); } catch (Exception e) { System.out.println(e); }\n"
      "try { ro.map(FileChannel.MapMode.READ_WRITE, 0, 1); } catch (Exception e) { System.out.println(e); }\n"
      "try { ro.map(FileChannel.MapMode.READ_ONLY, 0, 1); } catch (Exception e) { System.out.println(e); }\n"
      "try { ch.map(FileChannel.MapMode.READ_WRITE, -1, 1); } catch (Exception e) { System.out.println(e); "
      "}\n"
      "try { ch.map(FileChannel.MapMode.READ_WRITE, 0, -1); } catch (Exception e) { System.out.println(e); "
      "}\n"
      "try { ch.map(null, 0, 1); } catch (Exception e) { System.out.println(e); }\n"
      "try { ch.map(null, 0, 3000000000L); } catch (Exception e) { System.out.println(e); }\n"
      "ch.close();\n"
      "try { ch.map(FileChannel.MapMode.READ_WRITE, 0, 1); } catch (Exception e) { System.out.println(e); }\n"
      "Heapviz.pools();");
  CHECK(out ==
        "java.nio.channels.NonReadableChannelException\n"
        "java.nio.channels.NonWritableChannelException\n"
        "java.io.IOException: Channel not open for writing - cannot extend file to required size\n"
        "java.lang.IllegalArgumentException: Negative position\n"
        "java.lang.IllegalArgumentException: Negative size\n"
        "java.lang.NullPointerException: Mode is null\n"
        "java.lang.IllegalArgumentException: Size exceeds Integer.MAX_VALUE\n"
        "java.nio.channels.ClosedChannelException\n"
        "direct: count=0 used=0 capacity=0\nmapped: count=0 used=0 capacity=0\n");
}

TEST_CASE("interp map: the checker types map as MappedByteBuffer, usable as a ByteBuffer and with var") {
  CHECK(interp_test::first_error(kOpen + "ByteBuffer b = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4);") ==
        "");
  CHECK(interp_test::first_error(
            kOpen +
            "var m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4); MappedByteBuffer n = m.slice();") == "");
  CHECK(interp_test::first_error(kOpen + "MappedByteBuffer m = ByteBuffer.allocate(4);") ==
        "incompatible types: ByteBuffer cannot be converted to MappedByteBuffer");
  CHECK(interp_test::first_error(kOpen + "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0);") !=
        "");
  CHECK(interp_test::first_error(kOpen + "int n = ch.write(new ByteBuffer[0]);") ==
        "incompatible types: possible lossy conversion from long to int");
}

TEST_CASE(
    "interp map: a mapped buffer written to another channel goes straight from the page cache (no "
    "temporary)") {
  const auto r = interp_test::run(
      kOpen +
      "ch.write(ByteBuffer.wrap(\"mapped!\".getBytes()));\n"
      "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 7);\n"
      "FileChannel out = FileChannel.open(Path.of(\"o.bin\"), StandardOpenOption.CREATE, "
      "StandardOpenOption.READ,\n"
      "        StandardOpenOption.WRITE);\n"
      "int n = out.write(m);\n"
      "m.clear();\n"
      "int back = out.read(m, 0);\n"
      "System.out.println(n + \" \" + back + \" \" + m + \" \" + out.size());\nHeapviz.pools();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "7 7 java.nio.DirectByteBuffer[pos=7 lim=7 cap=7] 7\n"
        "direct: count=1 used=7 capacity=7\nmapped: count=1 used=7 capacity=7\n");  // the 7 is wrap's bounce
                                                                                    // temporary
  const Machine end = r.trace->state_at(r.trace->size());
  const auto* o = end.io->kernel.file_named("o.bin");
  REQUIRE(o != nullptr);
  CHECK(end.io->kernel.file_contents(o->id)[6] == std::byte{'!'});
}

TEST_CASE(
    "interp channel: write(src, position) leaves the position, and gathering uses one temporary per heap "
    "buffer") {
  const auto r = interp_test::run(
      kOpen +
      "ByteBuffer a = ByteBuffer.wrap(\"ab\".getBytes());\n"
      "ByteBuffer d = ByteBuffer.allocateDirect(3);\nd.put(\"cde\".getBytes());\nd.flip();\n"
      "ByteBuffer b = ByteBuffer.wrap(\"fgh\".getBytes());\n"
      "long n = ch.write(new ByteBuffer[]{a, d, b});\n"
      "int at = ch.write(ByteBuffer.wrap(\"Z\".getBytes()), 10);\n"
      "System.out.println(n + \" \" + at + \" \" + ch.position() + \" \" + ch.size());\n"
      "ByteBuffer x = ByteBuffer.allocate(2);\nByteBuffer y = ByteBuffer.allocate(20);\n"
      "System.out.println(ch.position(1).read(new ByteBuffer[]{x, y}) + \" \" + x + \" \" + y + \" \" + "
      "(char) x.get(0));\n"
      "System.out.println(ch.truncate(4).size() + \" \" + ch.position());\nHeapviz.pools();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "8 1 8 11\n10 java.nio.HeapByteBuffer[pos=2 lim=2 cap=2] java.nio.HeapByteBuffer[pos=8 lim=20 "
        "cap=20] b\n"
        "4 4\ndirect: count=3 used=25 capacity=25\nmapped: count=0 used=0 capacity=0\n");
  CHECK(count_kind(*r.trace, StepKind::syscall) > 0);
}

TEST_CASE("interp channel: bad ranges and arguments of the new calls throw as the JDK does") {
  const auto out = interp_test::out(
      kOpen +
      "ByteBuffer[] bs = new ByteBuffer[]{ByteBuffer.allocate(1), null};\n"
      "try { ch.write(bs, 1, 2); } catch (Exception e) { System.out.println(e); }\n"
      "try { ch.read(bs, 0, 2); } catch (NullPointerException e) { System.out.println(\"null element\"); }\n"
      "try { ch.write(ByteBuffer.allocate(1), -1); } catch (Exception e) { System.out.println(e); }\n"
      "try { ch.position(-1); } catch (Exception e) { System.out.println(e); }\n"
      "try { ch.truncate(-1); } catch (Exception e) { System.out.println(e); }\n"
      "FileChannel ro = FileChannel.open(Path.of(\"m.bin\"), StandardOpenOption.READ);\n"
      "try { ro.truncate(0); } catch (Exception e) { System.out.println(e); }\n"
      "try { ro.write(ByteBuffer.allocate(1), 0); } catch (Exception e) { System.out.println(e); }");
  CHECK(out ==
        "java.lang.IndexOutOfBoundsException: Range [1, 1 + 2) out of bounds for length 2\n"
        "null element\n"
        "java.lang.IllegalArgumentException: Negative position\n"
        "java.lang.IllegalArgumentException\n"
        "java.lang.IllegalArgumentException: Negative size\n"
        "java.nio.channels.NonWritableChannelException\n"
        "java.nio.channels.NonWritableChannelException\n");
}

TEST_CASE(
    "interp map: isLoaded is false for a file hole, load faults the pages in, force writes dirty pages to "
    "the device") {
  const auto r = interp_test::run(kOpen +
                                  "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8192);\n"
                                  "System.out.println(m.isLoaded());\n"
                                  "System.out.println((m.load() == m) + \" \" + m.isLoaded());\n"
                                  "m.put(4100, (byte) 9);\n"
                                  "System.out.println(m.force() == m);");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "false\ntrue true\ntrue\n");  // as JDK 17 prints it (checked on 17.0.15)
  const Machine end = r.trace->state_at(r.trace->size());
  const auto* f = end.io->kernel.file_named("m.bin");
  REQUIRE(f != nullptr);
  CHECK(f->pages.size() == 2);
  CHECK(!f->pages.at(1).dirty);  // msync cleaned it
  const auto disk = end.io->kernel.device().files.find(f->id);
  REQUIRE(disk != end.io->kernel.device().files.end());
  REQUIRE(disk->second.get().size() == 8192);
  CHECK(disk->second.get()[4100] == std::byte{9});
  CHECK(count_kind(*r.trace, StepKind::writeback) == 1);
}

TEST_CASE(
    "interp map: the view shows the mapped pool once and an arrow from the buffer to its page-cache page") {
  const auto r = interp_test::run(
      kOpen +
      "ch.write(ByteBuffer.wrap(\"abc\".getBytes()));\n"
      "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 1, 2);\nm.put(0, (byte) 1);");
  REQUIRE(r.exit_code == 0);
  const Machine end = r.trace->state_at(r.trace->size());
  const heapviz::View v = heapviz::make_view(end);
  CHECK(std::count_if(v.counters.begin(), v.counters.end(),
                      [](const auto& c) { return c.key == "mapped_count"; }) == 1);
  const auto mc = std::find_if(v.counters.begin(), v.counters.end(),
                               [](const auto& c) { return c.key == "mapped_used"; });
  REQUIRE(mc != v.counters.end());
  CHECK(mc->value == 3);  // size 2 + pagePosition 1
  const ObjectId b = objects_of(end, "java.nio.DirectByteBuffer").back();
  const auto a = std::find_if(v.arrows.begin(), v.arrows.end(),
                              [&](const auto& x) { return x.from == b && x.field == "address"; });
  REQUIRE(a != v.arrows.end());
  CHECK(a->to_space == heapviz::heap::SpaceId::kernel);
  const auto* f = end.io->kernel.file_named("m.bin");
  REQUIRE(f != nullptr);
  CHECK(a->to_addr == f->pages.at(0).kernel_address + 1);
}

TEST_CASE("interp map: the inspector labels a mapped buffer's address and the Unmapper's mapping") {
  const auto r = interp_test::run(kOpen +
                                  "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 16);\n"
                                  "m = null;\nHeapviz.gc();");
  REQUIRE(r.exit_code == 0);
  const std::size_t mapped_step = first_state(
      *r.trace, [](const Machine& m) { return !objects_of(m, "jdk.internal.ref.Cleaner").empty(); });
  REQUIRE(mapped_step > 0);
  const Machine at = r.trace->state_at(mapped_step);
  auto value = [&](ObjectId id, std::string_view field) {
    for (const auto& f : heapviz::inspect_fields(at, id))
      if (f.name == field) return f.value;
    return std::string();
  };
  const ObjectId b = objects_of(at, "java.nio.DirectByteBuffer").at(0);
  const ObjectId u = objects_of(at, "sun.nio.ch.FileChannelImpl$DefaultUnmapper").at(0);
  CHECK(value(b, "address") == "0x7f5000000000 (mapped: page-cache pages of the file)");
  CHECK(value(u, "address") == "0x7f5000000000 (the mapping, for munmap)");
  const Machine end = r.trace->state_at(r.trace->size());
  for (const auto& f : heapviz::inspect_fields(end, u))
    if (f.name == "address") CHECK(f.value == "0 (unmapped)");
}

TEST_CASE(
    "interp map: an Unmapper run by Bits' GC inside a heap write changes that write's kernel state too") {
  heapviz::LessonRunOptions o;
  o.jvm_flags = "-XX:+UseSerialGC -Xmx64m -XX:MaxDirectMemorySize=1k";
  const auto r = heapviz::run_lesson(
      kOpen +
          "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 100);\nm = null;\n"
          "try { ch.write(ByteBuffer.allocate(2048)); } catch (OutOfMemoryError e) { System.out.println(e); "
          "}\n"
          "Heapviz.pools();",
      "t.java", o);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "java.lang.OutOfMemoryError: Cannot reserve 2048 bytes of direct buffer memory (allocated: 0, limit: "
        "1024)\n"
        "direct: count=0 used=0 capacity=0\nmapped: count=0 used=0 capacity=0\n");  // as JDK 17 prints it
  const Machine end = r.trace->state_at(r.trace->size());
  CHECK(end.io->kernel.mappings().empty());  // the write's final io state keeps the munmap
  CHECK(end.io->statics.mapped.count == 0);
  CHECK(heapviz::nio::mapped_pool(end).count == 0);
}

TEST_CASE(
    "interp map: puts through a mapping record only their bytes and replay to the same machine, forwards and "
    "back") {
  const auto r = interp_test::run(kOpen +
                                  "ch.write(ByteBuffer.wrap(new byte[8192]));\n"
                                  "MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8192);\n"
                                  "for (int i = 0; i < 3000; i++) {\n    m.put((byte) i);\n}\n"
                                  "m.putLong(4090, 1234567890123L);\n"
                                  "m.put(5000, \"a store longer than eight bytes\".getBytes());\n"
                                  "m.force();\n"
                                  "m.put(0, (byte) 7);\n"
                                  "MappedByteBuffer p = ch.map(FileChannel.MapMode.PRIVATE, 0, 4096);\n"
                                  "p.put(1, (byte) 9);\n"
                                  "System.out.println(m.get(0) + \" \" + m.get(299) + \" \" + "
                                  "m.getLong(4090) + \" \" + p.get(1) + \" \" + m.get(1));\n"
                                  "ch.close();");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "7 43 1234567890123 9 1\n");  // what JDK 17 prints
  const heapviz::Trace& t = *r.trace;
  REQUIRE(t.checkpoint_count() >
          1);  // the puts cross checkpoints, which share the io state they were taken with
  // Forwards, one step at a time, from the initial machine.
  std::vector<Machine> forward{t.state_at(0)};
  for (std::size_t k = 0; k < t.size(); ++k) {
    Machine next = forward.back();
    t.replay(next, k, k + 1);
    forward.push_back(std::move(next));
  }
  // A put is a `mapped_store` effect, not a new published io state: 3000 puts add no states to the history.
  CHECK(forward.back().io_history->states.size() < 50);
  // Backwards (each state_at from its checkpoint) and by a player stepping back: the same machines.
  heapviz::TracePlayer player(t);
  player.seek(t.size());
  for (std::size_t k = t.size() + 1; k-- > 0;) {
    CHECK(t.state_at(k) == forward[k]);
    player.seek(k);
    CHECK(player.state() == forward[k]);
  }
  // The mapping's pages hold the stores: the file as a process reads it (page cache over disk).
  const auto& kernel = forward.back().io->kernel;
  const auto file = kernel.file_contents(kernel.file_named("m.bin")->id);
  CHECK(file[0] == std::byte{7});
  CHECK(file[299] == std::byte{43});
  CHECK(file[1] == std::byte{1});  // the private mapping's store stays private
}
