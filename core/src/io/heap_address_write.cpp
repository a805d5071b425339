// Runs of wrong bytes for lesson 06's heap-address writes (see heap_address_write.hpp).
#include "heapviz/io/heap_address_write.hpp"

#include <algorithm>

namespace heapviz::io {

std::vector<WrongBytes> wrong_runs(std::span<const std::uint8_t> expected,
                                   std::span<const std::uint8_t> received, std::int64_t offset,
                                   std::uint64_t old_base, std::uint64_t new_base) {
  std::vector<WrongBytes> out;
  const std::size_t n = std::min(expected.size(), received.size());
  for (std::size_t i = 0; i < n;) {
    if (expected[i] == received[i]) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && expected[j] != received[j]) ++j;
    WrongBytes w;
    w.offset = offset + static_cast<std::int64_t>(i);
    w.length = static_cast<std::int64_t>(j - i);
    w.read_from = old_base + i;
    w.array_now = new_base + i;
    w.expected.assign(expected.begin() + static_cast<std::ptrdiff_t>(i),
                      expected.begin() + static_cast<std::ptrdiff_t>(j));
    w.received.assign(received.begin() + static_cast<std::ptrdiff_t>(i),
                      received.begin() + static_cast<std::ptrdiff_t>(j));
    out.push_back(std::move(w));
    i = j;
  }
  return out;
}

const HeapWriteChunk* chunk_read_at(const HeapAddressWrite& w, std::uint64_t heap_addr) {
  for (const HeapWriteChunk& c : w.chunks)
    if (c.copied && heap_addr >= c.read_from &&
        heap_addr < c.read_from + static_cast<std::uint64_t>(c.length))
      return &c;
  return nullptr;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> wrong_kernel_bytes(const HeapAddressWrite& w,
                                                                        std::uint64_t addr,
                                                                        std::uint64_t len) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
  for (const CachedBytes& c : w.wrong_cached) {
    const std::uint64_t a = std::max(addr, c.kernel_address),
                        b = std::min(addr + len, c.kernel_address + static_cast<std::uint64_t>(c.length));
    if (a < b) out.emplace_back(a, b - a);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace heapviz::io
