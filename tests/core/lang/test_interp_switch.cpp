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
