// Double.toString and Float.toString of a few thousand deterministic pseudo-random values. JDK 17 prints
// FloatingDecimal's digits, which are not always the shortest that round-trip (2.49999995E10 for 2.5E10f).
// Values are built exactly: 53 random bits times a power of two, integers, decimals, and their floats.
double[] pow2 = new double[1024];  // pow2[k] = 2^k, exact
pow2[0] = 1.0;
for (int k = 1; k < pow2.length; k++) {
    pow2[k] = pow2[k - 1] * 2.0;
}
double[] pow10 = new double[23];  // 10^k, exact up to 10^22
pow10[0] = 1.0;
for (int k = 1; k < pow10.length; k++) {
    pow10[k] = pow10[k - 1] * 10.0;
}
long x = 20261125L;
for (int i = 0; i < 1500; i++) {
    x = x * 6364136223846793005L + 1442695040888963407L;  // a 64-bit LCG (Knuth's MMIX constants)
    long bits = x ^ (x >>> 29);
    double d = (double) (bits >>> 11);                   // 53 random bits
    int e = (int) ((bits >>> 5) % 2100L) - 1130;          // 2^-1130 .. 2^969: subnormals to near MAX_VALUE
    if (e >= 0) {
        d = d * pow2[e];
    } else if (e >= -1023) {
        d = d / pow2[-e];
    } else {
        d = d / pow2[1023] / pow2[-e - 1023];
    }
    if ((bits & 1) != 0) {
        d = -d;
    }
    double n = (double) (bits >>> (int) (bits & 63));     // an integer of 1 to 64 bits
    double dec = (double) ((bits >>> 40) % 100000L) / pow10[(int) ((bits >>> 20) % 23L)];
    float f = (float) d;
    float g = (float) (bits >>> 40) / (float) ((bits & 1023) + 1);
    System.out.println(d + " " + n + " " + dec);
    System.out.println(f + " " + (float) n + " " + (float) dec + " " + g);
}
