#include "interp_buffers.hpp"

#include <string>

#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/io/mapped_buffers.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "heapviz/nio/typed_views.hpp"

namespace heapviz::lang::interp {

bool machine_buffers_available() { return true; }
bool buffer_method_available(std::string_view signature) { return nio::supports_buffer_method(signature); }
bool view_method_available(std::string_view cls, std::string_view signature) {
  return nio::supports_view_method(cls == "LongBuffer" ? nio::ViewElement::Long : nio::ViewElement::Int,
                                   signature);
}
heap::ObjectId buffer_allocate(Recorder& r, std::int32_t capacity) { return nio::allocate(r, capacity); }
heap::ObjectId buffer_allocate_direct(Recorder& r, std::int32_t capacity) {
  return nio::allocate_direct(r, capacity);
}
heap::ObjectId buffer_wrap(Recorder& r, heap::ObjectId array,
                           std::optional<std::pair<std::int32_t, std::int32_t>> range) {
  return nio::wrap(r, array, range);
}
JValue buffer_call(Recorder& r, heap::ObjectId buffer, std::string_view signature,
                   std::span<const JValue> args) {
  return nio::call_buffer_method(r, buffer, signature, args);
}
bool is_buffer(const Machine& m, heap::ObjectId obj) { return nio::is_byte_buffer(m, obj); }
bool is_view(const Machine& m, heap::ObjectId obj) { return nio::is_typed_view(m, obj); }
JValue mapped_call(Recorder& r, heap::ObjectId buffer, std::string_view signature) {
  if (signature == "isLoaded()") return nio::mapped_is_loaded(r, buffer);
  if (signature == "force()")
    nio::mapped_force(r, buffer);
  else
    nio::mapped_load(r, buffer);
  return JRef{buffer};
}
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

}  // namespace heapviz::lang::interp
