#include <doctest/doctest.h>

#include "heapviz/lang/ast_printer.hpp"
#include "heapviz/lang/parser.hpp"
#include "lang_test_util.hpp"

using namespace heapviz::lang;

TEST_CASE("classes: a whole-class lesson with imports, static nested classes and static methods") {
  const char* src =
      "import java.nio.*;\n"
      "import static java.lang.Math.max;\n"
      "public class Demo {\n"
      "  static class Node { Node next; byte[] data = new byte[16]; Node(Node n) { this.next = n; } }\n"
      "  static int counter = 0;\n"
      "  static Node grow(Node head) { return new Node(head); }\n"
      "  public static void main(String[] args) throws Exception {\n"
      "    Node head = null;\n"
      "    head = grow(head);\n"
      "  }\n"
      "}\n";
  auto r = parse_program(src);
  REQUIRE(r.ok());
  const Program& p = r.program;
  CHECK_FALSE(p.bare_body);
  REQUIRE(p.imports.size() == 2);
  CHECK(p.imports[0].name == "java.nio");
  CHECK(p.imports[0].on_demand);
  CHECK(p.imports[1].is_static);
  CHECK(p.imports[1].name == "java.lang.Math.max");
  REQUIRE(p.classes.size() == 1);
  CHECK(p.main_class == p.classes[0].get());
  CHECK(p.main_class->name == "Demo");
  CHECK(p.main_method->is_main());
  CHECK(p.main_method->throws.at(0).name == "Exception");
  const ClassDecl& node = *p.main_class->nested.at(0);
  CHECK(node.name == "Node");
  CHECK(node.modifiers.is_static);
  CHECK(node.fields.size() == 2);
  CHECK(node.methods.at(0)->is_constructor);
  CHECK(to_sexpr(node) ==
        "(class static Node (field Node (next)) (field byte[] (data (new-array byte[] 16))) "
        "(constructor Node (Node n) (block (expr (= (. this next) n)))))");
  CHECK(p.main_class->fields.at(0)->modifiers.is_static);
  CHECK(p.main_class->find_method("grow")->return_type.name == "Node");
}

TEST_CASE("classes: main may use varargs, and the file may have a package") {
  auto r = parse_program("package demo;\nclass A { public static void main(String... args) { } }");
  REQUIRE(r.ok());
  CHECK(r.program.package_name == "demo");
  CHECK(r.program.main_method->params[0].varargs);
}

TEST_CASE("classes: a whole class without main is an error") {
  auto d = lang_test::first_error("public class A { static void f() {} }");
  CHECK(d.kind == DiagnosticKind::Semantic);
  CHECK(d.message.find("needs a method 'public static void main(String[] args)'") != std::string::npos);
}

TEST_CASE("classes: local classes in a bare body build object graphs") {
  const char* src =
      "class Node { Node next; Object payload; }\n"
      "Node a = new Node();\n"
      "a.next = new Node();\n";
  auto r = parse_program(src);
  REQUIRE(r.ok());
  CHECK(r.program.bare_body);
  const auto& stmts = r.program.main_method->body->statements;
  REQUIRE(stmts.size() == 3);
  const LocalClass* lc = stmts[0]->as<LocalClass>();
  REQUIRE(lc != nullptr);
  CHECK(lc->decl->is_local);
  CHECK(lc->decl->fields.size() == 2);
  CHECK(to_sexpr(*stmts[0]) == "(class Node (field Node (next)) (field Object (payload)))");
  CHECK(lang_test::body("final class Box { int v; }\nBox b = new Box();") ==
        "(block (class Box (field int (v))) (local Box (b (new Box))))");
  // Only classes and no statements: a whole-class file, which needs main.
  CHECK(lang_test::first_error("class Box { int v; }").kind == DiagnosticKind::Semantic);
}

TEST_CASE("classes: javac's rules for local classes") {
  auto d = lang_test::first_error("static class Node { Node next; }");
  CHECK(d.kind == DiagnosticKind::Semantic);
  CHECK(d.message.find("Java does not allow 'static' on it; write 'class Node' without 'static'") !=
        std::string::npos);
  CHECK(d.span.line == 1);
  CHECK(d.span.col == 1);
  CHECK(lang_test::first_error("public class Node {}\nint x = 1;").message ==
        "a local class cannot be public, private or protected");
}

TEST_CASE("classes: inner (non-static) member classes are not simulated") {
  auto d = lang_test::first_error("public class M { class Inner {} public static void main(String[] a) {} }");
  CHECK(d.kind == DiagnosticKind::Unsupported);
  CHECK(d.message ==
        "this is valid Java that heapviz does not simulate yet: inner (non-static) member classes; declare "
        "it 'static class Inner'");
}

TEST_CASE("classes: a method without a return type, and fields of several kinds") {
  CHECK(
      lang_test::first_error("public class M { foo() {} public static void main(String[] a) {} }").message ==
      "a method needs a return type (void if it returns nothing); a constructor must be named M");
  auto r = parse_program(
      "public class M { static int a = 1, b[] = {2}; final Object o = new Object();\n"
      "  public static void main(String[] args) { } }");
  REQUIRE(r.ok());
  CHECK(to_sexpr(*r.program.main_class) ==
        "(class M (field static int (a 1) (b[] ({} 2))) (field Object (o (new Object))) "
        "(method static void main (String[] args) (block)))");
}
