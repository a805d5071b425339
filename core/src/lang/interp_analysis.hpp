#pragma once
// The checker's result: a static type and a resolved meaning for every expression, JVM local slots
// (for the JDK's helpful NullPointerException texts) and the lesson's classes. Internal to core/src/lang.
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "heapviz/lang/ast.hpp"
#include "heapviz/lang/diagnostic.hpp"
#include "interp_types.hpp"

namespace heapviz::lang::interp {

/// What an expression means once resolved.
enum class Op : std::uint16_t {
  none,
  // names and fields
  local,
  user_field,
  array_length,
  constant,
  system_out,
  system_err,
  enum_const,
  class_ref,
  // calls
  println,
  print,
  system_gc,
  system_exit,
  heapviz_pools,
  heapviz_gc,
  bb_allocate,
  bb_allocate_direct,
  bb_wrap,
  buffer_method,
  mapped_method,
  string_length,
  string_get_bytes,
  string_char_at,
  string_equals,
  string_is_empty,
  string_value_of,
  to_hex_int,
  to_hex_long,
  math_max,
  math_min,
  math_abs,
  throwable_get_message,
  throwable_get_class,
  throwable_to_string,
  class_get_name,
  class_get_simple_name,
  thread_start,
  thread_join,
  thread_current,
  runtime_get,
  runtime_max_memory,
  thread_get_name,
  path_of,
  channel_open,
  channel_write,
  channel_read,
  channel_size,
  channel_is_open,
  channel_position,
  channel_force,
  channel_transfer_to,
  channel_close,
  channel_map,
  channel_write_at,
  channel_write_gather,
  channel_read_scatter,
  channel_truncate,
  channel_set_position,
  management,  ///< java.lang.management and class literals: ExprInfo::signature says which
               ///< (interp_management.cpp)
  sb_append,  // StringBuilder (interp_string_builder.cpp), sb_append..sb_delete_char_at together; signature:
              // the JDK method
  sb_to_string,
  sb_length,
  sb_capacity,
  sb_char_at,
  sb_set_length,
  sb_reverse,
  sb_insert,
  sb_delete_char_at,
  // object creation
  new_object,
  new_user,
  new_throwable,
  new_thread,
  sb_new,  // signature: "" (no argument), "(int)" or "(String)"
};

/// A lesson class (local or static nested): fields in declaration order.
struct UserClass {
  std::string name;         ///< as written: "Node"
  std::string binary_name;  ///< as the JDK names it: "Main$1Node" (local), "Main$Node" (nested)
  struct Field {
    std::string name;
    Type type;
    const Expr* init = nullptr;
  };
  std::vector<Field> fields;
  const Field* field(std::string_view n) const {
    for (const Field& f : fields)
      if (f.name == n) return &f;
    return nullptr;
  }
};

struct ExprInfo {
  ExprInfo() = default;
  explicit ExprInfo(Type t, Op o = Op::none) : type(std::move(t)), op(o) {}
  Type type;
  Op op = Op::none;
  std::optional<Value> constant;  ///< compile-time constant (int/long/char/boolean/String literals and folds)
  std::string signature;          ///< buffer methods: "put(byte[],int,int)"
  const UserClass* cls = nullptr;  ///< new_user, user_field: the class
  int slot = -1;                   ///< locals: JVM slot (args is 0)
};

struct Analysis {
  std::unordered_map<const Node*, ExprInfo> exprs;
  /// JVM slots as javac assigns them: Declarator*, CatchClause*, ForEach* (its variable), the for-each's
  /// iterable Expr* (its hidden arr$, len$, i$ follow), Try* with finally (the catch-any exception slot).
  std::unordered_map<const void*, int> slots;
  /// Joins of control flow where these slots hold a reference on some paths only (interp_slots.cpp):
  /// the interpreter's oop map no longer counts them as roots. Keys: If*/loop node +0 (after the if, the
  /// loop's head), loop node +1 (after the loop), Try* +0 (after the try, before a finally), Try* +1 (the
  /// catch-any handler), CatchClause* (its entry).
  std::unordered_map<const void*, std::vector<int>> slot_conflicts;
  std::unordered_map<const void*, Type> types;  ///< same keys -> declared type (`var` resolved)
  std::deque<UserClass> classes;
  std::unordered_map<const ClassDecl*, const UserClass*> class_of;
  std::vector<Diagnostic> diagnostics;
  bool uses_args =
      false;  ///< main's String[] parameter is read (then it is allocated, empty, as the JVM does)

  const ExprInfo& info(const Expr& e) const {
    static const ExprInfo none;
    const auto it = exprs.find(&e);
    return it == exprs.end() ? none : it->second;
  }
};

/// Resolves and checks `program`. Diagnostics are in source order of discovery.
Analysis analyze(const Program& program);
/// Fills `a.slot_conflicts` for main (after the checker resolved every local).
void analyze_slot_flow(const Program& program, Analysis& a);
/// The key of a join in Analysis::slot_conflicts.
inline const void* join_key(const Node* n, int which) { return reinterpret_cast<const char*>(n) + which; }

/// The JDK signatures of ByteBuffer methods heapviz can call, with their return types.
struct BufferMethodSpec {
  std::string_view signature;  ///< "put(byte[],int,int)"
  std::string_view
      returns;  ///< "ByteBuffer", "int", "byte", "boolean", "byte[]", "ByteOrder", "String", "void"
};
const std::vector<BufferMethodSpec>& buffer_method_specs();
/// The same for IntBuffer or LongBuffer (`cls`), the views ByteBuffer.asIntBuffer/asLongBuffer return.
const std::vector<BufferMethodSpec>& view_method_specs(std::string_view cls);

}  // namespace heapviz::lang::interp
