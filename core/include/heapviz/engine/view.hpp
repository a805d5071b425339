#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "heapviz/engine/machine.hpp"
#include "heapviz/heap/address_space.hpp"
#include "heapviz/heap/java_heap.hpp"

/// A view of one machine state as plain data, for the GUI and for tests. No GUI types.
namespace heapviz {

enum class RegionKind : std::uint8_t { single, eden, survivor, old, free_list };

/// A contiguous region of an address space (the Java heap is one region for now).
struct RegionView {
  std::string name;  ///< "Java heap"
  heap::SpaceId space = heap::SpaceId::java_heap;
  RegionKind kind = RegionKind::single;
  std::uint64_t base = 0;
  std::uint64_t size = 0;  ///< bytes (capacity)
  std::uint64_t used = 0;  ///< bytes held by live objects (fillers included)
  std::uint64_t top = 0;   ///< bump pointer (mark-compact), or end (free list)
};

/// State of a block as the collector sees it at this step.
enum class BlockState : std::uint8_t {
  live,       ///< allocated, not being collected
  marked,     ///< mark word lock bits 0b11 (phase 1), no forwarding address yet
  forwarded,  ///< mark word holds a forwarding address (phases 2-4)
  unmarked,   ///< during a GC after marking: not reached, about to be reclaimed
  filler,     ///< dead wood kept in place (an int[] filler)
  free,       ///< a free chunk (mark-sweep free list) or the space above top
};
std::string_view block_state_name(BlockState s);

/// One object or free chunk.
struct BlockView {
  heap::ObjectId id = heap::kNoObject;  ///< 0 for free chunks
  std::string type;                     ///< "Node", "byte[]", "" for free
  std::string label;                    ///< root names holding it ("buf", "main/main:n"), else ""
  std::string label_zh;  ///< Simplified Chinese label of a native chunk, page or file (id 0), else ""
  heap::SpaceId space = heap::SpaceId::java_heap;
  std::uint64_t addr = 0;
  std::uint64_t size = 0;
  BlockState state = BlockState::live;
  std::uint64_t forward_to = 0;    ///< forwarding address when state == forwarded
  std::uint32_t array_length = 0;  ///< arrays only
};

/// A reference from an object field / array element (or a root) to an object.
struct ArrowView {
  heap::ObjectId from = heap::kNoObject;  ///< 0 when the source is a root
  std::int32_t root = -1;                 ///< root slot index when from == 0
  std::uint32_t offset = 0;               ///< byte offset of the field in `from`
  std::string field;                      ///< "next", "[3]", or the root name
  heap::ObjectId to = heap::kNoObject;
  std::uint64_t to_addr = 0;  ///< the address stored (may be stale mid-GC)
  /// Where to_addr lies. java_heap: an object reference (`to` is the object). native: a raw address
  /// held in a long field (DirectByteBuffer.address, Deallocator.address); `to` is 0 and the target is
  /// the native block containing to_addr. kernel: a MappedByteBuffer's address, drawn to the page-cache
  /// page (to_addr is that page's kernel address plus the offset in it).
  heap::SpaceId to_space = heap::SpaceId::java_heap;
};

struct RootView {
  std::uint32_t slot = 0;
  std::string kind;  ///< "local", "static", "system"
  std::string scope;
  std::string name;
  heap::ObjectId target = heap::kNoObject;
  std::uint64_t addr = 0;
  std::int32_t jvm_slot = -1;  ///< locals: the frame's slot (args is 0), else -1
  bool stale = false;          ///< a local slot whose variable's block ended but still holds the reference
};

struct CounterView {
  std::string key;  ///< stable key, e.g. "heap_used"
  std::string en;   ///< label
  std::string zh;
  std::int64_t value = 0;
};

struct View {
  std::vector<RegionView> regions;  ///< "Java heap", then "Native memory (C heap)"
  /// Address order within each space: Java heap blocks first, then native chunks (type "native",
  /// state live or free, id 0, label e.g. "DirectByteBuffer#7 memory (cap 512)"; addr/size cover the
  /// whole malloc chunk including its 8-byte header).
  std::vector<BlockView> blocks;
  std::vector<ArrowView> arrows;
  std::vector<RootView> roots;
  /// Heap counters, then the nio ones: direct_count, direct_used, direct_capacity, direct_limit (the
  /// "direct" BufferPoolMXBean and the Bits limit), mapped_count, mapped_used, mapped_capacity,
  /// native_allocated, native_blocks, clock_ms.
  std::vector<CounterView> counters;
  std::string gc_phase;  ///< "none", "mark", "forward", "adjust", "move", "sweep"
  /// Lesson 06's modes only (os-reads-heap, pin-heap-array): the latest write that handed the kernel a heap
  /// address: the address given, where the array is now, each chunk's source address, and every run of wrong
  /// bytes in the file (expected vs received), for drawing the corrupted ranges.
  std::optional<io::HeapAddressWrite> heap_address_write;
  bool truncated = false;  ///< more blocks than ViewOptions::max_blocks: use occupancy()
};

struct ViewOptions {
  std::size_t max_blocks = 20000;  ///< beyond this, blocks/arrows are cut (see View::truncated)
  /// Only objects overlapping [window_begin, window_end) (e.g. the GUI's viewport); 0,0 = everything.
  std::uint64_t window_begin = 0;
  std::uint64_t window_end = 0;
};

/// Builds the view of `m`.
View make_view(const Machine& m, const ViewOptions& opts = {});

/// One bucket of an occupancy histogram: bytes of [begin, end) that are live, dead or free.
struct OccupancyBucket {
  std::uint64_t begin = 0, end = 0;
  std::uint64_t live = 0;     ///< live or marked/forwarded objects
  std::uint64_t filler = 0;   ///< dead wood
  std::uint64_t garbage = 0;  ///< objects not marked during a GC after phase 1 (about to be reclaimed)
  std::uint64_t free = 0;
};
/// Splits the Java heap into `buckets` equal ranges, so a GUI can draw a 1M-object heap in a few
/// thousand rectangles. Cost: O(objects).
std::vector<OccupancyBucket> occupancy(const Machine& m, heap::SpaceId space, std::size_t buckets);
/// The same for the part [begin, end) of the Java heap a GUI shows (clipped to the heap), so a zoomed-in
/// lane still gets one bucket per pixel or two.
std::vector<OccupancyBucket> occupancy(const Machine& m, heap::SpaceId space, std::size_t buckets,
                                       std::uint64_t begin, std::uint64_t end);

/// One row of an object inspector: a header word, a field, or an array element.
struct FieldView {
  std::string name;  ///< "mark word", "klass", "length", "next", "[3]"
  std::string type;  ///< "header", "int", "long", "Node" (reference's declared type) ...
  std::uint32_t offset = 0;
  std::uint32_t size = 0;                ///< bytes
  std::string value;                     ///< "0x1", "42", "null", "0xfc000018 (Node#3)"
  heap::ObjectId ref = heap::kNoObject;  ///< target of a non-null reference
};
/// Header, fields (by offset) and the first `max_elements` array elements of a live object.
/// Empty for an id that is not live.
std::vector<FieldView> object_fields(const Machine& m, heap::ObjectId id, std::size_t max_elements = 64);

/// Hex dump lines "0xfc000000: 01 00 00 00 ..." of [addr, addr+len) in the Java heap (16 per line).
std::vector<std::string> hex_dump(const Machine& m, std::uint64_t addr, std::uint64_t len);

}  // namespace heapviz
