// FileChannelImpl: checks in the JDK's order, force/writeback, map accounting, transferTo.
#include <doctest/doctest.h>

#include "io_test_support.hpp"

using namespace io_test;

TEST_CASE("file channel - open options follow UnixChannelFactory") {
  World w;
  CHECK(thrown([&] { w.open("f", {"READ"}); }) == "java.nio.file.NoSuchFileException: f");
  CHECK(thrown([&] {
          w.open("f", {"READ", "APPEND"});
        }) == "java.lang.IllegalArgumentException: READ + APPEND not allowed");
  CHECK(thrown([&] {
          w.open("f", {"APPEND", "TRUNCATE_EXISTING"});
        }) == "java.lang.IllegalArgumentException: APPEND + TRUNCATE_EXISTING not allowed");
  CHECK(thrown([&] {
          w.open("f", {"CREATE", "READ"});
        }) == "java.nio.file.NoSuchFileException: f");  // CREATE needs WRITE
  FileChannel a = w.open("f", {"CREATE", "APPEND"});
  CHECK(a.writable());
  CHECK_FALSE(a.readable());
  CHECK(thrown([&] {
          w.open("f", {"CREATE_NEW", "WRITE"});
        }) == "java.nio.file.FileAlreadyExistsException: f");
  FileChannel r = w.open("f", {});
  CHECK(r.readable());
}

TEST_CASE("file channel - closed, non-writable, non-readable and negative positions") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE"});
  HeapBuf h = w.heap(pattern(4));
  CHECK(thrown([&] { ch.read(w.ctx, h.io()); }) == "java.nio.channels.NonReadableChannelException: null");
  CHECK(thrown([&] { ch.write(w.ctx, h.io(), -1); }) ==
        "java.lang.IllegalArgumentException: Negative position");
  CHECK(thrown([&] { ch.position(w.ctx, -1); }) == "java.lang.IllegalArgumentException: null");
  CHECK(thrown([&] { ch.truncate(w.ctx, -1); }) == "java.lang.IllegalArgumentException: Negative size");
  FileChannel r = w.open("f", {"READ"});
  CHECK(thrown([&] { r.write(w.ctx, h.io()); }) == "java.nio.channels.NonWritableChannelException: null");
  ch.close(w.ctx);
  ch.close(w.ctx);
  CHECK(thrown([&] { ch.write(w.ctx, h.io()); }) == "java.nio.channels.ClosedChannelException: null");
  CHECK(thrown([&] { ch.write(w.ctx, h.io(), -1); }) ==
        "java.lang.IllegalArgumentException: Negative position");
  CHECK(w.counters.syscall_count("close") == 1);
}

TEST_CASE("file channel - force makes the device match the page cache now") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE"});
  HeapBuf h = w.heap(pattern(5000));
  ch.write(w.ctx, h.io());
  const FileId id = w.kernel.file_named("f")->id;
  CHECK(w.kernel.device().files.count(id) == 0);
  ch.force(w.ctx, true);
  CHECK(w.kernel.device().files.at(id) == pattern(5000));
  CHECK(w.counters.kernel_to_device == 5000);
  CHECK(w.counters.syscall_count("fsync") == 1);
}

