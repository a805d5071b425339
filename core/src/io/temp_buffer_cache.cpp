// sun.nio.ch.Util's temporary direct buffers (JDK 17): per-thread BufferCache and its policy.
#include "heapviz/io/temp_buffer_cache.hpp"

#include <cassert>
#include <charconv>

#include "heapviz/io/io_context.hpp"

namespace heapviz::io {

std::optional<CachedBuffer> BufferCache::get(int size) {
  if (count_ == 0) return std::nullopt;
  int i = start_;
  if (slots_[static_cast<std::size_t>(start_)]->capacity < size) {
    std::optional<int> found;
    while ((i = next(i)) != start_) {
      const auto& b = slots_[static_cast<std::size_t>(i)];
      if (!b) break;
      if (b->capacity >= size) {
        found = i;
        break;
      }
    }
    if (!found) return std::nullopt;
    // The hit's slot takes the first entry, so the first slot can be removed below (no re-packing).
    std::swap(slots_[static_cast<std::size_t>(i)], slots_[static_cast<std::size_t>(start_)]);
  }
  const CachedBuffer hit = *slots_[static_cast<std::size_t>(start_)];
  slots_[static_cast<std::size_t>(start_)].reset();
  start_ = next(start_);
  --count_;
  return hit;
}

bool BufferCache::offer_first(CachedBuffer b) {
  if (count_ >= kTempBufPoolSize) return false;
  start_ = (start_ + kTempBufPoolSize - 1) % kTempBufPoolSize;
  slots_[static_cast<std::size_t>(start_)] = b;
  ++count_;
  return true;
}

bool BufferCache::offer_last(CachedBuffer b) {
  if (count_ >= kTempBufPoolSize) return false;
  slots_[static_cast<std::size_t>((start_ + count_) % kTempBufPoolSize)] = b;
  ++count_;
  return true;
}

CachedBuffer BufferCache::remove_first() {
  assert(count_ > 0);
  const CachedBuffer b = *slots_[static_cast<std::size_t>(start_)];
  slots_[static_cast<std::size_t>(start_)].reset();
  start_ = next(start_);
  --count_;
  return b;
}

std::vector<CachedBuffer> BufferCache::entries() const {
  std::vector<CachedBuffer> out;
  for (int k = 0; k < count_; ++k)
    out.push_back(*slots_[static_cast<std::size_t>((start_ + k) % kTempBufPoolSize)]);
  return out;
}

std::int64_t parse_max_cached_buffer_size(std::optional<std::string_view> property) {
  constexpr std::int64_t kDefault = std::numeric_limits<std::int64_t>::max();
  if (!property || property->empty()) return kDefault;
  std::string_view s = *property;
  bool negative = false;
  // Long.parseLong accepts one leading sign; from_chars does not accept '+'.
  if (s.front() == '+' || s.front() == '-') {
    negative = s.front() == '-';
    s.remove_prefix(1);
    if (s.empty() || s.front() == '+' || s.front() == '-') return kDefault;
  }
  std::uint64_t magnitude = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude);
  if (ec != std::errc{} || end != s.data() + s.size()) return kDefault;  // NumberFormatException
  if (negative) return magnitude == 0 ? 0 : kDefault;  // "-0" is 0, accepted; other negatives are ignored
  if (magnitude > static_cast<std::uint64_t>(kDefault)) return kDefault;  // overflow: NumberFormatException
  return static_cast<std::int64_t>(magnitude);
}

BufferId TemporaryBuffers::get(IoContext& ctx, int size) {
  ctx.boundary();
  const auto allocate = [&](const char* why) {
    const BufferId id = ctx.buffers.allocate_direct(size);
    ++ctx.counters.temp_buffers_allocated;
    IoEvent e;
    e.kind = IoEventKind::temp_buffer_allocate;
    e.thread = ctx.thread;
    e.buffer = id;
    e.bytes = size;
    e.detail = why;
    ctx.emit(e);
    return id;
  };
  if (size > max_cached_) return allocate("larger than jdk.nio.maxCachedBufferSize: never cached");
  BufferCache& cache = caches_[ctx.thread];
  if (const auto hit = cache.get(size)) {
    IoBuffer b = ctx.buffers.buffer(hit->id);
    b.state->position = 0;  // rewind(): position 0, mark discarded
    b.state->mark = -1;
    b.state->limit = size;  // limit(size) (position is 0, so nothing to clamp)
    ++ctx.counters.temp_buffers_reused;
    IoEvent e;
    e.kind = IoEventKind::temp_buffer_reuse;
    e.thread = ctx.thread;
    e.buffer = hit->id;
    e.bytes = hit->capacity;
    e.new_value = size;
    e.detail = "rewind(); limit(" + std::to_string(size) + ")";
    ctx.emit(e);
    return hit->id;
  }
  if (!cache.empty())
    free(ctx, cache.remove_first().id, "too small for the request: freed to avoid the cache growing");
  return allocate("cache miss");
}

void TemporaryBuffers::offer(IoContext& ctx, BufferId id, bool first) {
  ctx.boundary();
  const int capacity = ctx.buffers.buffer(id).state->capacity;
  if (capacity > max_cached_) {
    free(ctx, id, "larger than jdk.nio.maxCachedBufferSize");
    return;
  }
  BufferCache& cache = caches_[ctx.thread];
  const bool kept = first ? cache.offer_first({id, capacity}) : cache.offer_last({id, capacity});
  if (!kept) {
    free(ctx, id, "the thread's cache is full (1024 buffers)");
    return;
  }
  IoEvent e;
  e.kind = IoEventKind::temp_buffer_offer;
  e.thread = ctx.thread;
  e.buffer = id;
  e.bytes = capacity;
  e.detail = first ? "offerFirst" : "offerLast";
  ctx.emit(e);
}

void TemporaryBuffers::offer_first(IoContext& ctx, BufferId id) { offer(ctx, id, true); }
void TemporaryBuffers::offer_last(IoContext& ctx, BufferId id) { offer(ctx, id, false); }

void TemporaryBuffers::free(IoContext& ctx, BufferId id, const char* why) {
  ctx.boundary();
  const int capacity = ctx.buffers.buffer(id).state->capacity;
  ctx.buffers.free(id);
  ++ctx.counters.temp_buffers_freed;
  IoEvent e;
  e.kind = IoEventKind::temp_buffer_free;
  e.thread = ctx.thread;
  e.buffer = id;
  e.bytes = capacity;
  e.detail = why;
  ctx.emit(e);
}

void TemporaryBuffers::thread_terminated(IoContext& ctx, const std::string& thread) {
  const auto it = caches_.find(thread);
  if (it == caches_.end()) return;
  const std::string saved = ctx.thread;
  ctx.thread = thread;
  while (!it->second.empty()) free(ctx, it->second.remove_first().id, "the thread terminated");
  ctx.thread = saved;
  caches_.erase(it);
}

const BufferCache* TemporaryBuffers::cache(const std::string& thread) const {
  const auto it = caches_.find(thread);
  return it == caches_.end() ? nullptr : &it->second;
}

}  // namespace heapviz::io
