// Lesson 06's heap-address writes on the machine: the hypothetical race and the JNI-critical pinning.
#include "heapviz/io/machine_heap_write.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "heapviz/heap/text_format.hpp"
#include "heapviz/io/io_machine.hpp"
#include "heapviz/io/io_ranges.hpp"
#include "heapviz/io/io_spaces.hpp"
#include "heapviz/io/machine_io.hpp"
#include "heapviz/nio/byte_buffer.hpp"

namespace heapviz::io::on_machine {

namespace {

/// The other Java thread whose allocation needs the GC (it exists only in these two scenarios).
constexpr const char* kOtherThread = "worker";

using text::hex;

std::string num(std::int64_t v) { return std::to_string(v); }

/// Restores the recorder's narration label when the scenario ends, also when it throws.
class LabelGuard {
 public:
  LabelGuard(IoRecorder& r, HeapWriteMode mode) : r_(r) {
    r_.set_narration_prefix(heap_write_label_en(mode), heap_write_label_zh(mode));
  }
  ~LabelGuard() { r_.set_narration_prefix("", ""); }
  LabelGuard(const LabelGuard&) = delete;
  LabelGuard& operator=(const LabelGuard&) = delete;

 private:
  IoRecorder& r_;
};

/// Publishes `state` as the machine's io state inside one step of `kind`.
void publish(IoRecorder& r, const IoSpaces& state, StepKind kind, const Narration& text,
             const std::vector<ByteRange>& ranges = {}, const std::vector<heap::ObjectId>& objects = {}) {
  r.begin_step(kind);
  for (const heap::ObjectId id : objects) r.touch(id);
  for (const ByteRange& b : ranges) r.touch_range(b);
  r.narrate(text.en, text.zh, text.internals);
  on_machine::publish_io_state(r, state);
  r.end_step();
}

std::vector<std::uint8_t> heap_bytes(const IoMachine& m, std::uint64_t addr, std::int64_t n) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(n));
  m.heap.space.read(addr, out.data(), out.size());
  return out;
}

/// The live objects overlapping [addr, addr+len) of the Java heap now, as (address, id) in address order.
std::vector<std::pair<std::uint64_t, heap::ObjectId>> objects_in(const IoMachine& m, std::uint64_t addr,
                                                                 std::int64_t len) {
  const std::uint64_t end = addr + static_cast<std::uint64_t>(len);
  std::vector<std::pair<std::uint64_t, heap::ObjectId>> found;
  for (heap::ObjectId id = 1; id < m.heap.objects.size(); ++id) {
    if (!m.heap.is_live(id)) continue;
    const heap::ObjectRecord& rec = m.heap.record(id);
    if (rec.addr < end && rec.addr + rec.size > addr) found.emplace_back(rec.addr, id);
  }
  std::sort(found.begin(), found.end());
  return found;
}

/// A chunk's copy as the map draws it: Java heap (the address read) -> the page-cache bytes of those file
/// offsets, page by page (the kernel's write record names the user address; it is heap, not native memory).
std::vector<ByteRange> chunk_ranges(const KernelSpace& kernel, const SyscallRecord& call,
                                    std::uint64_t read_from, std::int64_t length) {
  std::vector<ByteRange> out = syscall_ranges(kernel, call);
  for (ByteRange& b : out)
    if (b.space == heap::SpaceId::native) b.space = heap::SpaceId::java_heap;
  if (out.empty())
    out.push_back(
        ByteRange{heap::SpaceId::java_heap, read_from, read_from, static_cast<std::uint64_t>(length)});
  return out;
}

/// What lives in [addr, addr+len) of the Java heap now, in address order, en and zh.
std::pair<std::string, std::string> describe_range(const IoMachine& m, std::uint64_t addr, std::int64_t len,
                                                   heap::ObjectId array) {
  const std::uint64_t end = addr + static_cast<std::uint64_t>(len);
  const auto found = objects_in(m, addr, len);
  std::string en, zh;
  std::uint64_t covered = addr;
  for (const auto& [a, id] : found) {
    const heap::ObjectRecord& rec = m.heap.record(id);
    if (!en.empty()) {
      en += ", then ";
      zh += "，然后是";
    }
    if (id == array) {
      en += "later bytes of the same " + heap::describe(m, id) + " (it slid down)";
      zh += "同一个 " + heap::describe(m, id) + " 后面的字节（它滑下来了）";
    } else {
      const bool header = a >= addr;
      en += (header ? "the header and contents of " : "the end of ") + heap::describe(m, id);
      zh += heap::describe(m, id) + (header ? " 的对象头和内容" : " 的尾部");
    }
    covered = std::max<std::uint64_t>(covered, rec.addr + rec.size);
  }
  if (covered < end) {
    if (!en.empty()) {
      en += ", then ";
      zh += "，然后是";
    }
    en += "free space that still holds stale bytes";
    zh += "仍留着旧字节的空闲空间";
  }
  return {en, zh};
}

