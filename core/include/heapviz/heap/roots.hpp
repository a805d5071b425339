#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heapviz::heap {

/// Where a GC root lives. Locals belong to a thread's frame; statics to a class; system roots are
/// held by the VM or the JDK itself (e.g. the static list that keeps every jdk.internal.ref.Cleaner alive).
enum class RootKind : std::uint8_t { local, static_field, system };
std::string_view root_kind_name(RootKind k);

/// A named root slot holding a compressed reference (0 = null). The GC reads and adjusts `value`.
struct Root {
  RootKind kind = RootKind::local;
  std::string scope;        ///< locals: "thread/method", e.g. "main/main"; statics: class name; system: owner
  std::string name;         ///< variable or field name, e.g. "buf"
  std::uint32_t value = 0;  ///< narrow oop (== address for the unscaled heap), 0 = null
  bool active = true;       ///< false once the frame is popped (the slot index stays stable)
  /// Locals: the JVM slot of the frame (args is 0), or -1 (operand stack, statics, system roots).
  std::int32_t jvm_slot = -1;
  /// Locals: the variable's block ended but the slot still holds its last reference, which the
  /// interpreter's oop map still counts as a root until the slot is reused.
  bool stale = false;

  bool operator==(const Root&) const = default;
};

/// The root set. Slots are never erased, only deactivated, so a slot index is stable in the trace.
struct RootSet {
  std::vector<Root> slots;

  /// Index of the active slot (kind, scope, name), or nullopt.
  std::optional<std::uint32_t> find(RootKind kind, std::string_view scope, std::string_view name) const;
  /// Where a new root (kind, scope, name) goes: an inactive slot that last held the same name (so a loop
  /// that roots and releases a temporary reuses one slot instead of growing the set), else a new slot.
  std::uint32_t slot_for_new(RootKind kind, std::string_view scope, std::string_view name) const;
  bool operator==(const RootSet&) const = default;
};

}  // namespace heapviz::heap
