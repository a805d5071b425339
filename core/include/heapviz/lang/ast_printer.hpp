#pragma once
#include <string>

#include "heapviz/lang/ast.hpp"

namespace heapviz::lang {

/// A compact one-line S-expression of a subtree, for tests and debugging:
/// `(+ a (* b c))`, `(call (. System out) println "hi")`, `(local int (a 1) (b))`.
std::string to_sexpr(const Node& n);
/// The same for a whole program: its classes, each with fields and methods.
std::string to_sexpr(const Program& p);

}  // namespace heapviz::lang
