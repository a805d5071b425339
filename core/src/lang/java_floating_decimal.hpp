#pragma once
// Double.toString / Float.toString digits as JDK 17 computes them (FloatingDecimal's BinaryToASCIIBuffer
// before JDK 19 switched to the shortest-digit algorithm), re-implemented from its behaviour:
//  - an integer value below 2^63 is printed from its exact integer digits, with the digits below the
//    type's precision ("insignificant" ones, about log10 of 2^(binExp - significant bits - 1)) rounded
//    away half-up: 2.5E10f -> 2.49999995E10;
//  - otherwise Steele & White / Gay digit generation with margins of half an ulp (the smaller one for
//    both sides at a power of two), in 32-bit, 64-bit (both with Java's wrap-around) or big-integer
//    arithmetic, whichever the JDK picks; E-form numbers always get a second digit;
//  - the last digit is rounded up when the stop was on the high side (ties to an even digit).
#include <cstdint>
#include <string>

namespace heapviz::lang::interp {

/// The decimal digits of a finite non-zero |x| and its exponent: x ~ 0.d1d2d3... * 10^dec_exp.
struct JavaDecimal {
  std::string digits;
  int dec_exp = 0;
};
JavaDecimal java_decimal_digits(double x);
JavaDecimal java_decimal_digits(float x);

}  // namespace heapviz::lang::interp
