#pragma once
// The evaluator's state and its statement/expression walkers (internal to core/src/lang).
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/lang/interpreter.hpp"
#include "interp_analysis.hpp"
#include "interp_management.hpp"

namespace heapviz::lang::interp {

/// Unwinds the run when the step budget is spent (not catchable by Java code).
/// `message` says which limit (statements, recorded steps, output size).
struct BudgetExceeded {
  SourceSpan where;
  std::string message;
};

/// Limits that keep any lesson from exhausting memory (see interpreter.md).
inline constexpr std::size_t kMaxStringBytes = 16u << 20;  ///< longer Strings throw OutOfMemoryError
inline constexpr std::size_t kMaxOutputBytes = 64u << 20;  ///< more output stops the run
inline constexpr std::size_t kMaxNarratedOutput = 200;     ///< bytes of a printed line shown in a step
/// System.exit(status): unwinds without running finally blocks, as the JVM does.
struct ExitRequest {
  std::int32_t status = 0;
};

/// An object the interpreter keeps off the heap.
struct HostObject {
  /// mx_list: a List of the beans named `name` ("BufferPoolMXBean"); buffer_pool/gc_bean: the bean `name`.
  enum class Kind : std::uint8_t {
    throwable,
    thread,
    class_object,
    path,
    channel,
    runtime,
    mx_list,
    buffer_pool,
    gc_bean
  };
  Kind kind = Kind::throwable;
  JavaThrowable throwable;                              ///< throwable
  std::string name;                                     ///< thread name, or the Class's name
  const Lambda* body = nullptr;                         ///< thread: its Runnable
  std::vector<std::pair<std::string, Value>> captured;  ///< thread: the locals the lambda sees
  bool started = false;
  std::uint32_t channel = 0;  ///< channel: the machine's channel id (name: its path)
};

/// A local variable at run time, in its JVM slot of the frame (javac's numbering, see interp_check.cpp).
struct Local {
  std::string name;
  Value value;
  int slot = -1;
  bool wide = false;  ///< long/double: the slot and the next one
};

/// One method activation: "main/main" or "Thread-0/run".
struct Frame {
  std::string scope;
  std::string thread;
  std::vector<std::vector<Local>> blocks;
  std::vector<std::pair<std::string, Value>> captured;
  /// JVM slot -> RootSet slot of the root it holds (or held), -1: never a root. A slot's root outlives
  /// the block of its variable (stale) until a store reuses the slot or a join drops it.
  std::vector<std::int64_t> slot_roots;
  /// Added to the slots of locals declared now: the catch-any copy of a finally block numbers its
  /// locals after the exception's slot.
  int slot_shift = 0;
};

enum class Flow : std::uint8_t { normal, break_, continue_, return_, yield_ };

class Runtime {
 public:
  Runtime(const Lesson& lesson, const Analysis& analysis, Recorder& r, const InterpretOptions& o)
      : lesson_(lesson), a_(analysis), r_(r), opts_(o) {}

  /// Runs main; fills `result` (outcome, output, exit code).
  void run(InterpretResult& result);

 private:
  const Lesson& lesson_;
  const Analysis& a_;
  Recorder& r_;
  const InterpretOptions& opts_;
  std::deque<HostObject> hosts_;
  std::vector<Frame> frames_;
  std::string out_, err_;
  std::optional<std::size_t> out_before_hypothetical_;  ///< out_.size() when a hypothetical mode first acted
  std::uint64_t budget_used_ = 0;
  int threads_started_ = 0;
  std::vector<heap::ObjectId> temps_;      ///< references on the operand stack of the running statement
  std::vector<std::uint32_t> temp_roots_;  ///< root slots made for them when an allocation could GC
  std::size_t temps_rooted_ = 0;
  std::vector<std::pair<const UserClass*, heap::KlassId>> klasses_;
  /// Root slots of locals that went out of scope, by "scope\0name": a later local of the same name
  /// reuses its slot, so a loop body's locals do not grow the root set (slots are never erased).
  std::unordered_map<std::string, std::uint32_t> dead_slots_;
  ManagementState mx_;

