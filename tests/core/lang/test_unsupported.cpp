#include <doctest/doctest.h>

#include <string>

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
  CHECK(unsupported("Object c = String.class;").rfind("class literals", 0) == 0);
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
