// The native heap: glibc-like chunk geometry, reuse, coalescing, exhaustion, invariants, Unsafe.
#include <doctest/doctest.h>

#include <array>

#include "heapviz/nio/native_memory.hpp"
#include "heapviz/nio/unsafe_memory.hpp"
#include "nio_test_support.hpp"

using heapviz::nio::NativeAddress;
using heapviz::nio::NativeBlock;
using heapviz::nio::NativeMemory;
using nio_test::thrown;

namespace {
void check_sound(const NativeMemory& m) {
  std::string problems;
  for (const std::string& p : m.check_invariants()) problems += p + "; ";
  CHECK_MESSAGE(problems.empty(), problems);
}
}  // namespace

TEST_CASE("chunk sizes are glibc's: request + 8 rounded up to 16 and at least 32") {
  CHECK(NativeMemory::chunk_size_for(0) == 32);
  CHECK(NativeMemory::chunk_size_for(8) == 32);
  CHECK(NativeMemory::chunk_size_for(24) == 32);
  CHECK(NativeMemory::chunk_size_for(25) == 48);
  CHECK(NativeMemory::chunk_size_for(512) == 528);
}

TEST_CASE("malloc returns 16-aligned addresses one chunk after another with a size header") {
  NativeMemory m;
  const NativeAddress a = m.malloc(8);
  const NativeAddress b = m.malloc(8);
  const NativeAddress c = m.malloc(100);
  CHECK(a == NativeMemory::kDefaultBase + 16);
  CHECK(a % 16 == 0);
  CHECK(b - a == 32);  // measured on 17.0.15: two allocateMemory(1) calls 32 bytes apart
  CHECK(c - b == 32);
  const NativeBlock* blk = m.find(c);
  REQUIRE(blk != nullptr);
  CHECK(blk->chunk_size == 112);
  CHECK(blk->requested == 100);
  CHECK(blk->usable_size() == 104);
  std::array<std::byte, 8> header{};
  m.peek(c - 8, header);
  CHECK(std::to_integer<int>(header[0]) == (112 | 1));  // size | PREV_INUSE
  CHECK(m.allocated_count() == 3);
  CHECK(m.allocated_bytes() == 32 + 32 + 112);
  check_sound(m);
}

TEST_CASE("bytes are real and fresh memory is zero and reads stay inside a live block") {
  NativeMemory m;
  const NativeAddress a = m.malloc(16);
  const std::array<std::byte, 4> in{std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}};
  m.write(a + 12, in);
  std::array<std::byte, 4> out{};
  m.read(a + 12, out);
  CHECK(out == in);
  m.read(a, out);
  CHECK(out == std::array<std::byte, 4>{});
  CHECK_THROWS_AS(m.read(a + 22, out), std::out_of_range);  // past the 24 usable bytes
  CHECK_THROWS_AS(m.write(a - 8, in), std::out_of_range);   // the header is not the owner's
  m.free(a);
  CHECK_THROWS_AS(m.read(a, out), std::out_of_range);  // use after free is a simulator bug
}

TEST_CASE("a freed block is reused by a request of the same size with its old bytes") {
  NativeMemory m;
  const NativeAddress a = m.malloc(512);
  const NativeAddress guard = m.malloc(8);
  const std::array<std::byte, 2> in{std::byte{0xab}, std::byte{0xcd}};
  m.write(a, in);
  const std::uint64_t id = m.find(guard)->id;
  m.free(a);
  CHECK(m.find(a) == nullptr);
  const NativeAddress again = m.malloc(500);
  CHECK(again == a);
  std::array<std::byte, 2> out{};
  m.read(again, out);
  CHECK(out == in);                // malloc does not zero: that is Unsafe.setMemory's step
  CHECK(m.find(guard)->id == id);  // untouched blocks keep their ids and addresses
  check_sound(m);
}

TEST_CASE("best fit picks the smallest free chunk and splits off a usable rest") {
  NativeMemory m;
  const NativeAddress big = m.malloc(1000);
  m.malloc(8);
  const NativeAddress small = m.malloc(100);
  m.malloc(8);
  m.free(big);
  m.free(small);
  CHECK(m.malloc(90) == small);  // 112-byte chunk: the rest (16) is too small to split
  CHECK(m.find(small)->chunk_size == 112);
  const NativeAddress part = m.malloc(200);
  CHECK(part == big);  // split from the 1008-byte chunk
  CHECK(m.find(part)->chunk_size == 208);
  const NativeBlock* rest = m.chunk_containing(big + 300);
  REQUIRE(rest != nullptr);
  CHECK_FALSE(rest->allocated);
  CHECK(rest->chunk_size == 1008 - 208);
  check_sound(m);
}

