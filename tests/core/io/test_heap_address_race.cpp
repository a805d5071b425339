// The hypothetical (NOT the JDK): a syscall reading a heap array's address while a GC moves it.
#include <doctest/doctest.h>

#include <algorithm>

#include <map>

#include "heapviz/io/heap_address_race.hpp"
#include "io_test_support.hpp"

using namespace io_test;

namespace {

/// A flat little heap: bytes by address.
struct FlatHeap final : RawMemory {
  std::vector<std::byte> bytes = std::vector<std::byte>(4096);
  std::uint64_t base = 0x10000;
  void read(std::uint64_t address, std::span<std::byte> out) const override {
    std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(address - base), out.size(), out.begin());
  }
  void write(std::uint64_t address, std::span<const std::byte> in) {
    std::copy(in.begin(), in.end(), bytes.begin() + static_cast<std::ptrdiff_t>(address - base));
  }
};

struct Setup {
  KernelSpace kernel;
  FlatHeap heap;
  Fd fd = 0;
  std::uint64_t old_address = 0x10400;
  std::uint64_t new_address = 0x10100;
  std::vector<std::byte> array = pattern(64, 0x41);
  std::vector<std::byte> intruder = std::vector<std::byte>(64, std::byte{0xEE});
  Setup() {
    fd = static_cast<Fd>(kernel.open("out", {.read = true, .write = true, .create = true}).result);
    heap.write(old_address, array);
  }
  /// The compacting GC: the array slides down, another object slides into its old place.
  std::function<void()> gc() {
    return [this] {
      heap.write(new_address, array);
      heap.write(old_address, intruder);
    };
  }
};

}  // namespace

TEST_CASE("hypothetical race - the chunks after the GC are read from the old address and corrupt the file") {
  Setup s;
  const RaceOutcome r = hypothetical_write_from_heap_address(s.kernel, s.fd, s.heap, s.old_address, 64, 16, 2, s.gc());
  REQUIRE(r.chunks.size() == 4);
  CHECK_FALSE(r.chunks[1].after_gc);
  CHECK(r.chunks[2].after_gc);
  CHECK(r.chunks[2].read_from == s.old_address + 32);
  std::vector<std::int64_t> expected;
  for (std::int64_t i = 32; i < 64; ++i) expected.push_back(i);
  CHECK(r.corrupted == expected);  // exactly the bytes copied after the move
  const auto file = s.kernel.file_contents(s.kernel.file_named("out")->id);
  CHECK(std::equal(file.begin(), file.begin() + 32, s.array.begin()));
  CHECK(std::all_of(file.begin() + 32, file.end(), [](std::byte b) { return b == std::byte{0xEE}; }));
}

TEST_CASE("hypothetical race - only bytes that differ at the old address are wrong") {
  Setup s;
  s.intruder = s.array;
  s.intruder[40] = std::byte{0};  // the object that moved in happens to match except at one byte
  const RaceOutcome r = hypothetical_write_from_heap_address(s.kernel, s.fd, s.heap, s.old_address, 64, 16, 2, s.gc());
  CHECK(r.corrupted == std::vector<std::int64_t>{40});
}

TEST_CASE("hypothetical race - the faithful bounce copy never corrupts, whenever the GC runs") {
  for (int gc_after = 0; gc_after <= 4; ++gc_after) {
    Setup s;
    const RaceOutcome r = bounce_write(s.kernel, s.fd, s.heap, s.old_address, 64, 16, gc_after, s.gc());
    CHECK(r.corrupted.empty());
    CHECK(s.kernel.file_contents(s.kernel.file_named("out")->id) == s.array);
  }
}
