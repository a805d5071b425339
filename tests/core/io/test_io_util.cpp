// IOUtil: the order of sub-steps for direct and heap buffers, partial writes, gathering and scattering.
#include <doctest/doctest.h>

#include "heapviz/io/io_util.hpp"
#include "io_test_support.hpp"

using namespace io_test;

TEST_CASE("io_util - a direct buffer goes straight to write with address plus position") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE"});
  const BufferId d = w.direct(pattern(100));
  IoBuffer b = w.buffers.buffer(d);
  b.state->position = 10;
  w.events.clear();
  CHECK(ch.write(w.ctx, b) == 90);
  CHECK(w.kinds() == std::vector<std::string>{"syscall", "position"});
  CHECK(w.events[0].call->name == "write");
  CHECK(b.state->position == 100);
  CHECK(w.counters.bounce_heap_to_native == 0);
  CHECK(w.counters.user_to_kernel == 90);
  CHECK(w.counters.temp_buffers_allocated == 0);
  const auto p = pattern(100);
  CHECK(w.file("f") == std::vector<std::byte>(p.begin() + 10, p.end()));
}

TEST_CASE("io_util - a heap write bounces: temp buffer, copy, flip, reset, syscall, advance, offerFirst") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE"});
  HeapBuf h = w.heap(pattern(64));
  h.state.position = 4;
  h.state.limit = 20;
  w.events.clear();
  CHECK(ch.write(w.ctx, h.io()) == 16);
  CHECK(w.kinds() == std::vector<std::string>{"temp_buffer_allocate", "bounce_copy", "position", "position",
                                              "position", "position", "syscall", "position", "position",
                                              "temp_buffer_offer"});
  CHECK(w.events[0].bytes == 16);
  CHECK(w.events[1].bytes == 16);
  CHECK(w.events[4].detail.rfind("flip", 0) == 0);
  CHECK(w.events[5].buffer == h.id);  // src.position(pos): back to 4
  CHECK(w.events[5].new_value == 4);
  CHECK(w.events[8].buffer == h.id);  // src.position(pos + n)
  CHECK(w.events[8].new_value == 20);
  CHECK(w.events[9].detail == "offerFirst");
  CHECK(h.state.position == 20);
  CHECK(w.counters.bounce_heap_to_native == 16);
  CHECK(w.counters.user_to_kernel == 16);
  CHECK(w.counters.syscall_count("write") == 1);
  CHECK(w.buffers.pool() == DirectPoolCounters{1, 16, 16});
}

TEST_CASE("io_util - a short write advances the heap buffer only by what was written") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE"});
  w.kernel.set_short_write_limit(w.kernel.file_named("f")->id, 5);
  HeapBuf h = w.heap(pattern(12));
  CHECK(ch.write(w.ctx, h.io()) == 5);
  CHECK(h.state.position == 5);
  CHECK(w.counters.bounce_heap_to_native == 12);  // all was copied; the rest is copied again on retry
  CHECK(ch.write(w.ctx, h.io()) == 5);
  CHECK(w.counters.bounce_heap_to_native == 19);
  CHECK(w.counters.temp_buffers_reused == 1);
  const auto p = pattern(12);
  CHECK(w.file("f") == std::vector<std::byte>(p.begin(), p.begin() + 10));
}

TEST_CASE("io_util - a heap read goes through a temp buffer and is put into the heap buffer") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE", "READ"});
  const BufferId d = w.direct(pattern(30, 5));
  ch.write(w.ctx, w.buffers.buffer(d));
  HeapBuf h = w.heap(std::vector<std::byte>(50));
  w.events.clear();
  CHECK(ch.read(w.ctx, h.io(), 0) == 30);
  CHECK(w.kinds() == std::vector<std::string>{"temp_buffer_allocate", "syscall", "position", "position",
                                              "bounce_copy", "position", "position", "temp_buffer_offer"});
  CHECK(w.events[1].call->name == "pread64");
  CHECK(w.events[4].to_heap);
  CHECK(h.state.position == 30);
  CHECK(std::vector<std::byte>(h.store->bytes().begin(), h.store->bytes().begin() + 30) == pattern(30, 5));
  CHECK(w.counters.kernel_to_user == 30);
  CHECK(w.counters.bounce_native_to_heap == 30);
  CHECK(ch.read(w.ctx, h.io(), 30) == -1);  // EOF
}

TEST_CASE("io_util - a read-only buffer is refused before anything else") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE", "READ"});
  HeapBuf h = w.heap(pattern(4));
  h.state.read_only = true;
  CHECK(thrown([&] { ch.read(w.ctx, h.io()); }) == "java.lang.IllegalArgumentException: Read-only buffer");
  CHECK(w.counters.temp_buffers_allocated == 0);
}

TEST_CASE("io_util - gathering write: one shadow per heap buffer, positions advance in order") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE"});
  w.kernel.set_short_write_limit(w.kernel.file_named("f")->id, 25);
  HeapBuf a = w.heap(pattern(10, 1));
  HeapBuf b = w.heap(pattern(20, 50));
  const BufferId d = w.direct(pattern(30, 100));
  std::vector<IoBuffer> srcs{a.io(), b.io(), w.buffers.buffer(d)};
  CHECK(ch.write(w.ctx, srcs) == 25);
  CHECK(a.state.position == 10);
  CHECK(b.state.position == 15);
  CHECK(w.buffers.buffer(d).state->position == 0);
  CHECK(w.counters.syscall_count("writev") == 1);
  CHECK(w.counters.temp_buffers_allocated == 2);
  const BufferCache* cache = w.temporaries.cache("main");
  REQUIRE(cache != nullptr);
  CHECK(cache->count() == 2);
  CHECK(cache->entries()[0].capacity == 10);  // offered last, in order
  CHECK(cache->entries()[1].capacity == 20);
}

TEST_CASE("io_util - scattering read hits a read-only buffer mid-way and returns the shadows") {
  World w;
  FileChannel ch = w.open("f", {"CREATE", "WRITE", "READ"});
  HeapBuf src = w.heap(pattern(40));
  ch.write(w.ctx, src.io());
  ch.position(w.ctx, 0);
  HeapBuf a = w.heap(std::vector<std::byte>(10));
  HeapBuf ro = w.heap(std::vector<std::byte>(10));
  ro.state.read_only = true;
  const int cached_before = w.temporaries.cache("main")->count();
  std::vector<IoBuffer> bad{a.io(), ro.io()};
  CHECK(thrown([&] { ch.read(w.ctx, bad); }) == "java.lang.IllegalArgumentException: Read-only buffer");
  CHECK(w.temporaries.cache("main")->count() >= cached_before);
  CHECK(a.state.position == 0);

  HeapBuf b = w.heap(std::vector<std::byte>(50));
  std::vector<IoBuffer> good{a.io(), b.io()};
  CHECK(ch.read(w.ctx, good) == 40);
  CHECK(a.state.position == 10);
  CHECK(b.state.position == 30);
  CHECK(b.store->bytes()[0] == pattern(40)[10]);
  CHECK(ch.read(w.ctx, good) == -1);  // a is full and skipped; b has room but the file is at EOF
}
