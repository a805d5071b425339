#include "interp_buffers.hpp"

#include <string>

#include "heapviz/heap/collector.hpp"
#include "heapviz/java_throwable.hpp"
#ifdef HEAPVIZ_HAVE_MACHINE_BUFFERS
#include "heapviz/nio/machine_buffers.hpp"
#endif

namespace heapviz::lang::interp {

#ifdef HEAPVIZ_HAVE_MACHINE_BUFFERS

bool machine_buffers_available() { return true; }
bool buffer_method_available(std::string_view signature) { return nio::supports_buffer_method(signature); }
heap::ObjectId buffer_allocate(Recorder& r, std::int32_t capacity) { return nio::allocate(r, capacity); }
heap::ObjectId buffer_allocate_direct(Recorder& r, std::int32_t capacity) { return nio::allocate_direct(r, capacity); }
heap::ObjectId buffer_wrap(Recorder& r, heap::ObjectId array, std::optional<std::pair<std::int32_t, std::int32_t>> range) {
  return nio::wrap(r, array, range);
}
JValue buffer_call(Recorder& r, heap::ObjectId buffer, std::string_view signature, std::span<const JValue> args) {
  return nio::call_buffer_method(r, buffer, signature, args);
}
bool is_buffer(const Machine& m, heap::ObjectId obj) { return nio::is_byte_buffer(m, obj); }
void system_gc(Recorder& r) { nio::system_gc(r); }
void gc_and_clean(Recorder& r) {
  nio::system_gc(r);
  nio::run_reference_handler(r);
}
namespace {
std::string pool_line(const char* name, const nio::PoolFigures& p) {
  return std::string(name) + ": count=" + std::to_string(p.count) + " used=" + std::to_string(p.memory_used) +
         " capacity=" + std::to_string(p.total_capacity) + "\n";
}
}  // namespace
std::string pools_text(const Machine& m) {
  return pool_line("direct", nio::direct_pool(m)) + pool_line("mapped", nio::mapped_pool(m));
}

#else  // the machine's ByteBuffers are not in this build yet

namespace {
[[noreturn]] void unavailable() {
  // The checker rejects every buffer call first; reaching this is a heapviz bug, reported as one.
  throw JavaException{JavaThrowable{"java.lang.UnsupportedOperationException",
                                    std::string("ByteBuffers are not simulated in this build of heapviz")}};
}
}  // namespace

bool machine_buffers_available() { return false; }
bool buffer_method_available(std::string_view) { return false; }
heap::ObjectId buffer_allocate(Recorder&, std::int32_t) { unavailable(); }
heap::ObjectId buffer_allocate_direct(Recorder&, std::int32_t) { unavailable(); }
heap::ObjectId buffer_wrap(Recorder&, heap::ObjectId, std::optional<std::pair<std::int32_t, std::int32_t>>) { unavailable(); }
JValue buffer_call(Recorder&, heap::ObjectId, std::string_view, std::span<const JValue>) { unavailable(); }
bool is_buffer(const Machine&, heap::ObjectId) { return false; }
void system_gc(Recorder& r) { heap::collect(r, heap::GcCause::system_gc); }
void gc_and_clean(Recorder& r) { heap::collect(r, heap::GcCause::system_gc); }
// No buffer can exist without the machine's ByteBuffers, so both pools are empty (as on the JDK).
std::string pools_text(const Machine&) {
  return "direct: count=0 used=0 capacity=0\nmapped: count=0 used=0 capacity=0\n";
}

#endif

}  // namespace heapviz::lang::interp
