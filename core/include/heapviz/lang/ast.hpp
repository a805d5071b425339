#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/lang/source_span.hpp"

// The lesson AST. Every node has a stable `kind` and a `span`; walk it with a switch on `kind`
// and `as<T>()`/`cast<T>()`. The parser guarantees that no tree is deeper than kMaxTreeDepth,
// so recursive walkers (interpreter, printers, checkers) cannot overflow the stack.
namespace heapviz::lang {

/// The deepest tree the parser builds (nodes from root to leaf, counting every node).
inline constexpr int kMaxTreeDepth = 256;

/// Every node kind. Values are stable: add new kinds at the end of their group.
enum class NodeKind : std::uint8_t {
  // expressions
  Literal,
  Name,
  FieldAccess,
  MethodCall,
  NewObject,
  NewArray,
  ArrayInit,
  ArrayAccess,
  Unary,
  Binary,
  Assign,
  Conditional,
  Cast,
  InstanceOf,
  Lambda,
  This,
  SwitchExpr,
  // statements
  Block,
  LocalVar,
  LocalClass,
  ExprStmt,
  If,
  While,
  DoWhile,
  For,
  ForEach,
  Break,
  Continue,
  Return,
  Throw,
  Try,
  Empty,
  Switch,
  Yield,
  // declarations
  ClassDecl,
  FieldDecl,
  MethodDecl,
};

/// The node kind's name ("MethodCall"), for printing and messages.
std::string_view node_kind_name(NodeKind k);

/// A type as written: `int`, `byte[]`, `ByteBuffer`, `java.nio.ByteBuffer`, `List<ByteBuffer>`, `var`.
struct TypeRef {
  std::string name;           ///< dotted name as written, e.g. "byte", "Map.Entry", "var"
  std::vector<TypeRef> args;  ///< generic type arguments as written
  bool diamond = false;       ///< `new ArrayList<>()`
  int dims = 0;               ///< array dimensions: `byte[][]` has 2
  SourceSpan span;

  bool is_var() const { return name == "var" && dims == 0; }
  /// True for the eight primitive types and `void` (with no array dimensions).
  bool is_primitive() const;
  /// `byte[]` for {byte, dims 1}; type arguments printed as `<A, B>`.
  std::string to_string() const;
  /// The same type with one array dimension fewer (element type).
  TypeRef element() const;
};

/// Base of every node.
struct Node {
  NodeKind kind;
  SourceSpan span;
  int depth = 1;  ///< height of the subtree rooted here (a leaf has 1); set by the parser

