#pragma once
// Internal to the nio area: buffers as heap objects. Field offsets (JDK 17.0.15, jdk-facts §8), loading
// and storing a BufferState from/to an object's bytes, the ByteStores that read and record bytes of a
// byte[] or a native block, and constructor-local roots.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/engine/trace.hpp"
#include "heapviz/heap/java_heap.hpp"
#include "heapviz/heap/jvalue.hpp"
#include "heapviz/heap/text_format.hpp"
#include "heapviz/nio/buffer_state.hpp"
#include "heapviz/nio/byte_store.hpp"

namespace heapviz::nio::detail {

/// Field offsets of Buffer/ByteBuffer/MappedByteBuffer/DirectByteBuffer, Cleaner and Deallocator.
namespace off {
inline constexpr std::uint32_t mark = 12, address = 16, position = 24, limit = 28, capacity = 32, offset = 40,
                               is_read_only = 44, big_endian = 45, native_byte_order = 46, is_sync = 47,
                               hb = 48, fd = 52, att = 56, cleaner = 60;
inline constexpr std::uint32_t cleaner_referent = 12, cleaner_next = 28, cleaner_prev = 32,
                               cleaner_thunk = 36;
inline constexpr std::uint32_t dealloc_capacity = 12, dealloc_address = 16, dealloc_size = 24;
/// FileChannelImpl$Unmapper (JDK 17.0.15, Unsafe.objectFieldOffset): the Cleaner thunk of a mapped buffer.
inline constexpr std::uint32_t unmapper_page_position = 12, unmapper_address = 16, unmapper_size = 24,
                               unmapper_cap = 32, unmapper_fd = 40;
}  // namespace off

inline constexpr std::int64_t kArrayBaseOffset = 16;  ///< Unsafe.ARRAY_BYTE_BASE_OFFSET
inline constexpr std::string_view kCleanerScope = "jdk.internal.ref.Cleaner";

/// The read-only classes (same layout, isReadOnly = true), registered on first use.
heap::KlassId heap_read_only_klass(const Machine& m);
heap::KlassId direct_read_only_klass(const Machine& m);
bool is_direct_klass(const Machine& m, heap::KlassId k);
bool is_heap_buffer_klass(const Machine& m, heap::KlassId k);

/// Field reads (by object id, at the object's current address).
std::int32_t read_i32(const Machine& m, heap::ObjectId obj, std::uint32_t offset);
std::int64_t read_i64(const Machine& m, heap::ObjectId obj, std::uint32_t offset);
bool read_bool(const Machine& m, heap::ObjectId obj, std::uint32_t offset);
heap::ObjectId read_ref(const Machine& m, heap::ObjectId obj, std::uint32_t offset);
/// Field writes as recorded effects (a step must be open).
void write_i32(Recorder& r, heap::ObjectId obj, std::uint32_t offset, std::int32_t v);
void write_i64(Recorder& r, heap::ObjectId obj, std::uint32_t offset, std::int64_t v);
void write_bool(Recorder& r, heap::ObjectId obj, std::uint32_t offset, bool v);
void write_ref(Recorder& r, heap::ObjectId obj, std::uint32_t offset, heap::ObjectId v);

/// An integral Java argument (int, long, short, byte or char) widened to 64 bits; anything else is a
/// simulator bug (std::invalid_argument naming `caller`).
std::int64_t integral_arg(const JValue& v, const char* caller);

/// The buffer a direct buffer's memory belongs to: att, or the buffer itself when att is null.
heap::ObjectId direct_root(const Machine& m, heap::ObjectId buffer);
/// The Java state of a buffer object, from its fields. For a direct buffer, `offset` is the distance
/// of its address from its root's address (the JDK keeps ByteBuffer.offset 0 there).
BufferState load_state(const Machine& m, heap::ObjectId buffer);
/// Writes the fields that differ between `before` and `after` (step open). Returns "position 0 → 5, ..."
/// (empty when nothing changed).
std::string store_state(Recorder& r, heap::ObjectId buffer, const BufferState& before,
                        const BufferState& after);
/// Writes every field of a new buffer object (step open); `hb_or_att` is the byte[] (heap) or the root
/// (direct).
void init_fields(Recorder& r, heap::ObjectId buffer, const BufferState& s, heap::ObjectId hb_or_att,
                 std::int64_t root_address);

/// What a store did, for the narration.
struct Touched {
  heap::SpaceId space = heap::SpaceId::java_heap;
  std::uint64_t first = 0;
  std::uint64_t written = 0, read = 0;
};

/// Elements of a byte[] on the heap, looked up by id at every access (a GC may move the array);
/// writes are recorded effects.
class HeapArrayStore final : public ByteStore {
 public:
  HeapArrayStore(Recorder& r, heap::ObjectId array);
  std::int64_t size() const override;
  void read(std::int64_t index, std::span<std::byte> out) override;
  void write(std::int64_t index, std::span<const std::byte> in) override;
  const Touched& touched() const { return touched_; }
  heap::ObjectId array() const { return array_; }

