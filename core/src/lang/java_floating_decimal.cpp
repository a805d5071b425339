// See java_floating_decimal.hpp. Written from the algorithm's description and checked against JDK 17
// output (tests/jdk/programs/double_to_string.java); no JDK source is copied.
#include "java_floating_decimal.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

namespace heapviz::lang::interp {
namespace {

constexpr int kExpShift = 52;  // bits of a double's fraction field
constexpr std::uint64_t kFractHob = 1ull << kExpShift;
constexpr int kMaxSmallBinExp = 62;
constexpr int kMinSmallBinExp = -21;

std::uint64_t pow5(int n) {
  std::uint64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 5;
  return p;
}

// Bit length of 5^n (n < 27 from a table in the JDK; the JDK uses 3n beyond that, so do we).
int bits_of_pow5(int n) {
  if (n >= 27) return n * 3;
  return n == 0 ? 0 : static_cast<int>(std::bit_width(pow5(n)));
}

// floor(log10(x)) estimated from the binary exponent the way FloatingDecimal does (never too small,
// sometimes one too large): a linear fit of log10 over the mantissa in [1, 2), evaluated in doubles.
int estimate_dec_exp(std::uint64_t fract_bits, int bin_exp) {
  const std::uint64_t one_bits = 0x3ff0000000000000ull | (fract_bits & (kFractHob - 1));
  double d2;
  std::memcpy(&d2, &one_bits, sizeof d2);
  const double d = (d2 - 1.5) * 0.289529654 + 0.176091259 + static_cast<double>(bin_exp) * 0.301029995663981;
  return static_cast<int>(std::floor(d));
}

// Unsigned big integer, little-endian 32-bit limbs: just what the digit loop needs.
struct Big {
  std::vector<std::uint32_t> w;
  static Big of(std::uint64_t v) {
    Big b;
    while (v) {
      b.w.push_back(static_cast<std::uint32_t>(v));
      v >>= 32;
    }
    return b;
  }
  void trim() {
    while (!w.empty() && w.back() == 0) w.pop_back();
  }
  void mul(std::uint32_t k) {
    std::uint64_t carry = 0;
    for (auto& x : w) {
      const std::uint64_t t = std::uint64_t{x} * k + carry;
      x = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry) w.push_back(static_cast<std::uint32_t>(carry));
  }
  void mul_pow5(int n) {
    for (; n >= 13; n -= 13) mul(1220703125u);  // 5^13
    if (n > 0) mul(static_cast<std::uint32_t>(pow5(n)));
  }
  void shl(int n) {
    if (w.empty() || n == 0) return;
    const auto limbs = static_cast<std::size_t>(n / 32);
    const int bits = n % 32;
    std::vector<std::uint32_t> r(limbs, 0);
    std::uint32_t carry = 0;
    for (std::uint32_t x : w) {
      r.push_back(bits ? (x << bits) | carry : x);
      carry = bits ? x >> (32 - bits) : 0;
    }
    if (carry) r.push_back(carry);
    w = std::move(r);
  }
  friend int cmp(const Big& a, const Big& b) {
    if (a.w.size() != b.w.size()) return a.w.size() < b.w.size() ? -1 : 1;
    for (std::size_t i = a.w.size(); i-- > 0;)
      if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
    return 0;
  }
  void add(const Big& o) {
    std::uint64_t carry = 0;
    if (w.size() < o.w.size()) w.resize(o.w.size(), 0);
    for (std::size_t i = 0; i < w.size(); ++i) {
      const std::uint64_t t = std::uint64_t{w[i]} + (i < o.w.size() ? o.w[i] : 0) + carry;
      w[i] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry) w.push_back(static_cast<std::uint32_t>(carry));
  }
  void sub(const Big& o) {  // requires *this >= o
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      std::int64_t t = std::int64_t{w[i]} - (i < o.w.size() ? o.w[i] : 0) - borrow;
      borrow = t < 0 ? 1 : 0;
      if (t < 0) t += std::int64_t{1} << 32;
      w[i] = static_cast<std::uint32_t>(t);
    }
    trim();
  }
  bool zero() const { return w.empty(); }
};

Big pow52(int p5, int p2, std::uint64_t times = 1) {
  Big b = Big::of(times);
  b.mul_pow5(p5);
  b.shl(p2);
  return b;
}

// q = b / s (a digit), then b = 10 * (b % s).
int quo_rem_10(Big& b, const Big& s) {
  int q = 0;
  while (cmp(b, s) >= 0) {
    b.sub(s);
    ++q;
  }
  b.mul(10);
  b.trim();
  return q;
}

struct Digits {
  std::string d;
  int dec_exponent = 0;  // x ~ 0.d * 10^dec_exponent
  void round_up() {
    std::size_t i = d.size() - 1;
    while (d[i] == '9' && i > 0) d[i--] = '0';  // the zeros stay: the JDK prints them
    if (d[i] == '9') {
      ++dec_exponent;
      d[0] = '1';
      return;
    }
    ++d[i];
  }
};

// An integer value: its exact digits, with the ones below the precision rounded off half-up.
Digits integer_digits(std::uint64_t value, int insignificant) {
  int dec = 0;
  if (insignificant != 0) {
    const std::uint64_t p10 = pow5(insignificant) << insignificant;
    const std::uint64_t residue = value % p10;
    value /= p10;
    dec += insignificant;
    if (residue >= (p10 >> 1)) ++value;
  }
  std::string s = std::to_string(value);
  Digits out;
  out.dec_exponent = dec + static_cast<int>(s.size());
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  out.d = std::move(s);
  return out;
}

// floor(p2 * log10(2)) for 1 < p2 < 64, else 0: how many decimal digits of an integer lie below the
// precision when its lowest significant bit has weight 2^(p2 + 1).
int insignificant_digits_for_pow2(int p2) {
  if (p2 <= 1 || p2 >= 64) return 0;
  return static_cast<int>(std::floor(p2 * 0.30102999566398120));
}

// The digit loop on Java ints or longs, wrapping like them: T is std::int32_t or std::int64_t.
template <class T>
void digit_loop_fixed(Digits& out, std::uint64_t fract, int B5, int B2, int S5, int S2, int M5, int M2,
                      int& dec_exp, bool& low, bool& high, std::int64_t& low_digit_difference) {
  using U = std::make_unsigned_t<T>;
  auto wrap = [](U u) { return static_cast<T>(u); };
  T b = wrap(static_cast<U>(static_cast<U>(fract) * static_cast<U>(pow5(B5))) << B2);
  const T s = wrap(static_cast<U>(pow5(S5)) << S2);
  T m = wrap(static_cast<U>(pow5(M5)) << M2);
  const T tens = wrap(static_cast<U>(s) * 10u);
  int q = static_cast<int>(b / s);
  b = wrap(static_cast<U>(b % s) * 10u);
  m = wrap(static_cast<U>(m) * 10u);
  low = b < m;
  high = wrap(static_cast<U>(b) + static_cast<U>(m)) > tens;
  if (q == 0 && !high) {
    --dec_exp;
  } else {
    out.d += static_cast<char>('0' + q);
  }
  if (dec_exp < -3 || dec_exp >= 8) low = high = false;  // E-form: at least two digits
  while (!low && !high) {
    q = static_cast<int>(b / s);
    b = wrap(static_cast<U>(b % s) * 10u);
    m = wrap(static_cast<U>(m) * 10u);
    if (m > 0) {
      low = b < m;
      high = wrap(static_cast<U>(b) + static_cast<U>(m)) > tens;
    } else {
      low = high = true;  // m overflowed: stop
    }
    out.d += static_cast<char>('0' + q);
  }
  low_digit_difference =
      static_cast<std::int64_t>(wrap(static_cast<U>(static_cast<U>(b) << 1) - static_cast<U>(tens)));
}

void digit_loop_big(Digits& out, std::uint64_t fract, int B5, int B2, int S5, int S2, int M5, int M2,
                    int& dec_exp, bool& low, bool& high, std::int64_t& low_digit_difference) {
  const Big s = pow52(S5, S2);
  Big b = pow52(B5, B2, fract);
  Big m = pow52(M5 + 1, M2 + 1);  // 10 * M: the loop compares after b has been multiplied by 10
  const Big ten_s = pow52(S5 + 1, S2 + 1);
  auto test = [&] {
    low = cmp(b, m) < 0;
    Big bm = b;
    bm.add(m);
    high = cmp(ten_s, bm) <= 0;
  };
  int q = quo_rem_10(b, s);
  test();
  if (q == 0 && !high) {
    --dec_exp;
  } else {
    out.d += static_cast<char>('0' + q);
  }
  if (dec_exp < -3 || dec_exp >= 8) low = high = false;
  while (!low && !high) {
    q = quo_rem_10(b, s);
    m.mul(10);
    test();
    out.d += static_cast<char>('0' + q);
  }
  low_digit_difference = 0;
  if (high && low) {
    Big b2 = b;
    b2.shl(1);
    low_digit_difference = cmp(b2, ten_s);
  }
}

// bin_exp: unbiased exponent of the leading bit; fract_bits: the significand with its leading 1 at
// bit 52; n_significant_bits: the precision of the type (53, 24, or fewer for subnormals).
Digits dtoa(int bin_exp, std::uint64_t fract_bits, int n_significant_bits) {
  const int tail_zeros = std::countr_zero(fract_bits);
  const int n_fract_bits = kExpShift + 1 - tail_zeros;
  const int n_tiny_bits = std::max(0, n_fract_bits - bin_exp - 1);
  if (bin_exp <= kMaxSmallBinExp && bin_exp >= kMinSmallBinExp && n_tiny_bits == 0) {
    const int insignificant =
        bin_exp > n_significant_bits ? insignificant_digits_for_pow2(bin_exp - n_significant_bits - 1) : 0;
    const std::uint64_t value =
        bin_exp >= kExpShift ? fract_bits << (bin_exp - kExpShift) : fract_bits >> (kExpShift - bin_exp);
    return integer_digits(value, insignificant);
  }
  int dec_exp = estimate_dec_exp(fract_bits, bin_exp);
  const int B5 = std::max(0, -dec_exp);
  int B2 = B5 + n_tiny_bits + bin_exp;
  const int S5 = std::max(0, dec_exp);
  int S2 = S5 + n_tiny_bits;
  const int M5 = B5;
  int M2 = B2 - n_significant_bits;
  const std::uint64_t fract = fract_bits >> tail_zeros;
  B2 -= n_fract_bits - 1;
  const int common2 = std::min(B2, S2);
  B2 -= common2;
  S2 -= common2;
  M2 -= common2;
  if (n_fract_bits == 1) M2 -= 1;  // a power of two: the gap below is half as wide; use it both ways
  if (M2 < 0) {
    B2 -= M2;
    S2 -= M2;
    M2 = 0;
  }
  const int b_bits = n_fract_bits + B2 + bits_of_pow5(B5);
  const int ten_s_bits = S2 + 1 + bits_of_pow5(S5 + 1);
  Digits out;
  bool low = false, high = false;
  std::int64_t low_digit_difference = 0;
  if (b_bits < 64 && ten_s_bits < 64) {
    if (b_bits < 32 && ten_s_bits < 32)
      digit_loop_fixed<std::int32_t>(out, fract, B5, B2, S5, S2, M5, M2, dec_exp, low, high,
                                     low_digit_difference);
    else
      digit_loop_fixed<std::int64_t>(out, fract, B5, B2, S5, S2, M5, M2, dec_exp, low, high,
                                     low_digit_difference);
  } else {
    digit_loop_big(out, fract, B5, B2, S5, S2, M5, M2, dec_exp, low, high, low_digit_difference);
  }
  out.dec_exponent = dec_exp + 1;
  if (high) {
    if (low) {
      if (low_digit_difference == 0) {
        if ((out.d.back() - '0') & 1) out.round_up();  // a tie: make the last digit even
      } else if (low_digit_difference > 0) {
        out.round_up();
      }
    } else {
      out.round_up();
    }
  }
  return out;
}

}  // namespace

