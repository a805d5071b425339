#pragma once
// ByteBuffers on the simulated machine: the contract between the interpreter and the simulated
// java.nio. Buffers are real heap objects (HeapByteBuffer 56 B + byte[]; DirectByteBuffer 64 B +
// Cleaner 40 B + Deallocator 32 B, with native memory behind `address`); their Java state (mark,
// position, limit, capacity, ...) lives in the object's fields, in heap bytes. Every change is a step.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "heapviz/heap/jvalue.hpp"
#include "heapviz/nio/buffer_state.hpp"
#include "heapviz/nio/nio_recorder.hpp"

namespace heapviz::nio {

/// BufferPoolMXBean figures of one pool ("direct" or "mapped").
struct PoolFigures {
  std::int64_t count = 0;
  std::int64_t memory_used = 0;     ///< getMemoryUsed()
  std::int64_t total_capacity = 0;  ///< getTotalCapacity()
  bool operator==(const PoolFigures&) const = default;
};

/// ByteBuffer.allocate(capacity). Throws JavaException as the JDK (capacity < 0, Java heap space).
/// The returned object is not rooted: the caller stores it (e.g. heap::set_local) before the next
/// allocation. The same holds for allocate_direct, wrap and the views call_buffer_method returns.
heap::ObjectId allocate(NioRecorder& r, std::int32_t capacity);
/// ByteBuffer.allocateDirect(capacity): the DirectByteBuffer constructor in JDK 17 order, each a step
/// (Bits.reserveMemory with its GC-and-retry path, Unsafe.allocateMemory, setMemory, page alignment,
/// Cleaner.create). Throws JavaException (e.g. "Cannot reserve N bytes of direct buffer memory ...").
heap::ObjectId allocate_direct(NioRecorder& r, std::int32_t capacity);
/// ByteBuffer.wrap(array) or wrap(array, offset, length) on an existing byte[].
heap::ObjectId wrap(NioRecorder& r, heap::ObjectId byte_array,
                    std::optional<std::pair<std::int32_t, std::int32_t>> range);

/// True if `obj` is a live java.nio ByteBuffer object (heap, direct, read-only or mapped).
bool is_byte_buffer(const NioMachine& m, heap::ObjectId obj);

/// Calls a ByteBuffer instance method by its Java signature with parameter types as the JDK declares
/// them, e.g. "flip()", "put(byte)", "put(byte[])", "put(byte[],int,int)", "put(int,byte)",
/// "put(ByteBuffer)", "getInt()", "getInt(int)", "order(ByteOrder)", "slice(int,int)", "toString()",
/// "array()" (returns the existing byte[]), "hasArray()", "isDirect()", "remaining()".
/// Arguments: byte[] and ByteBuffer as JRef, ByteOrder as JEnum. Returns the JDK's result: the buffer
/// itself (JRef) for chaining methods, a new object for views, a std::string for toString().
/// Throws JavaException with the JDK's class and message. One buffer_op step per call (a view: its
/// allocation step(s), then one buffer_op step). The receiver and every argument must be reachable
/// (rooted by the caller, as the interpreter's locals and operand stack are): a view's allocation may
/// run a GC. Misuse (unknown signature, wrong argument types, a non-buffer receiver) throws
/// std::invalid_argument.
JValue call_buffer_method(NioRecorder& r, heap::ObjectId buffer, std::string_view signature,
                          std::span<const JValue> args);
/// True if call_buffer_method supports `signature` (for "valid Java, not simulated yet" diagnostics).
bool supports_buffer_method(std::string_view signature);

/// System.gc(): one full GC with cause "System.gc()" unless -XX:+DisableExplicitGC; Cleaners of
/// unreachable direct buffers go on the pending list (their memory is NOT freed yet).
void system_gc(NioRecorder& r);
/// The Reference Handler thread runs every pending Cleaner: Deallocator.run() = freeMemory(base),
/// then Bits.unreserveMemory, each a separate step.
void run_reference_handler(NioRecorder& r);
/// The Java state of a buffer object, read from its fields (for a direct view, `offset` is its distance
/// from the root's address). For inspectors and tests; no step.
BufferState buffer_state(const NioMachine& m, heap::ObjectId buffer);

/// Unsafe.invokeCleaner(buffer) (sun.misc and jdk.internal.misc): frees a direct buffer's memory now.
/// IllegalArgumentException "buffer is non-direct" for a heap buffer, "duplicate or slice" for a view;
/// otherwise cleaner.clean(): unlink the Cleaner, freeMemory, unreserveMemory (a second call does nothing).
/// Using the buffer afterwards is a use-after-free, as in the JDK; the simulator then throws
/// std::out_of_range from NativeMemory (not a Java exception).
void invoke_cleaner(NioRecorder& r, heap::ObjectId buffer);
/// sun.nio.ch.Util.free(buffer) for a temporary direct buffer: `((DirectBuffer) buf).cleaner().clean()` on
/// the calling thread (the same work as invoke_cleaner, narrated as Util.free, step kind temp_buffer_free).
void util_free(NioRecorder& r, heap::ObjectId buffer);

/// The "direct" and "mapped" BufferPoolMXBeans.
PoolFigures direct_pool(const NioMachine& m);
PoolFigures mapped_pool(const NioMachine& m);

}  // namespace heapviz::nio