 private:
  std::uint64_t element(std::int64_t index) const;
  Recorder& r_;
  heap::ObjectId array_;
  Touched touched_;
};

/// `size` bytes of native memory from `address`; writes are recorded effects (space native).
class RecordedNativeStore final : public ByteStore {
 public:
  RecordedNativeStore(Recorder& r, std::uint64_t address, std::int64_t size)
      : r_(r), address_(address), size_(size) {
    touched_.space = heap::SpaceId::native;
  }
  std::int64_t size() const override { return size_; }
  void read(std::int64_t index, std::span<std::byte> out) override;
  void write(std::int64_t index, std::span<const std::byte> in) override;
  const Touched& touched() const { return touched_; }

 private:
  Recorder& r_;
  std::uint64_t address_;
  std::int64_t size_;
  Touched touched_;
};

/// The page-cache bytes of a mapped buffer: `size` bytes from user address `address` inside a mapping.
/// A write is a CPU store: it changes (and dirties) the page-cache page, recorded as a mapped_store
/// effect (just its bytes) in the open step; a read may fault a page in (then a new io state is published).
class RecordedMappedStore final : public ByteStore {
 public:
  RecordedMappedStore(Recorder& r, std::uint64_t address, std::int64_t size);
  std::int64_t size() const override { return size_; }
  void read(std::int64_t index, std::span<std::byte> out) override;
  void write(std::int64_t index, std::span<const std::byte> in) override;
  const Touched& touched() const { return touched_; }

 private:
  Recorder& r_;
  std::uint64_t address_;
  std::int64_t size_;
  Touched touched_;
};

/// MappedByteBuffer.fd of a direct buffer's root (kNoObject: not made by FileChannel.map, or not direct).
heap::ObjectId mapped_fd(const Machine& m, heap::ObjectId buffer);
/// The kernel-lane address of the page-cache byte behind user address `address` (a shared mapping whose
/// page is cached), for drawing.
std::optional<std::uint64_t> mapped_page_address(const Machine& m, std::uint64_t address);
/// `n` bytes from user address `address` as the mapping shows them now (zeros if nothing is mapped there).
std::vector<std::byte> mapped_window(const Machine& m, std::uint64_t address, std::size_t n);
/// A Cleaner's thunk when it is a FileChannelImpl$DefaultUnmapper: Unmapper.unmap() (munmap as an io
/// step, address = 0, the mapped pool goes down) on `thread`. False if `thunk` is not an Unmapper.
bool run_unmapper(Recorder& r, heap::ObjectId thunk, const std::string& thread);
/// Cleaner.create's list work inside the open step: referent and thunk set, linked at the head of
/// Cleaner's static list (Cleaner.first), and `referent.cleaner = cleaner`.
void link_new_cleaner(Recorder& r, heap::ObjectId cleaner, heap::ObjectId referent, heap::ObjectId thunk);

/// Makes (local, scope, name) hold `id` inside the open step, defining the slot when needed: the
/// constructor's locals and operand stack are roots while it runs (a GC inside it must keep them).
void hold(Recorder& r, std::string_view scope, std::string_view name, heap::ObjectId id);
/// Inside the open step: the locals of `scope` stop being roots (the constructor returned).
void release(Recorder& r, std::string_view scope);
/// Sets a system root (e.g. Cleaner.first) inside the open step.
void set_system_root(Recorder& r, std::string_view scope, std::string_view name, heap::ObjectId id);

/// A new view object (slice/duplicate/asReadOnlyBuffer) of `source` with state `s`: hb shared (heap), or
/// att = the root and no cleaner (direct). Allocation step(s), then one buffer_op step for its fields.
heap::ObjectId new_view_object(Recorder& r, heap::ObjectId source, const BufferState& s,
                               std::string_view method);

/// Reference.waitForReferenceProcessing() as Bits calls it: if References are pending, the Reference
/// Handler runs them now (a step announces it) and the result is true; else false, no step.
bool wait_for_reference_processing(Recorder& r);

/// Bits.unreserveMemory(size, cap) as one step (bits_unreserve).
void unreserve_memory_step(Recorder& r, std::int64_t size, std::int64_t cap);

/// "ByteBuffer#7" style name of an object.
std::string name_of(const Machine& m, heap::ObjectId id);

using text::hex;

}  // namespace heapviz::nio::detail
