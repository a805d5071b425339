#pragma once
// IntBuffer and LongBuffer views of a ByteBuffer (ByteBuffer.asIntBuffer / asLongBuffer) as heap objects
// of JDK 17's classes: ByteBufferAsIntBufferB/L (a heap ByteBuffer; field `bb` keeps it reachable) and
// DirectIntBufferS/U (a direct one; field `att` keeps the root DirectByteBuffer, and so its Cleaner's
// referent, reachable), 56 bytes each, R variants for read-only. A view has no storage of its own: its
// `address` points into the ByteBuffer's byte[] (array-relative) or native memory, so every put is a write
// to those bytes.
#include <span>
#include <string_view>

#include "heapviz/heap/jvalue.hpp"
#include "heapviz/nio/nio_recorder.hpp"

namespace heapviz::nio {

enum class ViewElement : unsigned char { Int, Long };

/// Field offsets of the views (JDK 17.0.15, Unsafe.objectFieldOffset): Buffer, then IntBuffer/LongBuffer,
/// then the view class's own reference (bb or att).
namespace view_off {
inline constexpr std::uint32_t mark = 12, address = 16, position = 24, limit = 28, capacity = 32,
                               segment = 36, offset = 40, is_read_only = 44, hb = 48, bb_or_att = 52;
inline constexpr std::uint32_t size = 56;
}  // namespace view_off

/// bb.asIntBuffer() / bb.asLongBuffer(): a view of bb's remaining bytes, in bb's byte order at this call.
/// One allocation, then one buffer_op step. `bb` must be a live ByteBuffer and reachable (a GC may run).
heap::ObjectId as_typed_view(NioRecorder& r, heap::ObjectId bb, ViewElement element);
/// True if `obj` is a live IntBuffer/LongBuffer view object.
bool is_typed_view(const NioMachine& m, heap::ObjectId obj);
/// The element type of a view (precondition: is_typed_view).
ViewElement view_element(const NioMachine& m, heap::ObjectId view);
/// A method of an IntBuffer/LongBuffer view by its JDK signature ("get()", "get(int)", "put(int)" /
/// "put(long)", "put(int,int)" / "put(int,long)", "position()", "flip()", "slice()", "duplicate()",
/// "order()", "toString()", ...). Results and exceptions as JDK 17. One buffer_op step (slice/duplicate:
/// an allocation, then the step).
JValue call_view_method(NioRecorder& r, heap::ObjectId view, std::string_view signature,
                        std::span<const JValue> args);
/// True if call_view_method knows `signature` for views of `element`.
bool supports_view_method(ViewElement element, std::string_view signature);

}  // namespace heapviz::nio
