#include <doctest/doctest.h>

#include <algorithm>

#include "interp_test_util.hpp"
#include "test_interp_heap_objects.hpp"

using interp_test::first_error;
using interp_test::objects_of;
using interp_test::out;
using interp_test::size_of;

TEST_CASE("2-D arrays: new int[3][4] is an array of 3 references to 3 int[4] row objects") {
  const auto r = interp_test::run("int[][] a = new int[3][4];\na[1][2] = 7;\nSystem.out.println(a[1][2]);\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "7\n");
  const heapviz::Machine end = r.trace->state_at(r.trace->size());
  const auto outer = objects_of(end, "int[][]");
  REQUIRE(outer.size() == 1);
  CHECK(size_of(end, outer[0]) == 32);  // 16 + 3 * 4, aligned to 8
  CHECK(end.klasses->at(end.heap.record(outer[0]).klass).internal_name == "[[I");
  CHECK(heapviz::heap::describe(end, outer[0]).rfind("int[3][]#", 0) == 0);  // as Java writes the type
  const auto rows = objects_of(end, "int[]");
  REQUIRE(rows.size() == 3);
  for (std::uint32_t i = 0; i < 3; ++i) {
    const auto row = heapviz::heap::load_element(end, outer[0], i);
    CHECK(std::find(rows.begin(), rows.end(), row) != rows.end());
    CHECK(size_of(end, row) == 32);  // 16 + 4 * 4
  }
  CHECK(heapviz::heap::load_prim_element(end, heapviz::heap::load_element(end, outer[0], 1), 2) == 7);
}

TEST_CASE("2-D arrays: the GC moves the rows and keeps them, a replaced row becomes garbage") {
  const auto r = interp_test::run(
      "//@ jvm: -XX:MarkSweepDeadRatio=0\nObject junk = new byte[1000];\njunk = null;\nint[][] a = {{1, 2}, "
      "{3}};\na[0] = new int[]{5, 6, 7};\n"
      "System.gc();\nSystem.out.println(a[0][2] + \" \" + a[1][0] + \" \" + a[0].length);\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "7 3 3\n");  // no dead wood is left where junk was, so everything after it moves
  const auto& t = *r.trace;
  std::size_t gc = 0;
  for (std::size_t i = 0; i < t.size() && gc == 0; ++i)
    if (t.steps()[i].kind == heapviz::StepKind::gc_start) gc = i;
  REQUIRE(gc > 0);
  const heapviz::Machine before = t.state_at(gc);
  const heapviz::Machine end = t.state_at(t.size());
  CHECK(objects_of(before, "int[]").size() == 3);
  const auto rows = objects_of(end, "int[]");
  REQUIRE(rows.size() == 2);  // {1, 2} was collected
  for (const auto row : rows) CHECK(end.heap.record(row).addr < before.heap.record(row).addr);  // compacted
  const auto outer = objects_of(end, "int[][]").at(0);
  CHECK(heapviz::heap::load_element(end, outer, 0) != heapviz::heap::load_element(end, outer, 1));
}

TEST_CASE("2-D arrays: a negative size throws when its level is reached") {
  const auto r = interp_test::run(
      "try { int[][] a = new int[2][-3]; } catch (NegativeArraySizeException e) {\n"
      "  System.out.println(e.getMessage());\n}\n");
  CHECK(r.out == "-3\n");
  // The outer array was allocated first (it is garbage now); no row was.
  const heapviz::Machine end = r.trace->state_at(r.trace->size());
  CHECK(objects_of(end, "int[][]").size() == 1);
  CHECK(objects_of(end, "int[]").empty());
  CHECK(out("try { int[][] a = new int[0][-4]; } catch (NegativeArraySizeException e) {\n"
            "  System.out.println(e.getMessage());\n}\n") == "-4\n");
}

TEST_CASE("2-D arrays: helpful NullPointerException texts name the row") {
  CHECK(out("byte[][] b = new byte[2][];\ntry { b[1][0] = 1; } catch (NullPointerException e) {\n"
            "  System.out.println(e.getMessage());\n}\n") ==
        "Cannot store to byte/boolean array because \"<local1>[1]\" is null\n");
  CHECK(out("int[][] a = new int[2][];\nint i = 1;\ntry { System.out.println(a[i][0]); } catch "
            "(NullPointerException e) {\n  System.out.println(e.getMessage());\n}\n") ==
        "Cannot load from int array because \"<local1>[<local2>]\" is null\n");
}

TEST_CASE("2-D arrays: javac's errors") {
  CHECK(first_error("int[][] a = new int[2][2];\nint[] b = a;\n") ==
        "incompatible types: int[][] cannot be converted to int[]");
  CHECK(first_error("int[][] a = {1, 2};\n") == "incompatible types: int cannot be converted to int[]");
  CHECK(first_error("int[][] a = new int[2][3L];\n") ==
        "incompatible types: possible lossy conversion from long to int");
  CHECK(first_error("int[][] a = new int[2][2];\nObject[] o = a;\n").find("not simulate yet") !=
        std::string::npos);
}
