// sun.nio.ch.Util's temporary-buffer cache: BufferCache ring, reuse, replacement, limits, threads.
#include <doctest/doctest.h>

#include "io_test_support.hpp"

using namespace io_test;

TEST_CASE("temp cache - BufferCache get takes the first big enough entry without re-packing") {
  BufferCache c;
  CHECK_FALSE(c.get(1).has_value());
  c.offer_last({1, 10});
  c.offer_last({2, 50});
  c.offer_last({3, 30});
  const auto hit = c.get(40);  // the first (10) is too small; the scan finds 50
  REQUIRE(hit.has_value());
  CHECK(hit->id == 2);
  // The hit's slot took the first entry (10), then the first slot was removed.
  CHECK(c.entries() == std::vector<CachedBuffer>{{1, 10}, {3, 30}});
  CHECK_FALSE(c.get(100).has_value());
  CHECK(c.get(5)->id == 1);  // the first entry is big enough
  c.offer_first({4, 1});
  CHECK(c.entries() == std::vector<CachedBuffer>{{4, 1}, {3, 30}});
  CHECK(c.remove_first().id == 4);
}

TEST_CASE("temp cache - the ring holds at most 1024 buffers") {
  BufferCache c;
  for (int i = 0; i < kTempBufPoolSize; ++i) CHECK(c.offer_last({static_cast<BufferId>(i + 1), 1}));
  CHECK_FALSE(c.offer_last({9999, 1}));
  CHECK_FALSE(c.offer_first({9999, 1}));
  CHECK(c.count() == kTempBufPoolSize);
}

TEST_CASE(
    "temp cache - jdk.nio.maxCachedBufferSize is parsed like Long.parseLong and negatives are ignored") {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  CHECK(parse_max_cached_buffer_size(std::nullopt) == kMax);
  CHECK(parse_max_cached_buffer_size("65536") == 65536);
  CHECK(parse_max_cached_buffer_size("+10") == 10);
  CHECK(parse_max_cached_buffer_size("0") == 0);
  CHECK(parse_max_cached_buffer_size("-0") == 0);
  CHECK(parse_max_cached_buffer_size("-1") == kMax);
  CHECK(parse_max_cached_buffer_size("64k") == kMax);
  CHECK(parse_max_cached_buffer_size(" 1") == kMax);
  CHECK(parse_max_cached_buffer_size("") == kMax);
  CHECK(parse_max_cached_buffer_size("9223372036854775808") == kMax);
  CHECK(parse_max_cached_buffer_size("9223372036854775807") == kMax);
}

TEST_CASE("temp cache - reuse of a larger buffer, replacement of a smaller one, freeing at thread exit") {
  World w;
  const BufferId a = w.temporaries.get(w.ctx, 1000);
  CHECK(w.buffers.pool() == DirectPoolCounters{1, 1000, 1000});
  w.temporaries.offer_first(w.ctx, a);
  const BufferId b = w.temporaries.get(w.ctx, 300);  // reuse: rewind + limit(300)
  CHECK(b == a);
  CHECK(w.buffers.buffer(b).state->limit == 300);
  CHECK(w.buffers.buffer(b).state->capacity == 1000);
  w.temporaries.offer_first(w.ctx, b);
  const BufferId c = w.temporaries.get(w.ctx, 2000);  // too small cached one is freed first
  CHECK(c != a);
  CHECK_FALSE(w.buffers.is_live(a));
  CHECK(w.buffers.pool() == DirectPoolCounters{1, 2000, 2000});
  w.temporaries.offer_first(w.ctx, c);
  CHECK(w.counters.temp_buffers_allocated == 2);
  CHECK(w.counters.temp_buffers_reused == 1);
  CHECK(w.counters.temp_buffers_freed == 1);

  w.ctx.thread = "worker";
  const BufferId d = w.temporaries.get(w.ctx, 10);  // another thread, another cache
  w.temporaries.offer_first(w.ctx, d);
  CHECK(w.buffers.pool().count == 2);
  w.temporaries.thread_terminated(w.ctx, "worker");
  CHECK(w.buffers.pool() == DirectPoolCounters{1, 2000, 2000});
  CHECK(w.temporaries.cache("worker") == nullptr);
  CHECK(w.temporaries.cache("main")->count() == 1);
}

TEST_CASE("temp cache - buffers above maxCachedBufferSize are never cached") {
  World w(std::int64_t{1} << 40, 100);
  const BufferId big = w.temporaries.get(w.ctx, 101);
  w.temporaries.offer_first(w.ctx, big);
  CHECK_FALSE(w.buffers.is_live(big));
  CHECK(w.buffers.pool().count == 0);
  const BufferId small = w.temporaries.get(w.ctx, 100);
  w.temporaries.offer_first(w.ctx, small);
  CHECK(w.buffers.is_live(small));
}

TEST_CASE("temp cache - an allocation over MaxDirectMemorySize fails after the cached buffer was freed") {
  World w(1 << 20);
  w.temporaries.offer_first(w.ctx, w.temporaries.get(w.ctx, 1 << 20));
  CHECK(thrown([&] { w.temporaries.get(w.ctx, 2 << 20); }) ==
        "java.lang.OutOfMemoryError: Cannot reserve 2097152 bytes of direct buffer memory (allocated: 0, "
        "limit: 1048576)");
  CHECK(w.buffers.pool().count == 0);
}
