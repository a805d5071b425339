#include "random_cases.hpp"

#include <array>
#include <initializer_list>
#include <string_view>

namespace heapviz::jdk_test {
namespace {

// A small LCG: the same sequence on every platform, unlike std:: distributions.
class Random {
 public:
  explicit Random(std::uint32_t seed) : state_(seed) {}
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
  /// lo..hi inclusive; the span is computed unsigned so [0, INT_MAX] does not overflow.
  int between(int lo, int hi) {
    const std::uint32_t span = static_cast<std::uint32_t>(hi) - static_cast<std::uint32_t>(lo) + 1u;
    return static_cast<int>(static_cast<std::uint32_t>(lo) + next() % span);
  }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(below(N))];
  }

 private:
  // 32 random bits from two LCG steps (the low bits of an LCG are weak, so only the high 16 are used).
  std::uint32_t next() {
    state_ = state_ * 1103515245u + 12345u;
    const std::uint32_t high = state_ >> 16;
    state_ = state_ * 1103515245u + 12345u;
    return (high << 16) | (state_ >> 16);
  }
  std::uint32_t state_;
};

// Indexes and lengths near the interesting edges: 0, small, capacity-sized, past the end, negative.
constexpr std::array<int, 16> kIndexes{0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 20, -1, -3};

// Concatenation by append(): g++ 12 reports a false -Wrestrict for "literal" + std::string at -O2.
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s.append(p);
  return s;
}

std::string index(Random& r) { return std::to_string(r.pick(kIndexes)); }
std::string bytes(Random& r, int lo, int hi) {
  std::string s;
  for (int k = r.between(lo, hi); k > 0; --k) s.append(" ").append(std::to_string(r.between(-128, 255)));
  return s;
}

std::string count(Random& r, int lo, int hi) { return std::to_string(r.between(lo, hi)); }
std::string buffer(Random& r) { return std::to_string(r.below(2)); }
std::string maybe_index(Random& r) { return r.below(2) == 0 ? "" : cat({" ", index(r)}); }

std::string operation(Random& r) {
  static constexpr std::array<const char*, 6> kTypes{"Short", "Char", "Int", "Long", "Float", "Double"};
  static constexpr std::array<const char*, 12> kSimple{"flip", "clear", "rewind", "mark", "reset", "compact",
                                                       "dup",  "ro",    "slice",  "get",  "pools", "gc"};
  static constexpr std::array<const char*, 5> kQueries{"hashCode", "array", "arrayOffset", "hasArray",
                                                       "remaining"};
  static constexpr std::array<const char*, 3> kCompare{"equals ", "compareTo ", "mismatch "};
  switch (r.below(22)) {
    case 0:
      return r.pick(kSimple);
    case 1:
      return r.pick(kQueries);
    case 2:
      return cat({"position ", index(r)});
    case 3:
      return cat({"limit ", index(r)});
    case 4:
      return cat({"slice ", index(r), " ", index(r)});
    case 5:
      return cat({"sel ", buffer(r)});
    case 6:
      return r.below(2) == 0 ? "order big" : "order little";
    case 7:
      return cat({"get ", index(r)});
    case 8:
      return cat({"put", bytes(r, 0, 6)});
    case 9:
      return cat({"put1", bytes(r, 1, 4)});
    case 10:
      return cat({"putAt ", index(r), bytes(r, 1, 1)});
    case 11:
      return cat({"putRange ", index(r), " ", index(r), bytes(r, 0, 5)});
    case 12:
      return cat({"putAtArr ", index(r), " ", index(r), " ", index(r), bytes(r, 0, 5)});
    case 13:
      return cat({"putAtAll ", index(r), bytes(r, 0, 5)});
    case 14:
      return cat({"getArr ", count(r, 0, 6)});
    case 15:
      return cat({"getRange ", count(r, 0, 6), " ", index(r), " ", index(r)});
    case 16: {
      const std::string head = cat({"getAtArr ", index(r), " ", count(r, 0, 6)});
      return r.below(2) == 0 ? head : cat({head, " ", index(r), " ", index(r)});
    }
    case 17:
      return cat({"putBuf ", buffer(r)});
    case 18:
      return cat({"putBufAt ", index(r), " ", buffer(r), " ", index(r), " ", index(r)});
    case 19:
      return cat({"get", r.pick(kTypes), maybe_index(r)});
    case 20:
      return cat({"put", r.pick(kTypes), maybe_index(r), " ", count(r, 0, 2147483647)});
    default:
      return cat({r.pick(kCompare), buffer(r)});
  }
}

std::string creation(Random& r, bool may_be_view) {
  switch (r.below(may_be_view ? 6 : 3)) {
    case 0:
      return cat({"heap ", count(r, 0, 20)});
    case 1:
      return cat({"direct ", count(r, 0, 20)});
    case 2:
      return cat({"wrap ", count(r, 8, 20), " ", count(r, 0, 4), " ", count(r, 0, 4)});
    case 3:
      return "ro";
    case 4:
      return "slice";
    default:
      return "dup";
  }
}

}  // namespace

std::string random_case_file(int count, std::uint32_t seed) {
  Random r(seed);
  std::string text =
      cat({"# generated: random_case_file(", std::to_string(count), ", ", std::to_string(seed), ")\n"});
  for (int c = 0; c < count; ++c) {
    text.append(creation(r, false)).append(" | ").append(creation(r, true));
    for (int k = r.between(3, 25); k > 0; --k) text.append(" | ").append(operation(r));
    text.append("\n");
  }
  return text;
}

}  // namespace heapviz::jdk_test
