#pragma once
// The recursive-descent parser behind parse_program (private to core/src/lang).
// Split by job: parser.cpp (tokens, errors, entry points, compilation units), parse_types.cpp,
// parse_declarations.cpp (classes, fields, methods), parse_statements.cpp, parse_expressions.cpp.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/lang/ast.hpp"
#include "heapviz/lang/diagnostic.hpp"
#include "heapviz/lang/token.hpp"

namespace heapviz::lang::detail {

/// Thrown to stop parsing at the first error (the diagnostic is already recorded).
struct ParseAbort {};

/// The deepest recursion of parse functions (parentheses, blocks, type arguments, ...).
inline constexpr int kMaxNesting = 400;

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens);

  std::vector<Diagnostic> diagnostics;

  Program parse_program();
  ExprPtr parse_standalone_expression();

  // ---- tokens
  const Token& cur() const { return tokens_[pos_]; }
  const Token& peek(std::size_t ahead = 1) const;
  const Token& prev() const { return tokens_[pos_ == 0 ? 0 : pos_ - 1]; }
  std::size_t pos() const { return pos_; }
  bool at(std::string_view op) const { return cur().is(op); }
  bool at_eof() const { return cur().kind == TokenKind::EndOfFile; }
  bool at_identifier() const { return cur().is_identifier(); }
  const Token& next();  ///< consumes and returns the current token (never moves past EOF)
  bool accept(std::string_view op);
  /// Consumes `op` or fails with `message` (", found X" is added when the next token is on the same line).
  const Token& expect(std::string_view op, std::string_view message);
  std::string expect_identifier(std::string_view message, SourceSpan* span = nullptr);
  /// True if token i and i+1 touch (no space between): used to join `>` `>` into `>>`.
  bool adjacent(std::size_t i) const;
  /// Index of the token matching the bracket at i, or npos.
  std::size_t matching(std::size_t i) const { return i < match_.size() ? match_[i] : npos; }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // ---- errors
  [[noreturn]] void fail(SourceSpan span, std::string message, DiagnosticKind kind = DiagnosticKind::Syntax);
  /// "this is valid Java that heapviz does not simulate yet: <what>" (plus "; <hint>").
  [[noreturn]] void unsupported(SourceSpan span, std::string_view what, std::string_view hint = {});
  /// The span from `start` to the end of the previous token.
  SourceSpan span_from(const SourceSpan& start) const { return SourceSpan::cover(start, prev().span); }

  /// Limits recursion: counts nesting on construction and fails past kMaxNesting.
  class Nest {
   public:
    explicit Nest(Parser& p);
    ~Nest() { --p_.nesting_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    Parser& p_;
  };

  /// Sets n.depth from its children and fails if the tree got deeper than kMaxTreeDepth.
  void finish(Node& n);

  // ---- types (parse_types.cpp)
  bool at_primitive_type() const;
  TypeRef parse_type(bool allow_var = true);
  /// If a type starts at token i, the index just after it; else npos (no diagnostics, no AST).
  std::size_t scan_type(std::size_t i) const;
  /// True if the tokens here start a local variable declaration (`Type name ...`).
  bool at_local_var_decl() const;

  // ---- declarations (parse_declarations.cpp)
  Modifiers parse_modifiers();
  std::unique_ptr<ClassDecl> parse_class_decl(Modifiers mods, bool is_local);
  void parse_class_body(ClassDecl& cls);
  void parse_method_rest(MethodDecl& m);  ///< parameters, throws and body of a method or constructor
  std::vector<Declarator> parse_declarators(const TypeRef& type);
  void parse_declarator_rest(Declarator& d, const TypeRef& type);  ///< `[]`s and `= init` after the name

  // ---- statements (parse_statements.cpp)
  StmtPtr parse_statement();
  std::unique_ptr<Block> parse_block();
  std::unique_ptr<Block> parse_body_block();  ///< a method or lambda body (no enclosing loop)
  StmtPtr parse_switch();
  std::unique_ptr<Switch> parse_switch_body(bool expression);  ///< a switch statement's or expression's
  StmtPtr parse_loop_body();                                   ///< a loop's body (`break`/`continue` allowed)
  std::unique_ptr<LocalVar> parse_local_var_rest(SourceSpan start, TypeRef type, bool is_final, bool single);
  StmtPtr parse_block_statement();
  StmtPtr finish_local_var_statement(
      std::unique_ptr<LocalVar>
          decl);  ///< reads the ';'  ///< a statement, or a local variable/class declaration

  // ---- expressions (parse_expressions.cpp)
  ExprPtr parse_expression();
  ExprPtr parse_variable_initializer(const TypeRef& type);
  std::vector<ExprPtr> parse_arguments();

 private:
  const std::vector<Token>& tokens_;
  std::size_t pos_ = 0;
  int nesting_ = 0;
  int switch_depth_ = 0;  // switch statements around the current statement (`break` may leave them)
  int loop_depth_ = 0;    // loops around the current statement, within the current method or lambda
  std::vector<std::size_t> match_;

  bool looks_like_compilation_unit() const;
  void parse_compilation_unit(Program& prog);
  void parse_bare_body(Program& prog);

  // statements
  StmtPtr parse_if();
  StmtPtr parse_while();
  StmtPtr parse_do();
  StmtPtr parse_for();
  StmtPtr parse_try();
  StmtPtr parse_simple_keyword_statement();
  StmtPtr parse_expression_statement();
  StmtPtr reject_statement_keyword();
  bool yield_with_parenthesis() const;

  // expressions
  ExprPtr parse_assignment();
  ExprPtr parse_conditional();
  ExprPtr parse_binary(int min_precedence);
  ExprPtr parse_unary();
  ExprPtr parse_postfix(ExprPtr e);
  ExprPtr parse_primary();
  ExprPtr parse_parenthesized_or_cast_or_lambda();
  ExprPtr parse_lambda();
  ExprPtr parse_new();
  std::unique_ptr<ArrayInit> parse_array_init();
  ExprPtr parse_int_literal(const Token& t, bool negated, SourceSpan span);
  bool at_lambda() const;
  bool at_cast() const;
};

}  // namespace heapviz::lang::detail
