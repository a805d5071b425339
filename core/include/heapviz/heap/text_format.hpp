#pragma once
// The few text formats every layer's narration shares, so that an address or a count reads the same
// everywhere (one hex formatter, one rule for "1 byte" / "2 bytes").
#include <cstdint>
#include <string>
#include <string_view>

namespace heapviz::text {

/// "0xfc000010" (lower case, no padding).
std::string hex(std::uint64_t v);
/// "1 object", "3 objects": the English plural by appending "s".
std::string plural(std::uint64_t n, std::string_view word);
/// "1 byte", "4096 bytes".
std::string bytes(std::int64_t n);

}  // namespace heapviz::text
