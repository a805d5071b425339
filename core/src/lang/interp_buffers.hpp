#pragma once
// The interpreter's door to the simulated java.nio (heapviz/nio/machine_buffers.hpp): buffer calls,
// System.gc() with the Reference Handler after it, and the pool counters.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "heapviz/engine/trace.hpp"
#include "heapviz/heap/jvalue.hpp"

namespace heapviz::lang::interp {

/// True when the ByteBuffers on the machine are part of this build.
bool machine_buffers_available();
/// True if `signature` ("put(byte[],int,int)") can be called on the machine.
bool buffer_method_available(std::string_view signature);
/// True if `signature` can be called on an IntBuffer/LongBuffer view (`cls`: "IntBuffer" or "LongBuffer").
bool view_method_available(std::string_view cls, std::string_view signature);

heap::ObjectId buffer_allocate(Recorder& r, std::int32_t capacity);
heap::ObjectId buffer_allocate_direct(Recorder& r, std::int32_t capacity);
heap::ObjectId buffer_wrap(Recorder& r, heap::ObjectId array,
                           std::optional<std::pair<std::int32_t, std::int32_t>> range);
JValue buffer_call(Recorder& r, heap::ObjectId buffer, std::string_view signature,
                   std::span<const JValue> args);
bool is_buffer(const Machine& m, heap::ObjectId obj);
/// True for an IntBuffer/LongBuffer view of a ByteBuffer.
bool is_view(const Machine& m, heap::ObjectId obj);
/// MappedByteBuffer.force() / load() (return the buffer) and isLoaded() (a boolean).
JValue mapped_call(Recorder& r, heap::ObjectId buffer, std::string_view signature);
/// System.gc().
void system_gc(Recorder& r);
/// Heapviz.gc(): System.gc() and the Reference Handler running every pending Cleaner.
void gc_and_clean(Recorder& r);
/// The two lines Heapviz.pools() prints.
std::string pools_text(const Machine& m);

}  // namespace heapviz::lang::interp