/// The scenario's working state: the io copy being published, the chunks, the bytes.
struct Run {
  IoRecorder& r;
  HeapWriteMode mode;
  IoSpaces work;
  Fd fd = -1;
  heap::ObjectId array = heap::kNoObject;
  std::int64_t element = 0;            ///< the array index the write starts at (offset + position)
  std::vector<std::uint8_t> expected;  ///< the array's bytes when write() was called
  std::vector<std::uint8_t> received;  ///< what the kernel copied so far
  bool first_call = true;

  HeapAddressWrite& hw() { return *work.heap_write; }
  std::uint64_t array_address_now() const {
    return r.machine().heap.record(array).addr + heap::layout::kArrayHeader +
           static_cast<std::uint64_t>(element);
  }

  /// The kernel copies chunk `i` from the address it was given; the step shows what it read.
  void copy_chunk(std::size_t i) {
    HeapWriteChunk& c = hw().chunks[i];
    const std::vector<std::uint8_t> bytes = heap_bytes(r.machine(), c.read_from, c.length);
    std::vector<std::byte> data(bytes.size());
    std::transform(bytes.begin(), bytes.end(), data.begin(), [](std::uint8_t b) { return std::byte{b}; });
    const SyscallRecord call = work.kernel.write(fd, c.read_from, data);
    account(work.counters, call);
    if (!first_call) --work.counters.syscalls[call.name];  // one write(2), copied in pieces
    if (first_call) hw().file_offset = call.file_offset;
    first_call = false;
    received.insert(received.end(), bytes.begin(), bytes.end());
    c.copied = true;
    c.after_gc = hw().gc_ran;
    const auto* want = expected.data() + c.offset;
    for (std::size_t k = 0; k < bytes.size(); ++k) c.wrong += want[k] != bytes[k] ? 1 : 0;
    hw().array_now = array_address_now();
    c.stale = c.read_from != hw().array_now + static_cast<std::uint64_t>(c.offset);
    hw().wrong = wrong_runs(std::span(expected).first(received.size()), received, 0, hw().address_given,
                            hw().array_now);
    hw().wrong_bytes = 0;
    hw().wrong_cached.clear();
    const FileId file = work.kernel.fd(fd)->file;
    for (const WrongBytes& w : hw().wrong) {
      hw().wrong_bytes += w.length;
      std::int64_t off = w.offset;  // page_cache_ranges gives the pieces in file order
      for (const ByteRange& p : page_cache_ranges(work.kernel, file, hw().file_offset + w.offset, w.length)) {
        hw().wrong_cached.push_back(CachedBytes{off, static_cast<std::int64_t>(p.length), p.from});
        off += static_cast<std::int64_t>(p.length);
      }
    }
    // The objects the kernel read (after a move: whatever lies at the old address now), and the array itself.
    std::vector<heap::ObjectId> objects{array};
    for (const auto& [a, id] : objects_in(r.machine(), c.read_from, c.length))
      if (id != array) objects.push_back(id);
    publish(r, work, StepKind::syscall, chunk_text(c, i),
            chunk_ranges(work.kernel, call, c.read_from, c.length), objects);
  }

