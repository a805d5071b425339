// KernelSpace: page cache, writeback, fds, truncation, sendfile, mmap, pipes and sockets.
#include <doctest/doctest.h>

#include "io_test_support.hpp"

using namespace io_test;

TEST_CASE("kernel - a write lands in the page cache and reaches the device only on writeback") {
  KernelSpace k;
  const Fd fd = static_cast<Fd>(k.open("f", {.read = true, .write = true, .create = true}).result);
  const auto data = pattern(5000);
  const SyscallRecord w = k.write(fd, 0x7f00, data);
  CHECK(w.result == 5000);
  CHECK(w.user_to_kernel == 5000);
  CHECK(w.pages_dirtied == std::vector<std::int64_t>{0, 1});
  const KernelFile& f = *k.file_named("f");
  CHECK(f.size == 5000);
  CHECK(f.pages.at(0).dirty);
  CHECK(f.pages.at(0).kernel_address % kPageSize == 0);
  CHECK(k.device().files.count(f.id) == 0);  // nothing on disk yet
  CHECK(k.file_contents(f.id) == data);

  const SyscallRecord wb = k.writeback(f.id);
  CHECK(wb.kernel_to_device == 5000);
  CHECK(wb.pages_written_back == std::vector<std::int64_t>{0, 1});
  CHECK(k.device().files.at(f.id) == data);
  CHECK_FALSE(k.file_named("f")->pages.at(1).dirty);
  CHECK(k.writeback_all().empty());
}

TEST_CASE("kernel - fsync writes back at once and a partial page write reads the page from disk first") {
  KernelSpace k;
  const FileId id = k.create_on_device("old", pattern(8192, 7));
  const Fd fd = static_cast<Fd>(k.open("old", {.read = true, .write = true}).result);
  const SyscallRecord w = k.pwrite(fd, 0, bytes({1, 2, 3}), 4096 + 10);
  CHECK(w.pages_filled == std::vector<std::int64_t>{1});
  CHECK(w.device_to_kernel == 4096);
  CHECK(k.offset_of(fd) == 0);  // pwrite does not move the offset
  auto expected = pattern(8192, 7);
  expected[4106] = std::byte{1};
  expected[4107] = std::byte{2};
  expected[4108] = std::byte{3};
  CHECK(k.file_contents(id) == expected);
  CHECK(k.device().files.at(id) != expected);
  CHECK(k.fsync(fd).kernel_to_device == 4096);
  CHECK(k.device().files.at(id) == expected);
}

TEST_CASE("kernel - read at EOF returns 0, holes read as zeros, O_APPEND writes at the end") {
  KernelSpace k;
  const Fd fd = static_cast<Fd>(k.open("f", {.read = true, .write = true, .create = true}).result);
  k.pwrite(fd, 0, bytes({9}), 10);
  std::vector<std::byte> out(20);
  CHECK(k.read(fd, 0, out).result == 11);
  CHECK(out[0] == std::byte{0});
  CHECK(out[10] == std::byte{9});
  CHECK(k.read(fd, 0, out).result == 0);
  const Fd a = static_cast<Fd>(k.open("f", {.write = true, .append = true}).result);
  CHECK(k.write(a, 0, bytes({5, 6})).file_offset == 11);
  CHECK(k.file_named("f")->size == 13);
  CHECK(k.open("nope", {.read = true}).error == Errno::ENOENT_);
  CHECK(k.open("f", {.write = true, .create = true, .exclusive = true}).error == Errno::EEXIST_);
  CHECK(k.write(static_cast<Fd>(k.open("f", {.read = true}).result), 0, bytes({1})).error == Errno::EBADF_);
}

TEST_CASE("kernel - ftruncate drops pages and zeroes the tail of the last one") {
  KernelSpace k;
  const Fd fd = static_cast<Fd>(k.open("f", {.read = true, .write = true, .create = true}).result);
  k.write(fd, 0, pattern(10000));
  k.fsync(fd);
  k.ftruncate(fd, 5000);
  const KernelFile& f = *k.file_named("f");
  CHECK(f.size == 5000);
  CHECK(f.pages.count(2) == 0);
  CHECK(k.device().files.at(f.id).size() == 5000);
  k.ftruncate(fd, 6000);  // grows: a hole of zeros
  const auto c = k.file_contents(f.id);
  CHECK(c.size() == 6000);
  CHECK(c[4999] == pattern(10000)[4999]);
  CHECK(c[5000] == std::byte{0});
}

TEST_CASE("kernel - sendfile copies kernel to kernel, moves only the target offset") {
  KernelSpace k;
  const Fd in = static_cast<Fd>(k.open("a", {.read = true, .write = true, .create = true}).result);
  k.write(in, 0, pattern(6000));
  const Fd out = static_cast<Fd>(k.open("b", {.write = true, .create = true}).result);
  const SyscallRecord s = k.sendfile(out, in, 1000, 3000);
  CHECK(s.result == 3000);
  CHECK(s.kernel_to_kernel == 3000);
  CHECK(s.user_to_kernel == 0);
  CHECK(k.offset_of(in) == 6000);
  CHECK(k.offset_of(out) == 3000);
  const auto a = pattern(6000);
  CHECK(k.file_contents(k.file_named("b")->id) == std::vector<std::byte>(a.begin() + 1000, a.begin() + 4000));
  const Fd app = static_cast<Fd>(k.open("b", {.write = true, .append = true}).result);
  CHECK(k.sendfile(app, in, 0, 10).error == Errno::EINVAL_);
}

