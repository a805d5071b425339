#pragma once
// The nio layer's buffers as heap objects, for nio and the layers above (io reads mapped buffers, the
// engine draws buffers): not an API for lessons. Field offsets (JDK 17.0.15, jdk-facts §8), loading
// and storing a BufferState from/to an object's bytes, the ByteStores that read and record bytes of a
// byte[] or a native block, and constructor-local roots.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/heap/java_heap.hpp"
#include "heapviz/heap/jvalue.hpp"
#include "heapviz/heap/text_format.hpp"
#include "heapviz/nio/buffer_state.hpp"
#include "heapviz/nio/byte_store.hpp"
#include "heapviz/nio/nio_recorder.hpp"

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
heap::KlassId heap_read_only_klass(const NioMachine& m);
heap::KlassId direct_read_only_klass(const NioMachine& m);
bool is_direct_klass(const NioMachine& m, heap::KlassId k);
bool is_heap_buffer_klass(const NioMachine& m, heap::KlassId k);

/// Field reads (by object id, at the object's current address).
std::int32_t read_i32(const NioMachine& m, heap::ObjectId obj, std::uint32_t offset);
std::int64_t read_i64(const NioMachine& m, heap::ObjectId obj, std::uint32_t offset);
bool read_bool(const NioMachine& m, heap::ObjectId obj, std::uint32_t offset);
heap::ObjectId read_ref(const NioMachine& m, heap::ObjectId obj, std::uint32_t offset);
/// Field writes as recorded effects (a step must be open).
void write_i32(NioRecorder& r, heap::ObjectId obj, std::uint32_t offset, std::int32_t v);
void write_i64(NioRecorder& r, heap::ObjectId obj, std::uint32_t offset, std::int64_t v);
void write_bool(NioRecorder& r, heap::ObjectId obj, std::uint32_t offset, bool v);
void write_ref(NioRecorder& r, heap::ObjectId obj, std::uint32_t offset, heap::ObjectId v);

/// An integral Java argument (int, long, short, byte or char) widened to 64 bits; anything else is a
/// simulator bug (std::invalid_argument naming `caller`).
std::int64_t integral_arg(const JValue& v, const char* caller);

/// The buffer a direct buffer's memory belongs to: att, or the buffer itself when att is null.
heap::ObjectId direct_root(const NioMachine& m, heap::ObjectId buffer);
/// The Java state of a buffer object, from its fields. For a direct buffer, `offset` is the distance
/// of its address from its root's address (the JDK keeps ByteBuffer.offset 0 there).
BufferState load_state(const NioMachine& m, heap::ObjectId buffer);
/// Writes the fields that differ between `before` and `after` (step open). Returns "position 0 → 5, ..."
/// (empty when nothing changed).
std::string store_state(NioRecorder& r, heap::ObjectId buffer, const BufferState& before,
                        const BufferState& after);
/// Writes every field of a new buffer object (step open); `hb_or_att` is the byte[] (heap) or the root
/// (direct).
void init_fields(NioRecorder& r, heap::ObjectId buffer, const BufferState& s, heap::ObjectId hb_or_att,
                 std::int64_t root_address);

/// Elements of a byte[] on the heap, looked up by id at every access (a GC may move the array);
/// writes are recorded effects.
class HeapArrayStore final : public ByteStore {
 public:
  HeapArrayStore(NioRecorder& r, heap::ObjectId array);
  std::int64_t size() const override;
  void read(std::int64_t index, std::span<std::byte> out) override;
  void write(std::int64_t index, std::span<const std::byte> in) override;
  const Touched& touched() const { return touched_; }
  heap::ObjectId array() const { return array_; }

 private:
  std::uint64_t element(std::int64_t index) const;
  NioRecorder& r_;
  heap::ObjectId array_;
  Touched touched_;
};

/// `size` bytes of native memory from `address`; writes are recorded effects (space native).
class RecordedNativeStore final : public ByteStore {
 public:
  RecordedNativeStore(NioRecorder& r, std::uint64_t address, std::int64_t size)
      : r_(r), address_(address), size_(size) {
    touched_.space = heap::SpaceId::native;
  }
  std::int64_t size() const override { return size_; }
  void read(std::int64_t index, std::span<std::byte> out) override;
  void write(std::int64_t index, std::span<const std::byte> in) override;
  const Touched& touched() const { return touched_; }

 private:
  NioRecorder& r_;
  std::uint64_t address_;
  std::int64_t size_;
  Touched touched_;
};

/// MappedByteBuffer.fd of a direct buffer's root (kNoObject: not made by FileChannel.map, or not direct).
heap::ObjectId mapped_fd(const NioMachine& m, heap::ObjectId buffer);
/// Cleaner.create's list work inside the open step: referent and thunk set, linked at the head of
/// Cleaner's static list (Cleaner.first), and `referent.cleaner = cleaner`.
void link_new_cleaner(NioRecorder& r, heap::ObjectId cleaner, heap::ObjectId referent, heap::ObjectId thunk);

/// Makes (local, scope, name) hold `id` inside the open step, defining the slot when needed: the
/// constructor's locals and operand stack are roots while it runs (a GC inside it must keep them).
void hold(NioRecorder& r, std::string_view scope, std::string_view name, heap::ObjectId id);
/// Inside the open step: the locals of `scope` stop being roots (the constructor returned).
void release(NioRecorder& r, std::string_view scope);
/// Sets a system root (e.g. Cleaner.first) inside the open step.
void set_system_root(NioRecorder& r, std::string_view scope, std::string_view name, heap::ObjectId id);

/// A new view object (slice/duplicate/asReadOnlyBuffer) of `source` with state `s`: hb shared (heap), or
/// att = the root and no cleaner (direct). Allocation step(s), then one buffer_op step for its fields.
heap::ObjectId new_view_object(NioRecorder& r, heap::ObjectId source, const BufferState& s,
                               std::string_view method);

/// Reference.waitForReferenceProcessing() as Bits calls it: if References are pending, the Reference
/// Handler runs them now (a step announces it) and the result is true; else false, no step.
bool wait_for_reference_processing(NioRecorder& r);

/// Bits.unreserveMemory(size, cap) as one step (bits_unreserve).
void unreserve_memory_step(NioRecorder& r, std::int64_t size, std::int64_t cap);

/// "ByteBuffer#7" style name of an object.
std::string name_of(const NioMachine& m, heap::ObjectId id);

using text::hex;

}  // namespace heapviz::nio::detail