TEST_CASE("file channel - map counts size and size plus pagePosition in the mapped pool, not in direct") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE", "READ"});
  HeapBuf h = w.heap(pattern(5000));
  ch.write(w.ctx, h.io());
  const DirectPoolCounters direct_before = w.buffers.pool();
  MappedBuffer m1 = ch.map(w.ctx, MapMode::read_only, 100, 1000);
  CHECK(m1.page_position == 100);
  CHECK(m1.map_size == 1100);
  CHECK(m1.address == m1.map_address + 100);
  CHECK(m1.state.read_only);
  CHECK(w.statics.mapped == MappedPoolCounters{1, 1100, 1000});
  MappedBuffer empty = ch.map(w.ctx, MapMode::read_write, 0, 0);
  CHECK(empty.map_address == 0);
  CHECK(w.statics.mapped.count == 1);
  const MappedBuffer m2 = ch.map(w.ctx, MapMode::read_write, 4000, 2000);  // extends the file to 6000
  CHECK(m2.page_position == 4000);
  CHECK(ch.size(w.ctx) == 6000);
  CHECK(w.statics.mapped == MappedPoolCounters{2, 1100 + 2000 + 4000 % 4096, 3000});
  CHECK(w.buffers.pool() == direct_before);
  FileChannel::unmap(w.ctx, m1);
  FileChannel::unmap(w.ctx, m1);
  CHECK(w.statics.mapped.count == 1);
  CHECK(thrown([&] { ch.map(w.ctx, MapMode::read_only, 0, 3000000000LL); }) ==
        "java.lang.IllegalArgumentException: Size exceeds Integer.MAX_VALUE");
  FileChannel r = w.open("f", {"READ"});
  CHECK(thrown([&] { r.map(w.ctx, MapMode::private_copy, 0, 1); }) ==
        "java.nio.channels.NonWritableChannelException: null");
  CHECK(thrown([&] { r.map(w.ctx, MapMode::read_only, 0, 7000); }) ==
        "java.io.IOException: Channel not open for writing - cannot extend file to required size");
}

TEST_CASE("file channel - transferTo is sendfile: no user copy, no temp buffer, no pool change") {
  World w;
  FileChannel src = w.open("a", {"CREATE", "WRITE", "READ"});
  const BufferId d = w.direct(pattern(9000));
  src.write(w.ctx, w.buffers.buffer(d));
  FileChannel dst = w.open("b", {"CREATE", "WRITE"});
  const IoCounters before = w.counters;
  const DirectPoolCounters pool = w.buffers.pool();
  CHECK(src.transfer_to(w.ctx, 1000, 5000, dst.as_target()) == 5000);
  CHECK(w.counters.kernel_to_kernel - before.kernel_to_kernel == 5000);
  CHECK(w.counters.user_to_kernel == before.user_to_kernel);
  CHECK(w.counters.temp_buffers_allocated == before.temp_buffers_allocated);
  CHECK(w.buffers.pool() == pool);
  CHECK(src.position(w.ctx) == 9000);
  CHECK(dst.position(w.ctx) == 5000);
  CHECK(src.transfer_to(w.ctx, 9001, 5, dst.as_target()) == 0);
  CHECK(thrown([&] { src.transfer_to(w.ctx, -1, 5, dst.as_target()); }) ==
        "java.lang.IllegalArgumentException: null");
  FileChannel ro = w.open("b", {"READ"});
  CHECK(thrown([&] { src.transfer_to(w.ctx, 0, 5, ro.as_target()); }) ==
        "java.nio.channels.NonWritableChannelException: null");

  FileChannel app = w.open("b", {"APPEND"});  // sendfile refuses O_APPEND: map + write instead
  CHECK(src.transfer_to(w.ctx, 0, 100, app.as_target()) == 100);
  CHECK_FALSE(w.statics.file_supported);
  CHECK(w.statics.mapped.count == 0);
  CHECK(w.counters.syscall_count("mmap") == 1);
  CHECK(w.counters.syscall_count("munmap") == 1);
}

TEST_CASE("file channel - a 2 MiB heap write under a 1 MiB limit fails with the JDK's message") {
  World w(1 << 20);
  FileChannel ch = w.open("f", {"CREATE", "WRITE"});
  HeapBuf one = w.heap(pattern(1 << 20));
  CHECK(ch.write(w.ctx, one.io()) == (1 << 20));
  HeapBuf two = w.heap(pattern(2 << 20));
  CHECK(thrown([&] { ch.write(w.ctx, two.io()); }) ==
        "java.lang.OutOfMemoryError: Cannot reserve 2097152 bytes of direct buffer memory (allocated: 0, "
        "limit: 1048576)");
  CHECK(two.state.position == 0);
  CHECK(w.buffers.pool().count == 0);
  CHECK(ch.size(w.ctx) == (1 << 20));
}
