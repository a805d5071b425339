// ByteBuffer.allocateDirect: the DirectByteBuffer constructor in JDK 17 order, each part a step
// (jdk-facts §1, §2): Bits.reserveMemory (with its wait / System.gc() / back-off path),
// Unsafe.allocateMemory, Unsafe.setMemory, page alignment, Cleaner.create(this, new Deallocator(...)).
#include <algorithm>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "heapviz/nio/nio_machine.hpp"
#include "heapviz/nio/unsafe_memory.hpp"

namespace heapviz::nio {

using namespace detail;
using heap::ObjectId;
using heap::SpaceId;

namespace {

constexpr std::string_view kInit = "main/DirectByteBuffer.<init>";
constexpr int kMaxSleeps = 9;  // Bits.MAX_SLEEPS

// tryReserveMemory as one step: bits_reserve on success, bits_retry when cap does not fit.
bool try_reserve(NioRecorder& r, std::int64_t size, std::int64_t cap, const std::string& why_en,
                 const std::string& why_zh) {
  const NioMachine& m = r.machine();
  const bool fits = cap <= m.bits.max_memory - m.bits.total_capacity;
  r.begin_step(fits ? StepKind::bits_reserve : StepKind::bits_retry);
  if (!m.bits.memory_limit_set) {
    // The first reserveMemory re-reads VM.maxDirectMemory() (MEMORY_LIMIT_SET).
    r.apply(Effect{EffectKind::bits_limit, SpaceId::java_heap, 0, 0,
                   static_cast<std::uint64_t>(m.bits.max_memory), 0, 0});
  }
  if (fits) {
    r.apply(Effect{EffectKind::bits_add, SpaceId::java_heap, static_cast<std::uint16_t>(PoolId::direct), 0, 1,
                   static_cast<std::uint64_t>(size), static_cast<std::uint64_t>(cap)});
  }
  if (r.recording()) {
    const std::string figures = "count " + std::to_string(m.bits.count) + ", memoryUsed " +
                                std::to_string(m.bits.reserved_memory) + ", totalCapacity " +
                                std::to_string(m.bits.total_capacity) + ", limit " +
                                std::to_string(m.bits.max_memory);
    if (fits) {
      r.narrate(
          why_en + "Bits.reserveMemory(" + std::to_string(size) + ", " + std::to_string(cap) +
              ") succeeds: capacity " + std::to_string(cap) +
              " fits under the limit, so the direct pool now has " + figures +
              ". Nothing is allocated yet: this is only bookkeeping.",
          why_zh + "Bits.reserveMemory(" + std::to_string(size) + ", " + std::to_string(cap) +
              ") 成功：容量 " + std::to_string(cap) + " 没有超过上限，direct 池现在为 " + figures +
              "。此时还没有分配内存，只是记账。",
          "java.nio.Bits.reserveMemory -> tryReserveMemory (CAS on TOTAL_CAPACITY, RESERVED_MEMORY, COUNT)");
    } else {
      r.narrate(why_en + "Bits.tryReserveMemory(" + std::to_string(size) + ", " + std::to_string(cap) +
                    ") fails: " + std::to_string(m.bits.total_capacity) + " + " + std::to_string(cap) +
                    " would exceed the limit " + std::to_string(m.bits.max_memory) +
                    " (MaxDirectMemorySize limits total capacity).",
                why_zh + "Bits.tryReserveMemory(" + std::to_string(size) + ", " + std::to_string(cap) +
                    ") 失败：" + std::to_string(m.bits.total_capacity) + " + " + std::to_string(cap) +
                    " 会超过上限 " + std::to_string(m.bits.max_memory) +
                    "（MaxDirectMemorySize 限制的是总容量）。",
                "java.nio.Bits.tryReserveMemory");
    }
  }
  r.end_step();
  return fits;
}

void sleep_step(NioRecorder& r, std::int64_t ms, int sleeps) {
  r.begin_step(StepKind::bits_retry);
  r.apply(Effect{EffectKind::clock_advance, SpaceId::java_heap, 0, 0, static_cast<std::uint64_t>(ms), 0, 0});
  if (r.recording())
    r.narrate("Nothing is pending for the Reference Handler: Bits sleeps " + std::to_string(ms) +
                  " ms (sleep " + std::to_string(sleeps + 1) + " of at most 9; simulated clock " +
                  std::to_string(r.machine().clock_ms) + " ms) and tries again.",
              "Reference Handler 没有待处理的引用：Bits 休眠 " + std::to_string(ms) + " 毫秒（第 " +
                  std::to_string(sleeps + 1) + " 次，最多 9 次；模拟时钟 " +
                  std::to_string(r.machine().clock_ms) + " 毫秒），然后重试。",
              "java.nio.Bits.reserveMemory -> Thread.sleep(sleepTime); sleepTime <<= 1");
  r.end_step();
}

[[noreturn]] void throw_direct_oom(NioRecorder& r, std::string message, std::string en, std::string zh,
                                   std::string internals) {
  r.begin_step(StepKind::direct_oom);
  if (r.recording())
    r.narrate("java.lang.OutOfMemoryError: " + message + ". " + en,
              "java.lang.OutOfMemoryError: " + message + "。" + zh, std::move(internals));
  r.end_step();
  throw JavaException{JavaThrowable{"java.lang.OutOfMemoryError", std::move(message)}};
}

// Bits.reserveMemory(size, cap): optimist try, then wait for reference processing while it helps,
// then System.gc(), then up to 9 sleeps (1..256 ms) with retries, then OutOfMemoryError.
void reserve_memory(NioRecorder& r, std::int64_t size, std::int64_t cap) {
  if (try_reserve(r, size, cap, "", "")) return;
  bool refproc_active = false;
  do {
    refproc_active = wait_for_reference_processing(r);
    if (try_reserve(
            r, size, cap,
            refproc_active ? "Retry after the Reference Handler ran: "
                           : "Reference.waitForReferenceProcessing(): nothing is pending; retry once more: ",
            refproc_active ? "Reference Handler 运行之后重试："
                           : "Reference.waitForReferenceProcessing()：没有待处理的引用；再试一次：")) {
      return;
    }
  } while (refproc_active);
  system_gc(r);
  std::int64_t sleep_time = 1;
  for (int sleeps = 0;;) {
    if (try_reserve(r, size, cap, sleeps == 0 ? "Retry after System.gc(): " : "Retry after sleeping: ",
                    sleeps == 0 ? "System.gc() 之后重试：" : "休眠之后重试：")) {
      return;
    }
    if (sleeps >= kMaxSleeps) break;
    if (!wait_for_reference_processing(r)) {
      sleep_step(r, sleep_time, sleeps);
      sleep_time <<= 1;
      ++sleeps;
    }
  }
  const NioMachine& m = r.machine();
  throw_direct_oom(r,
                   "Cannot reserve " + std::to_string(size) + " bytes of direct buffer memory (allocated: " +
                       std::to_string(m.bits.reserved_memory) +
                       ", limit: " + std::to_string(m.bits.max_memory) + ")",
                   "After a GC and " + std::to_string(m.clock_ms) +
                       " ms of simulated back-off the reservation still does not fit.",
                   "经过一次 GC 和模拟的退避等待后，预留仍然放不下。",
                   "java.nio.Bits.reserveMemory <- java.nio.DirectByteBuffer.<init>");
}

void unreserve_step(NioRecorder& r, std::int64_t size, std::int64_t cap, const std::string& why_en,
                    const std::string& why_zh) {
  const NioMachine& m = r.machine();
  r.begin_step(StepKind::bits_unreserve);
  r.apply(Effect{EffectKind::bits_add, SpaceId::java_heap, static_cast<std::uint16_t>(PoolId::direct), 0,
                 ~std::uint64_t{0}, static_cast<std::uint64_t>(-size), static_cast<std::uint64_t>(-cap)});
  if (r.recording())
    r.narrate(why_en + "Bits.unreserveMemory(" + std::to_string(size) + ", " + std::to_string(cap) +
                  "): the direct pool drops to count " + std::to_string(m.bits.count) + ", memoryUsed " +
                  std::to_string(m.bits.reserved_memory) + ", totalCapacity " +
                  std::to_string(m.bits.total_capacity) + ".",
              why_zh + "Bits.unreserveMemory(" + std::to_string(size) + ", " + std::to_string(cap) +
                  ")：direct 池降为 count " + std::to_string(m.bits.count) + "，memoryUsed " +
                  std::to_string(m.bits.reserved_memory) + "，totalCapacity " +
                  std::to_string(m.bits.total_capacity) + "。",
              "java.nio.Bits.unreserveMemory");
  r.end_step();
}

}  // namespace

void detail::unreserve_memory_step(NioRecorder& r, std::int64_t size, std::int64_t cap) {
  unreserve_step(r, size, cap, "", "");
}

ObjectId allocate_direct(NioRecorder& r, std::int32_t capacity) {
  const NioMachine& m = r.machine();
  const ObjectId self = heap::new_instance(r, heap::builtin::kDirectByteBuffer);
  const std::string d = name_of(m, self);
  BufferState s;
  try {
    s = nio::allocate_direct(capacity);  // Buffer's constructor: capacity < 0 -> IllegalArgumentException
  } catch (const JavaException& e) {
    r.begin_step(StepKind::buffer_op);
    r.narrate(d + ": the Buffer constructor rejects capacity " + std::to_string(capacity) + ": " +
                  e.throwable.to_string() + ". The half-built object is garbage.",
              d + "：Buffer 构造器拒绝容量 " + std::to_string(capacity) + "：" + e.throwable.to_string() +
                  "。构造了一半的对象成为垃圾。",
              "java.nio.Buffer.<init> -> createCapacityException");
    r.end_step();
    throw;
  }
  const bool pa = m.nio_settings.page_align_direct;
  const std::int64_t ps = static_cast<std::int64_t>(m.nio_settings.page_size);
  const std::int64_t size = std::max<std::int64_t>(1, std::int64_t{capacity} + (pa ? ps : 0));

  r.begin_step(StepKind::buffer_op);
  hold(r, kInit, "this", self);
  init_fields(r, self, s, heap::kNoObject, 0);
  write_i64(r, self, off::address, 0);
  r.touch(self);
  r.narrate(d + ": DirectByteBuffer(" + std::to_string(capacity) + ") starts with super(-1, 0, " +
                std::to_string(capacity) + ", " + std::to_string(capacity) +
                "): mark -1, position 0, limit and capacity " + std::to_string(capacity) + ". It will need " +
                text::bytes(size) + " of native memory" +
                (pa              ? " (capacity + one page: -Dsun.nio.PageAlignDirectMemory=true)"
                 : capacity == 0 ? " (at least 1)"
                                 : "") +
                ".",
            d + "：DirectByteBuffer(" + std::to_string(capacity) + ") 先执行 super(-1, 0, " +
                std::to_string(capacity) + ", " + std::to_string(capacity) +
                ")：mark -1，position 0，limit 与 capacity 为 " + std::to_string(capacity) + "。它需要 " +
                std::to_string(size) + " 字节本地内存" +
                (pa              ? "（容量 + 一页：页对齐）"
                 : capacity == 0 ? "（至少 1 字节）"
                                 : "") +
                "。",
            "java.nio.DirectByteBuffer.<init>(int) -> MappedByteBuffer.<init> -> Buffer.<init>");
  r.end_step();

  try {
    reserve_memory(r, size, capacity);

    // Unsafe.allocateMemory: rounded up to 8, then os::malloc.
    const std::int64_t rounded = align_to_heap_word_size(size);
    const NativeAddress base = m.native.would_malloc(static_cast<std::uint64_t>(rounded));
    if (base == 0) {
      r.begin_step(StepKind::direct_oom);
      r.narrate(
          "malloc(" + std::to_string(rounded) +
              ") fails: the native heap has no room. Unsafe.allocateMemory throws "
              "OutOfMemoryError(\"Unable to allocate " +
              std::to_string(rounded) +
              " bytes\"); the constructor first gives back "
              "its reservation.",
          "malloc(" + std::to_string(rounded) +
              ") 失败：本地堆没有空间。Unsafe.allocateMemory 抛出 OutOfMemoryError(\"Unable to allocate " +
              std::to_string(rounded) + " bytes\")；构造器先归还预留。",
          "jdk.internal.misc.Unsafe.allocateMemory -> os::malloc returned NULL");
      r.end_step();
      unreserve_step(r, size, capacity, "", "");
      throw JavaException{JavaThrowable{"java.lang.OutOfMemoryError",
                                        "Unable to allocate " + std::to_string(rounded) + " bytes"}};
    }
    r.begin_step(StepKind::native_alloc);
    r.apply(Effect{EffectKind::native_malloc, SpaceId::native, 0, 0, static_cast<std::uint64_t>(rounded),
                   base, 0});
    if (r.recording()) {
      const NativeBlock* b = m.native.find(base);
      const bool by_mmap = static_cast<std::uint64_t>(rounded) >= kMmapThreshold;
      r.touch(self);
      r.touch_range(ByteRange{SpaceId::native, base, base, static_cast<std::uint64_t>(rounded)});
      r.narrate(
          "Unsafe.allocateMemory(" + std::to_string(size) + ") rounds up to " + std::to_string(rounded) +
              " and calls malloc: base = " + hex(base) +
              " in native memory, outside the Java heap (chunk of " + text::bytes(b ? b->chunk_size : 0) +
              " with its 8-byte header). The GC never moves it." +
              (by_mmap
                   ? std::string(" At 128 KiB or more (glibc's M_MMAP_THRESHOLD) malloc gets these bytes "
                                 "from the kernel with a mmap of their own; heapviz draws them in the same "
                                 "native lane.")
                   : std::string()),
          "Unsafe.allocateMemory(" + std::to_string(size) + ") 向上取整为 " + std::to_string(rounded) +
              " 并调用 malloc：base = " + hex(base) + "，位于 Java 堆之外的本地内存（含 8 字节头的 " +
              std::to_string(b ? b->chunk_size : 0) + " 字节块）。GC 从不移动它。" +
              (by_mmap ? std::string("达到 128 KiB（glibc 的 M_MMAP_THRESHOLD）时，malloc 用单独的 mmap "
                                     "向内核要这些字节；heapviz 仍把它画在同一条本地内存通道里。")
                       : std::string()),
          "jdk.internal.misc.Unsafe.allocateMemory -> Unsafe_AllocateMemory0 -> os::malloc (NMT: Other)");
    }
    r.end_step();

    r.begin_step(StepKind::native_zero);
    r.apply(
        Effect{EffectKind::native_fill, SpaceId::native, 0, 0, base, static_cast<std::uint64_t>(size), 0});
    if (!pa) write_i64(r, self, off::address, static_cast<std::int64_t>(base));
    if (r.recording()) {
      r.touch(self);
      r.touch_range(ByteRange{SpaceId::native, base, base, static_cast<std::uint64_t>(size)});
      r.narrate("Unsafe.setMemory(base, " + std::to_string(size) +
                    ", 0): the new memory is zeroed (malloc may return old bytes)" +
                    (pa ? "." : "; then address = base = " + hex(base) + "."),
                "Unsafe.setMemory(base, " + std::to_string(size) +
                    ", 0)：把新内存清零（malloc 可能返回旧字节）" +
                    (pa ? "。" : "；然后 address = base = " + hex(base) + "。"),
                "jdk.internal.misc.Unsafe.setMemory -> Copy::fill_to_memory_atomic");
    }
    r.end_step();

    if (pa) {
      const std::uint64_t p = static_cast<std::uint64_t>(ps);
      const std::uint64_t address = base % p != 0 ? base + p - (base & (p - 1)) : base;
      r.begin_step(StepKind::address_align);
      write_i64(r, self, off::address, static_cast<std::int64_t>(address));
      if (r.recording()) {
        r.touch(self);
        r.narrate("Page alignment: address = " + hex(base) +
                      " rounded up to the next page = " + hex(address) + ". The " +
                      text::bytes(address - base) + " before it are wasted; Bits counted " +
                      text::bytes(size) + " (capacity + " + std::to_string(p) + ").",
                  "页对齐：address = " + hex(base) + " 向上取整到下一页 = " + hex(address) + "。前面 " +
                      std::to_string(address - base) + " 字节被浪费；Bits 记了 " + std::to_string(size) +
                      " 字节（容量 + " + std::to_string(p) + "）。",
                  "java.nio.DirectByteBuffer.<init>: if (pa && (base % ps != 0)) address = base + ps - (base "
                  "& (ps - 1))");
      }
      r.end_step();
    }

    // Cleaner.create(this, new Deallocator(base, size, cap))
    const ObjectId dealloc = heap::new_instance(r, heap::builtin::kDeallocator);
    r.begin_step(StepKind::field_store);
    hold(r, kInit, "deallocator", dealloc);
    write_i64(r, dealloc, off::dealloc_address, static_cast<std::int64_t>(base));
    write_i64(r, dealloc, off::dealloc_size, size);
    write_i32(r, dealloc, off::dealloc_capacity, capacity);
    if (r.recording()) {
      r.touch(dealloc);
      r.narrate("new Deallocator(" + hex(base) + ", " + std::to_string(size) + ", " +
                    std::to_string(capacity) + ") = " + name_of(m, dealloc) +
                    ": it remembers the base address, the size and the capacity, everything needed to free "
                    "the memory later.",
                "new Deallocator(" + hex(base) + ", " + std::to_string(size) + ", " +
                    std::to_string(capacity) + ") = " + name_of(m, dealloc) +
                    "：它记住 base 地址、大小和容量，以后释放内存所需的一切。",
                "java.nio.DirectByteBuffer$Deallocator.<init>");
    }
    r.end_step();

    const ObjectId cleaner = heap::new_instance(r, heap::builtin::kCleaner);
    r.begin_step(StepKind::cleaner_create);
    link_new_cleaner(r, cleaner, self, dealloc);
    release(r, kInit);
    if (r.recording()) {
      r.touch(self);
      r.touch(cleaner);
      r.touch(dealloc);
      r.narrate("Cleaner.create(this, deallocator) = " + name_of(m, cleaner) + ": a PhantomReference to " +
                    d +
                    " (it does not keep the buffer alive), linked at the head of Cleaner's static list "
                    "(Cleaner.first), which keeps "
                    "the Cleaner and its Deallocator alive. When " +
                    d +
                    " becomes unreachable, a GC puts the Cleaner on the pending "
                    "list and the Reference Handler frees the native memory.",
                "Cleaner.create(this, deallocator) = " + name_of(m, cleaner) + "：指向 " + d +
                    " 的虚引用（不会让缓冲区存活），插入 Cleaner 静态链表的表头（Cleaner.first），链表让 "
                    "Cleaner 和 Deallocator 存活。当 " +
                    d + " 不可达时，GC 把 Cleaner 放入 pending 列表，由 Reference Handler 释放本地内存。",
                "jdk.internal.ref.Cleaner.create -> Cleaner.add (static doubly linked list)");
    }
    r.end_step();
  } catch (const JavaException&) {
    heap::drop_frame(r, kInit);  // the exception pops the constructor's frame: its locals are no longer roots
    throw;
  }
  return self;
}

}  // namespace heapviz::nio
