#include <doctest/doctest.h>

#include <string>

#include "interp_test_util.hpp"

using interp_test::first_error;
using interp_test::out;

namespace {
bool unsupported(const std::string& body) {
  return first_error(body).find("is valid Java that heapviz does not simulate yet") != std::string::npos;
}
}  // namespace

TEST_CASE("jdk names: a real JDK class or member heapviz does not simulate is valid Java, not unknown") {
  CHECK(unsupported("StringBuffer sb = null;\n"));  // StringBuilder is simulated, StringBuffer not
  CHECK(unsupported("System.out.println(Math.floorMod(7, 3));\n"));
  CHECK(unsupported("System.out.println(Objects.hash(1));\n"));  // java.util, imported for bare bodies
  CHECK(unsupported("ManagementFactory.getMemoryMXBean();\n"));  // java.lang.management
  CHECK(unsupported("System.out.println(System.nanoTime());\n"));
  CHECK(unsupported("Runtime.getRuntime().availableProcessors();\n"));
  CHECK(unsupported("System.out.println(Runtime.getRuntime().totalMemory());\n"));
  CHECK(unsupported("System.out.println(java.nio.ByteOrder.nativeOrder());\n"));
}

TEST_CASE("jdk names: names javac would not find are cannot find symbol") {
  CHECK(first_error("Foo f = null;\n") == "cannot find symbol: class Foo");
  CHECK(first_error("Object o = new Foo();\n") == "cannot find symbol: class Foo");
  CHECK(first_error("System.out.println(Foo.bar());\n") == "cannot find symbol: variable Foo");
  CHECK(first_error("System.out.println(Math.foo(1));\n") == "cannot find symbol: method foo in Math");
  CHECK(first_error("System.out.println(Double.FOO);\n") ==
        "cannot find symbol: variable FOO in class Double");
  CHECK(first_error("Runtime.getRuntime().fooMemory();\n") ==
        "cannot find symbol: method fooMemory in class Runtime");
  // Without the import, a java.util class is unknown in a whole-class lesson.
  CHECK(first_error("public class Main { public static void main(String[] a) { Objects.hash(1); } }\n") ==
        "cannot find symbol: variable Objects");
  CHECK(
      unsupported("import java.util.Objects;\npublic class Main { public static void main(String[] a) { "
                  "Objects.hash(1); } }\n"));
}

TEST_CASE("jdk names: ByteOrder.nativeOrder, Runtime.maxMemory, wrapper limits and AIOOBE(int) run") {
  CHECK(out("System.out.println(ByteOrder.nativeOrder());\n") == "LITTLE_ENDIAN\n");
  CHECK(out("//@ jvm: -Xmx64m\nSystem.out.println(Runtime.getRuntime().maxMemory());\n") == "64880640\n");
  CHECK(out("//@ jvm: -Xmx64m -Xmn2m\nRuntime r = "
            "Runtime.getRuntime();\nSystem.out.println(r.maxMemory());\n") == "66912256\n");
  CHECK(out("System.out.println(Double.MAX_VALUE + \" \" + Float.MIN_VALUE + \" \" + Short.MAX_VALUE);\n") ==
        "1.7976931348623157E308 1.4E-45 32767\n");
  CHECK(out("byte b = Byte.MIN_VALUE; char c = Character.MAX_VALUE; System.out.println(b + \" \" + (int) "
            "c);\n") == "-128 65535\n");
  CHECK(out("System.out.println(new ArrayIndexOutOfBoundsException(3).getMessage());\n") ==
        "Array index out of range: 3\n");
  CHECK(first_error("Runtime r = null; System.out.println(r.maxMemory());\n").empty());
  const auto r = interp_test::run("Runtime r = null; System.out.println(r.maxMemory());\n");
  CHECK(r.exit_code == 1);
}
