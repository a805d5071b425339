#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace heapviz::nio {

/// Where a buffer's bytes live: a `byte[]` on the Java heap, or a native block.
enum class BufferKind : unsigned char { Heap, Direct };

/// java.nio.ByteOrder.
enum class ByteOrder : unsigned char { BigEndian, LittleEndian };

/// The simulated platform is x86_64, so `Bits.byteOrder()` (the native order) is little-endian.
inline constexpr ByteOrder kNativeByteOrder = ByteOrder::LittleEndian;

/// "BIG_ENDIAN" or "LITTLE_ENDIAN", as ByteOrder.toString().
std::string_view to_string(ByteOrder order);

/// The Java-visible fields of one JDK 17 `ByteBuffer` object (Buffer + ByteBuffer fields).
/// Plain data: cheap to copy and to checkpoint. Views share their root's storage, not this state.
struct BufferState {
  int mark = -1;     ///< Buffer.mark; -1 = no mark
  int position = 0;  ///< Buffer.position
  int limit = 0;     ///< Buffer.limit
  int capacity = 0;  ///< Buffer.capacity
  /// ByteBuffer.offset for heap buffers (index of element 0 in `hb`); for direct buffers the byte
  /// offset of this view in its root's native block (Buffer.address = root address + offset).
  int offset = 0;
  BufferKind kind = BufferKind::Heap;
  bool read_only = false;          ///< ByteBuffer.isReadOnly
  bool big_endian = true;          ///< ByteBuffer.bigEndian
  bool native_byte_order = false;  ///< ByteBuffer.nativeByteOrder (big_endian == native is big)

  /// The runtime class: java.nio.HeapByteBuffer, HeapByteBufferR, DirectByteBuffer or DirectByteBufferR.
  std::string_view class_name() const;
  /// ByteBuffer.toString(): "java.nio.HeapByteBuffer[pos=0 lim=16 cap=16]".
  std::string to_string() const;
  /// limit - position, clamped at 0 as Buffer.remaining() does.
  int remaining() const { return position <= limit ? limit - position : 0; }
  ByteOrder order() const { return big_endian ? ByteOrder::BigEndian : ByteOrder::LittleEndian; }
  bool is_direct() const { return kind == BufferKind::Direct; }
  /// The value of the Java field Buffer.address. `root_base` is the `byte[]` base offset (16 with
  /// compressed class pointers) for a heap buffer, whose address is relative to its array, or the
  /// native address of the root block for a direct buffer.
  std::int64_t address_field(std::int64_t root_base) const { return root_base + offset; }

  bool operator==(const BufferState&) const = default;
};

/// ByteBuffer.allocate(capacity): the state of a new HeapByteBuffer. Throws JavaException
/// IllegalArgumentException("capacity < 0: (-1 < 0)") before anything is allocated. The caller then
/// creates the `byte[capacity]` that backs it.
BufferState allocate(int capacity);

/// The state of `new DirectByteBuffer(capacity)` after its capacity check (same exception as allocate).
/// The caller then reserves with Bits, mallocs `max(1, capacity)` bytes and zeroes them.
BufferState allocate_direct(int capacity);

/// ByteBuffer.wrap(array, offset, length) on a `byte[array_length]`: position = offset,
/// limit = offset + length, capacity = array_length, array offset 0. A bad range throws
/// IndexOutOfBoundsException with a null message, as the JDK does.
BufferState wrap(int array_length, int offset, int length);

/// ByteBuffer.wrap(array).
BufferState wrap(int array_length);

}  // namespace heapviz::nio
