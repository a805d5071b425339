#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

#include "heapviz/heap/heap_settings.hpp"
#include "heapviz/heap/java_heap.hpp"
#include "heapviz/heap/klass.hpp"
#include "heapviz/heap/roots.hpp"
#include "heapviz/io/io_spaces.hpp"

namespace heapviz {

/// Thrown when settings are unusable (e.g. -Xmx0); what() is an English sentence for the user.
struct SettingsError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

/// Every settings group of the simulated machine (issue 4/5 add theirs here).
struct Settings {
  heap::HeapSettings heap;
  io::IoSettings io;
  bool operator==(const Settings&) const = default;
};

/// The whole simulated state: copyable (cheaply: heap bytes are copy-on-write pages), comparable,
/// and mutated only by apply_effect so that a Trace can replay it. Later areas add members here
/// (native memory, Bits, kernel, device) together with effect kinds that change them.
struct Machine {
  /// Builds an empty machine; throws SettingsError if `s` is invalid.
  explicit Machine(const Settings& s = {});

  Settings settings;
  /// Class table, shared by all copies: classes are only ever added, so sharing is safe and a
  /// checkpoint taken before a registration still decodes every object it holds.
  std::shared_ptr<heap::KlassTable> klasses;
  heap::JavaHeap heap;
  heap::RootSet roots;
  /// Kernel, device, temporary-buffer caches, I/O counters, channels (issue 5). Immutable snapshots:
  /// the effect `io_state` replaces the pointer with a state from `io_history`.
  std::shared_ptr<const io::IoSpaces> io;
  /// Every io state published so far, shared by all copies (append-only).
  std::shared_ptr<io::IoHistory> io_history;

  bool operator==(const Machine& o) const {
    return settings == o.settings && heap == o.heap && roots == o.roots && *io == *o.io;
  }
};

/// The primitive changes. Each Step carries the effects it applied; replaying them from a copy of
/// an earlier state reproduces the later state exactly. Add new kinds at the end.
enum class EffectKind : std::uint8_t {
  write_bytes,      ///< space(a..a+b) = payload (b <= 8: inline in c, little-endian; else payload[c..c+b))
  object_alloc,     ///< new record `id`: klass=small, addr=a, size=b, array length=c (or ~0 for an instance);
                    ///< writes the header (mark 0x1, narrow klass, length) and zeroes the body
  object_move,      ///< object `id` moves a -> b (memmove of its size); records and start map follow
  object_kill,      ///< object `id` is dead: record state dead, start map cleared, used bytes drop
  heap_top,         ///< heap.top = a
  free_chunk,       ///< heap.free_chunks[a] = b (b == 0: erase)
  root_define,      ///< roots.slots[id] = {kind=small, scope/name from payload "scope\0name" at c, len b}
  root_set,         ///< roots.slots[id].value = a
  root_deactivate,  ///< roots.slots[id].active = false
  counter_add,      ///< heap.counters[small] += a (two's complement, so subtraction works)
  gc_phase,         ///< heap.phase = small
  pending_reference, ///< heap.pending_references.push_back(id)
  object_flags,     ///< objects[id].flags |= small (view-only facts such as "garbage after marking")
  io_state,         ///< io = io_history->states[a] (kernel, device, temp caches, I/O counters, channels)
};
std::string_view effect_kind_name(EffectKind k);

/// One primitive effect: a fixed 32-byte record so a million of them cost 32 MB.
struct Effect {
  EffectKind kind = EffectKind::write_bytes;
  heap::SpaceId space = heap::SpaceId::java_heap;
  std::uint16_t small = 0;
  std::uint32_t id = 0;
  std::uint64_t a = 0, b = 0, c = 0;
};
static_assert(sizeof(Effect) == 32);

/// Applies one effect to `m`. `payload` is the byte pool that payload offsets refer to.
void apply_effect(Machine& m, const Effect& e, std::span<const std::uint8_t> payload);

}  // namespace heapviz