JavaDecimal java_decimal_digits(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  std::uint64_t fract = bits & (kFractHob - 1);
  int bin_exp = static_cast<int>((bits >> kExpShift) & 0x7ff);
  int n_significant_bits = kExpShift + 1;
  if (bin_exp == 0) {  // subnormal: normalise, fewer significant bits
    const int leading_zeros = std::countl_zero(fract);
    const int shift = leading_zeros - (63 - kExpShift);
    fract <<= shift;
    bin_exp = 1 - shift;
    n_significant_bits = 64 - leading_zeros;
  } else {
    fract |= kFractHob;
  }
  const Digits d = dtoa(bin_exp - 1023, fract, n_significant_bits);
  return {d.d, d.dec_exponent};
}

JavaDecimal java_decimal_digits(float x) {
  std::uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  constexpr int kSingleShift = 23;
  std::uint32_t fract = bits & ((1u << kSingleShift) - 1);
  int bin_exp = static_cast<int>((bits >> kSingleShift) & 0xff);
  int n_significant_bits = kSingleShift + 1;
  if (bin_exp == 0) {
    const int leading_zeros = std::countl_zero(fract);
    const int shift = leading_zeros - (31 - kSingleShift);
    fract <<= shift;
    bin_exp = 1 - shift;
    n_significant_bits = 32 - leading_zeros;
  } else {
    fract |= 1u << kSingleShift;
  }
  const Digits d =
      dtoa(bin_exp - 127, std::uint64_t{fract} << (kExpShift - kSingleShift), n_significant_bits);
  return {d.d, d.dec_exponent};
}

}  // namespace heapviz::lang::interp
