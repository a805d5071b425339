#include <doctest/doctest.h>

#include "interp_test_util.hpp"

using interp_test::out;

TEST_CASE("interp: catch follows the JDK hierarchy, multi-catch, getMessage and getClass") {
  CHECK(out("try { throw new IllegalStateException(\"x\"); } catch (RuntimeException e) {"
            " System.out.println(e + \"|\" + e.getMessage() + \"|\" + e.getClass().getName()); }") ==
        "java.lang.IllegalStateException: x|x|java.lang.IllegalStateException\n");
  CHECK(out("try { throw new UnsupportedOperationException(); } catch (IllegalStateException | "
            "UnsupportedOperationException e) {"
            " System.out.println(e.getMessage()); }") == "null\n");
  CHECK(out("try { int z = 0; int q = 1 / z; } catch (ArithmeticException e) { System.out.println(e); }") ==
        "java.lang.ArithmeticException: / by zero\n");
  CHECK(out("try { byte[] b = new byte[-1]; } catch (RuntimeException e) { System.out.println(e); }") ==
        "java.lang.NegativeArraySizeException: -1\n");
}

TEST_CASE("interp: finally runs in Java's order, also on break and rethrow") {
  CHECK(out("try { try { throw new RuntimeException(\"a\"); } finally { System.out.println(\"f\"); } }"
            " catch (RuntimeException e) { System.out.println(\"c \" + e.getMessage()); }") == "f\nc a\n");
  CHECK(
      out("for (int i = 0; i < 3; i++) { try { if (i == 1) break; } finally { System.out.println(i); } }") ==
      "0\n1\n");
}

TEST_CASE("interp: JDK 17 helpful NullPointerException texts name locals by slot") {
  CHECK(out("class N { N next; int v; } N a = new N(); try { System.out.println(a.next.v); }"
            " catch (NullPointerException e) { System.out.println(e.getMessage()); }") ==
        "Cannot read field \"v\" because \"<local1>.next\" is null\n");
  CHECK(out("long l = 1; String s = null; try { s.length(); } catch (NullPointerException e) { "
            "System.out.println(e.getMessage()); }") ==
        "Cannot invoke \"String.length()\" because \"<local3>\" is null\n");
  CHECK(out("int[] a = null; try { a[0] = 1; } catch (NullPointerException e) { "
            "System.out.println(e.getMessage()); }") ==
        "Cannot store to int array because \"<local1>\" is null\n");
}

TEST_CASE("interp: an uncaught exception ends the run like Java, exit status 1") {
  const auto r = interp_test::run("System.out.println(\"a\");\nthrow new IllegalArgumentException(\"bad\");");
  CHECK(r.ok);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "a\n");
  CHECK(r.err.rfind("Exception in thread \"main\" java.lang.IllegalArgumentException: bad\n", 0) == 0);
}

TEST_CASE("interp: an exception in a thread ends only that thread") {
  const auto r = interp_test::run(
      "Thread t = new Thread(() -> { throw new IllegalStateException(\"t\"); });"
      "t.start(); t.join(); System.out.println(\"main goes on\");");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "main goes on\n");
  CHECK(r.err == "Exception in thread \"Thread-0\" java.lang.IllegalStateException: t\n");
}