  Narration chunk_text(const HeapWriteChunk& c, std::size_t i) const {
    const std::string which = num(static_cast<std::int64_t>(i) + 1) + "/" +
                              num(static_cast<std::int64_t>(hw_const().chunks.size()));
    const std::string en_head = "Chunk " + num(static_cast<std::int64_t>(i) + 1) + " of " +
                                num(static_cast<std::int64_t>(hw_const().chunks.size())) +
                                ": the kernel copies bytes " + num(c.offset) + "-" +
                                num(c.offset + c.length - 1) + " from " + hex(c.read_from);
    const std::string zh_head = "第 " + which + " 块：内核从 " + hex(c.read_from) + " 拷贝第 " +
                                num(c.offset) + "-" + num(c.offset + c.length - 1) + " 字节";
    const std::string internals = "copy_from_user, one piece of write(fd, " + hex(hw_const().address_given) +
                                  ", " + num(hw_const().length) + ")";
    const std::uint64_t now = hw_const().array_now + static_cast<std::uint64_t>(c.offset);
    if (now == c.read_from) {
      if (mode == HeapWriteMode::pin_heap_array && hw_const().gc_waiting)
        return {en_head + ". The array has not moved (the GC is waiting): these bytes are right.",
                zh_head + "。数组没有移动（GC 在等待）：这些字节是对的。", internals};
      if (!hw_const().gc_ran)
        return {en_head + ". The array is still there: these bytes are right.",
                zh_head + "。数组还在原处：这些字节是对的。", internals};
      if (r.machine().heap_settings.collector == heap::Collector::mark_sweep)
        return {
            en_head +
                ". The non-moving mark-sweep collector left the array where it was, so these bytes are "
                "right; a "
                "compacting collector would have moved it.",
            zh_head +
                "。不移动对象的标记-清除收集器让数组留在原处，所以这些字节是对的；压缩式收集器就会移动它。",
            internals};
      return {en_head +
                  ". The GC did not move the array (nothing below it was reclaimed), so these bytes are "
                  "right, by luck.",
              zh_head + "。GC 没有移动这个数组（它下面没有可回收的空间），所以这些字节碰巧是对的。",
              internals};
    }
    const auto [what_en, what_zh] = describe_range(r.machine(), c.read_from, c.length, array);
    const std::uint64_t moved_by = c.read_from - now;
    return {en_head + ", the old address, but the GC moved the array: its data now starts at " +
                hex(hw_const().array_now) + " (down by " + num(static_cast<std::int64_t>(moved_by)) +
                " bytes). At the old address there is now: " + what_en + ". " + num(c.wrong) + " of these " +
                num(c.length) + " bytes are wrong.",
            zh_head + "——这是旧地址，而 GC 已移动了数组：它的数据现在从 " + hex(hw_const().array_now) +
                " 开始（向低地址移动了 " + num(static_cast<std::int64_t>(moved_by)) +
                " 字节）。旧地址处现在是：" + what_zh + "。这 " + num(c.length) + " 个字节中有 " +
                num(c.wrong) + " 个是错的。",
            internals};
  }
  const HeapAddressWrite& hw_const() const { return *work.heap_write; }
};

void os_reads_heap(Run& run) {
  IoRecorder& r = run.r;
  const HeapAddressWrite& w = run.hw();
  const std::string n = num(w.length), chunks = num(static_cast<std::int64_t>(w.chunks.size())),
                    piece = num(w.chunks[0].length);
  publish(
      r, run.work, StepKind::syscall,
      {"FileChannel.write hands the kernel the byte[]'s own heap address, with no bounce copy: write(fd, " +
           hex(w.address_given) + ", " + n + "). The kernel copies the bytes into the page cache in " +
           chunks + " chunks of " + piece + ".",
       "FileChannel.write 不做中转复制，直接把 byte[] 在堆上的地址交给内核：write(fd, " +
           hex(w.address_given) + ", " + n + ")。内核分 " + chunks + " 块、每块 " + piece +
           " 字节拷进页缓存。",
       "hypothetical: write(fd, <address inside a byte[] in the Java heap>, n); the real "
       "sun.nio.ch.IOUtil.write first copies into a "
       "temporary direct buffer"},
      {ByteRange{heap::SpaceId::java_heap, w.address_given, w.address_given,
                 static_cast<std::uint64_t>(w.length)}});
  for (std::size_t i = 0; i < run.hw().chunks.size(); ++i) {
    if (static_cast<int>(i) == kHeapWriteGcAfterChunks) {
      publish(r, run.work, StepKind::alloc_failed,
              {"Meanwhile another thread's allocation fails and needs a GC (in a real program its young "
               "generation is full; heapviz "
               "does not draw that thread). The writing thread is inside a system call (in native code), "
               "which does not hold up a "
               "safepoint, so the GC runs now, in the middle of the copy.",
               "与此同时，另一个线程分配失败，需要 GC（真实程序里是它的年轻代满了；heapviz "
               "没有画出这个线程）。写文件的线程正在系统调用里"
               "（处于 native 状态），不会阻挡安全点，所以 GC 现在就运行——就在拷贝进行到一半时。",
               "SafepointSynchronize: a thread _thread_in_native is safepoint-safe; the VM thread runs the "
               "collection"});
      heap::collect(r, heap::GcCause::allocation_failure);
      run.hw().gc_ran = true;
      run.hw().array_now = run.array_address_now();
    }
    run.copy_chunk(i);
  }
  run.hw().finished = true;
  const std::string wrong = num(run.hw().wrong_bytes);
  const bool bad = run.hw().wrong_bytes > 0;
  publish(r, run.work, StepKind::syscall,
          {"write returns " + n + ": the kernel reports success, yet " + wrong + " of the " + n +
               " bytes in " + w.file + " are wrong" +
               (bad ? ": they came from the array's old address."
                    : " (this time the GC did not move the array).") +
               " The JDK never takes this risk: it first copies heap bytes into a temporary direct buffer "
               "(the bounce copy), which no "
               "GC moves.",
           "write 返回 " + n + "：内核报告成功，但 " + w.file + " 里 " + n + " 个字节中有 " + wrong +
               " 个是错的" + (bad ? "：它们来自数组的旧地址。" : "（这次 GC 没有移动数组）。") +
               "JDK 从不冒这个险：它先把堆上的字节拷到临时直接缓冲区（中转复制），GC 不会移动它。",
           "hypothetical; the real answers: the bounce copy (sun.nio.ch.IOUtil.write -> "
           "Util.getTemporaryDirectBuffer) or pinning "
           "(GCLocker in a JNI critical region)"});
}

