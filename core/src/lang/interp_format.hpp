#pragma once
// Java's text for values: String.valueOf, Double.toString, Integer.toHexString, UTF-16 helpers.
#include <cstdint>
#include <string>
#include <string_view>

namespace heapviz::lang::interp {

/// Double.toString(d) in Java's layout ("1.0", "0.001", "1.0E7", "1.0E-4", "NaN", "-Infinity") with
/// JDK 17's digits (java_floating_decimal.hpp), which are not always the shortest that round-trip:
/// Double.MIN_VALUE prints "4.9E-324", 2.5E10f prints "2.49999995E10", 2^60 "1.15292150460684698E18".
std::string java_double_to_string(double d);
/// Float.toString(f), same rules with float precision.
std::string java_float_to_string(float f);
/// A UTF-16 code unit as UTF-8 (a lone surrogate becomes '?', as the JDK's UTF-8 encoder does).
std::string utf16_unit_to_utf8(char16_t c);
/// String.length(): UTF-16 code units of a UTF-8 string.
std::int32_t utf16_length(std::string_view utf8);
/// String.charAt(i) for a UTF-8 string (0 <= i < utf16_length).
char16_t utf16_at(std::string_view utf8, std::int32_t index);
/// Integer.toHexString / Long.toHexString (two's complement, lower case, no leading zeros).
std::string to_hex(std::uint64_t bits);

}  // namespace heapviz::lang::interp
