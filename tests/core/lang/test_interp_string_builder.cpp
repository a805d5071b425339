#include <doctest/doctest.h>

#include "interp_test_util.hpp"
#include "test_interp_heap_objects.hpp"

using interp_test::first_error;
using interp_test::objects_of;
using interp_test::out;
using interp_test::size_of;

TEST_CASE("StringBuilder: a 24-byte object whose value is a LATIN1 byte[16] by default") {
  const auto r = interp_test::run("StringBuilder sb = new StringBuilder();\nsb.append(\"heap\");\n");
  REQUIRE(r.exit_code == 0);
  const heapviz::Machine end = r.trace->state_at(r.trace->size());
  const auto sbs = objects_of(end, "java.lang.StringBuilder");
  REQUIRE(sbs.size() == 1);
  CHECK(size_of(end, sbs[0]) == 24);
  // AbstractStringBuilder's fields where JDK 17.0.15 puts them (Unsafe.objectFieldOffset).
  const auto& k = end.klasses->at(end.heap.record(sbs[0]).klass);
  CHECK(k.field("count")->offset == 12);
  CHECK(k.field("coder")->offset == 16);
  CHECK(k.field("value")->offset == 20);
  const auto value = heapviz::heap::load_ref(end, sbs[0], "value");
  CHECK(end.heap.array_length(end.heap.record(value).addr) == 16);
  CHECK(size_of(end, value) == 32);
  CHECK(heapviz::heap::load_prim(end, sbs[0], "count") == 4);
  CHECK(heapviz::heap::load_prim_element(end, value, 0) == 'h');
  CHECK(heapviz::heap::load_prim_element(end, value, 3) == 'p');
}

TEST_CASE("StringBuilder: growth copies into a new byte[] of old*2+2 and leaves the old one as garbage") {
  const auto r = interp_test::run(
      "StringBuilder sb = new StringBuilder(4);\nsb.append(\"abcde\");\nSystem.out.println(sb.capacity());\n"
      "sb.append(\"0123456789012\");\nSystem.out.println(sb.capacity() + \" \" + sb);\nSystem.gc();\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "10\n22 abcde0123456789012\n");
  // Before the GC: the byte[4], byte[10] and byte[22] are all on the heap; after it only the last.
  const auto& t = *r.trace;
  std::size_t before_gc = 0;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.steps()[i].kind == heapviz::StepKind::gc_start) {
      before_gc = i;
      break;
    }
  REQUIRE(before_gc > 0);
  const heapviz::Machine pre = t.state_at(before_gc);
  CHECK(objects_of(pre, "byte[]").size() == 3);
  const heapviz::Machine end = t.state_at(t.size());
  const auto arrays = objects_of(end, "byte[]");
  REQUIRE(arrays.size() == 1);
  CHECK(end.heap.array_length(end.heap.record(arrays[0]).addr) == 22);
  CHECK(objects_of(end, "java.lang.StringBuilder").size() == 1);
}

TEST_CASE("StringBuilder: a char above U+00FF inflates value to UTF-16, twice the bytes") {
  const auto r = interp_test::run(
      "StringBuilder sb = new StringBuilder(\"ab\");\nsb.append('\\u4e2d');\n"
      "System.out.println(sb.length() + \" \" + sb.capacity());\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "3 18\n");
  const heapviz::Machine end = r.trace->state_at(r.trace->size());
  const auto sb = objects_of(end, "java.lang.StringBuilder").at(0);
  CHECK(heapviz::heap::load_prim(end, sb, "coder") == 1);
  const auto value = heapviz::heap::load_ref(end, sb, "value");
  CHECK(end.heap.array_length(end.heap.record(value).addr) == 36);
  CHECK(heapviz::heap::load_prim_element(end, value, 4) == 0x2d);  // little-endian UTF-16
  CHECK(heapviz::heap::load_prim_element(end, value, 5) == 0x4e);
}

TEST_CASE("StringBuilder: methods as JDK 17 runs them") {
  CHECK(out("StringBuilder sb = new StringBuilder();\nsb.append(1).append('c').append(2L).append(true)"
            ".append(1.5).append(2.5f).append((String) null);\nSystem.out.println(sb + \" \" + "
            "sb.length());\n") == "1c2true1.52.5null 17\n");
  CHECK(
      out("StringBuilder sb = new StringBuilder(\"hello\");\nsb.insert(0, \">\").deleteCharAt(1).reverse();\n"
          "System.out.println(sb.toString() + sb.charAt(0));\n") == "olle>o\n");
  CHECK(out("StringBuilder sb = new StringBuilder(\"abc\");\nsb.setLength(1);\nsb.setLength(3);\n"
            "System.out.println(sb.length() + \" \" + (int) sb.charAt(2) + \" \" + sb.capacity());\n") ==
        "3 0 19\n");
  CHECK(
      out("StringBuilder a = new StringBuilder(\"x\");\na.append(a).append(a);\nSystem.out.println(a);\n") ==
      "xxxx\n");
}

TEST_CASE("StringBuilder: exceptions carry JDK 17's messages") {
  CHECK(out("StringBuilder sb = new StringBuilder(\"abc\");\ntry { sb.charAt(5); } catch "
            "(StringIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }\n") ==
        "index 5, length 3\n");
  CHECK(out("StringBuilder sb = null;\ntry { sb.append(\"x\"); } catch (NullPointerException e) { "
            "System.out.println(e.getMessage()); }\n") ==
        "Cannot invoke \"java.lang.StringBuilder.append(String)\" because \"<local1>\" is null\n");
  CHECK(out("try { new StringBuilder(-1); } catch (NegativeArraySizeException e) { "
            "System.out.println(e.getMessage()); }\n") == "-1\n");
}

TEST_CASE("StringBuilder: javac's errors and what heapviz does not simulate") {
  CHECK(first_error("StringBuilder sb = new StringBuilder();\nsb.append(null);\n") ==
        "reference to append is ambiguous");
  CHECK(first_error("StringBuilder sb = new StringBuilder();\nsb.frobnicate();\n") ==
        "cannot find symbol: method frobnicate in class StringBuilder");
  CHECK(
      first_error("StringBuilder sb = new StringBuilder();\nsb.indexOf(\"a\");\n").find("not simulate yet") !=
      std::string::npos);
  CHECK(first_error("StringBuilder sb = new StringBuilder();\nint n = sb;\n") ==
        "incompatible types: StringBuilder cannot be converted to int");
}
