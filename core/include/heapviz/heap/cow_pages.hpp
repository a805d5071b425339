#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

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

  std::size_t size() const { return size_; }
  /// Grows or shrinks to n elements; new elements read as T{}.
  void resize(std::size_t n) {
    pages_.resize((n + kMask) >> PageShift);
    size_ = n;
  }
  void push_back(const T& v) {
    resize(size_ + 1);
    mut(size_ - 1) = v;
  }

  /// Reads element i (T{} if its page was never written).
  T get(std::size_t i) const {
    const auto& p = pages_[i >> PageShift];
    return p ? (*p)[i & kMask] : T{};
  }
  /// A reference to element i, valid until the next non-const call (a static T{} if never written).
  const T& at(std::size_t i) const {
    static const T kZero{};
    const auto& p = pages_[i >> PageShift];
    return p ? (*p)[i & kMask] : kZero;
  }
  /// A writable reference to element i, un-sharing its page first.
  T& mut(std::size_t i) { return (*own(i >> PageShift))[i & kMask]; }

  /// Copies n elements starting at i into out (may cross pages).
  void read(std::size_t i, T* out, std::size_t n) const {
    while (n > 0) {
      const std::size_t off = i & kMask;
      const std::size_t take = std::min(n, kPageElems - off);
      const auto& p = pages_[i >> PageShift];
      if (p) {
        std::memcpy(out, p->data() + off, take * sizeof(T));
      } else {
        for (std::size_t k = 0; k < take; ++k) out[k] = T{};
      }
      i += take;
      out += take;
      n -= take;
    }
  }
  /// Writes n elements starting at i (may cross pages).
  void write(std::size_t i, const T* in, std::size_t n) {
    while (n > 0) {
      const std::size_t off = i & kMask;
      const std::size_t take = std::min(n, kPageElems - off);
      std::memcpy(own(i >> PageShift)->data() + off, in, take * sizeof(T));
      i += take;
      in += take;
      n -= take;
    }
  }
  /// memmove semantics within the array (source and destination may overlap).
  void move(std::size_t to, std::size_t from, std::size_t n) {
    if (n == 0 || to == from) return;
    std::vector<T> tmp(n);
    read(from, tmp.data(), n);
    write(to, tmp.data(), n);
  }
  /// Fills n elements from i with v.
  void fill(std::size_t i, const T& v, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) mut(i + k) = v;
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
  Page* own(std::size_t page) {
    auto& p = pages_[page];
    if (!p) {
      p = std::make_shared<Page>();  // value-initialised: zeros
    } else if (p.use_count() > 1) {
      p = std::make_shared<Page>(*p);
    }
    return p.get();
  }

  std::vector<std::shared_ptr<Page>> pages_;
  std::size_t size_ = 0;
};

}  // namespace heapviz::heap
