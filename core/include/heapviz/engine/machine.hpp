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
#include "heapviz/nio/native_memory.hpp"
#include "heapviz/nio/nio_state.hpp"

/// How the pieces fit (the interpreter and the GUI use these):
///
///   heapviz::Settings s;  s.heap = heap::parse_jvm_flags("-Xmx64m -XX:+UseSerialGC").settings;
///   heapviz::Machine m(s);                   // empty heap at 0xfc000000; throws SettingsError if bad
///   heapviz::Trace t(m);                     // keeps m's initial state as checkpoint 0
///   heapviz::Recorder r(m, &t);              // the write handle; Recorder(m, nullptr) records nothing
///   auto node = m.klasses->register_class("Node", {{"next", heap::FieldType::reference, "Node"},
///                                                  {"v", heap::FieldType::int_, ""}});
///   r.set_source_pos({3, 5});                // before each statement
///   auto a = heap::new_instance(r, node);    // may GC; throws JavaException (OutOfMemoryError)
///   heap::set_local(r, "main/main", "a", a); // roots by name; kNoObject for null
///   heap::store_ref(r, a, "next", a);
///   heap::collect(r, heap::GcCause::system_gc);
///   View v = make_view(t.state_at(k));       // any step k, forwards or backwards; or TracePlayer
///
/// Adding an area (issue 4/5): put its state in Machine (and in operator==), add EffectKind values
/// at the end with their case in apply_effect, and StepKind values for its steps. Mutate only via
/// Recorder::apply so that replay reproduces the state.
namespace heapviz {

/// Thrown when settings are unusable (e.g. -Xmx0); what() is an English sentence for the user.
struct SettingsError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

/// Every settings group of the simulated machine (issue 4/5 add theirs here).
struct Settings {
  heap::HeapSettings heap;
  io::IoSettings io;
  nio::NioSettings nio;  ///< MaxDirectMemorySize, page alignment, DisableExplicitGC ... (issue 4)
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
  /// the effect `io_state` replaces the pointer with a state from `io_history`; `mapped_store` changes
  /// bytes in place, after copying the state if anything else (history, a checkpoint, a copy) shares it.
  std::shared_ptr<const io::IoSpaces> io;
  /// Every io state published so far, shared by all copies (append-only).
  std::shared_ptr<io::IoHistory> io_history;

  /// The C heap (SpaceId::native): DirectByteBuffer memory, never moved by a GC (bytes in
  /// copy-on-write pages, so checkpoints stay cheap).
  nio::NativeMemory native;
  nio::BitsState bits;         ///< java.nio.Bits: the "direct" pool and the MaxDirectMemorySize limit
  nio::PoolCounters mapped;    ///< the "mapped" pool (FileChannel.map; changed by the I/O side)
  std::uint64_t clock_ms = 0;  ///< simulated time (Thread.sleep in Bits.reserveMemory's back-off)

  bool operator==(const Machine& o) const {
    return settings == o.settings && heap == o.heap && roots == o.roots && *io == *o.io &&
           native == o.native && bits == o.bits && mapped == o.mapped && clock_ms == o.clock_ms;
  }

  /// The byte space `id`, or nullptr if this machine has none (only the Java heap so far).
  heap::AddressSpace* space(heap::SpaceId id) {
    return id == heap::SpaceId::java_heap ? &heap.space : nullptr;
  }
  const heap::AddressSpace* space(heap::SpaceId id) const {
    return id == heap::SpaceId::java_heap ? &heap.space : nullptr;
  }
};

/// The primitive changes. Each Step carries the effects it applied; replaying them from a copy of
/// an earlier state reproduces the later state exactly. Add new kinds at the end.
enum class EffectKind : std::uint8_t {
  write_bytes,   ///< space(a..a+b) = payload (b <= 8: inline in c, little-endian; else payload[c..c+b))
  object_alloc,  ///< new record `id`: klass=small, addr=a, size=b, array length=c (or ~0 for an instance);
                 ///< writes the header (mark 0x1, narrow klass, length) and zeroes the body
  object_move,   ///< object `id` moves a -> b (memmove of its size); records and start map follow
  object_kill,   ///< object `id` is dead: record state dead, start map cleared, used bytes drop
  heap_top,      ///< heap.top = a
  free_chunk,    ///< heap.free_chunks[a] = b (b == 0: erase)
  root_define,   ///< roots.slots[id] = {kind=small & 0xff, scope/name from payload "scope\0name" at c, len b,
                 ///< value 0, jvm_slot = a - 1, stale = small & kRootDefineStale}
  root_set,      ///< roots.slots[id].value = a
  root_deactivate,    ///< roots.slots[id].active = false
  counter_add,        ///< heap.counters[small] += a (two's complement, so subtraction works)
  gc_phase,           ///< heap.phase = small
  pending_reference,  ///< heap.pending_references.push_back(id)
  object_flags,       ///< objects[id].flags |= small (view-only facts such as "garbage after marking")
  io_state,           ///< io = io_history->states[a] (kernel, device, temp caches, I/O counters, channels)
  pending_clear,      ///< heap.pending_references.clear() (the Reference Handler took the list)
  // --- issue 4: native memory, Bits, time (write_bytes with space == native writes native bytes) ---
  native_malloc,  ///< native.malloc(a) must return b (the allocator is deterministic; checked on replay)
  native_free,    ///< native.free(a)
  native_fill,    ///< native bytes [a, a+b) = small (Unsafe.setMemory)
  bits_add,       ///< pool `small` (nio::PoolId) += (count a, memory used b, capacity c), two's complement
  bits_limit,     ///< bits.max_memory = a, bits.memory_limit_set = true
  clock_advance,  ///< clock_ms += a
  pending_take,   ///< heap.pending_references: remove `id` (the Reference Handler took it)
  mapped_store,   ///< a CPU store through a mapping: io->kernel.mapped_write(a, bytes), b bytes (b <= 8:
                  ///< inline in c, else payload[c..c+b)); changes one page-cache page, not a whole new io
                  ///< state
};
std::string_view effect_kind_name(EffectKind k);

/// One primitive effect: a fixed 32-byte record so a million of them cost 32 MB.
/// root_define: the root is a stale local slot (bit of Effect::small above the RootKind).
inline constexpr std::uint16_t kRootDefineStale = 0x100;

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
