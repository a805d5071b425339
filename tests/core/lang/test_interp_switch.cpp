#include <doctest/doctest.h>

#include <string>

#include "interp_test_util.hpp"

using interp_test::first_error;
using interp_test::out;

TEST_CASE("switch: the old form falls through until break, default runs when nothing matches") {
  CHECK(out("for (int i = 0; i < 4; i++) { switch (i) { case 0: System.out.print(\"a\"); case 1: "
            "System.out.print(\"b\"); break; case 2, 3: System.out.print(\"c\"); break; } }\n"
            "System.out.println();\n") == "abbcc\n");
  CHECK(out("int x = 7; switch (x) { default: System.out.print(\"d\"); case 1: System.out.println(\"1\"); "
            "}\n") == "d1\n");
  CHECK(
      out("int x = 7; switch (x) { case 1: System.out.println(\"1\"); }\nSystem.out.println(\"after\");\n") ==
      "after\n");
  // continue inside a switch goes to the loop; break leaves only the switch.
  CHECK(out("int t = 0; for (int i = 0; i < 3; i++) { switch (i) { case 1: continue; default: break; } t += "
            "i; }\n"
            "System.out.println(t);\n") == "2\n");
}

TEST_CASE("switch: rules on char and String run only their own body") {
  CHECK(
      out("char c = 'b'; switch (c) { case 'a' -> System.out.println(1); case 'b' -> System.out.println(2); "
          "default -> System.out.println(3); }\n") == "2\n");
  CHECK(out("String s = \"kernel\"; switch (s) { case \"heap\" -> System.out.println(\"h\"); "
            "case \"native\", \"kernel\" -> { int n = s.length(); System.out.println(n); } }\n") == "6\n");
  CHECK(out("int x = 97; switch (x) { case 'a' -> System.out.println(\"char label\"); default -> {} }\n") ==
        "char label\n");
}

TEST_CASE("switch: javac's errors for switch statements") {
  CHECK(first_error("int x = 1; switch (x) { case 1: break; case 1: break; }\n") == "duplicate case label");
  CHECK(first_error("int x = 1; switch (x) { case 1: case 'a': case 97: }\n") == "duplicate case label");
  CHECK(first_error("int x = 1; switch (x) { default: break; default: }\n") == "duplicate default label");
  CHECK(first_error("int x = 1; switch (x) { case \"a\": }\n") ==
        "incompatible types: String cannot be converted to int");
  CHECK(first_error("byte b = 1; switch (b) { case 200: }\n") ==
        "incompatible types: possible lossy conversion from int to byte");
  CHECK(first_error("int x = 1, y = 2; switch (x) { case y: }\n").find("not simulate yet") !=
        std::string::npos);
  CHECK(first_error("boolean f = true; switch (f) { case true: }\n").rfind("a switch on boolean", 0) == 0);
  CHECK(first_error("int x = 1; switch (x) { case 1 -> {} case 2: }\n") ==
        "different case kinds used in the switch");
  CHECK(first_error("int x = 1; switch (x) { case 1: int y = 2; break; case 2: int y = 3; }\n") ==
        "variable y is already defined in method main(String[])");
  CHECK(first_error("break;\n") == "break outside switch or loop");
  CHECK(first_error("int x = 1; switch (x) { case 1: continue; }\n") ==
        "'continue' can only be used inside a loop");
}

TEST_CASE("switch: a null String is javac's NullPointerException on its hidden copy") {
  const auto r = interp_test::run("String s = null;\nswitch (s) { case \"a\": System.out.println(1); }\n");
  CHECK(r.exit_code == 1);
  // What java 17 prints for the same program (javac's temporary is slot 2: args is 0, s is 1).
  CHECK(r.err.find(
            "java.lang.NullPointerException: Cannot invoke \"String.hashCode()\" because \"<local2>\" is "
            "null") != std::string::npos);
  // The cases' locals come after javac's two hidden slots (copy and case index), as java 17 reports.
  const auto r2 =
      interp_test::run("String s = \"x\";\nswitch (s) { case \"x\": int[] o = null; o[0] = 1; }\n");
  CHECK(r2.err.find("Cannot store to int array because \"<local4>\" is null") != std::string::npos);
}

TEST_CASE("switch expressions: rules, yield and old-style cases give the value") {
  CHECK(
      out("for (int k = 0; k < 4; k++) {\n  int x = switch (k) { case 1 -> 10; case 2, 3 -> { int d = k * 2; "
          "yield 20 + d; } default -> 0; };\n  System.out.print(x + \" \");\n}\nSystem.out.println();\n") ==
      "0 10 24 26 \n");
  CHECK(out("int k = 2;\nString s = switch (k) { case 1: yield \"one\"; case 2: case 3: String t = \"few\"; "
            "yield t; default: yield \"many\"; };\nSystem.out.println(s);\n") == "few\n");
  CHECK(out("String w = \"native\";\nSystem.out.println(switch (w) { case \"heap\" -> 1; case \"native\", "
            "\"kernel\" -> 2; default -> 3; });\n") == "2\n");
  // javac 17's type without a target: the narrowest type all results fit, constants do not narrow it.
  CHECK(out("int k = 3;\nSystem.out.println(switch (k) { case 3 -> 'a'; default -> 66; });\n") == "97\n");
  CHECK(out("int k = 3;\nSystem.out.println(switch (k) { case 3 -> 'a'; default -> 'b'; });\n") == "a\n");
  CHECK(out("int k = 3;\nSystem.out.println(switch (k) { case 3 -> 2; default -> 2.5; });\n") == "2.0\n");
  CHECK(out("int k = 3;\nlong big = switch (k) { case 3 -> 1L << 40; default -> 7; "
            "};\nSystem.out.println(big);\n") == "1099511627776\n");
  // A yield inside a loop inside the case leaves the loop and the switch.
  CHECK(
      out("int k = 1;\nint v = switch (k) { case 1 -> { for (int i = 0; ; i++) { if (i == 4) yield i * 10; } "
          "} default -> 0; };\nSystem.out.println(v);\n") == "40\n");
  CHECK(
      out("int t = 0;\nfor (int i = 0; i < 6; i++) t += switch (i % 3) { case 0 -> 1; case 1 -> { if (i > 3) "
          "yield 100; yield 10; } default -> 0; };\nSystem.out.println(t);\n") == "112\n");
}

