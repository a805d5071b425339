#pragma once
// Shared setup for the tests of buffers on the machine: a machine built from JVM flags, its trace and a
// recorder, plus helpers to root buffers and to read the steps recorded since a point.
#include <string>
#include <vector>

#include "heapviz/engine/jvm_flags.hpp"
#include "heapviz/engine/machine.hpp"
#include "heapviz/engine/trace.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/io/buffer_dump.hpp"
#include "heapviz/nio/machine_buffers.hpp"

namespace nio_machine_test {

using namespace heapviz;

inline Settings settings_from(const std::string& flags) {
  const ParsedJvmFlags p = parse_all_jvm_flags(flags);
  if (!p.ok() || !p.unknown.empty()) throw SettingsError("bad test flags: " + flags);
  return p.settings;
}

struct NioFixture {
  explicit NioFixture(const std::string& flags = "-Xmx8m -XX:+UseSerialGC", TraceOptions opts = {})
      : machine(settings_from(flags)), trace(machine, opts), rec(machine, &trace) {}

  /// A local root "name" in main/main holding `id` (as `ByteBuffer name = ...` would).
  heap::ObjectId keep(const std::string& name, heap::ObjectId id) {
    heap::set_local(rec, "main/main", name, id);
    return id;
  }
  void drop(const std::string& name) { heap::set_local(rec, "main/main", name, heap::kNoObject); }
  JValue call(heap::ObjectId b, std::string_view sig, std::vector<JValue> args = {}) {
    return nio::call_buffer_method(rec, b, sig, args);
  }
  /// Step kinds recorded from step `from` on.
  std::vector<std::string> kinds_since(std::size_t from) const {
    std::vector<std::string> k;
    for (std::size_t i = from; i < trace.size(); ++i) k.emplace_back(step_kind_name(trace.step(i).kind));
    return k;
  }
  std::size_t count_since(std::size_t from, StepKind kind) const {
    std::size_t n = 0;
    for (std::size_t i = from; i < trace.size(); ++i) n += trace.step(i).kind == kind ? 1 : 0;
    return n;
  }
  std::uint64_t addr(heap::ObjectId id) const { return machine.heap.record(id).addr; }
  std::int64_t address_field(heap::ObjectId id) const { return heap::load_prim(machine, id, "address"); }
  heap::ObjectId byte_array(std::vector<std::uint8_t> bytes) {
    const heap::ObjectId a =
        heap::new_array(rec, heap::builtin::kByteArray, static_cast<std::uint32_t>(bytes.size()));
    heap::store_bytes(rec, a, 0, bytes);
    return a;
  }

  Machine machine;
  Trace trace;
  Recorder rec;
};

/// "class: message" of the JavaException `f` throws, or "none".
template <class F>
std::string thrown(F&& f) {
  try {
    f();
  } catch (const JavaException& e) {
    return e.throwable.class_name + ": " + e.throwable.message.value_or("null");
  }
  return "none";
}

}  // namespace nio_machine_test
