#include "interp_types.hpp"

#include <cmath>
#include <limits>

#include "heapviz/heap/java_throwable.hpp"

namespace heapviz::lang::interp {

bool Type::is_throwable() const { return kind == Kind::ref && dims == 0 && is_known_throwable(cls); }

std::string_view prim_name(Prim p) {
  switch (p) {
    case Prim::boolean_:
      return "boolean";
    case Prim::byte_:
      return "byte";
    case Prim::short_:
      return "short";
    case Prim::char_:
      return "char";
    case Prim::int_:
      return "int";
    case Prim::long_:
      return "long";
    case Prim::float_:
      return "float";
    case Prim::double_:
      return "double";
    case Prim::none:
      break;
  }
  return "?";
}

Prim prim_of(std::string_view n) {
  for (Prim p : {Prim::boolean_, Prim::byte_, Prim::short_, Prim::char_, Prim::int_, Prim::long_,
                 Prim::float_, Prim::double_})
    if (prim_name(p) == n) return p;
  return Prim::none;
}

std::string Type::java_name() const {
  std::string base;
  switch (kind) {
    case Kind::error:
      return "<error>";
    case Kind::void_:
      return "void";
    case Kind::null_:
      return "<null>";
    case Kind::prim:
      base = std::string(prim_name(prim));
      break;
    case Kind::ref:
    case Kind::classref: {
      const auto dot = cls.rfind('.');
      base = is_known_throwable(cls) && dot != std::string::npos ? cls.substr(dot + 1) : cls;
      break;
    }
  }
  for (int i = 0; i < dims; ++i) base += "[]";
  return base;
}

namespace {
int rank(Prim p) {
  switch (p) {
    case Prim::byte_:
      return 1;
    case Prim::short_:
      return 2;
    case Prim::char_:
      return 2;
    case Prim::int_:
      return 3;
    case Prim::long_:
      return 4;
    case Prim::float_:
      return 5;
    case Prim::double_:
      return 6;
    default:
      return 0;
  }
}
}  // namespace

Prim promote(Prim a) { return rank(a) <= 3 ? Prim::int_ : a; }

Prim promote(Prim a, Prim b) {
  if (a == Prim::double_ || b == Prim::double_) return Prim::double_;
  if (a == Prim::float_ || b == Prim::float_) return Prim::float_;
  if (a == Prim::long_ || b == Prim::long_) return Prim::long_;
  return Prim::int_;
}

bool widens(Prim from, Prim to) {
  if (from == to) return true;
  if (from == Prim::boolean_ || to == Prim::boolean_ || from == Prim::none || to == Prim::none) return false;
  if (to == Prim::char_) return false;            // nothing widens to char
  if (from == Prim::char_) return rank(to) >= 3;  // char -> int, long, float, double
  if (to == Prim::short_) return from == Prim::byte_;
  return rank(from) < rank(to);
}

bool is_subclass(std::string_view sub, std::string_view super_) {
  if (sub == super_ || super_ == "Object") return true;
  if (sub == "MappedByteBuffer" && super_ == "ByteBuffer") return true;
  if (is_known_throwable(sub)) {
    const std::string_view q = qualify_throwable(super_);
    return !q.empty() && JavaThrowable{std::string(sub), std::nullopt}.is_instance_of(q);
  }
  return false;
}

heap::FieldType field_type_of(const Type& t) {
  if (!t.is_prim()) return heap::FieldType::reference;
  switch (t.prim) {
    case Prim::boolean_:
      return heap::FieldType::boolean_;
    case Prim::byte_:
      return heap::FieldType::byte_;
    case Prim::short_:
      return heap::FieldType::short_;
    case Prim::char_:
      return heap::FieldType::char_;
    case Prim::int_:
      return heap::FieldType::int_;
    case Prim::long_:
      return heap::FieldType::long_;
    case Prim::float_:
      return heap::FieldType::float_;
    case Prim::double_:
      return heap::FieldType::double_;
    case Prim::none:
      break;
  }
  return heap::FieldType::int_;
}

std::string qualified_class_name(const Type& t) {
  if (t.kind != Type::Kind::ref || t.dims > 0) return t.java_name();
  if (t.cls == "ByteBuffer" || t.cls == "MappedByteBuffer" || t.cls == "ByteOrder" || t.cls == "IntBuffer" ||
      t.cls == "LongBuffer")
    return "java.nio." + t.cls;
  if (t.cls == "FileChannel") return "java.nio.channels.FileChannel";
  if (t.cls == "Path") return "java.nio.file.Path";
  if (t.cls == "Thread" || t.cls == "Class" || t.cls == "Integer" || t.cls == "Long" ||
      t.cls == "StringBuilder")
    return "java.lang." + t.cls;
  return t.cls;  // String and Object print short in helpful NPE messages; throwables are qualified already
}

std::int64_t as_long(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::int64_t {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>)
          return x ? 1 : 0;
        else if constexpr (std::is_integral_v<T>)
          return static_cast<std::int64_t>(x);
        else if constexpr (std::is_same_v<T, char16_t>)
          return static_cast<std::int64_t>(x);
        else if constexpr (std::is_floating_point_v<T>) {
          // Java's d2l: NaN -> 0, saturating at the long range.
          if (std::isnan(x)) return 0;
          if (x >= 9.2233720368547758e18) return std::numeric_limits<std::int64_t>::max();
          if (x <= -9.2233720368547758e18) return std::numeric_limits<std::int64_t>::min();
          return static_cast<std::int64_t>(x);
        } else
          return 0;
      },
      v);
}

double as_double(const Value& v) {
  if (const double* d = std::get_if<double>(&v)) return *d;
  if (const float* f = std::get_if<float>(&v)) return *f;
  return static_cast<double>(as_long(v));
}

namespace {
// Java's d2i: NaN -> 0, saturating at the int range.
std::int32_t d2i(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 2147483647.0) return std::numeric_limits<std::int32_t>::max();
  if (d <= -2147483648.0) return std::numeric_limits<std::int32_t>::min();
  return static_cast<std::int32_t>(d);
}
bool is_floating(const Value& v) {
  return std::holds_alternative<double>(v) || std::holds_alternative<float>(v);
}
}  // namespace

Value convert_prim(const Value& v, Prim p) {
  // Floating sources narrow to int first (JLS 5.1.3), except to long.
  const std::int64_t l = is_floating(v) ? (p == Prim::long_ ? as_long(v) : d2i(as_double(v))) : as_long(v);
  switch (p) {
    case Prim::boolean_:
      return std::get_if<bool>(&v) ? v : Value{l != 0};
    case Prim::byte_:
      return static_cast<std::int8_t>(static_cast<std::uint8_t>(l & 0xff));
    case Prim::short_:
      return static_cast<std::int16_t>(static_cast<std::uint16_t>(l & 0xffff));
    case Prim::char_:
      return static_cast<char16_t>(l & 0xffff);
    case Prim::int_:
      return static_cast<std::int32_t>(static_cast<std::uint32_t>(l & 0xffffffffu));
    case Prim::long_:
      return l;
    case Prim::float_:
      return is_floating(v) ? static_cast<float>(as_double(v)) : static_cast<float>(l);
    case Prim::double_:
      return is_floating(v) ? as_double(v) : static_cast<double>(l);
    case Prim::none:
      break;
  }
  return v;
}

Value default_value(const Type& t) {
  if (!t.is_prim()) return JRef{};
  return convert_prim(std::int32_t{0}, t.prim);
}

}  // namespace heapviz::lang::interp