  // statements (interp_exec.cpp)
  Flow exec(const Stmt& s);
  Flow exec_block(const Block& b);
  Flow exec_scoped(const Stmt& s);
  Flow exec_try(const Try& t);
  Flow exec_with_resources(const Try& t, std::size_t first_resource);
  void close_resource(const LocalVar& resource);
  Flow exec_switch(const Switch& s);
  Value eval_switch_expr(const SwitchExpr& e);
  Value yielded_;  ///< the value of the innermost `yield` (Flow::yield_ carries it out of the case)
  void exec_local_var(const LocalVar& lv);
  void run_thread(HostObject& thread);
  void tick(const Node& at);
  [[noreturn]] void stop(SourceSpan where, std::string message);
  std::string checked_string(std::string s);
  void begin_statement(const Stmt& s);
  void end_statement();
  void push_block() { frames_.back().blocks.emplace_back(); }
  void pop_block();
  /// Declares a local in JVM slot `slot` (+ the frame's shift); `store`: it is assigned now.
  Local& declare(const std::string& name, Value v, const Type& t, int slot, bool store = true);
  int slot_of(const void* key) const;
  Local* find_local(std::string_view name);
  void set_local(Local& l, Value v, const Type& t);
  void drop_root(std::uint32_t slot, const std::string& name);
  // JVM local slots as GC roots (interp_slots_runtime.cpp)
  std::int64_t active_slot_root(int jvm_slot) const;
  void write_slot_root(int jvm_slot, const std::string& name, heap::ObjectId value);
  void clear_slot(int jvm_slot, const std::string& by);
  void make_stale(const Local& l);
  void apply_join(const void* key);
  /// heap::set_local, reusing the slot of an earlier local of the same name that went out of scope.
  std::uint32_t set_root(const std::string& name, heap::ObjectId value);

  // expressions (interp_eval.cpp)
  Value eval(const Expr& e);
  Value eval_call(const MethodCall& c);
  Value eval_static_or_host_call(const MethodCall& c, const ExprInfo& info, Value recv,
                                 std::vector<Value>& args);
  Value eval_new_object(const NewObject& n);
  Value eval_new_array(const NewArray& n);
  Value eval_array_init(const ArrayInit& init, const Type& array_type);
  Value eval_binary(const Binary& b);
  Value eval_assign(const Assign& a);
  Value eval_unary(const Unary& u);
  Value arith(BinaryOp op, const Value& l, const Value& r, Prim p);
  Value load_element(const Value& array, const Type& elem_type, std::int32_t index, const Expr& at);
  void store_element(const Value& array, const Type& elem_type, std::int32_t index, const Value& v,
                     const Expr& at);
  Value load_field(const Value& obj, const UserClass& cls, const std::string& field, const Expr& at);
  void store_field(const Value& obj, const UserClass& cls, const std::string& field, const Value& v,
                   const Expr& at);
  heap::KlassId klass_of(const UserClass& c);
  Value new_user_object(const UserClass& c);
  Value coerce(const Value& v, const Type& to);
  std::int32_t array_length(const Value& array, const Expr& at);
  // array classes by element type, multianewarray (interp_arrays.cpp)
  heap::KlassId array_klass(const Type& array_type);
  Value new_multi_array(const Type& array_type, const std::vector<std::int64_t>& lengths, std::size_t level);

  // java.lang.StringBuilder on the heap (interp_string_builder.cpp)
  struct SbState;
  Value new_string_builder(const NewObject& n);
  Value string_builder_call(const MethodCall& c, const ExprInfo& info, const Value& recv,
                            const std::vector<Value>& args);
  bool is_string_builder(heap::ObjectId id) const;
  std::string string_builder_text(heap::ObjectId id) const;
  heap::KlassId string_builder_klass();
  SbState sb_read(heap::ObjectId sb) const;
  void sb_ensure(SbState& s, std::int64_t minimum);
  void sb_inflate(SbState& s);
  void sb_commit(SbState& s, std::int32_t count);
  std::optional<heap::KlassId> sb_klass_;

  // temporaries
  void hold(const Value& v);
  void release(std::size_t mark) {
    temps_.resize(mark);
    temps_rooted_ = std::min(temps_rooted_, mark);
  }
  void protect_temps();

  // java.lang.management and class literals (interp_management.cpp)
  Value eval_management(const Expr& e, const ExprInfo& info, const Value& recv,
                        const std::vector<Value>& args);
  HostRef mx_singleton(HostObject h, const std::string& key);
  std::vector<Value> mx_list_elements(const Value& list);
  std::string mx_text(const HostObject& h, HostRef ref);
  /// After Heapviz.gc(): the JDK's helper ran System.gc() twice if the first one collected.
  void mx_after_heapviz_gc(std::uint64_t gcs_before);

  // values as text and Java objects (interp_values.cpp)
  std::string to_text(const Value& v);
  HostRef new_host(HostObject h);
  [[noreturn]] void throw_java(std::string cls, std::optional<std::string> message);
  [[noreturn]] void throw_npe(const std::string& action, const Expr* null_source);
  std::string describe_null_source(const Expr& e);
  void print(bool to_err, const std::string& text);
  heap::ObjectId ref_of(const Value& v) const;
  std::string binary_name_of(heap::ObjectId id) const;
};

}  // namespace heapviz::lang::interp
