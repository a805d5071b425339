#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

/// Forces inlining of the tiny accessors on the collectors' hot paths.
#define HEAPVIZ_INLINE [[gnu::always_inline]] inline

namespace heapviz::heap {

/// A growable array of trivially copyable T, stored in fixed pages shared copy-on-write.
/// Copying the array copies page pointers only, so a checkpoint of a 1 GiB heap costs kilobytes;
/// a page is duplicated on its first write after a copy. Pages never written read as T{} (zero).
template <class T, unsigned PageShift>
class CowPages {
 public:
  static constexpr std::size_t kPageElems = std::size_t{1} << PageShift;
  static constexpr std::size_t kMask = kPageElems - 1;
  using Page = std::array<T, kPageElems>;

  CowPages() = default;
  explicit CowPages(std::size_t n) { resize(n); }
  /// A copy shares every page; from now on both sides copy a page before writing it.
  CowPages(const CowPages& o) : pages_(o.pages_), slots_(o.slots_), size_(o.size_) {
    for (auto& sl : slots_) sl.owned = false;
    for (auto& sl : o.slots_) sl.owned = false;
  }
  CowPages& operator=(const CowPages& o) {
    if (this != &o) {
      pages_ = o.pages_;
      slots_ = o.slots_;
      size_ = o.size_;
      for (auto& sl : slots_) sl.owned = false;
      for (auto& sl : o.slots_) sl.owned = false;
    }
    return *this;
  }
  CowPages(CowPages&&) noexcept = default;
  CowPages& operator=(CowPages&&) noexcept = default;

  std::size_t size() const { return size_; }
  /// Grows or shrinks to n elements; new elements read as T{}.
  void resize(std::size_t n) {
    pages_.resize((n + kMask) >> PageShift);
    slots_.resize(pages_.size());
    size_ = n;
  }
  void push_back(const T& v) {
    resize(size_ + 1);
    mut(size_ - 1) = v;
  }

  /// Reads element i (T{} if its page was never written).
  HEAPVIZ_INLINE T get(std::size_t i) const {
    const T* p = slots_[i >> PageShift].data;
    return p ? p[i & kMask] : T{};
  }
  /// A reference to element i, valid until the next non-const call (a static T{} if never written).
  HEAPVIZ_INLINE const T& at(std::size_t i) const {
    static const T kZero{};
    const T* p = slots_[i >> PageShift].data;
    return p ? p[i & kMask] : kZero;
  }
  /// A writable reference to element i, un-sharing its page first.
  HEAPVIZ_INLINE T& mut(std::size_t i) {
    const Slot& sl = slots_[i >> PageShift];
    if (sl.owned) [[likely]]
      return sl.data[i & kMask];
    return own(i >> PageShift)[i & kMask];
  }

  /// Hints the CPU to fetch element i (no effect if its page does not exist). Heap walks chase
  /// pointers (the next object's address depends on this one's size), so they prefetch ahead as
  /// HotSpot does (PrefetchScanIntervalInBytes).
  HEAPVIZ_INLINE void prefetch(std::size_t i, bool for_write = false) const {
    if ((i >> PageShift) >= slots_.size()) return;
    if (const T* p = slots_[i >> PageShift].data) {
      if (for_write) {
        __builtin_prefetch(p + (i & kMask), 1);
      } else {
        __builtin_prefetch(p + (i & kMask), 0);
      }
    }
  }