TEST_CASE("switch expressions: locals come after the declared variable and javac's hidden String slots") {
  // java 17: x is slot 2, the String switch's hidden copy slot 3 (javac declares x before its initializer).
  const auto r =
      interp_test::run("String s = null;\nint x = switch (s) { case \"a\" -> 1; default -> 2; };\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Cannot invoke \"String.hashCode()\" because \"<local3>\" is null") != std::string::npos);
  CHECK(out("int k = 1;\nint x = switch (k) { case 1 -> { Object o = null; try { o.hashCode(); } catch "
            "(NullPointerException e) { } yield 1; } default -> 0; };\n")
            .find("not simulate yet") != std::string::npos);  // a try inside: javac renumbers the slots
}

TEST_CASE("switch expressions: the operand stack of the enclosing statement survives a GC in a case") {
  const auto r = interp_test::run(
      "Object[] keep = new Object[1];\nint k = 1;\nkeep[0] = new byte[] {7};\n"
      "System.out.println(((byte[]) keep[0])[0] + switch (k) { case 1 -> { System.gc(); yield 1; } default "
      "-> 0; "
      "});\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "8\n");
}

TEST_CASE("switch expressions: javac's errors") {
  CHECK(first_error("int k = 1;\nint x = switch (k) { case 1 -> 10; };\n") ==
        "the switch expression does not cover all possible input values");
  CHECK(first_error("int k = 1;\nint x = switch (k) { };\n") ==
        "switch expression does not have any case clauses");
  CHECK(first_error("int k = 1;\nint x = switch (k) { case 1 -> { System.out.println(); } default -> 0; };\n")
            .rfind("switch rule completes without providing a value", 0) == 0);
  CHECK(first_error("int k = 1;\nint x = switch (k) { case 1: yield 3; default: System.out.println(); };\n")
            .rfind("switch expression completes without providing a value", 0) == 0);
  CHECK(first_error("yield 5;\n") == "yield outside of switch expression");
  CHECK(
      first_error("int k = 1;\nfor (;;) { int x = switch (k) { case 1 -> { break; } default -> 0; }; }\n") ==
      "attempt to break out of a switch expression");
  CHECK(first_error(
            "int k = 1;\nfor (;;) { int x = switch (k) { case 1 -> { continue; } default -> 0; }; }\n") ==
        "attempt to continue out of a switch expression");
  CHECK(first_error("int k = 1;\nint x = switch (k) { case 1 -> { return; } default -> 0; };\n") ==
        "attempt to return out of a switch expression");
  CHECK(first_error("int k = 1;\nString s = switch (k) { case 1 -> \"a\"; default -> 2; };\n") ==
        "incompatible types: bad type in switch expression (int cannot be converted to String)");
  CHECK(first_error("int k = 1;\nint x = switch (k) { default -> 1; case 1 -> 2; case 1 -> 3; };\n") ==
        "duplicate case label");
  CHECK(first_error("int k = 1;\nint x = switch (k) { case 1: yield 1; case 2 -> 2; default -> 0; };\n") ==
        "different case kinds used in the switch");
  CHECK(
      first_error("int k = 1;\nSystem.out.println(switch (k) { case 1 -> System.out.println(); default -> 0; "
                  "});\n") == "'void' type not allowed here");
  CHECK(first_error("int k = 1;\nint x = switch (k) { case 1 -> { while (true) { } } default -> throw new "
                    "IllegalStateException(); };\n") ==
        "switch expression does not have any result expressions");
  // A while (true) without break, or a throw, never completes: no error.
  CHECK(first_error("int k = 1;\nint x = switch (k) { case 1 -> { while (true) { if (k > 0) yield 2; } } "
                    "default -> throw new IllegalStateException(); };\n") == "");
}

TEST_CASE("switch expressions: unlike them, a conditional keeps char or byte with a fitting int constant") {
  // java 17 prints these (JLS 15.25): 'a', 99, 1 (short), 1 (byte with 300 that does not fit is int).
  CHECK(out("boolean t = true;\nbyte b = 1;\nshort s = 2;\nchar c = 99;\nSystem.out.println(t ? 'a' : 0);\n"
            "System.out.println(t ? c : 70000);\nSystem.out.println(t ? b : s);\nSystem.out.println(t ? b : "
            "300);\n") == "a\n99\n1\n1\n");
  CHECK(out("int k = 1;\nSystem.out.println(switch (k) { case 1 -> 'a'; default -> 0; });\n") == "97\n");
}
