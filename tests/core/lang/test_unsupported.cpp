#include <doctest/doctest.h>

#include <string>

#include "interp_test_util.hpp"
#include "lang_test_util.hpp"

using namespace heapviz::lang;

namespace {
// The first diagnostic must say "valid Java that heapviz does not simulate yet" and be of that kind.
std::string unsupported(const std::string& src) {
  const Diagnostic d = lang_test::first_error(src);
  CHECK_MESSAGE(d.kind == DiagnosticKind::Unsupported, src, " gave: ", d.message);
  const std::string prefix = "this is valid Java that heapviz does not simulate yet: ";
  CHECK_MESSAGE(d.message.rfind(prefix, 0) == 0, d.message);
  return d.message.rfind(prefix, 0) == 0 ? d.message.substr(prefix.size()) : d.message;
}
}  // namespace

TEST_CASE("unsupported: valid Java constructs are named precisely") {
  CHECK(unsupported("synchronized (o) { }").rfind("synchronized blocks", 0) == 0);
  CHECK(unsupported("outer: for (;;) { break outer; }").rfind("labeled statements", 0) == 0);
  CHECK(unsupported("for (;;) { break outer; }").rfind("'break' with a label", 0) == 0);
  CHECK(unsupported("interface Shape {}\nint x = 1;").rfind("local interfaces", 0) == 0);
  CHECK(unsupported("enum Color { RED }\nint x = 1;").rfind("local enums", 0) == 0);
  CHECK(unsupported("record P(int x) {}").rfind("records", 0) == 0);
  CHECK(unsupported("@SuppressWarnings(\"x\") int a = 1;").rfind("annotations", 0) == 0);
  CHECK(unsupported("assert x > 0;").rfind("the assert statement", 0) == 0);
  CHECK(unsupported("Runnable r = System::gc;").rfind("method references", 0) == 0);
  CHECK(unsupported("Object o = new Object() { };").rfind("anonymous classes", 0) == 0);
  CHECK(unsupported("Class<?> c = int.class;").rfind("wildcard type arguments", 0) == 0);
  // Class literals of class types parse (java.lang.management needs BufferPoolMXBean.class); of
  // primitive types and void they do not.
  CHECK(unsupported("Object c = void.class;").rfind("class literals ('void.class')", 0) == 0);
  CHECK(unsupported("String s = \"\"\"\n  hi\n  \"\"\";").rfind("text blocks", 0) == 0);
  CHECK(unsupported("public class M { interface I {} public static void main(String[] a) {} }")
            .rfind("interfaces", 0) == 0);
  CHECK(unsupported("public class M { enum E { A } public static void main(String[] a) {} }")
            .rfind("enums", 0) == 0);
  CHECK(unsupported(
            "public class M { static <T> T id(T t) { return t; } public static void main(String[] a) {} }")
            .rfind("generic methods", 0) == 0);
  CHECK(unsupported("public class M { static { } public static void main(String[] a) {} }")
            .rfind("static initializer", 0) == 0);
  CHECK(
      unsupported("public class M { synchronized static void f() {} public static void main(String[] a) {} }")
          .rfind("the modifier 'synchronized'", 0) == 0);
  CHECK(unsupported("class Box<T> { T v; }").rfind("generic classes", 0) == 0);
  CHECK(unsupported("class A implements Runnable { public void run() {} }")
            .rfind("implementing interfaces", 0) == 0);
  CHECK(unsupported("Object o = super.toString();").rfind("'super'", 0) == 0);
}

TEST_CASE("unsupported: the position is the construct's first token") {
  const Diagnostic d = lang_test::first_error("int x = 1;\n  synchronized (x) {}\n");
  CHECK(d.span.line == 2);
  CHECK(d.span.col == 3);
}

TEST_CASE("unsupported: a declaration heapviz does not simulate is still declared (no cascade of errors)") {
  const auto r = interp_test::run(
      "public class Main {\n"
      "  static int counter = 0;\n"
      "  static ByteBuffer make(int n) { return ByteBuffer.allocateDirect(n); }\n"
      "  public static void main(String[] args) {\n"
      "    ByteBuffer a = make(16);\n"
      "    counter++;\n"
      "    Object o = a;\n"
      "    if (o instanceof ByteBuffer bb) System.out.println(bb.capacity() + counter);\n"
      "  }\n"
      "}\n");
  CHECK(r.exit_code == 2);
  REQUIRE(r.diagnostic_list.size() == 3);  // the field, the method, the pattern: nothing about their uses
  for (const Diagnostic& d : r.diagnostic_list) {
    CHECK(d.kind == DiagnosticKind::Unsupported);
    CHECK(d.message.find("cannot find symbol") == std::string::npos);
  }
  // A name that is declared nowhere is still javac's error.
  CHECK(interp_test::first_error("int x = nowhere;") == "cannot find symbol: variable nowhere");
}
