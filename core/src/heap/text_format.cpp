#include "heapviz/heap/text_format.hpp"

#include <cstdio>

namespace heapviz::text {

std::string hex(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string plural(std::uint64_t n, std::string_view word) {
  std::string s = std::to_string(n);
  s.append(" ").append(word);
  if (n != 1) s.append("s");
  return s;
}

std::string bytes(std::int64_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

}  // namespace heapviz::text
