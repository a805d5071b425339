#pragma once
// The primitive changes every layer records (through heap::HeapRecorder) and the engine's apply_effect
// replays. Plain data: the kinds of all layers are listed here so that a trace is one flat array.
#include <cstdint>
#include <string_view>

#include "heapviz/heap/address_space.hpp"

namespace heapviz {

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
  // --- native memory, Bits, time (write_bytes with space == native writes native bytes) ---
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

}  // namespace heapviz