void pin_heap_array(Run& run, const std::string& thread) {
  IoRecorder& r = run.r;
  GcLocker& locker = run.work.gc_locker;
  locker.enter_critical(thread);
  run.hw().in_critical = true;
  const std::string n = num(run.hw().length);
  publish(r, run.work, StepKind::jni_critical,
          {"The native code calls GetPrimitiveArrayCritical: no copy, it gets the byte[]'s heap address " +
               hex(run.hw().address_given) + ". The thread is now in a JNI critical region (GCLocker: " +
               num(locker.jni_lock_count()) + " thread locked), so no GC may move the array until it leaves.",
           "本地代码调用 GetPrimitiveArrayCritical：不复制，直接拿到 byte[] 的堆地址 " +
               hex(run.hw().address_given) + "。线程进入 JNI 临界区（GCLocker：" +
               num(locker.jni_lock_count()) + " 个线程加锁），在它离开之前任何 GC 都不能移动这个数组。",
           "jni_GetPrimitiveArrayCritical -> lock_gc_or_pin_object -> GCLocker::lock_critical (Serial, "
           "Parallel, G1 and ZGC in JDK 17)"},
          {ByteRange{heap::SpaceId::java_heap, run.hw().address_given, run.hw().address_given,
                     static_cast<std::uint64_t>(run.hw().length)}});
  for (std::size_t i = 0; i < run.hw().chunks.size(); ++i) {
    if (static_cast<int>(i) == kHeapWriteGcAfterChunks) {
      locker.request_gc(heap::gc_cause_name(heap::GcCause::allocation_failure).data());
      locker.stall_allocation(kOtherThread);
      run.hw().gc_waiting = true;
      publish(r, run.work, StepKind::gc_locker_stall,
              {"Another thread's allocation fails and needs a GC. GCLocker is active, so the GC does not "
               "run: _needs_gc is set and "
               "the allocating thread stalls until the critical region ends. GC locker: the GC waits.",
               "另一个线程分配失败，需要 GC。GCLocker 处于激活状态，所以 GC 不运行：设置 "
               "_needs_gc，分配线程停下来，等临界区结束。"
               "GC locker：GC 在等待。",
               "GCLocker::check_active_before_gc -> _needs_gc = true; GCLocker::stall_until_clear "
               "(\"Allocation failed. Thread stalled "
               "by JNI critical section.\")"});
    }
    run.copy_chunk(i);
  }
  publish(r, run.work, StepKind::syscall,
          {"write returns " + n + ": all " + n + " bytes in " + run.hw().file +
               " are right, because the array could not move. But while the system call ran, no GC could run "
               "and the other thread "
               "stood still; a slow disk or a full pipe would stop them for as long as it blocks.",
           "write 返回 " + n + "：" + run.hw().file + " 里的 " + n +
               " 个字节全都正确，因为数组不能移动。但系统调用运行期间，任何 GC "
               "都不能运行，另一个线程也只能停着；磁盘慢或管道满时，它们会一直被卡住。",
           "the JNI specification forbids blocking system calls inside a critical region; that is why "
           "FileChannel.write copies instead"});
  const GcLocker::Exit exit = locker.exit_critical(thread);
  run.hw().in_critical = false;
  run.hw().gc_waiting = false;
  publish(r, run.work, StepKind::jni_critical,
          {"ReleasePrimitiveArrayCritical: the thread leaves the critical region (GCLocker: " +
               num(locker.jni_lock_count()) +
               " threads locked). It is the last one out and a GC is pending, so it starts the deferred GC, "
               "cause \"" +
               std::string(GcLocker::kGcCause) + "\".",
           "ReleasePrimitiveArrayCritical：线程离开临界区（GCLocker：" + num(locker.jni_lock_count()) +
               " 个线程加锁）。它是最后一个离开的，且有 GC 在等待，于是由它启动被推迟的 GC，原因是 \"" +
               std::string(GcLocker::kGcCause) + "\"。",
           "jni_ReleasePrimitiveArrayCritical -> GCLocker::unlock_critical -> "
           "Universe::heap()->collect(GCCause::_gc_locker) (HotSpot's "
           "Serial collector makes it a young collection; heapviz runs its one full collector)"});
  if (exit.gc_ran) {
    heap::collect(r, heap::GcCause::gc_locker);
    run.hw().gc_ran = true;
    run.hw().array_now = run.array_address_now();
  }
  run.hw().finished = true;
  publish(
      r, run.work, StepKind::note,
      {"The deferred GC is done and the stalled allocation of the other thread is retried. The array moved "
       "(to " +
           hex(run.hw().array_now) + ") only now, after the kernel had finished with it.",
       "被推迟的 GC 完成了，另一个线程停下来的分配重新尝试。数组直到现在（内核已经用完它之后）才移动（到 " +
           hex(run.hw().array_now) + "）。",
       "GCLocker::jni_unlock: _needs_gc cleared, JNICritical_lock->notify_all()"});
}

}  // namespace

