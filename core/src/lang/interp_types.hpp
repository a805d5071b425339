#pragma once
// Static types and runtime values of the interpreter (internal to core/src/lang).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "heapviz/heap/jvalue.hpp"
#include "heapviz/heap/klass.hpp"
#include "heapviz/lang/ast.hpp"

namespace heapviz::lang::interp {

enum class Prim : std::uint8_t { none, boolean_, byte_, short_, char_, int_, long_, float_, double_ };

/// A static type of the simulated subset. Arrays keep their element in kind/prim/cls and count dims.
/// Reference classes are named by their simple JDK name ("String", "ByteBuffer", "FileChannel.MapMode"),
/// throwables by their qualified name ("java.lang.RuntimeException"), lesson classes by their own name.
struct Type {
  enum class Kind : std::uint8_t { error, void_, prim, null_, ref, classref };
  Kind kind = Kind::error;
  Prim prim = Prim::none;
  std::string cls;
  int dims = 0;

  static Type error() { return {}; }
  static Type void_t() { return Type{Kind::void_, Prim::none, {}, 0}; }
  static Type of(Prim p) { return Type{Kind::prim, p, {}, 0}; }
  static Type null_t() { return Type{Kind::null_, Prim::none, {}, 0}; }
  static Type ref(std::string c, int d = 0) { return Type{Kind::ref, Prim::none, std::move(c), d}; }
  static Type class_ref(std::string c) { return Type{Kind::classref, Prim::none, std::move(c), 0}; }
  Type array_of() const {
    Type t = *this;
    ++t.dims;
    return t;
  }
  Type element() const {
    Type t = *this;
    if (t.dims > 0) --t.dims;
    return t;
  }

  bool is_error() const { return kind == Kind::error; }
  bool is_void() const { return kind == Kind::void_; }
  bool is_array() const { return dims > 0 && (kind == Kind::prim || kind == Kind::ref); }
  bool is_prim() const { return kind == Kind::prim && dims == 0; }
  bool is(Prim p) const { return is_prim() && prim == p; }
  bool is_numeric() const { return is_prim() && prim != Prim::boolean_; }
  bool is_integral() const { return is_numeric() && prim != Prim::float_ && prim != Prim::double_; }
  bool is_boolean() const { return is(Prim::boolean_); }
  bool is_reference() const { return kind == Kind::null_ || is_array() || (kind == Kind::ref); }
  bool is_class(std::string_view c) const { return kind == Kind::ref && dims == 0 && cls == c; }
  bool is_string() const { return is_class("String"); }
  bool is_throwable() const;
  /// Java spelling as javac prints it in messages: "int", "byte[]", "String", "RuntimeException".
  std::string java_name() const;
  bool operator==(const Type&) const = default;
};

std::string_view prim_name(Prim p);
/// Prim for "int", "byte", ... (Prim::none otherwise).
Prim prim_of(std::string_view name);
/// Binary numeric promotion (JLS 5.6.2) of two numeric primitive types.
Prim promote(Prim a, Prim b);
/// Unary numeric promotion: byte, short, char -> int.
Prim promote(Prim a);
/// Widening primitive conversion allowed from `from` to `to` (or identity).
bool widens(Prim from, Prim to);
/// True if reference type `sub` is `super_` or a subtype of it (lesson classes: `supers` lookups).
bool is_subclass(std::string_view sub, std::string_view super_);
/// The heap field type for a static type.
heap::FieldType field_type_of(const Type& t);
/// The JDK's binary class name for messages: "java.nio.ByteBuffer", "java.lang.String".
std::string qualified_class_name(const Type& t);

/// A host-side object the interpreter keeps off the heap (exceptions, threads, paths, Class objects).
struct HostRef {
  std::uint32_t index = 0;
  bool operator==(const HostRef&) const = default;
};

/// A runtime value: JValue's alternatives plus HostRef. null is JRef{0} whatever the static type.
using Value = std::variant<std::monostate, bool, std::int8_t, std::int16_t, char16_t, std::int32_t,
                           std::int64_t, float, double, JRef, JEnum, std::string, HostRef>;

inline bool is_null(const Value& v) {
  const JRef* r = std::get_if<JRef>(&v);
  return r && r->id == heap::kNoObject;
}
/// The value as a 64-bit integer (any integral alternative, bool as 0/1).
std::int64_t as_long(const Value& v);
double as_double(const Value& v);
/// Converts `v` (of any primitive alternative) to primitive type `p`, with Java's narrowing rules.
Value convert_prim(const Value& v, Prim p);
/// The zero value of a type (0, false, null).
Value default_value(const Type& t);

}  // namespace heapviz::lang::interp
