#include <doctest/doctest.h>

#include "heapviz/lang/interpreter.hpp"
#include "interp_test_util.hpp"

using interp_test::first_error;

TEST_CASE("interp check: type errors javac reports stop the lesson before it runs (exit 2)") {
  CHECK(first_error("int x = \"a\";") == "incompatible types: String cannot be converted to int");
  CHECK(first_error("byte b = 300;") == "incompatible types: possible lossy conversion from int to byte");
  CHECK(first_error("byte b = 100 + 27;") == "");
  CHECK(first_error("long l = 1; int i = l;") ==
        "incompatible types: possible lossy conversion from long to int");
  CHECK(first_error("System.out.println(y);") == "cannot find symbol: variable y");
  CHECK(first_error("int a = 1; int a = 2;") == "variable a is already defined in method main(String[])");
  CHECK(first_error("var v = null;") ==
        "cannot infer type for local variable v (variable initializer is 'null')");
  CHECK(first_error("boolean b = 1 + true;") == "bad operand types for binary operator '+': int and boolean");
  CHECK(first_error("int x = 0; Thread t = new Thread(() -> System.out.println(x)); x = 2;") ==
        "local variables referenced from a lambda expression must be final or effectively final");
  const auto r = interp_test::run("System.out.println(1);\nint x = \"a\";");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());  // nothing ran
  CHECK(r.diagnostics ==
        "t.java:2:9: error: incompatible types: String cannot be converted to int\nint x = \"a\";\n        "
        "^\n");
}

TEST_CASE("interp check: a byte argument needs a cast, as javac says for put(1)") {
  // Only meaningful with ByteBuffers; without them the call is reported as not simulated.
  const std::string e = first_error("ByteBuffer b = ByteBuffer.allocate(4); b.put(1);");
  CHECK(!e.empty());
}

TEST_CASE("interp check: valid Java heapviz does not simulate is said to be so, at the call") {
  const auto r = interp_test::run(
      "FileChannel ch = FileChannel.open(Path.of(\"f\"), StandardOpenOption.READ);\n"
      "ch.lock();");
  REQUIRE(!r.diagnostic_list.empty());
  const auto& d = r.diagnostic_list.front();
  CHECK(d.kind == heapviz::lang::DiagnosticKind::Unsupported);
  CHECK(d.span.line == 2);
  CHECK(d.message.find("is valid Java that heapviz does not simulate yet") != std::string::npos);
  CHECK(
      first_error("java.util.List<String> l = null;").find("valid Java that heapviz does not simulate yet") !=
      std::string::npos);
  CHECK(first_error("String s = \"a\"; if (s == \"a\") {}").find("use equals") != std::string::npos);
}

TEST_CASE("interp check: check_program works on a parsed program") {
  const auto lesson = heapviz::lang::parse_lesson("int x = 1; x = x + 1;");
  CHECK(heapviz::lang::check_program(lesson.program).empty());
}
