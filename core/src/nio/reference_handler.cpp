// System.gc(), the Reference Handler running pending Cleaners (Deallocator.run: freeMemory, then
// Bits.unreserveMemory, each a step), and the BufferPoolMXBean figures (jdk-facts §1, §7).
#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/nio/buffer_invariants.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "heapviz/nio/nio_machine.hpp"

namespace heapviz::nio {

using namespace detail;
using heap::ObjectId;
using heap::SpaceId;

std::string detail::name_of(const NioMachine& m, ObjectId id) { return heap::describe(m, id); }

void system_gc(NioRecorder& r) {
  if (r.machine().nio_settings.disable_explicit_gc) {
    r.begin_step(StepKind::note);
    r.narrate(
        "System.gc() does nothing: -XX:+DisableExplicitGC. No GC runs, so no Cleaner of an unreachable "
        "direct buffer is "
        "found and its native memory stays reserved.",
        "System.gc() 什么也不做：-XX:+DisableExplicitGC。不运行 GC，不可达直接缓冲区的 Cleaner "
        "不会被发现，本地内存仍被占用。",
        "JVM_GC: if (!DisableExplicitGC) Universe::heap()->collect(GCCause::_java_lang_system_gc)");
    r.end_step();
    return;
  }
  heap::collect(r, heap::GcCause::system_gc);
}

namespace {

// Cleaner.remove(this): unlinks it from the static list; a removed Cleaner points at itself.
bool remove_cleaner(NioRecorder& r, ObjectId cl) {
  const NioMachine& m = r.machine();
  const ObjectId next = read_ref(m, cl, off::cleaner_next), prev = read_ref(m, cl, off::cleaner_prev);
  if (next == cl) return false;  // already removed (clean() runs at most once)
  const auto slot = m.roots.find(heap::RootKind::system, kCleanerScope, "first");
  const ObjectId first = slot ? heap::object_of_ref(m, m.roots.slots[*slot].value) : heap::kNoObject;
  if (first == cl) set_system_root(r, kCleanerScope, "first", next != heap::kNoObject ? next : prev);
  if (next != heap::kNoObject) write_ref(r, next, off::cleaner_prev, prev);
  if (prev != heap::kNoObject) write_ref(r, prev, off::cleaner_next, next);
  write_ref(r, cl, off::cleaner_next, cl);
  write_ref(r, cl, off::cleaner_prev, cl);
  return true;
}

// Deallocator.run(): freeMemory(base), address = 0, then Bits.unreserveMemory, as two steps.
void run_deallocator(NioRecorder& r, ObjectId thunk) {
  const NioMachine& m = r.machine();
  if (thunk == heap::kNoObject || m.heap.record(thunk).klass != heap::builtin::kDeallocator) return;
  const std::int64_t base = read_i64(m, thunk, off::dealloc_address);
  if (base == 0) return;  // Deallocator.run's "paranoia" check
  const std::int64_t size = read_i64(m, thunk, off::dealloc_size);
  const std::int32_t cap = read_i32(m, thunk, off::dealloc_capacity);
  r.begin_step(StepKind::native_free);
  r.apply(Effect{EffectKind::native_free, SpaceId::native, 0, 0, static_cast<std::uint64_t>(base), 0, 0});
  write_i64(r, thunk, off::dealloc_address, 0);
  if (r.recording()) {
    r.touch(thunk);
    r.touch_range(ByteRange{SpaceId::native, static_cast<std::uint64_t>(base),
                            static_cast<std::uint64_t>(base), static_cast<std::uint64_t>(size)});
    const bool by_mmap = static_cast<std::uint64_t>(size) >= kMmapThreshold;
    r.narrate("Deallocator.run(): Unsafe.freeMemory(" + hex(static_cast<std::uint64_t>(base)) +
                  ") gives the " + std::to_string(size) +
                  (by_mmap ? "-byte block back to the kernel: glibc served it with its own mmap (128 KiB or "
                             "more, M_MMAP_THRESHOLD), so free() calls munmap. Then address = 0."
                           : "-byte block back to malloc's free list. Then address = 0."),
              "Deallocator.run()：Unsafe.freeMemory(" + hex(static_cast<std::uint64_t>(base)) + ") 把 " +
                  std::to_string(size) +
                  (by_mmap ? " 字节的块还给内核：glibc 为它单独 mmap（不少于 128 KiB，M_MMAP_THRESHOLD），"
                             "所以 free() 调用 munmap。然后 address = 0。"
                           : " 字节的块还给 malloc 的空闲链表。然后 address = 0。"),
              "java.nio.DirectByteBuffer$Deallocator.run -> Unsafe.freeMemory -> os::free");
  }
  r.end_step();
  unreserve_memory_step(r, size, cap);
}

void run_cleaner(NioRecorder& r, ObjectId cl) {
  const NioMachine& m = r.machine();
  r.begin_step(StepKind::reference_handler);
  r.apply(Effect{EffectKind::pending_take, SpaceId::java_heap, 0, cl, 0, 0, 0});
  const bool removed = remove_cleaner(r, cl);
  const ObjectId thunk = read_ref(m, cl, off::cleaner_thunk);
  if (r.recording()) {
    const bool unmapper =
        thunk != heap::kNoObject && m.heap.record(thunk).klass != heap::builtin::kDeallocator;
    r.touch(cl);
    r.narrate(
        "The Reference Handler thread takes " + name_of(m, cl) +
            " off the pending list and calls clean() on it directly: "
            "it unlinks itself from Cleaner's list and runs its thunk " +
            name_of(m, thunk) +
            ".run(). Only now, after the GC, "
            "is " +
            (unmapper ? std::string("the file mapping removed.") : std::string("the native memory freed.")),
        "Reference Handler 线程从 pending 列表取出 " + name_of(m, cl) +
            " 并直接调用 clean()：它从 Cleaner 链表中摘下自己，然后运行 " + name_of(m, thunk) +
            ".run()。直到 GC 之后的此刻，" +
            (unmapper ? std::string("文件映射才被解除。") : std::string("本地内存才被释放。")),
        "java.lang.ref.Reference.processPendingReferences -> jdk.internal.ref.Cleaner.clean -> remove");
  }
  r.end_step();
  if (removed && !r.run_unmapper(thunk, "Reference Handler")) run_deallocator(r, thunk);
}

}  // namespace

void run_reference_handler(NioRecorder& r) {
  const NioMachine& m = r.machine();
  while (!m.heap.pending_references.empty()) {
    const ObjectId ref = m.heap.pending_references.front();
    if (m.heap.is_live(ref) && m.heap.record(ref).klass == heap::builtin::kCleaner) {
      run_cleaner(r, ref);
      continue;
    }
    r.begin_step(StepKind::reference_handler);
    r.apply(Effect{EffectKind::pending_take, SpaceId::java_heap, 0, ref, 0, 0, 0});
    r.narrate("The Reference Handler takes " + name_of(m, ref) +
                  " off the pending list and enqueues it on its ReferenceQueue (queues are "
                  "not simulated).",
              "Reference Handler 从 pending 列表取出 " + name_of(m, ref) +
                  " 并放入它的 ReferenceQueue（未模拟队列）。",
              "java.lang.ref.Reference.processPendingReferences -> enqueueFromPending");
    r.end_step();
  }
  if (m.heap_settings.verify_after_gc) {
    const std::vector<std::string> errs = check_direct_buffers(m);
    if (!errs.empty()) throw std::logic_error("VerifyAfterGC: " + errs.front());
  }
}

bool detail::wait_for_reference_processing(NioRecorder& r) {
  const NioMachine& m = r.machine();
  if (m.heap.pending_references.empty()) return false;
  r.begin_step(StepKind::bits_retry);
  r.narrate("Reference.waitForReferenceProcessing(): " + std::to_string(m.heap.pending_references.size()) +
                " reference(s) are pending, so Bits waits for the Reference Handler; its Cleaners may free "
                "direct memory.",
            "Reference.waitForReferenceProcessing()：有 " + std::to_string(m.heap.pending_references.size()) +
                " 个引用待处理，Bits 等待 Reference Handler；其中的 Cleaner 可能释放直接内存。",
            "java.lang.ref.Reference.waitForReferenceProcessing (JavaLangRefAccess)");
  r.end_step();
  run_reference_handler(r);
  return true;
}

namespace {

// cleaner.clean() on the calling thread (no GC, no Reference Handler): who calls it is `caller`, as the
// narration says it ("Unsafe.invokeCleaner(b)" or "Util.free(b)").
void clean_now(NioRecorder& r, ObjectId buffer, StepKind kind, const std::string& caller,
               const char* internals) {
  const NioMachine& m = r.machine();
  const ObjectId cl = read_ref(m, buffer, off::cleaner);
  if (cl == heap::kNoObject) return;
  r.begin_step(kind);
  const bool removed = remove_cleaner(r, cl);
  const ObjectId thunk = read_ref(m, cl, off::cleaner_thunk);
  if (r.recording()) {
    r.touch(buffer);
    r.touch(cl);
    r.narrate(
        caller + ": " + name_of(m, cl) + ".clean() runs now, on this thread" +
            (removed ? ": no GC and no Reference Handler needed." : ", but it already ran: nothing happens."),
        caller + "：" + name_of(m, cl) + ".clean() 立即在当前线程运行" +
            (removed ? "：无需 GC，也无需 Reference Handler。" : "，但它已运行过：什么也不做。"),
        internals);
  }
  r.end_step();
  if (removed && !r.run_unmapper(thunk, "main")) run_deallocator(r, thunk);
}

}  // namespace

void invoke_cleaner(NioRecorder& r, ObjectId buffer) {
  const NioMachine& m = r.machine();
  if (!is_byte_buffer(m, buffer) || !is_direct_klass(m, m.heap.record(buffer).klass))
    throw JavaException{JavaThrowable{"java.lang.IllegalArgumentException", "buffer is non-direct"}};
  if (read_ref(m, buffer, off::att) != heap::kNoObject)
    throw JavaException{JavaThrowable{"java.lang.IllegalArgumentException", "duplicate or slice"}};
  clean_now(r, buffer, StepKind::buffer_op, "Unsafe.invokeCleaner(" + name_of(m, buffer) + ")",
            "sun.misc.Unsafe.invokeCleaner -> jdk.internal.misc.Unsafe.invokeCleaner -> Cleaner.clean");
}

void util_free(NioRecorder& r, ObjectId buffer) {
  clean_now(r, buffer, StepKind::temp_buffer_free, "Util.free(" + name_of(r.machine(), buffer) + ")",
            "sun.nio.ch.Util.free -> ((DirectBuffer) buf).cleaner().clean() -> Cleaner.remove, thunk.run");
}

PoolFigures direct_pool(const NioMachine& m) {
  return PoolFigures{m.bits.count, m.bits.reserved_memory, m.bits.total_capacity};
}
PoolFigures mapped_pool(const NioMachine& m) {
  return PoolFigures{m.mapped.count, m.mapped.memory_used, m.mapped.total_capacity};
}

}  // namespace heapviz::nio
