#pragma once
#include <cstdint>
#include <string>

#include "heapviz/nio/buffer_state.hpp"
#include "heapviz/nio/byte_store.hpp"

namespace heapviz::nio {

/// The operations of JDK 17 `java.nio.ByteBuffer` on one buffer: a short-lived, non-owning handle that
/// binds a buffer's state to the storage of its root (a heap buffer's `byte[]`, a direct buffer's native
/// block). Create one per operation; it holds references only.
///
/// Checks, their order, exception classes and messages follow JDK 17 (verified against 17.0.15 by the
/// differential test in tests/jdk). Java exceptions are thrown as heapviz::JavaException. An operation
/// that throws leaves state and bytes as the JDK leaves them: bulk operations are atomic; a relative
/// single put writes nothing when it overflows.
///
/// Java `byte[]` arguments are ByteStores too (a `byte[]` lives on the simulated heap), and their length
/// is `size()`. Identity (`src == this`) is identity of the BufferState object.
class ByteBuffer {
 public:
  /// `root` is the storage of the buffer's root; the buffer uses `root[state.offset ..
  /// state.offset + state.capacity)`.
  ByteBuffer(BufferState& state, ByteStore& root) : state_(&state), root_(&root) {}

  BufferState& state() { return *state_; }
  const BufferState& state() const { return *state_; }
  ByteStore& root() { return *root_; }

  // --- java.nio.Buffer: the index state machine ---
  int capacity() const { return state_->capacity; }
  int position() const { return state_->position; }
  int limit() const { return state_->limit; }
  int remaining() const { return state_->remaining(); }
  bool has_remaining() const { return state_->position < state_->limit; }
  /// position(p): IllegalArgumentException "newPosition > limit: (p > lim)" / "newPosition < 0: (p < 0)";
  /// discards a mark above p.
  ByteBuffer& position(int new_position);
  /// limit(l): IllegalArgumentException "newLimit > capacity: (l > cap)" / "newLimit < 0: (l < 0)";
  /// clamps position to l and discards a mark above l.
  ByteBuffer& limit(int new_limit);
  ByteBuffer& mark();
  /// InvalidMarkException (null message) when there is no mark.
  ByteBuffer& reset();
  ByteBuffer& clear();
  ByteBuffer& flip();
  ByteBuffer& rewind();

  // --- properties ---
  bool is_direct() const { return state_->is_direct(); }
  bool is_read_only() const { return state_->read_only; }
  bool has_array() const { return !is_direct() && !is_read_only(); }
  /// array(): UnsupportedOperationException for direct buffers (checked first), ReadOnlyBufferException
  /// for read-only heap buffers; otherwise the backing `byte[]` (the root store).
  ByteStore& array();
  /// arrayOffset(): the same checks as array(); then ByteBuffer.offset.
  int array_offset() const;
  ByteOrder order() const { return state_->order(); }
  /// order(bo): sets bigEndian and nativeByteOrder.
  ByteBuffer& order(ByteOrder order);
  std::string to_string() const { return state_->to_string(); }

  // --- views: they share the root storage; only the new state is returned ---
  /// slice(): capacity = remaining, no mark, offset += position; order reset to BIG_ENDIAN.
  BufferState slice() const;
  /// slice(index, length): IndexOutOfBoundsException "Range [i, i + n) out of bounds for length lim".
  BufferState slice(int index, int length) const;
  /// duplicate(): same mark, position, limit, capacity, offset and read-only-ness; order BIG_ENDIAN.
  BufferState duplicate() const;
  /// asReadOnlyBuffer(): like duplicate() but read-only (HeapByteBufferR / DirectByteBufferR).
  BufferState as_read_only() const;

  // --- single bytes ---
  /// Relative get(): BufferUnderflowException when position >= limit.
  std::int8_t get();
  /// Absolute get(i): IndexOutOfBoundsException when i < 0 or i >= limit. The message is JIT-dependent
  /// in the JDK (null interpreted, the index once C1 compiles Buffer.checkIndex); we give null.
  std::int8_t get(int index);
  /// Relative put(b): ReadOnlyBufferException first, then BufferOverflowException.
  ByteBuffer& put(std::int8_t value);
  /// Absolute put(i, b): ReadOnlyBufferException first, then IndexOutOfBoundsException (null message).
  ByteBuffer& put(int index, std::int8_t value);