  /// Copies n elements starting at i into out (may cross pages).
  HEAPVIZ_INLINE void read(std::size_t i, T* out, std::size_t n) const {
    if (n == 0) return;  // `out` may be null (an empty vector's data()): memcpy must not see it
    if ((i & kMask) + n <= kPageElems) [[likely]] {
      if (const T* p = slots_[i >> PageShift].data) [[likely]] {
        std::memcpy(out, p + (i & kMask), n * sizeof(T));
        return;
      }
    }
    read_slow(i, out, n);
  }
  /// Writes n elements starting at i (may cross pages).
  HEAPVIZ_INLINE void write(std::size_t i, const T* in, std::size_t n) {
    if (n == 0) return;
    if ((i & kMask) + n <= kPageElems) [[likely]] {
      const Slot& sl = slots_[i >> PageShift];
      if (sl.owned) [[likely]] {
        std::memcpy(sl.data + (i & kMask), in, n * sizeof(T));
        return;
      }
    }
    write_slow(i, in, n);
  }
  /// memmove semantics within the array (source and destination may overlap).
  HEAPVIZ_INLINE void move(std::size_t to, std::size_t from, std::size_t n) {
    if (n == 0 || to == from) return;
    if ((to & kMask) + n <= kPageElems && (from & kMask) + n <= kPageElems && slots_[to >> PageShift].owned &&
        slots_[from >> PageShift].data != nullptr) [[likely]] {  // both ends inside one page each
      std::memmove(slots_[to >> PageShift].data + (to & kMask),
                   slots_[from >> PageShift].data + (from & kMask), n * sizeof(T));
      return;
    }
    constexpr std::size_t kChunk = 512;
    T buf[kChunk];
    if (to < from) {  // front to back: a chunk is read before anything overwrites it
      for (std::size_t done = 0; done < n;) {
        const std::size_t c = std::min(kChunk, n - done);
        read(from + done, buf, c);
        write(to + done, buf, c);
        done += c;
      }
    } else {  // back to front
      for (std::size_t left = n; left > 0;) {
        const std::size_t c = std::min(kChunk, left);
        left -= c;
        read(from + left, buf, c);
        write(to + left, buf, c);
      }
    }
  }
  /// Fills n elements from i with v.
  void fill(std::size_t i, const T& v, std::size_t n) {
    while (n > 0) {
      const std::size_t off = i & kMask;
      const std::size_t take = std::min(n, kPageElems - off);
      T* p = own(i >> PageShift) + off;
      for (std::size_t k = 0; k < take; ++k) p[k] = v;
      i += take;
      n -= take;
    }
  }

  /// Content equality (an unwritten page equals a page of T{}).
  bool operator==(const CowPages& o) const {
    if (size_ != o.size_) return false;
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      if (pages_[p] == o.pages_[p]) continue;
      for (std::size_t k = 0; k < kPageElems && (p << PageShift) + k < size_; ++k) {
        const T a = pages_[p] ? (*pages_[p])[k] : T{};
        const T b = o.pages_[p] ? (*o.pages_[p])[k] : T{};
        if (std::memcmp(&a, &b, sizeof(T)) != 0) return false;
      }
    }
    return true;
  }

  /// Bytes held by pages this array owns alone (shared pages are not counted).
  std::size_t owned_bytes() const {
    std::size_t n = pages_.capacity() * sizeof(std::shared_ptr<Page>);
    for (const auto& p : pages_)
      if (p && p.use_count() == 1) n += sizeof(Page);
    return n;
  }

 private:
  [[gnu::noinline]] void read_slow(std::size_t i, T* out, std::size_t n) const {
    while (n > 0) {
      const std::size_t off = i & kMask;
      const std::size_t take = std::min(n, kPageElems - off);
      const T* p = slots_[i >> PageShift].data;
      if (p) {
        std::memcpy(out, p + off, take * sizeof(T));
      } else {
        for (std::size_t k = 0; k < take; ++k) out[k] = T{};
      }
      i += take;
      out += take;
      n -= take;
    }
  }
  [[gnu::noinline]] void write_slow(std::size_t i, const T* in, std::size_t n) {
    while (n > 0) {
      const std::size_t off = i & kMask;
      const std::size_t take = std::min(n, kPageElems - off);
      std::memcpy(own(i >> PageShift) + off, in, take * sizeof(T));
      i += take;
      in += take;
      n -= take;
    }
  }

  // A page this array may write: owned pages directly; shared or missing ones after copying/creating.
  T* own(std::size_t page) {
    Slot& sl = slots_[page];
    if (sl.owned) [[likely]]
      return sl.data;
    auto& p = pages_[page];
    if (!p) {
      p = std::make_shared<Page>();  // value-initialised: zeros
    } else if (p.use_count() > 1) {
      p = std::make_shared<Page>(*p);
    }
    sl.data = p->data();
    sl.owned = true;
    return sl.data;
  }

  // Raw view of pages_ for the hot paths; `owned` is true only while no copy shares the page
  // (mutable: copying an array makes the source's pages shared too).
  struct Slot {
    T* data = nullptr;
    mutable bool owned = false;
  };

  std::vector<std::shared_ptr<Page>> pages_;
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace heapviz::heap
