// Runs of wrong bytes for lesson 06's heap-address writes (see heap_address_write.hpp).
#include "heapviz/io/heap_address_write.hpp"

namespace heapviz::io {

std::vector<WrongBytes> wrong_runs(std::span<const std::uint8_t> expected, std::span<const std::uint8_t> received,
                                   std::int64_t offset, std::uint64_t old_base, std::uint64_t new_base) {
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
    w.expected.assign(expected.begin() + static_cast<std::ptrdiff_t>(i), expected.begin() + static_cast<std::ptrdiff_t>(j));
    w.received.assign(received.begin() + static_cast<std::ptrdiff_t>(i), received.begin() + static_cast<std::ptrdiff_t>(j));
    out.push_back(std::move(w));
    i = j;
  }
  return out;
}

}  // namespace heapviz::io
