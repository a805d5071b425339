// Step kinds and narration (English, Simplified Chinese, JDK internals) of I/O sub-steps.
#include <sstream>

#include "heapviz/io/machine_io.hpp"

namespace heapviz::io::on_machine {

namespace {
std::string str(std::int64_t v) { return std::to_string(v); }
}  // namespace

StepKind step_kind_of(const IoEvent& e) {
  switch (e.kind) {
    case IoEventKind::temp_buffer_reuse:
    case IoEventKind::temp_buffer_allocate: return StepKind::temp_buffer_get;
    case IoEventKind::temp_buffer_offer: return StepKind::temp_buffer_offer;
    case IoEventKind::temp_buffer_free: return StepKind::temp_buffer_free;
    case IoEventKind::bounce_copy: return StepKind::bounce_copy;
    case IoEventKind::position: return StepKind::io_position;
    case IoEventKind::mmap: return StepKind::mmap;
    case IoEventKind::munmap: return StepKind::munmap;
    case IoEventKind::exception: return StepKind::io_exception;
    case IoEventKind::syscall:
      if (e.call && e.call->name == "sendfile") return StepKind::sendfile;
      if (e.call && (e.call->name == "writeback" || e.call->name == "fsync" || e.call->name == "fdatasync"))
        return StepKind::writeback;
      return StepKind::syscall;
  }
  return StepKind::note;
}

Narration narrate(const IoEvent& e) {
  const std::string n = str(e.bytes);
  switch (e.kind) {
    case IoEventKind::temp_buffer_reuse:
      return {"Thread " + e.thread + " reuses its cached temporary direct buffer (capacity " + n + ") instead of allocating.",
              "线程 " + e.thread + " 复用缓存中的临时直接缓冲区（容量 " + n + "），无需新分配。",
              "sun.nio.ch.Util.getTemporaryDirectBuffer → BufferCache.get (rewind, limit)"};
    case IoEventKind::temp_buffer_allocate:
      return {"Thread " + e.thread + " allocates a temporary direct buffer of " + n + " bytes: it counts in the direct pool.",
              "线程 " + e.thread + " 分配 " + n + " 字节的临时直接缓冲区：计入 direct 池。",
              "sun.nio.ch.Util.getTemporaryDirectBuffer → ByteBuffer.allocateDirect (" + e.detail + ")"};
    case IoEventKind::temp_buffer_offer:
      return {"The temporary buffer goes back to thread " + e.thread + "'s cache for the next I/O call.",
              "临时缓冲区回到线程 " + e.thread + " 的缓存，供下一次 I/O 使用。",
              "sun.nio.ch.Util." + std::string(e.detail == "offerLast" ? "offerLastTemporaryDirectBuffer" : "offerFirstTemporaryDirectBuffer")};
    case IoEventKind::temp_buffer_free:
      return {"A temporary direct buffer (" + n + " bytes) is freed at once: " + e.detail + ".",
              "临时直接缓冲区（" + n + " 字节）被立即释放：" + e.detail + "。",
              "sun.nio.ch.Util.free → Cleaner.clean → Deallocator.run → Unsafe.freeMemory, Bits.unreserveMemory"};
    case IoEventKind::bounce_copy:
      if (e.to_heap)
        return {"The " + n + " bytes read into native memory are copied into the Java heap array.",
                "读入本地内存的 " + n + " 字节被复制到 Java 堆中的数组。",
                "sun.nio.ch.IOUtil.read → ByteBuffer.put(ByteBuffer) → Unsafe.copyMemory"};
      return {"Bounce copy: " + n + " bytes go from the Java heap array to native memory that the GC never moves.",
              "中转复制：" + n + " 字节从 Java 堆数组复制到 GC 不会移动的本地内存。",
              "sun.nio.ch.IOUtil.write → ByteBuffer.put(ByteBuffer) → Unsafe.copyMemory"};
    case IoEventKind::position:
      return {"Buffer " + e.detail + ": " + str(e.old_value) + " → " + str(e.new_value) + ".",
              "缓冲区 " + e.detail + "：" + str(e.old_value) + " → " + str(e.new_value) + "。",
              "java.nio.Buffer.position / limit / flip (in sun.nio.ch.IOUtil)"};
    case IoEventKind::mmap:
      return {"Page-cache pages of the file are mapped into the process (" + n + " bytes): counted in the mapped pool, not in direct.",
              "文件的页缓存页被映射进进程（" + n + " 字节）：计入 mapped 池，而不是 direct 池。",
              "sun.nio.ch.FileChannelImpl.map → map0 → mmap64"};
    case IoEventKind::munmap:
      return {"The mapping is removed (" + n + " bytes).", "映射被解除（" + n + " 字节）。",
              "FileChannelImpl.Unmapper.run → unmap0 → munmap"};
    case IoEventKind::exception:
      return {"The call throws " + e.detail + ".", "调用抛出 " + e.detail + "。", "sun.nio.ch.FileChannelImpl / IOUtil"};
    case IoEventKind::syscall: break;
  }
  const SyscallRecord& c = *e.call;
  const std::string r = str(c.result);
  if (c.name == "writeback" || c.name == "fsync" || c.name == "fdatasync")
    return {"Dirty page-cache pages reach the disk (" + str(c.kernel_to_device) + " bytes).",
            "脏页缓存页写入磁盘（" + str(c.kernel_to_device) + " 字节）。",
            c.name == "writeback" ? "kernel flusher (writeback of dirty pages), later than write()"
                                  : "FileChannelImpl.force → FileDispatcherImpl.force0 → " + c.name};
  if (c.name == "sendfile")
    return {"sendfile: " + r + " bytes go from one file's page cache to the target inside the kernel, with no copy to user space.",
            "sendfile：" + r + " 字节在内核中从文件页缓存直接送往目标，不经过用户空间。",
            "FileChannelImpl.transferTo → transferToDirectly → transferTo0 → sendfile64"};
  if (c.user_to_kernel > 0)
    return {c.name + ": the kernel copies " + r + " bytes from the process into the page cache (the pages become dirty).",
            c.name + "：内核把 " + r + " 字节从进程复制到页缓存（页变脏）。",
            "sun.nio.ch.IOUtil.writeFromNativeBuffer → FileDispatcherImpl → " + c.name};
  if (c.kernel_to_user > 0 || c.name == "read" || c.name == "pread64" || c.name == "readv")
    return {c.name + ": the kernel copies " + r + " bytes from the page cache into the process.",
            c.name + "：内核把 " + r + " 字节从页缓存复制到进程。",
            "sun.nio.ch.IOUtil.readIntoNativeBuffer → FileDispatcherImpl → " + c.name};
  return {"System call " + c.name + " = " + r + ".", "系统调用 " + c.name + " = " + r + "。", "sun.nio.ch.FileChannelImpl → " + c.name};
}

}  // namespace heapviz::io::on_machine