TEST_CASE("free coalesces with both neighbours and gives the last chunk back to the top") {
  NativeMemory m;
  const NativeAddress a = m.malloc(40);
  const NativeAddress b = m.malloc(40);
  const NativeAddress c = m.malloc(40);
  const NativeAddress d = m.malloc(40);
  m.free(a);
  m.free(c);
  CHECK(m.blocks().size() == 4);
  m.free(b);  // a, b, c merge into one free chunk
  CHECK(m.blocks().size() == 2);
  CHECK(m.blocks()[0].chunk_size == 3 * 48);
  CHECK_FALSE(m.blocks()[0].allocated);
  check_sound(m);
  const NativeAddress top = m.top();
  m.free(d);  // everything is free: all of it returns to the top
  CHECK(m.blocks().empty());
  CHECK(m.top() < top);
  CHECK(m.top() == NativeMemory::kDefaultBase + 8);
  check_sound(m);
}

TEST_CASE("exhaustion returns 0 from malloc and leaves the heap unchanged") {
  NativeMemory m(1024);
  CHECK(m.malloc(900) != 0);
  const NativeMemory before = m;
  CHECK(m.malloc(200) == 0);
  CHECK(m.malloc(std::uint64_t{1} << 40) == 0);
  CHECK(m.blocks() == before.blocks());
  CHECK(m.top() == before.top());
}

TEST_CASE("freeing a pointer that is not a live block is a simulator bug") {
  NativeMemory m;
  const NativeAddress a = m.malloc(8);
  m.free(0);  // free(NULL) does nothing
  CHECK_THROWS_AS(m.free(a + 8), std::invalid_argument);
  m.free(a);
  CHECK_THROWS_AS(m.free(a), std::invalid_argument);
}

TEST_CASE("a copy is an independent checkpoint") {
  NativeMemory m;
  const NativeAddress a = m.malloc(8);
  NativeMemory copy = m;
  const std::array<std::byte, 1> one{std::byte{1}};
  m.write(a, one);
  m.free(a);
  std::array<std::byte, 1> out{std::byte{9}};
  copy.read(a, out);
  CHECK(out[0] == std::byte{0});
  CHECK(copy.find(a) != nullptr);
}

TEST_CASE("many mixed allocations and frees keep the heap sound") {
  NativeMemory m(1 << 20);
  std::vector<NativeAddress> live;
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (int step = 0; step < 2000; ++step) {
    if (live.empty() || next() % 3 != 0) {
      const NativeAddress p = m.malloc(next() % 700);
      if (p != 0) live.push_back(p);
    } else {
      const std::size_t k = next() % live.size();
      m.free(live[k]);
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }
  check_sound(m);
  CHECK(m.allocated_count() == live.size());
}

TEST_CASE("Unsafe.allocateMemory rounds to 8 and reports exhaustion with the rounded size") {
  using namespace heapviz::nio;
  CHECK(align_to_heap_word_size(1) == 8);
  CHECK(align_to_heap_word_size(16) == 16);
  CHECK(align_to_heap_word_size(-3) == -3);
  NativeMemory m(4096);
  CHECK(unsafe_allocate_memory(m, 0) == 0);
  CHECK(m.blocks().empty());
  const NativeAddress p = unsafe_allocate_memory(m, 1);
  CHECK(m.find(p)->requested == 8);
  CHECK(thrown([&] { unsafe_allocate_memory(m, 5000); }) ==
        "java.lang.OutOfMemoryError: Unable to allocate 5000 bytes");
  CHECK(thrown([&] { unsafe_allocate_memory(m, 4999); }) ==
        "java.lang.OutOfMemoryError: Unable to allocate 5000 bytes");
  CHECK(thrown([&] { unsafe_allocate_memory(m, -1); }) == "java.lang.IllegalArgumentException: null");
  // Long.MAX_VALUE - 3 wraps negative when rounded (measured: IllegalArgumentException).
  CHECK(thrown([&] { unsafe_allocate_memory(m, 9223372036854775804); }) ==
        "java.lang.IllegalArgumentException: null");
  unsafe_set_memory(m, p, 8, std::byte{0x5a});
  std::array<std::byte, 8> out{};
  m.read(p, out);
  CHECK(out[7] == std::byte{0x5a});
  unsafe_free_memory(m, p);
  unsafe_free_memory(m, 0);
  CHECK(m.allocated_count() == 0);
}

TEST_CASE("a direct buffer works on native memory through NativeByteStore") {
  using namespace heapviz::nio;
  NativeMemory m;
  BufferState state = allocate_direct(16);
  const NativeAddress base = unsafe_allocate_memory(m, std::max(1, state.capacity));
  unsafe_set_memory(m, base, 16, std::byte{0});
  NativeByteStore store(m, base, 16);
  ByteBuffer b(state, store);
  b.put_int(0x01020304);
  BufferState slice_state = b.slice();  // offset 4: Buffer.address = base + 4
  ByteBuffer s(slice_state, store);
  s.put(std::int8_t{9});
  std::array<std::byte, 5> out{};
  m.read(base, out);
  CHECK(out ==
        std::array<std::byte, 5>{std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}, std::byte{9}});
}
