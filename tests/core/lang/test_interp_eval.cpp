#include <doctest/doctest.h>

#include "interp_test_util.hpp"

using interp_test::out;

TEST_CASE("interp: int arithmetic wraps like Java and divides toward zero") {
  CHECK(out("int x = Integer.MAX_VALUE; x++; System.out.println(x);") == "-2147483648\n");
  CHECK(out("System.out.println(-7 / 2 + \" \" + -7 % 3 + \" \" + Integer.MIN_VALUE / -1);") ==
        "-3 -1 -2147483648\n");
  CHECK(out("System.out.println((1 << 33) + \" \" + (-1 >>> 28) + \" \" + (-1L >>> 60) + \" \" + (1L << "
            "65));") == "2 15 15 2\n");
  CHECK(out("long l = Long.MAX_VALUE; l += 1; System.out.println(l);") == "-9223372036854775808\n");
}

TEST_CASE("interp: narrowing casts and compound assignments cast implicitly") {
  CHECK(out("System.out.println((byte) 200 + \" \" + (short) 70000 + \" \" + (int) 3000000000L + \" \" + "
            "(char) 66);") == "-56 4464 -1294967296 B\n");
  CHECK(out("byte b = 120; b += 10; System.out.println(b);") == "-126\n");
  CHECK(out("char c = 'a'; c++; c += 1; System.out.println(c);") == "c\n");
  CHECK(out("System.out.println((int) 1e10 + \" \" + (int) -2.7 + \" \" + (long) 1e30);") ==
        "2147483647 -2 9223372036854775807\n");
}

TEST_CASE("interp: string concatenation formats values as String.valueOf does") {
  CHECK(out("System.out.println(1 + 2 + \"x\" + 1 + 2);") == "3x12\n");
  CHECK(out("System.out.println((char) 65 + 'B' + \"|\" + 'C' + (byte) -1 + true + null);") ==
        "131|C-1truenull\n");
  CHECK(out("System.out.println(0.1 + \" \" + 1e7 + \" \" + 0.001 + \" \" + 1e-4 + \" \" + 100.0 + \" \" + "
            "-0.0);") == "0.1 1.0E7 0.001 1.0E-4 100.0 -0.0\n");
  CHECK(out("System.out.println(1.0 / 0 + \" \" + 0.0 / 0.0 + \" \" + 1.0 / 3 + \" \" + 1.0f / 3);") ==
        "Infinity NaN 0.3333333333333333 0.33333334\n");
  // JDK 17's FloatingDecimal digits, measured with java 17 (not the shortest form JDK 19+ prints):
  // integers keep their digits down to the type's precision, powers of two take the narrower margin.
  CHECK(out("System.out.println(2.5E10f + \" \" + (double) (1L << 60) + \" \" + 4.9E-324 + \" \" + "
            "1.4E-45f);") == "2.49999995E10 1.15292150460684698E18 4.9E-324 1.4E-45\n");
  CHECK(out("System.out.println(6.3605101E8f + \" \" + 1.18655163E17f + \" \" + 2.48405090665363648E17 + \" "
            "\" + 2e22 + \" \" + 1e23);") ==
        "6.3605101E8 1.18655163E17 2.48405090665363648E17 2.0E22 9.999999999999999E22\n");
  CHECK(out("System.out.println(Integer.toHexString(-1) + \" \" + Long.toHexString(255L) + \" \" + "
            "Integer.toHexString(0));") == "ffffffff ff 0\n");
  CHECK(out("String s = \"字节\"; System.out.println(s.length() + \" \" + s.getBytes().length + \" \" + "
            "s.charAt(1));") == "2 6 节\n");
}

TEST_CASE("interp: control flow: if, loops, break, continue, conditional") {
  CHECK(out("int t = 0; for (int i = 0; i < 10; i++) { if (i % 2 == 0) continue; if (i > 7) break; t += i; }"
            "System.out.println(t);") == "16\n");
  CHECK(out("int k = 0; do { k += 3; } while (k < 10); System.out.println(k > 10 ? \"big\" : \"small\");") ==
        "big\n");
  CHECK(out("int n = 0; while (true) { n++; if (n == 5) break; } System.out.println(n);") == "5\n");
  CHECK(out("int[] a = {3, 4}; int s = 0; for (int v : a) s += v; System.out.println(s);") == "7\n");
}

TEST_CASE("interp: arrays live on the heap with Java's bounds errors") {
  CHECK(out("byte[] b = new byte[]{1, 2, 3}; b[1] += 40; System.out.println(b[1] + \" \" + b.length);") ==
        "42 3\n");
  CHECK(out("long[] l = new long[2]; l[1] = -5; System.out.println(l[0] + \" \" + l[1]);") == "0 -5\n");
  CHECK(out("double[] d = {0.5}; d[0] *= 3; System.out.println(d[0]);") == "1.5\n");
  CHECK(out("try { int[] a = new int[5]; a[5] = 1; } catch (ArrayIndexOutOfBoundsException e) { "
            "System.out.println(e.getMessage()); }") == "Index 5 out of bounds for length 5\n");
}

TEST_CASE("interp: System.out.print, println() and System.err") {
  const auto r = interp_test::run(
      "System.out.print(1); System.out.print('c'); System.out.println(); System.err.println(\"e\");");
  CHECK(r.out == "1c\n");
  CHECK(r.err == "e\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("interp: threads run their lambda at start() with their own name") {
  CHECK(out("int b = 1; Thread t = new Thread(() -> System.out.println(b + \" \" + "
            "Thread.currentThread().getName()));"
            "t.start(); t.join(); System.out.println(Thread.currentThread().getName());") ==
        "1 Thread-0\nmain\n");
}

TEST_CASE("interp: System.exit ends the run with its status") {
  const auto r = interp_test::run("System.out.println(1); System.exit(3); System.out.println(2);");
  CHECK(r.out == "1\n");
  CHECK(r.exit_code == 3);
}

TEST_CASE("interp: whole-class lessons with static nested classes, and main's empty args") {
  CHECK(interp_test::out(
            "public class Demo {\n  static class Node { Node next; int id; }\n"
            "  public static void main(String[] args) {\n    Node a = new Node();\n    a.id = 4;\n"
            "    System.out.println(a.id + \" \" + args.length);\n    if (args.length == 0) return;\n"
            "    System.out.println(\"unreached\");\n  }\n}\n") == "4 0\n");
}
