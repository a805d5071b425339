// Expressions: arithmetic with Java's overflow rules, arrays and fields on the heap, assignments.
#include <cmath>
#include <cstring>
#include <limits>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "interp_buffers.hpp"
#include "interp_format.hpp"
#include "interp_runtime.hpp"

namespace heapviz::lang::interp {

heap::ObjectId Runtime::ref_of(const Value& v) const {
  const JRef* r = std::get_if<JRef>(&v);
  return r ? r->id : heap::kNoObject;
}

void Runtime::hold(const Value& v) {
  if (const heap::ObjectId id = ref_of(v); id != heap::kNoObject) temps_.push_back(id);
}

// Before anything that may allocate (and so GC): references only on the operand stack become roots.
void Runtime::protect_temps() {
  for (; temps_rooted_ < temps_.size(); ++temps_rooted_) {
    const std::string name = "(operand stack " + std::to_string(temp_roots_.size()) + ")";
    temp_roots_.push_back(set_root(name, temps_[temps_rooted_]));
  }
}

Value Runtime::coerce(const Value& v, const Type& to) {
  if (to.is_prim() && !std::holds_alternative<std::monostate>(v)) return convert_prim(v, to.prim);
  return v;
}

Value Runtime::eval(const Expr& e) {
  const ExprInfo& info = a_.info(e);
  if (info.constant && info.op != Op::enum_const) return coerce(*info.constant, info.type);
  if (info.op == Op::enum_const && e.kind == NodeKind::MethodCall) return *info.constant;  // nativeOrder()
  switch (e.kind) {
    case NodeKind::Name: {
      const auto& n = e.cast<Name>();
      if (Local* l = find_local(n.identifier)) return l->value;
      for (const auto& [name, v] : frames_.back().captured)
        if (name == n.identifier) return v;
      return JRef{};
    }
    case NodeKind::FieldAccess: {
      const auto& f = e.cast<FieldAccess>();
      switch (info.op) {
        case Op::enum_const:
          return *info.constant;
        case Op::system_out:
        case Op::system_err:
        case Op::class_ref:
          return std::monostate{};
        case Op::array_length:
          return array_length(eval(*f.target), *f.target);
        case Op::user_field:
          return load_field(eval(*f.target), *info.cls, f.name, *f.target);
        case Op::management:  // a class literal
          return eval_management(f, info, std::monostate{}, {});
        default:
          return std::monostate{};
      }
    }
    case NodeKind::MethodCall:
      return eval_call(e.cast<MethodCall>());
    case NodeKind::NewObject:
      return eval_new_object(e.cast<NewObject>());
    case NodeKind::NewArray:
      return eval_new_array(e.cast<NewArray>());
    case NodeKind::ArrayAccess: {
      const auto& n = e.cast<ArrayAccess>();
      const std::size_t mark = temps_.size();
      const Value arr = eval(*n.array);
      hold(arr);
      const auto idx = static_cast<std::int32_t>(as_long(eval(*n.index)));
      release(mark);
      return load_element(arr, info.type, idx, *n.array);
    }
    case NodeKind::SwitchExpr:
      return eval_switch_expr(e.cast<SwitchExpr>());
    case NodeKind::Unary:
      return eval_unary(e.cast<Unary>());
    case NodeKind::Binary:
      return eval_binary(e.cast<Binary>());
    case NodeKind::Assign:
      return eval_assign(e.cast<Assign>());
    case NodeKind::Conditional: {
      const auto& c = e.cast<Conditional>();
      return coerce(std::get<bool>(eval(*c.cond)) ? eval(*c.then_expr) : eval(*c.else_expr), info.type);
    }
    case NodeKind::Cast: {
      const auto& c = e.cast<Cast>();
      const Value v = eval(*c.operand);
      if (info.type.is_prim()) return convert_prim(v, info.type.prim);
      // Reference casts: the checker allowed only up- and downcasts within known types.
      if (!is_null(v) && info.type.kind == Type::Kind::ref && !info.type.is_class("Object")) {
        const heap::ObjectId id = ref_of(v);
        if (id != heap::kNoObject) {
          const std::string actual = binary_name_of(id);
          bool ok = info.type.is_array() ? false : true;
          for (const auto& uc : a_.classes)
            if (uc.name == info.type.cls) ok = actual == uc.binary_name;
          if ((info.type.is_class("ByteBuffer") || info.type.is_class("MappedByteBuffer")) &&
              !is_buffer(r_.machine(), id))
            ok = false;
          if (info.type.is_class("StringBuilder")) ok = is_string_builder(id);
          if (!ok)
            throw_java("java.lang.ClassCastException",
                       "class " + actual + " cannot be cast to class " + qualified_class_name(info.type));
        }
      }
      return v;
    }
    case NodeKind::InstanceOf: {
      const auto& n = e.cast<InstanceOf>();
      const Value v = eval(*n.operand);
      if (is_null(v)) return false;
      const std::string target = n.type.name.substr(n.type.name.rfind('.') + 1);
      if (target == "Object") return true;
      if (const HostRef* h = std::get_if<HostRef>(&v)) {
        const HostObject& ho = hosts_.at(h->index);
        return ho.kind == HostObject::Kind::throwable && is_subclass(ho.throwable.class_name, target);
      }
      if (std::holds_alternative<std::string>(v)) return target == "String";
      const heap::ObjectId id = ref_of(v);
      if (target == "ByteBuffer") return is_buffer(r_.machine(), id);
      if (target == "StringBuilder") return is_string_builder(id);
      for (const auto& uc : a_.classes)
        if (uc.name == target) return binary_name_of(id) == uc.binary_name;
      return false;
    }
    default:
      return std::monostate{};
  }
}

// ------------------------------------------------------------------ arithmetic

Value Runtime::arith(BinaryOp op, const Value& lv, const Value& rv, Prim p) {
  if (p == Prim::double_ || p == Prim::float_) {
    const double x = as_double(lv), y = as_double(rv);
    double r = 0;
    switch (op) {
      case BinaryOp::Add:
        r = x + y;
        break;
      case BinaryOp::Sub:
        r = x - y;
        break;
      case BinaryOp::Mul:
        r = x * y;
        break;
      case BinaryOp::Div:
        r = x / y;
        break;
      case BinaryOp::Rem:
        r = std::fmod(x, y);
        break;
      default:
        break;
    }
    return p == Prim::float_ ? Value{static_cast<float>(r)} : Value{r};
  }
  const bool is_long = p == Prim::long_;
  const std::int64_t x = as_long(lv), y = as_long(rv);
  const auto ux = static_cast<std::uint64_t>(x), uy = static_cast<std::uint64_t>(y);
  const int mask = is_long ? 63 : 31;
  std::uint64_t r = 0;
  switch (op) {
    case BinaryOp::Add:
      r = ux + uy;
      break;
    case BinaryOp::Sub:
      r = ux - uy;
      break;
    case BinaryOp::Mul:
      r = ux * uy;
      break;
    case BinaryOp::Div:
    case BinaryOp::Rem: {
      if (y == 0) throw_java("java.lang.ArithmeticException", std::string("/ by zero"));
      const std::int64_t min =
          is_long ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int32_t>::min();
      if (x == min && y == -1)
        r = op == BinaryOp::Div ? static_cast<std::uint64_t>(min) : 0;  // overflow wraps, no trap
      else
        r = static_cast<std::uint64_t>(op == BinaryOp::Div ? x / y : x % y);
      break;
    }
    case BinaryOp::BitAnd:
      r = ux & uy;
      break;
    case BinaryOp::BitOr:
      r = ux | uy;
      break;
    case BinaryOp::BitXor:
      r = ux ^ uy;
      break;
    case BinaryOp::Shl:
      r = ux << (y & mask);
      break;
    case BinaryOp::Shr:
      r = static_cast<std::uint64_t>(x >> (y & mask));
      break;
    case BinaryOp::UShr:
      r = (is_long ? ux : (ux & 0xffffffffu)) >> (y & mask);
      break;
    default:
      break;
  }
  return convert_prim(static_cast<std::int64_t>(r), p);
}

Value Runtime::eval_binary(const Binary& b) {
  const ExprInfo& info = a_.info(b);
  if (b.op == BinaryOp::And || b.op == BinaryOp::Or) {
    const bool l = std::get<bool>(eval(*b.lhs));
    if (b.op == BinaryOp::And ? !l : l) return l;
    return std::get<bool>(eval(*b.rhs));
  }
  const std::size_t mark = temps_.size();
  const Value l = eval(*b.lhs);
  hold(l);
  const Value r = eval(*b.rhs);
  release(mark);
  const Type& lt = a_.info(*b.lhs).type;
  const Type& rt = a_.info(*b.rhs).type;
  if (info.type.is_string()) return checked_string(to_text(l) + to_text(r));
  switch (b.op) {
    case BinaryOp::Lt:
    case BinaryOp::Gt:
    case BinaryOp::Le:
    case BinaryOp::Ge:
    case BinaryOp::Eq:
    case BinaryOp::Ne: {
      if (lt.is_numeric() && rt.is_numeric()) {
        const Prim p = promote(lt.prim, rt.prim);
        bool res = false;
        if (p == Prim::double_ || p == Prim::float_) {
          const double x = as_double(coerce(l, Type::of(p))), y = as_double(coerce(r, Type::of(p)));
          res = b.op == BinaryOp::Lt   ? x < y
                : b.op == BinaryOp::Gt ? x > y
                : b.op == BinaryOp::Le ? x <= y
                : b.op == BinaryOp::Ge ? x >= y
                : b.op == BinaryOp::Eq ? x == y
                                       : x != y;
        } else {
          const std::int64_t x = as_long(l), y = as_long(r);
          res = b.op == BinaryOp::Lt   ? x < y
                : b.op == BinaryOp::Gt ? x > y
                : b.op == BinaryOp::Le ? x <= y
                : b.op == BinaryOp::Ge ? x >= y
                : b.op == BinaryOp::Eq ? x == y
                                       : x != y;
        }
        return res;
      }
      const bool same = l == r;  // booleans, references (ids), enums, host objects
      return b.op == BinaryOp::Eq ? same : !same;
    }
    default:
      break;
  }
  if (info.type.is_boolean()) {
    const bool x = std::get<bool>(l), y = std::get<bool>(r);
    return b.op == BinaryOp::BitAnd ? (x && y) : b.op == BinaryOp::BitOr ? (x || y) : (x != y);
  }
  const bool shift = b.op == BinaryOp::Shl || b.op == BinaryOp::Shr || b.op == BinaryOp::UShr;
  const Prim p = info.type.prim;
  return arith(b.op, coerce(l, Type::of(p)), shift ? r : coerce(r, Type::of(p)), p);
}

Value Runtime::eval_unary(const Unary& u) {
  const ExprInfo& info = a_.info(u);
  switch (u.op) {
    case UnaryOp::Not:
      return !std::get<bool>(eval(*u.operand));
    case UnaryOp::Plus:
      return coerce(eval(*u.operand), info.type);
    case UnaryOp::Minus: {
      const Value v = coerce(eval(*u.operand), info.type);
      if (info.type.is(Prim::double_)) return -std::get<double>(v);
      if (info.type.is(Prim::float_)) return -std::get<float>(v);
      return arith(BinaryOp::Sub, convert_prim(std::int32_t{0}, info.type.prim), v, info.type.prim);
    }
    case UnaryOp::BitNot:
      return convert_prim(~as_long(eval(*u.operand)), info.type.prim);
    default:
      break;
  }
  // ++ and --: read, add one in the promoted type, narrow back, store; the value is old or new.
  const Type& t = info.type;
  const Value old = eval(*u.operand);
  const Prim p = promote(t.prim);
  const bool inc = u.op == UnaryOp::PreIncrement || u.op == UnaryOp::PostIncrement;
  const Value next = convert_prim(
      arith(inc ? BinaryOp::Add : BinaryOp::Sub, convert_prim(old, p), convert_prim(std::int32_t{1}, p), p),
      t.prim);
  // Store through a synthetic assignment path (the operand is a variable, checked).
  if (const auto* n = u.operand->as<Name>()) {
    if (Local* l = find_local(n->identifier)) set_local(*l, next, t);
  } else if (const auto* f = u.operand->as<FieldAccess>()) {
    store_field(eval(*f->target), *a_.info(*f).cls, f->name, next, *f->target);
  } else if (const auto* a = u.operand->as<ArrayAccess>()) {
    const std::size_t mark = temps_.size();
    const Value arr = eval(*a->array);
    hold(arr);
    const auto idx = static_cast<std::int32_t>(as_long(eval(*a->index)));
    release(mark);
    store_element(arr, t, idx, next, *a->array);
  }
  return u.op == UnaryOp::PreIncrement || u.op == UnaryOp::PreDecrement ? next : old;
}

Value Runtime::eval_assign(const Assign& a) {
  const Type& t = a_.info(*a.target).type;
  auto compute = [&](const Value& current) -> Value {
    if (a.op == AssignOp::Assign) {
      return a.value->kind == NodeKind::ArrayInit ? eval_array_init(a.value->cast<ArrayInit>(), t)
                                                  : coerce(eval(*a.value), t);
    }
    const std::size_t mark = temps_.size();
    hold(current);
    const Value v = eval(*a.value);
    release(mark);
    if (t.is_string()) return checked_string(to_text(current) + to_text(v));
    static constexpr BinaryOp kOps[] = {BinaryOp::Add,    BinaryOp::Add, BinaryOp::Sub,    BinaryOp::Mul,
                                        BinaryOp::Div,    BinaryOp::Rem, BinaryOp::BitAnd, BinaryOp::BitOr,
                                        BinaryOp::BitXor, BinaryOp::Shl, BinaryOp::Shr,    BinaryOp::UShr};
    const BinaryOp op = kOps[static_cast<int>(a.op)];
    if (t.is_boolean()) {
      const bool x = std::get<bool>(current), y = std::get<bool>(v);
      return op == BinaryOp::BitAnd ? (x && y) : op == BinaryOp::BitOr ? (x || y) : (x != y);
    }
    const Type& vt = a_.info(*a.value).type;
    const bool shift = op == BinaryOp::Shl || op == BinaryOp::Shr || op == BinaryOp::UShr;
    const Prim p = shift ? promote(t.prim) : promote(t.prim, vt.prim);
    return convert_prim(arith(op, convert_prim(current, p), shift ? v : convert_prim(v, p), p),
                        t.prim);  // implicit cast
  };
  if (const auto* n = a.target->as<Name>()) {
    Local* l = find_local(n->identifier);
    const Value v = compute(l ? l->value : Value{});
    l = find_local(n->identifier);  // blocks may have grown while evaluating
    if (l) set_local(*l, v, t);
    return v;
  }
  const std::size_t mark = temps_.size();
  if (const auto* f = a.target->as<FieldAccess>()) {
    const Value obj = eval(*f->target);
    hold(obj);
    const UserClass& cls = *a_.info(*f).cls;
    const Value cur = a.op == AssignOp::Assign ? Value{} : load_field(obj, cls, f->name, *f->target);
    if (a.op == AssignOp::Assign && is_null(obj)) {
      // Java evaluates the right side before the null check of a field store.
      const Value v = compute(cur);
      release(mark);
      store_field(obj, cls, f->name, v, *f->target);
      return v;
    }
    const Value v = compute(cur);
    release(mark);
    store_field(obj, cls, f->name, v, *f->target);
    return v;
  }
  const auto& aa = a.target->cast<ArrayAccess>();
  const Value arr = eval(*aa.array);
  hold(arr);
  const auto idx = static_cast<std::int32_t>(as_long(eval(*aa.index)));
  const Value cur = a.op == AssignOp::Assign ? Value{} : load_element(arr, t, idx, *aa.array);
  const Value v = compute(cur);
  release(mark);
  store_element(arr, t, idx, v, *aa.array);
  return v;
}

// ------------------------------------------------------------------ arrays

std::int32_t Runtime::array_length(const Value& array, const Expr& at) {
  const heap::ObjectId id = ref_of(array);
  if (id == heap::kNoObject) throw_npe("Cannot read the array length", &at);
  const Machine& m = r_.machine();
  return static_cast<std::int32_t>(m.heap.array_length(m.heap.record(id).addr));
}

namespace {
std::string array_kind_text(const Type& elem) {
  if (!elem.is_prim()) return "object";
  if (elem.prim == Prim::byte_ || elem.prim == Prim::boolean_) return "byte/boolean";
  return std::string(prim_name(elem.prim));
}
}  // namespace

Value Runtime::load_element(const Value& array, const Type& elem, std::int32_t index, const Expr& at) {
  const heap::ObjectId id = ref_of(array);
  if (id == heap::kNoObject) throw_npe("Cannot load from " + array_kind_text(elem) + " array", &at);
  const std::int32_t len = array_length(array, at);
  if (index < 0 || index >= len)
    throw_java("java.lang.ArrayIndexOutOfBoundsException",
               "Index " + std::to_string(index) + " out of bounds for length " + std::to_string(len));
  const Machine& m = r_.machine();
  if (!elem.is_prim()) return JRef{heap::load_element(m, id, static_cast<std::uint32_t>(index))};
  const auto& k = m.klasses->at(m.heap.record(id).klass);
  std::uint64_t bits = 0;
  m.heap.space.read(
      m.heap.record(id).addr + heap::layout::kArrayHeader + static_cast<std::uint64_t>(index) * k.elem_size,
      &bits, k.elem_size);
  if (elem.prim == Prim::float_) {
    float f;
    std::uint32_t b32 = static_cast<std::uint32_t>(bits);
    std::memcpy(&f, &b32, 4);
    return f;
  }
  if (elem.prim == Prim::double_) {
    double d;
    std::memcpy(&d, &bits, 8);
    return d;
  }
  if (elem.prim == Prim::boolean_) return bits != 0;
  if (elem.prim == Prim::char_) return static_cast<char16_t>(bits);
  // Sign-extend from the element size.
  const int shift = 64 - 8 * static_cast<int>(k.elem_size);
  return convert_prim(static_cast<std::int64_t>(bits << shift) >> shift, elem.prim);
}

void Runtime::store_element(const Value& array, const Type& elem, std::int32_t index, const Value& v,
                            const Expr& at) {
  const heap::ObjectId id = ref_of(array);
  if (id == heap::kNoObject) throw_npe("Cannot store to " + array_kind_text(elem) + " array", &at);
  const std::int32_t len = array_length(array, at);
  if (index < 0 || index >= len)
    throw_java("java.lang.ArrayIndexOutOfBoundsException",
               "Index " + std::to_string(index) + " out of bounds for length " + std::to_string(len));
  if (!elem.is_prim()) {
    if (std::holds_alternative<std::string>(v) || std::holds_alternative<HostRef>(v))
      throw_java("java.lang.UnsupportedOperationException",
                 std::string("heapviz keeps Strings, exceptions and threads off the heap and cannot store "
                             "them in an array"));
    heap::store_element(r_, id, static_cast<std::uint32_t>(index), ref_of(v));
    return;
  }
  const Machine& m = r_.machine();
  const auto& k = m.klasses->at(m.heap.record(id).klass);
  std::uint64_t bits = 0;
  if (const float* f = std::get_if<float>(&v)) {
    std::uint32_t b;
    std::memcpy(&b, f, 4);
    bits = b;
  } else if (const double* d = std::get_if<double>(&v))
    std::memcpy(&bits, d, 8);
  else
    bits = static_cast<std::uint64_t>(as_long(v));
  const std::uint64_t addr =
      m.heap.record(id).addr + heap::layout::kArrayHeader + static_cast<std::uint64_t>(index) * k.elem_size;
  std::uint8_t bytes[8];
  std::memcpy(bytes, &bits, 8);  // little-endian host, as the heap
  r_.begin_step(StepKind::field_store);
  r_.write_bytes(heap::SpaceId::java_heap, addr, std::span<const std::uint8_t>(bytes, k.elem_size));
  if (r_.recording()) {
    r_.touch(id);
    r_.touch_range(ByteRange{heap::SpaceId::java_heap, addr, addr, k.elem_size});
    const std::string what = heap::describe(m, id) + "[" + std::to_string(index) + "] = " + to_text(v);
    r_.narrate(what + ".", what + "。", "typeArrayOop element store");
  }
  r_.end_step();
}

// ------------------------------------------------------------------ fields and objects

heap::KlassId Runtime::klass_of(const UserClass& c) {
  for (const auto& [uc, k] : klasses_)
    if (uc == &c) return k;
  std::vector<heap::FieldDecl> decls;
  for (const auto& f : c.fields)
    decls.push_back(
        heap::FieldDecl{f.name, field_type_of(f.type), f.type.is_prim() ? "" : f.type.java_name()});
  r_.begin_step(StepKind::class_load);
  const heap::KlassId k = r_.machine().klasses->register_class(c.binary_name, decls);
  if (r_.recording())
    r_.narrate("Class " + c.binary_name + " is loaded: its layout is fixed now.",
               "加载类 " + c.binary_name + "，其对象布局就此确定。", "ClassFileParser / FieldLayoutBuilder");
  r_.end_step();
  klasses_.emplace_back(&c, k);
  return k;
}

Value Runtime::new_user_object(const UserClass& c) {
  const heap::KlassId k = klass_of(c);
  protect_temps();
  const heap::ObjectId id = heap::new_instance(r_, k);
  // Field initializers run in the constructor, with the new object on the operand stack.
  const std::size_t mark = temps_.size();
  temps_.push_back(id);
  for (const auto& f : c.fields) {
    if (!f.init) continue;
    const Value v = f.init->kind == NodeKind::ArrayInit ? eval_array_init(f.init->cast<ArrayInit>(), f.type)
                                                        : coerce(eval(*f.init), f.type);
    store_field(JRef{id}, c, f.name, v, *f.init);
  }
  release(mark);
  return JRef{id};
}

Value Runtime::load_field(const Value& obj, const UserClass& cls, const std::string& field, const Expr& at) {
  const heap::ObjectId id = ref_of(obj);
  if (id == heap::kNoObject) throw_npe("Cannot read field \"" + field + "\"", &at);
  const Type& t = cls.field(field)->type;
  if (!t.is_prim()) return JRef{heap::load_ref(r_.machine(), id, field)};
  const std::int64_t raw = heap::load_prim(r_.machine(), id, field);
  if (t.prim == Prim::float_) {
    float f;
    auto b = static_cast<std::uint32_t>(raw);
    std::memcpy(&f, &b, 4);
    return f;
  }
  if (t.prim == Prim::double_) {
    double d;
    std::memcpy(&d, &raw, 8);
    return d;
  }
  if (t.prim == Prim::boolean_) return raw != 0;
  return convert_prim(raw, t.prim);
}

void Runtime::store_field(const Value& obj, const UserClass& cls, const std::string& field, const Value& v,
                          const Expr& at) {
  const heap::ObjectId id = ref_of(obj);
  if (id == heap::kNoObject) throw_npe("Cannot assign field \"" + field + "\"", &at);
  const Type& t = cls.field(field)->type;
  if (!t.is_prim()) {
    if (std::holds_alternative<std::string>(v) || std::holds_alternative<HostRef>(v))
      throw_java(
          "java.lang.UnsupportedOperationException",
          std::string(
              "heapviz keeps Strings, exceptions and threads off the heap and cannot store them in a field"));
    heap::store_ref(r_, id, field, ref_of(v));
    return;
  }
  std::int64_t raw = 0;
  if (const float* f = std::get_if<float>(&v)) {
    std::uint32_t b;
    std::memcpy(&b, f, 4);
    raw = b;
  } else if (const double* d = std::get_if<double>(&v))
    std::memcpy(&raw, d, 8);
  else
    raw = as_long(v);
  heap::store_prim(r_, id, field, raw);
}

Value Runtime::eval_new_array(const NewArray& n) {
  const Type t = a_.info(n).type;
  if (n.init) return eval_array_init(*n.init, t);
  // Every size is evaluated before anything is allocated (newarray, anewarray, multianewarray).
  std::vector<std::int64_t> lengths;
  for (const auto& d : n.dim_exprs) lengths.push_back(as_long(eval(*d)));
  return new_multi_array(t, lengths, 0);
}

Value Runtime::eval_array_init(const ArrayInit& init, const Type& array_type) {
  protect_temps();
  const Type elem = array_type.element();
  const heap::KlassId k = array_klass(array_type);
  const Value arr = JRef{heap::new_array(r_, k, static_cast<std::uint32_t>(init.elements.size()))};
  const std::size_t mark = temps_.size();
  hold(arr);
  // A byte[] of constants is one store (what javac emits as a sequence of bastore, shown as one step).
  for (std::size_t i = 0; i < init.elements.size(); ++i) {
    // A nested {...} is a row of its own, allocated and filled before it is stored (javac's order).
    const Value v = init.elements[i]->kind == NodeKind::ArrayInit
                        ? eval_array_init(init.elements[i]->cast<ArrayInit>(), elem)
                        : coerce(eval(*init.elements[i]), elem);
    const bool zero =
        elem.is_prim() ? (as_double(v) == 0 && !std::holds_alternative<double>(v) ? as_long(v) == 0 : false)
                       : is_null(v);
    if (!zero) store_element(arr, elem, static_cast<std::int32_t>(i), v, init);
  }
  release(mark);
  return arr;
}

}  // namespace heapviz::lang::interp
