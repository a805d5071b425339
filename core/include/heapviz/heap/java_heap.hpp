#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "heapviz/heap/address_space.hpp"
#include "heapviz/heap/cow_pages.hpp"
#include "heapviz/heap/klass.hpp"
#include "heapviz/heap/object_layout.hpp"

namespace heapviz::heap {

/// Stable identity of a Java object (1, 2, 3 ... in allocation order); 0 means "no object".
/// An object keeps its id when the collector moves it; its address is data.
using ObjectId = std::uint32_t;
inline constexpr ObjectId kNoObject = 0;

enum class ObjectState : std::uint8_t { free_slot = 0, live = 1, dead = 2 };

/// Bookkeeping for one object id. The bytes in the heap are the truth for contents; this record
/// lets the view and the trace name objects by id.
struct ObjectRecord {
  std::uint64_t addr = 0;  ///< current start address (last address when dead)
  std::uint32_t size = 0;  ///< bytes, 8-aligned
  KlassId klass = 0;
  ObjectState state = ObjectState::free_slot;
  std::uint8_t flags = 0;                     ///< kFiller
  static constexpr std::uint8_t kFiller = 1;  ///< a dead-wood filler (int[]) written by the compactor
  static constexpr std::uint8_t kGarbage =
      2;  ///< not reached by marking (set only when recording, for the view)
  bool operator==(const ObjectRecord&) const = default;
};

/// Counters the heap keeps (indexes into JavaHeap::counters).
enum class HeapCounter : std::uint8_t {
  gc_count,  ///< full GCs run (MarkSweep::total_invocations)
  objects_allocated,
  bytes_allocated,
  objects_moved,
  bytes_moved,
  objects_freed,
  bytes_freed,         ///< reclaimed by a GC
  dead_wood_bytes,     ///< bytes left as filler by the last compaction
  references_pending,  ///< references put on the pending list, total
  count_
};
std::string_view heap_counter_name(HeapCounter c);

/// The collector's current phase, for the view (set by effects, so it replays).
enum class GcPhase : std::uint8_t { none, mark, forward, adjust, move, sweep };
std::string_view gc_phase_name(GcPhase p);

/// The simulated Java heap: one space of -Xmx bytes holding real object bytes, plus bookkeeping.
/// Mutate it only through effects (machine.hpp) so that the trace can replay every change.
struct JavaHeap {
  AddressSpace space;                  ///< the bytes, at heap_base(settings)
  CowPages<ObjectId, 10> start_ids;    ///< per 8-byte word: id of the object starting there, or 0
  CowPages<ObjectRecord, 10> objects;  ///< indexed by ObjectId; [0] unused
  std::uint64_t top = 0;               ///< mark-compact: bump pointer (next free byte)
  std::map<std::uint64_t, std::uint64_t> free_chunks;  ///< mark-sweep: address -> size, address order
  std::uint64_t used = 0;                              ///< bytes of live objects (fillers included)
  std::uint64_t live_objects = 0;                      ///< live records, dead-wood fillers included
  std::uint64_t filler_objects =
      0;  ///< of which dead-wood fillers (not Java objects: not "live" in narration)
  std::vector<ObjectId> pending_references;  ///< References whose referent died (for the Reference Handler)
  std::array<std::uint64_t, static_cast<std::size_t>(HeapCounter::count_)> counters{};
  GcPhase phase = GcPhase::none;

  std::uint64_t bottom() const { return space.base(); }
  std::uint64_t end() const { return space.end(); }
  std::uint64_t counter(HeapCounter c) const { return counters[static_cast<std::size_t>(c)]; }
  /// Number of ids handed out so far (the next id is this value).
  ObjectId next_id() const { return static_cast<ObjectId>(objects.size()); }

  /// The record of `id`; throws std::out_of_range for an id never handed out.
  HEAPVIZ_INLINE const ObjectRecord& record(ObjectId id) const {
    if (id == kNoObject || id >= objects.size()) [[unlikely]]
      throw_bad_id(id);
    return objects.at(id);
  }
  [[noreturn]] static void throw_bad_id(ObjectId id);
  bool is_live(ObjectId id) const {
    return id != kNoObject && id < objects.size() && objects.get(id).state == ObjectState::live;
  }
  /// Id of the object starting exactly at addr, or kNoObject.
  HEAPVIZ_INLINE ObjectId object_at(std::uint64_t addr) const {
    if (!space.contains(addr, 8) || (addr & 7) != 0) return kNoObject;
    return start_ids.get((addr - space.base()) >> 3);
  }
  /// Prefetches the header at addr and its start-map entry (heap walks look this far ahead).
  HEAPVIZ_INLINE void prefetch_ahead(std::uint64_t addr) const {
    space.prefetch(addr, true);
    if (addr >= space.base()) start_ids.prefetch((addr - space.base()) >> 3, true);
  }
  static constexpr std::uint64_t kPrefetchDistance = 576;  ///< HotSpot's PrefetchScanIntervalInBytes on x86
  HEAPVIZ_INLINE std::uint64_t mark_word(std::uint64_t addr) const { return space.read_u64(addr); }
  HEAPVIZ_INLINE std::uint32_t narrow_klass(std::uint64_t addr) const {
    return space.read_u32(addr + layout::kKlassOffset);
  }
  HEAPVIZ_INLINE std::uint32_t array_length(std::uint64_t addr) const {
    return space.read_u32(addr + layout::kArrayLengthOffset);
  }

  /// Primitive mutations behind the object_move / object_kill effects. Call them only from
  /// apply_effect or Recorder (so that every change is recorded).
  HEAPVIZ_INLINE void set_start(std::uint64_t addr, ObjectId id) {
    start_ids.mut((addr - space.base()) >> 3) = id;
  }
  HEAPVIZ_INLINE void apply_move(ObjectId id, std::uint64_t from, std::uint64_t to) {
    ObjectRecord& r = objects.mut(id);
    space.move(to, from, r.size);
    if (object_at(from) == id) set_start(from, kNoObject);
    set_start(to, id);
    r.addr = to;
  }
  HEAPVIZ_INLINE void apply_kill(ObjectId id) {
    ObjectRecord& r = objects.mut(id);
    if (object_at(r.addr) == id) set_start(r.addr, kNoObject);
    r.state = ObjectState::dead;
    used -= r.size;
    live_objects -= 1;
    if (r.flags & ObjectRecord::kFiller) filler_objects -= 1;
  }

  bool operator==(const JavaHeap&) const = default;
};

/// Size in bytes of the object whose header is at addr, computed from its header as HotSpot does
/// (klass -> instance size, or array length -> aligned array size).
/// Returns 0 if the header names no class.
HEAPVIZ_INLINE std::uint64_t object_size_at(const JavaHeap& heap, const KlassTable& klasses,
                                            std::uint64_t addr) {
  const Klass* k = klasses.klass_of_narrow(heap.narrow_klass(addr));
  if (k == nullptr) return 0;
  if (!k->is_array()) return k->instance_size;
  return layout::array_size(heap.array_length(addr), k->elem_size);
}

}  // namespace heapviz::heap