TEST_CASE("kernel - a store through a shared mapping dirties the page, a private one does not") {
  KernelSpace k;
  const Fd fd = static_cast<Fd>(k.open("f", {.read = true, .write = true, .create = true}).result);
  k.write(fd, 0, pattern(100));
  k.fsync(fd);
  const auto shared = static_cast<std::uint64_t>(k.mmap(fd, 0, 100, true, false).result);
  const auto priv = static_cast<std::uint64_t>(k.mmap(fd, 0, 100, true, true).result);
  CHECK(shared % kPageSize == 0);
  CHECK(priv != shared);
  CHECK(k.mapped_write(shared + 5, bytes({0xAA})).pages_dirtied == std::vector<std::int64_t>{0});
  k.mapped_write(priv + 6, bytes({0xBB}));
  const auto c = k.file_contents(k.file_named("f")->id);
  CHECK(c[5] == std::byte{0xAA});
  CHECK(c[6] == pattern(100)[6]);
  std::vector<std::byte> seen(2);
  k.mapped_read(priv + 5, seen);
  CHECK(seen == bytes({0xAA, 0xBB}));  // the private copy was made after the shared store
  CHECK(k.munmap(shared).ok());
  CHECK_THROWS_AS(k.mapped_read(shared, seen), std::out_of_range);
  CHECK(k.mmap(fd, 100, 10, false, false).error == Errno::EINVAL_);  // offset not page aligned
}

TEST_CASE("kernel - msync writes back only the mapped range's dirty pages, and resident answers mincore") {
  KernelSpace k;
  const Fd fd = static_cast<Fd>(k.open("f", {.read = true, .write = true, .create = true}).result);
  k.write(fd, 0, pattern(3 * kPageSize));  // three dirty pages
  const auto second = static_cast<std::uint64_t>(k.mmap(fd, kPageSize, kPageSize, true, false).result);
  CHECK(k.resident(second, kPageSize));
  const SyscallRecord s = k.msync(second, kPageSize);
  CHECK(s.ok());
  CHECK(s.pages_written_back == std::vector<std::int64_t>{1});
  CHECK(s.kernel_to_device == kPageSize);
  const KernelFile& f = *k.file_named("f");
  CHECK(f.pages.at(0).dirty);  // outside the range: still dirty, unlike fsync
  CHECK(!f.pages.at(1).dirty);
  CHECK(f.pages.at(2).dirty);
  CHECK(k.msync(second + 1, 10).error == Errno::EINVAL_);         // not page aligned
  CHECK(k.msync(second, 3 * kPageSize).error == Errno::EINVAL_);  // beyond the mapping
  k.ftruncate(fd, 5 * kPageSize);                                 // a hole: pages 3 and 4 are not cached
  const auto hole = static_cast<std::uint64_t>(k.mmap(fd, 3 * kPageSize, 2 * kPageSize, false, false).result);
  CHECK(!k.resident(hole, 2 * kPageSize));
  std::vector<std::byte> one(1);
  k.mapped_read(hole + kPageSize, one);  // a page fault brings page 4 in
  CHECK(!k.resident(hole, 2 * kPageSize));
  CHECK(k.resident(hole + kPageSize, 1));
  CHECK(!k.resident(0x1000, 1));  // no mapping there
}

TEST_CASE("kernel - a pipe holds 64 KiB, a socket's peer receives on the device side") {
  KernelSpace k;
  const Fd r = static_cast<Fd>(k.pipe().result);
  const Fd w = r + 1;
  const SyscallRecord big = k.write(w, 0, pattern(70000));
  CHECK(big.result == kPipeCapacity);
  CHECK(big.would_block);
  std::vector<std::byte> out(10);
  CHECK(k.read(r, 0, out).result == 10);
  CHECK(out == std::vector<std::byte>(pattern(10)));
  CHECK(k.pwrite(w, 0, bytes({1}), 0).error == Errno::ESPIPE_);

  const Fd s = static_cast<Fd>(k.socket().result);
  k.write(s, 0, bytes({1, 2, 3}));
  const SyscallRecord got = k.peer_receive(s, 2);
  CHECK(got.kernel_to_device == 2);
  CHECK(k.device().received.at(k.fd(s)->stream) == bytes({1, 2}));
  k.peer_send(s, bytes({7, 8}));
  std::vector<std::byte> in(5);
  CHECK(k.read(s, 0, in).result == 2);
  CHECK(in[0] == std::byte{7});
}

TEST_CASE("kernel - the whole kernel is a copyable value") {
  KernelSpace k;
  const Fd fd = static_cast<Fd>(k.open("f", {.read = true, .write = true, .create = true}).result);
  k.write(fd, 0, pattern(10));
  KernelSpace copy = k;
  CHECK(copy == k);
  copy.write(fd, 0, pattern(10));
  CHECK_FALSE(copy == k);
  CHECK(k.file_named("f")->size == 10);
}

TEST_CASE("kernel - short write limit") {
  KernelSpace k;
  const Fd fd = static_cast<Fd>(k.open("f", {.read = true, .write = true, .create = true}).result);
  k.set_short_write_limit(k.file_named("f")->id, 3);
  CHECK(k.write(fd, 0, pattern(10)).result == 3);
  CHECK(k.offset_of(fd) == 3);
}