  explicit Node(NodeKind k) : kind(k) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  /// The node as T if its kind is T's, else nullptr.
  template <class T>
  const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
  template <class T>
  T* as() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  /// The node as T; the caller has checked the kind.
  template <class T>
  const T& cast() const {
    return static_cast<const T&>(*this);
  }
};

/// Base of expressions. `static_type` is left empty by the parser for a later checker to fill.
struct Expr : Node {
  using Node::Node;
  std::optional<TypeRef> static_type;
  bool parenthesized = false;  ///< written inside `( )` (matters for `(a) = 1`-style checks)
};
/// Base of statements.
struct Stmt : Node {
  using Node::Node;
};

using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;

template <NodeKind K, class Base>
struct NodeOf : Base {
  static constexpr NodeKind kKind = K;
  NodeOf() : Base(K) {}
};

// ---------------------------------------------------------------- expressions

enum class LiteralKind : std::uint8_t { Int, Long, Float, Double, Char, String, Boolean, Null };

/// `42`, `10L`, `1.5`, `'a'`, `"text"`, `true`, `null`.
struct Literal : NodeOf<NodeKind::Literal, Expr> {
  LiteralKind literal_kind = LiteralKind::Null;
  std::int64_t int_value = 0;  ///< Int (as int32 range), Long, Char (UTF-16 unit), Boolean (0/1)
  double float_value = 0.0;    ///< Float and Double
  std::string string_value;    ///< String (UTF-8)
  std::string text;            ///< the literal as written
};

/// A simple name: a local variable, a field, or the first part of a qualified name (`System`).
struct Name : NodeOf<NodeKind::Name, Expr> {
  std::string identifier;
};

/// `target.name`: field access, qualified names (`StandardOpenOption.WRITE`, `System.out`) and
/// array `.length`. The interpreter decides which one by what `target` resolves to.
struct FieldAccess : NodeOf<NodeKind::FieldAccess, Expr> {
  ExprPtr target;
  std::string name;
  SourceSpan name_span;
};

/// `name(args)` or `target.name(args)`: `ByteBuffer.allocate(16)`, `buf.put(b)`,
/// `System.out.println(x)`, `Path.of("f")`. `target` is null for an unqualified call.
struct MethodCall : NodeOf<NodeKind::MethodCall, Expr> {
  ExprPtr target;
  std::string name;
  SourceSpan name_span;
  std::vector<ExprPtr> args;
};

/// `new T(args)`: `new Object()`, `new Thread(() -> ...)`, `new ArrayList<>()`.
struct NewObject : NodeOf<NodeKind::NewObject, Expr> {
  TypeRef type;
  std::vector<ExprPtr> args;
};

struct ArrayInit;

/// `new byte[n]`, `new Object[n][m]`, `new int[n][]`, `new byte[]{1, 2, 3}`.
struct NewArray : NodeOf<NodeKind::NewArray, Expr> {
  TypeRef element_type;             ///< the type without dimensions (`byte`)
  std::vector<ExprPtr> dim_exprs;   ///< the sizes given, outermost first (empty with an initializer)
  int dims = 0;                     ///< total dimensions, sized or not
  std::unique_ptr<ArrayInit> init;  ///< `{...}` or null
  /// The array's own type (`byte[]`).
  TypeRef array_type() const;
};

/// `{1, 2, 3}` after `new byte[]` or in a declaration `byte[] a = {1, 2, 3};`.
struct ArrayInit : NodeOf<NodeKind::ArrayInit, Expr> {
  std::vector<ExprPtr> elements;  ///< may themselves be ArrayInit for nested arrays
};

/// `array[index]`.
struct ArrayAccess : NodeOf<NodeKind::ArrayAccess, Expr> {
  ExprPtr array;
  ExprPtr index;
};

enum class UnaryOp : std::uint8_t {
  Plus,
  Minus,
  Not,
  BitNot,
  PreIncrement,
  PreDecrement,
  PostIncrement,
  PostDecrement
};

/// `-x`, `!b`, `~x`, `++i`, `i--`.
struct Unary : NodeOf<NodeKind::Unary, Expr> {
  UnaryOp op = UnaryOp::Minus;
  ExprPtr operand;
};

enum class BinaryOp : std::uint8_t {
  Mul,
  Div,
  Rem,
  Add,
  Sub,
  Shl,
  Shr,
  UShr,
  Lt,
  Gt,
  Le,
  Ge,
  Eq,
  Ne,
  BitAnd,
  BitXor,
  BitOr,
  And,
  Or,
};

/// `a + b`, `a && b`, `a << 2`, ... (`+` on strings is concatenation; decided by types).
struct Binary : NodeOf<NodeKind::Binary, Expr> {
  BinaryOp op = BinaryOp::Add;
  ExprPtr lhs;
  ExprPtr rhs;
};

enum class AssignOp : std::uint8_t { Assign, Add, Sub, Mul, Div, Rem, And, Or, Xor, Shl, Shr, UShr };

/// `target = value`, `target += value`, ... `target` is a Name, FieldAccess or ArrayAccess.
struct Assign : NodeOf<NodeKind::Assign, Expr> {
  AssignOp op = AssignOp::Assign;
  ExprPtr target;
  ExprPtr value;
};

/// `cond ? a : b`.
struct Conditional : NodeOf<NodeKind::Conditional, Expr> {
  ExprPtr cond;
  ExprPtr then_expr;
  ExprPtr else_expr;
};

/// `(byte) x`, `(ByteBuffer) obj`.
struct Cast : NodeOf<NodeKind::Cast, Expr> {
  TypeRef type;
  ExprPtr operand;
};

/// `x instanceof T` (the Java 16 pattern form `x instanceof T t` records `binding`).
struct InstanceOf : NodeOf<NodeKind::InstanceOf, Expr> {
  ExprPtr operand;
  TypeRef type;
  std::string binding;  ///< "" unless a pattern variable was declared
};

struct Block;

/// A lambda parameter: `x` or `int x`.
struct LambdaParam {
  std::string name;
  std::optional<TypeRef> type;
  SourceSpan span;
};

/// `() -> expr` or `() -> { ... }`, e.g. for `new Thread(() -> ...)`.
struct Lambda : NodeOf<NodeKind::Lambda, Expr> {
  std::vector<LambdaParam> params;
  ExprPtr expr_body;                  ///< set for `-> expr`
  std::unique_ptr<Block> block_body;  ///< set for `-> { ... }`
};

/// `this` (inside methods and constructors of lesson classes).
struct This : NodeOf<NodeKind::This, Expr> {};

// ---------------------------------------------------------------- statements

/// `{ ... }`.
struct Block : NodeOf<NodeKind::Block, Stmt> {
  std::vector<StmtPtr> statements;
};

/// One variable of a declaration: `a = 1` in `int a = 1, b;`.
struct Declarator {
  std::string name;
  SourceSpan name_span;
  int extra_dims = 0;  ///< C-style `int a[]` adds to the declared type's dimensions
  ExprPtr init;        ///< null without an initializer; an ArrayInit for `= {1, 2}`
  /// The declared type of this variable (the declaration's type plus extra_dims).
  TypeRef type_from(const TypeRef& declared) const;
};

/// `int a = 1, b = 2;`, `var buf = ByteBuffer.allocate(8);`, `final byte[] data = {1, 2};`.
struct LocalVar : NodeOf<NodeKind::LocalVar, Stmt> {
  TypeRef type;
  bool is_final = false;
  std::vector<Declarator> declarators;
};

struct ClassDecl;

/// A local class declared among statements: `class Node { Node next; }`.
struct LocalClass : NodeOf<NodeKind::LocalClass, Stmt> {
  std::unique_ptr<ClassDecl> decl;
};

/// An expression used as a statement: a call, an assignment, `i++`, `new Object();`.
struct ExprStmt : NodeOf<NodeKind::ExprStmt, Stmt> {
  ExprPtr expr;
};

struct If : NodeOf<NodeKind::If, Stmt> {
  ExprPtr cond;
  StmtPtr then_stmt;
  StmtPtr else_stmt;  ///< null without `else`
};

struct While : NodeOf<NodeKind::While, Stmt> {
  ExprPtr cond;
  StmtPtr body;
};

struct DoWhile : NodeOf<NodeKind::DoWhile, Stmt> {
  StmtPtr body;
  ExprPtr cond;
};

/// `for (init; cond; update) body`; init is LocalVar or ExprStmt nodes; cond may be null.
struct For : NodeOf<NodeKind::For, Stmt> {
  std::vector<StmtPtr> init;
  ExprPtr cond;
  std::vector<ExprPtr> update;
  StmtPtr body;
};

/// `for (T name : iterable) body`.
struct ForEach : NodeOf<NodeKind::ForEach, Stmt> {
  TypeRef var_type;
  bool is_final = false;
  std::string name;
  SourceSpan name_span;
  ExprPtr iterable;
  StmtPtr body;
};

struct Break : NodeOf<NodeKind::Break, Stmt> {};
struct Continue : NodeOf<NodeKind::Continue, Stmt> {};

/// `return;` or `return expr;` (in main, `return;` ends the program).
struct Return : NodeOf<NodeKind::Return, Stmt> {
  ExprPtr value;
};

struct Throw : NodeOf<NodeKind::Throw, Stmt> {
  ExprPtr value;
};

/// One `case A, B:` / `default:` group of a switch statement, or one `case A -> ...` rule.
struct SwitchCase {
  std::vector<ExprPtr> labels;  ///< empty for `default`
  bool is_default = false;
  std::vector<StmtPtr> body;  ///< a rule's body is one statement (block, expression statement or throw)
  SourceSpan span;            ///< the `case`/`default` keyword
};

/// `switch (x) { case 1: ... }` (old form, falls through) or `switch (x) { case 1 -> ...; }` (rules).
struct Switch : NodeOf<NodeKind::Switch, Stmt> {
  ExprPtr selector;
  std::vector<SwitchCase> cases;
  bool rules = false;  ///< the `->` form
};

/// A switch used as a value (JLS 15.28): `switch (k) { case 1 -> 10; default -> { yield 0; } }`. `body` holds
/// the selector and the cases; a rule `case 1 -> 10;` has the body `yield 10;`.
struct SwitchExpr : NodeOf<NodeKind::SwitchExpr, Expr> {
  std::unique_ptr<Switch> body;
};

/// `yield value;`: the value of the enclosing switch expression.
struct Yield : NodeOf<NodeKind::Yield, Stmt> {
  ExprPtr value;
};

/// `catch (A | B e) { ... }`.
struct CatchClause {
  std::vector<TypeRef> types;  ///< one, or several for a multi-catch
  std::string name;
  SourceSpan name_span;
  std::unique_ptr<Block> body;
  SourceSpan span;
};

/// `try (resources) { ... } catch (...) { ... } finally { ... }`.
struct Try : NodeOf<NodeKind::Try, Stmt> {
  std::vector<std::unique_ptr<LocalVar>> resources;  ///< try-with-resources, one declarator each
  std::unique_ptr<Block> body;
  std::vector<CatchClause> catches;
  std::unique_ptr<Block> finally_block;  ///< null without `finally`
};

/// A lone `;`.
struct Empty : NodeOf<NodeKind::Empty, Stmt> {};

// ---------------------------------------------------------------- declarations

/// Modifiers written before a declaration.
struct Modifiers {
  bool is_public = false, is_protected = false, is_private = false, is_static = false;
  bool is_final = false, is_abstract = false, is_volatile = false, is_transient = false;
  SourceSpan static_span;  ///< where `static` was written (for "not allowed here" messages)
  SourceSpan span;         ///< all the modifiers
  bool any() const;
};

/// A field: `static Node head;`, `Node next = null;`, `int a, b = 2;`.
struct FieldDecl : NodeOf<NodeKind::FieldDecl, Node> {
  Modifiers modifiers;
  TypeRef type;
  std::vector<Declarator> declarators;
};

/// A method parameter.
struct Param {
  TypeRef type;
  std::string name;
  SourceSpan span;
  bool is_final = false;
  bool varargs = false;  ///< `String... args` (then `type` has the extra array dimension)
};

/// A method or constructor of a lesson class.
struct MethodDecl : NodeOf<NodeKind::MethodDecl, Node> {
  Modifiers modifiers;
  TypeRef return_type;  ///< `void` for void methods; empty name for constructors
  std::string name;
  SourceSpan name_span;
  std::vector<Param> params;
  std::vector<TypeRef> throws;
  std::unique_ptr<Block> body;
  bool is_constructor = false;
  /// True for `static void main(String[] args)` (or `String... args`).
  bool is_main() const;
};

/// A class: the lesson's top-level class, a static nested class, or a local class.
struct ClassDecl : NodeOf<NodeKind::ClassDecl, Node> {
  Modifiers modifiers;
  std::string name;
  SourceSpan name_span;
  std::optional<TypeRef> superclass;  ///< `extends X`
  std::vector<std::unique_ptr<FieldDecl>> fields;
  std::vector<std::unique_ptr<MethodDecl>> methods;
  std::vector<std::unique_ptr<ClassDecl>> nested;
  bool is_local = false;     ///< declared among statements
  bool synthesized = false;  ///< the `Main` class made up around a bare body
  /// The method named `name`, or nullptr (the first if overloaded).
  const MethodDecl* find_method(std::string_view method_name) const;
};

/// `import java.nio.*;` / `import static ...;` as written.
struct Import {
  std::string name;  ///< dotted, without `.*`
  bool on_demand = false;
  bool is_static = false;
  SourceSpan span;
};

/// A parsed lesson. A bare body is represented as a synthesized class `Main` whose `main` method
/// holds the statements, so the interpreter always starts at `main_method`.
struct Program {
  bool bare_body = true;
  std::string package_name;     ///< "" if none
  std::vector<Import> imports;  ///< as written (a bare body has the implicit ones only in the JDK wrapper)
  std::vector<std::unique_ptr<ClassDecl>> classes;  ///< top-level classes
  const ClassDecl* main_class = nullptr;
  const MethodDecl* main_method = nullptr;
};

// ---------------------------------------------------------------- walking

/// Calls `f` for each direct child node of `n` in source order (expressions, statements, class
/// members, catch and finally blocks, lambda bodies, local class bodies).
void for_each_child(const Node& n, const std::function<void(const Node&)>& f);

/// Java spelling of an operator: "+", "<<", "++" (prefix and postfix give the same), "+=".
std::string_view op_spelling(UnaryOp op);
std::string_view op_spelling(BinaryOp op);
std::string_view op_spelling(AssignOp op);

/// "System.out" for FieldAccess(Name(System), out); "" if `e` is not a chain of plain names.
std::string qualified_name(const Expr& e);

}  // namespace heapviz::lang
