#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "heapviz/lang/ast.hpp"
#include "heapviz/lang/parser.hpp"

using namespace heapviz::lang;

namespace {
// Kinds of a subtree in pre-order, through for_each_child.
void kinds(const Node& n, std::vector<std::string>& out) {
  out.emplace_back(node_kind_name(n.kind));
  for_each_child(n, [&](const Node& c) { kinds(c, out); });
}
}  // namespace

TEST_CASE("ast: for_each_child visits every node in source order, with heights as depth") {
  auto r = parse_program(
      "class Node { Node next; }\n"
      "Node n = new Node();\n"
      "for (int i = 0; i < 2; i++) { n.next = new Node(); }\n"
      "try { n = null; } catch (Exception e) { } finally { System.gc(); }\n");
  REQUIRE(r.ok());
  std::vector<std::string> seen;
  kinds(*r.program.main_method->body, seen);
  CHECK(seen == std::vector<std::string>{
                    "Block",    "LocalClass", "ClassDecl", "FieldDecl",   "LocalVar", "NewObject", "For",
                    "LocalVar", "Literal",    "Binary",    "Name",        "Literal",  "Unary",     "Name",
                    "Block",    "ExprStmt",   "Assign",    "FieldAccess", "Name",     "NewObject", "Try",
                    "Block",    "ExprStmt",   "Assign",    "Name",        "Literal",  "Block",     "Block",
                    "ExprStmt", "MethodCall", "Name"});
  const Block& body = *r.program.main_method->body;
  CHECK(body.depth == 7);  // Block > For > Block > ExprStmt > Assign > FieldAccess > Name
  CHECK(body.statements[0]->depth == 3);
}

TEST_CASE("ast: as<T>, cast<T>, qualified names and types") {
  auto r = parse_expression("System.out.println(args.length)");
  REQUIRE(r.expr);
  const MethodCall* call = r.expr->as<MethodCall>();
  REQUIRE(call != nullptr);
  CHECK(r.expr->as<Name>() == nullptr);
  CHECK(qualified_name(*call->target) == "System.out");
  CHECK(qualified_name(*call->args[0]) == "args.length");
  CHECK(qualified_name(*r.expr).empty());
  CHECK(call->static_type == std::nullopt);

  auto decl = parse_program("List<byte[]> a = null; int b[][] = null; var c = 1;");
  REQUIRE(decl.ok());
  const auto& stmts = decl.program.main_method->body->statements;
  const LocalVar& a = stmts[0]->cast<LocalVar>();
  CHECK(a.type.to_string() == "List<byte[]>");
  CHECK(a.type.args[0].element().to_string() == "byte");
  CHECK_FALSE(a.type.is_primitive());
  const LocalVar& b = stmts[1]->cast<LocalVar>();
  CHECK(b.type.is_primitive());
  CHECK(b.declarators[0].type_from(b.type).to_string() == "int[][]");
  CHECK(stmts[2]->cast<LocalVar>().type.is_var());
  CHECK(op_spelling(BinaryOp::UShr) == ">>>");
  CHECK(op_spelling(AssignOp::UShr) == ">>>=");
  CHECK(op_spelling(UnaryOp::PostDecrement) == "--");
  CHECK(node_kind_name(NodeKind::MethodDecl) == "MethodDecl");
}

TEST_CASE("ast: the synthesized Main of a bare body") {
  auto r = parse_program("int x = 1;");
  REQUIRE(r.ok());
  const ClassDecl& main = *r.program.main_class;
  CHECK(main.synthesized);
  CHECK(main.name == "Main");
  CHECK(r.program.main_method->is_main());
  CHECK(r.program.main_method->throws.at(0).name == "Exception");
  CHECK(main.find_method("main") == r.program.main_method);
  CHECK(main.find_method("other") == nullptr);
}

TEST_CASE("ast: literal values") {
  auto lit = [](const char* src) {
    auto r = parse_expression(src);
    REQUIRE(r.expr);
    REQUIRE(r.expr->kind == NodeKind::Literal);
    return std::pair<LiteralKind, std::int64_t>(r.expr->cast<Literal>().literal_kind,
                                                r.expr->cast<Literal>().int_value);
  };
  CHECK(lit("0x7fffffff") == std::pair{LiteralKind::Int, std::int64_t{2147483647}});
  CHECK(lit("0x80000000") == std::pair{LiteralKind::Int, std::int64_t{-2147483647 - 1}});
  CHECK(lit("-0x80000000") == std::pair{LiteralKind::Int, std::int64_t{-2147483647 - 1}});
  CHECK(lit("0xFFFFFFFFFFFFFFFFL") == std::pair{LiteralKind::Long, std::int64_t{-1}});
  CHECK(lit("'\\u4e2d'") == std::pair{LiteralKind::Char, std::int64_t{0x4e2d}});
  CHECK(lit("false") == std::pair{LiteralKind::Boolean, std::int64_t{0}});
  auto s = parse_expression("\"a\\u00e9\"");
  REQUIRE(s.expr);
  CHECK(s.expr->cast<Literal>().string_value == "a\xC3\xA9");
}