std::string heap_write_label_en(HeapWriteMode mode) {
  return mode == HeapWriteMode::os_reads_heap
             ? "HYPOTHETICAL, not what the JDK does: "
             : "JNI critical region (what GetPrimitiveArrayCritical code does; FileChannel.write does not): ";
}

std::string heap_write_label_zh(HeapWriteMode mode) {
  return mode == HeapWriteMode::os_reads_heap
             ? "【假想情形，JDK 并不这样做】"
             : "【JNI 临界区：GetPrimitiveArrayCritical 的做法，FileChannel.write 并不这样做】";
}

bool takes_heap_address_path(const IoRecorder& r, std::uint32_t channel, const IoBuffer& src) {
  if (src.is_direct() || src.state->remaining() <= 0) return false;
  const IoSpaces& io = *r.machine().io;
  const auto it = io.channels.find(channel);
  return it != io.channels.end() && it->second.is_open() && it->second.writable();
}

int heap_address_write(IoRecorder& r, const std::string& thread, std::uint32_t channel, IoBuffer src,
                       HeapWriteMode mode) {
  const LabelGuard label(r, mode);
  const IoMachine& m = r.machine();
  Run run{r, mode, *m.io, -1, heap::kNoObject, 0, {}, {}, true};
  const FileChannel& ch = run.work.channels.at(channel);
  run.fd = ch.fd();
  run.array = m.heap.object_at(src.root_address - heap::layout::kArrayHeader);
  const int pos = src.state->position;
  const int length = src.state->remaining();
  run.element = src.state->offset + pos;

  HeapAddressWrite w;
  w.mode = mode;
  w.channel = channel;
  w.file = ch.path();
  w.array = run.array;
  w.address_given = src.root_address + static_cast<std::uint64_t>(run.element);
  w.array_now = w.address_given;
  w.data_offset = w.address_given - m.heap.record(run.array).addr;
  w.length = length;
  const int chunks = std::min(kHeapWriteChunks, length);
  const std::int64_t piece = (length + chunks - 1) / chunks;
  for (std::int64_t off = 0; off < length; off += piece) {
    HeapWriteChunk c;
    c.offset = off;
    c.length = std::min<std::int64_t>(piece, length - off);
    c.read_from = w.address_given + static_cast<std::uint64_t>(off);
    w.chunks.push_back(c);
  }
  run.expected = heap_bytes(m, w.address_given, length);
  run.work.heap_write = std::move(w);

  if (mode == HeapWriteMode::os_reads_heap)
    os_reads_heap(run);
  else
    pin_heap_array(run, thread);

  nio::ByteBuffer(*src.state, *src.root).position(pos + length);
  return length;
}

}  // namespace heapviz::io::on_machine
