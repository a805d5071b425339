#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/io/direct_buffer_host.hpp"

namespace heapviz::io {

struct IoContext;

/// sun.nio.ch.Util.TEMP_BUF_POOL_SIZE = IOUtil.IOV_MAX, 1024 on Linux.
inline constexpr int kTempBufPoolSize = 1024;

/// One cached temporary buffer: its id and capacity (the capacity decides reuse).
struct CachedBuffer {
  BufferId id = 0;
  int capacity = 0;
  bool operator==(const CachedBuffer&) const = default;
};

/// Util.BufferCache: one thread's ring of cached temporary direct buffers.
class BufferCache {
 public:
  BufferCache() : slots_(kTempBufPoolSize) {}
  /// BufferCache.get(size): the first entry if its capacity >= size, else the first later one that is;
  /// that one's slot takes the first entry (no re-packing). Removes it and returns it, or nullopt.
  /// The caller prepares it (rewind, limit(size)).
  std::optional<CachedBuffer> get(int size);
  /// offerFirst / offerLast: false when the ring is full (count >= 1024).
  bool offer_first(CachedBuffer b);
  bool offer_last(CachedBuffer b);
  bool empty() const { return count_ == 0; }
  /// removeFirst(); the cache must not be empty.
  CachedBuffer remove_first();
  int count() const { return count_; }
  /// The cached buffers from first to last, for the view.
  std::vector<CachedBuffer> entries() const;
  bool operator==(const BufferCache&) const = default;

 private:
  int next(int i) const { return (i + 1) % kTempBufPoolSize; }
  std::vector<std::optional<CachedBuffer>> slots_;
  int count_ = 0;
  int start_ = 0;
};

/// Util.getMaxCachedBufferSize() on the value of -Djdk.nio.maxCachedBufferSize (nullopt: not set):
/// Long.parseLong; a negative or malformed value is ignored; the default is Long.MAX_VALUE.
std::int64_t parse_max_cached_buffer_size(std::optional<std::string_view> property);

/// The temporary-buffer half of sun.nio.ch.Util: one BufferCache per thread (a TerminatingThreadLocal),
/// created on first use and emptied when the thread terminates. A plain value.
class TemporaryBuffers {
 public:
  explicit TemporaryBuffers(std::int64_t max_cached_buffer_size = std::numeric_limits<std::int64_t>::max())
      : max_cached_(max_cached_buffer_size) {}
  std::int64_t max_cached_buffer_size() const { return max_cached_; }

  /// Util.getTemporaryDirectBuffer(size) on ctx.thread: larger than maxCachedBufferSize -> a fresh
  /// buffer, never cached; a cache hit (rewind + limit(size)); otherwise, if the cache is not empty,
  /// its first buffer is freed "to avoid the cache growing", then a new buffer is allocated.
  /// Throws JavaException when the allocation fails (after the eviction, as in the JDK).
  BufferId get(IoContext& ctx, int size);
  /// Util.offerFirstTemporaryDirectBuffer: too large (capacity) -> free; ring full -> free.
  void offer_first(IoContext& ctx, BufferId id);
  /// Util.offerLastTemporaryDirectBuffer (gathering/scattering shadows).
  void offer_last(IoContext& ctx, BufferId id);
  /// The thread terminates: every cached buffer is freed (TerminatingThreadLocal.threadTerminated).
  void thread_terminated(IoContext& ctx, const std::string& thread);

  /// The cache of `thread`, or nullptr if that thread never did heap-buffer I/O.
  const BufferCache* cache(const std::string& thread) const;
  const std::map<std::string, BufferCache>& caches() const { return caches_; }
  bool operator==(const TemporaryBuffers&) const = default;

 private:
  void free(IoContext& ctx, BufferId id, const char* why);
  void offer(IoContext& ctx, BufferId id, bool first);

  std::int64_t max_cached_;
  std::map<std::string, BufferCache> caches_;
};

}  // namespace heapviz::io
