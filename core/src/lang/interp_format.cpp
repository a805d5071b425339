#include "interp_format.hpp"

#include <cmath>
#include <cstdlib>

#include "java_floating_decimal.hpp"

namespace heapviz::lang::interp {
namespace {

template <class F>
std::string java_layout(F x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  std::string out = std::signbit(x) ? "-" : "";
  if (x == 0) return out + "0.0";
  const JavaDecimal dec = java_decimal_digits(std::fabs(x));
  const std::string& digits = dec.digits;
  const int e = dec.dec_exp - 1;  // x ~ d1.d2d3... * 10^e
  if (e >= -3 && e < 7) {
    if (e < 0) {
      out += "0.";
      out.append(static_cast<std::size_t>(-e - 1), '0');
      out += digits;
    } else {
      const auto int_len = static_cast<std::size_t>(e + 1);
      if (digits.size() <= int_len) {
        out += digits;
        out.append(int_len - digits.size(), '0');
        out += ".0";
      } else {
        out += digits.substr(0, int_len) + "." + digits.substr(int_len);
      }
    }
    return out;
  }
  out += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E" + std::to_string(e);
  return out;
}

}  // namespace

std::string java_double_to_string(double d) { return java_layout(d); }

std::string java_float_to_string(float f) { return java_layout(f); }

std::string utf16_unit_to_utf8(char16_t c) {
  const auto u = static_cast<std::uint32_t>(c);
  std::string out;
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u >= 0xD800 && u <= 0xDFFF) {
    out += '?';
  } else {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
  return out;
}

namespace {
// Decodes one code point at `i` (advancing it); malformed bytes count as one unit each.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (i + static_cast<std::size_t>(extra) >= s.size() + (extra == 0 ? 1 : 0)) extra = 0;
  std::uint32_t cp = extra == 0 ? b : (b & (0x3F >> extra));
  for (int k = 1; k <= extra; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}
}  // namespace

std::int32_t utf16_length(std::string_view utf8) {
  std::int32_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) n += next_code_point(utf8, i) >= 0x10000 ? 2 : 1;
  return n;
}

char16_t utf16_at(std::string_view utf8, std::int32_t index) {
  std::int32_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::uint32_t cp = next_code_point(utf8, i);
    if (cp >= 0x10000) {
      const std::uint32_t v = cp - 0x10000;
      if (n == index) return static_cast<char16_t>(0xD800 + (v >> 10));
      if (n + 1 == index) return static_cast<char16_t>(0xDC00 + (v & 0x3FF));
      n += 2;
    } else {
      if (n == index) return static_cast<char16_t>(cp);
      ++n;
    }
  }
  return u'\0';
}

std::string to_hex(std::uint64_t bits) {
  if (bits == 0) return "0";
  std::string out;
  while (bits != 0) {
    out.insert(out.begin(), "0123456789abcdef"[bits & 0xF]);
    bits >>= 4;
  }
  return out;
}

}  // namespace heapviz::lang::interp