  // --- bulk with byte[] ---
  /// get(dst, off, len): "Range [...]" IOOBE on dst, then BufferUnderflowException; atomic.
  ByteBuffer& get(ByteStore& dst, int offset, int length);
  ByteBuffer& get(ByteStore& dst);
  /// get(index, dst, off, len) (JDK 13+): IOOBE for [index, index+len) vs limit, then for dst.
  ByteBuffer& get(int index, ByteStore& dst, int offset, int length);
  ByteBuffer& get(int index, ByteStore& dst);
  /// put(src, off, len): ReadOnlyBufferException, "Range [...]" IOOBE on src, BufferOverflowException.
  ByteBuffer& put(ByteStore& src, int offset, int length);
  ByteBuffer& put(ByteStore& src);
  /// put(index, src, off, len) (JDK 13+): ReadOnlyBufferException, IOOBE vs limit, IOOBE vs src.
  ByteBuffer& put(int index, ByteStore& src, int offset, int length);
  ByteBuffer& put(int index, ByteStore& src);

  // --- bulk with a ByteBuffer source ---
  /// put(src): a read-only *heap* buffer throws ReadOnlyBufferException first; then src == this gives
  /// IllegalArgumentException("The source buffer is this buffer"); then ReadOnlyBufferException; then
  /// BufferOverflowException if src.remaining() > remaining(). Advances both positions.
  ByteBuffer& put(ByteBuffer& src);
  /// put(index, src, off, len) (JDK 16+): a read-only heap buffer throws ReadOnlyBufferException first;
  /// then IOOBE for [index, index+len) vs limit, IOOBE for [off, off+len) vs src.limit(), then
  /// ReadOnlyBufferException (direct). Copies with memmove semantics; positions unchanged.
  ByteBuffer& put(int index, ByteBuffer& src, int offset, int length);

  /// compact(): ReadOnlyBufferException; copies [position, limit) to 0, position = remaining,
  /// limit = capacity, mark discarded.
  ByteBuffer& compact();

  // --- typed access in the buffer's byte order ---
  std::int16_t get_short();
  std::int16_t get_short(int index);
  char16_t get_char();
  char16_t get_char(int index);
  std::int32_t get_int();
  std::int32_t get_int(int index);
  std::int64_t get_long();
  std::int64_t get_long(int index);
  float get_float();
  float get_float(int index);
  double get_double();
  double get_double(int index);
  ByteBuffer& put_short(std::int16_t value);
  ByteBuffer& put_short(int index, std::int16_t value);
  ByteBuffer& put_char(char16_t value);
  ByteBuffer& put_char(int index, char16_t value);
  ByteBuffer& put_int(std::int32_t value);
  ByteBuffer& put_int(int index, std::int32_t value);
  ByteBuffer& put_long(std::int64_t value);
  ByteBuffer& put_long(int index, std::int64_t value);
  ByteBuffer& put_float(float value);
  ByteBuffer& put_float(int index, float value);
  ByteBuffer& put_double(double value);
  ByteBuffer& put_double(int index, double value);

  // --- comparison (remaining elements only) ---
  /// hashCode(): h = 1; for i from limit-1 down to position: h = 31*h + get(i).
  std::int32_t hash_code();
  bool equals(ByteBuffer& other);
  /// compareTo: Byte.compare of the first mismatch, else remaining() - other.remaining().
  int compare_to(ByteBuffer& other);
  /// mismatch: index of the first difference, the shorter length if one is a prefix, or -1.
  int mismatch(ByteBuffer& other);

 private:
  int next_get_index(int count);
  int next_put_index(int count);
  int check_index(int index, int count) const;
  void check_writable() const;
  void check_writable_if_heap() const;
  void read_at(int index, std::span<std::byte> out);
  void write_at(int index, std::span<const std::byte> in);
  std::uint64_t get_bits(int index, int count);
  void put_bits(int index, int count, std::uint64_t bits);
  BufferState view(int mark, int position, int limit, int capacity, int offset, bool read_only) const;

  BufferState* state_;
  ByteStore* root_;
};

}  // namespace heapviz::nio
