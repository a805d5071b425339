// Step kinds and narration (English, Simplified Chinese, JDK internals) of I/O sub-steps: which buffer,
// which addresses, how many bytes, from where to where.
#include <cstdio>

#include "heapviz/heap/text_format.hpp"
#include "heapviz/io/machine_io.hpp"

namespace heapviz::io::on_machine {

namespace {
std::string str(std::int64_t v) { return std::to_string(v); }

using text::hex;

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// First source / destination address of the ranges going between two spaces ("" if none).
const ByteRange* first_range(const NarrationFacts& f, heap::SpaceId from, heap::SpaceId to) {
  for (const ByteRange& r : f.ranges)
    if (r.space == from && r.to_space == to) return &r;
  return nullptr;
}

std::string or_default(const std::string& s, const char* fallback) { return s.empty() ? fallback : s; }

Narration narrate_position(const IoEvent& e, const NarrationFacts& f) {
  const std::string b = or_default(f.buffer, "the buffer");
  const std::string o = str(e.old_value), n = str(e.new_value);
  if (e.detail.rfind("flip", 0) == 0)
    return {"IOUtil flips " + b + ": limit = " + o + ", position = 0, so exactly the " +
                text::bytes(e.old_value) + " are handed on.",
            "IOUtil 对 " + b + " 调用 flip()：limit = " + o + "，position = 0，正好交出这 " + o + " 个字节。",
            "java.nio.Buffer.flip (in sun.nio.ch.IOUtil)"};
  if (e.detail == "limit")
    return {b + ".limit: " + o + " → " + n + " (only the bytes the kernel returned).",
            b + ".limit：" + o + " → " + n + "（只含内核返回的字节）。",
            "java.nio.Buffer.limit (in sun.nio.ch.IOUtil.read)"};
  if (e.new_value < e.old_value)
    return {
        "IOUtil puts " + b + "'s position back to " + n + " (it was " + o +
            ") until it knows how many bytes the kernel takes.",
        "IOUtil 把 " + b + " 的 position 从 " + o + " 恢复为 " + n + "，等知道内核实际取走多少字节后再前移。",
        "sun.nio.ch.IOUtil.write: src.position(pos)"};
  return {b + ".position: " + o + " → " + n + ".", b + ".position：" + o + " → " + n + "。",
          "java.nio.Buffer.position (in sun.nio.ch.IOUtil)"};
}

Narration narrate_syscall(const SyscallRecord& c, const NarrationFacts& f) {
  const std::string r = str(c.result);
  const std::string fd = str(c.fd);
  if (!c.ok())
    return {c.name + "(fd " + fd + ") fails with " + errno_name(c.error) + ".",
            c.name + "(fd " + fd + ") 失败：" + errno_name(c.error) + "。",
            "sun.nio.ch.FileDispatcherImpl → " + c.name};
  const std::string file = or_default(f.file, "the file");
  if (c.name == "writeback" || c.name == "fsync" || c.name == "fdatasync") {
    const ByteRange* k = first_range(f, heap::SpaceId::kernel, heap::SpaceId::device);
    const std::string pages = plural(c.pages_written_back.size(), "dirty page", "dirty pages");
    const std::string where =
        k ? " from the page cache (" + hex(k->from) + ") to the disk (device " + hex(k->to) + ")"
          : " to the disk";
    const std::string where_zh =
        k ? "从页缓存（" + hex(k->from) + "）写入磁盘（设备 " + hex(k->to) + "）" : "写入磁盘";
    const std::string bytes = str(c.kernel_to_device);
    if (c.name == "writeback")
      return {"Writeback of " + file + ": the kernel's flusher writes " + pages + " (" +
                  text::bytes(c.kernel_to_device) + ")" + where + ", long after write() returned.",
              file + " 的回写：内核的刷写线程把 " +
                  str(static_cast<std::int64_t>(c.pages_written_back.size())) + " 个脏页（" + bytes +
                  " 字节）" + where_zh + "，这发生在 write() 返回很久之后。",
              "kernel flusher (writeback of dirty pages), later than write()"};
    return {c.name + ": FileChannel.force makes the kernel write " + pages + " of " + file + " (" +
                text::bytes(c.kernel_to_device) + ")" + where + " now, before it returns.",
            c.name + "：FileChannel.force 让内核立即把 " + file + " 的 " +
                str(static_cast<std::int64_t>(c.pages_written_back.size())) + " 个脏页（" + bytes +
                " 字节）" + where_zh + "，然后才返回。",
            "FileChannelImpl.force → FileDispatcherImpl.force0 → " + c.name};
  }
  if (c.name == "sendfile") {
    const ByteRange* k = first_range(f, heap::SpaceId::kernel, heap::SpaceId::kernel);
    const std::string to = f.target.empty() ? "the target's kernel buffer" : "the page cache of " + f.target;
    const std::string to_zh = f.target.empty() ? "目标的内核缓冲区" : f.target + " 的页缓存";
    const std::string a = k ? ", kernel " + hex(k->from) : "", b = k ? " (kernel " + hex(k->to) + ")" : "";
    return {"sendfile: " + text::bytes(c.result) + " go from the page cache of " + file + " (offset " +
                str(c.file_offset) + a + ") to " + to + b +
                ", a copy inside the kernel: nothing passes through user space.",
            "sendfile：" + r + " 字节从 " + file + " 的页缓存（偏移 " + str(c.file_offset) + a + "）送到" +
                to_zh + b + "，复制只在内核中进行，不经过用户空间。",
            "FileChannelImpl.transferTo → transferToDirectly → transferTo0 → sendfile64"};
  }
  const std::string src = f.buffer.empty() ? "user memory" : f.buffer + "'s native memory";
  const std::string src_zh = f.buffer.empty() ? "用户内存" : f.buffer + " 的本地内存";
  const std::string fill = c.pages_filled.empty()
                               ? ""
                               : " First " + plural(c.pages_filled.size(), "page is", "pages are") +
                                     " read from the disk into the page cache.";
  const std::string fill_zh =
      c.pages_filled.empty()
          ? ""
          : " 先从磁盘把 " + str(static_cast<std::int64_t>(c.pages_filled.size())) + " 个页读入页缓存。";
  if (c.user_to_kernel > 0) {
    const ByteRange* k = first_range(f, heap::SpaceId::native, heap::SpaceId::kernel);
    const std::string at = k ? " at " + hex(k->from) : "", to = k ? ", kernel " + hex(k->to) : "";
    const std::string at_zh = k ? "（" + hex(k->from) + "）" : "";
    if (f.file.empty())
      return {c.name + "(fd " + fd + "): the kernel copies " + text::bytes(c.result) + " from " + src + at +
                  " into its pipe/socket buffer.",
              c.name + "(fd " + fd + ")：内核把 " + r + " 字节从" + src_zh + at_zh +
                  "复制到管道/套接字的内核缓冲区。",
              "sun.nio.ch.IOUtil.writeFromNativeBuffer → FileDispatcherImpl → " + c.name};
    return {c.name + "(fd " + fd + "): the kernel copies " + text::bytes(c.result) + " from " + src + at +
                " into the page cache of " + file + " (file offset " + str(c.file_offset) + to + "); " +
                (c.pages_dirtied.size() > 1 ? std::string("the pages become dirty")
                                            : std::string("the page becomes dirty")) +
                ", the disk does not change yet." + fill,
            c.name + "(fd " + fd + ")：内核把 " + r + " 字节从" + src_zh + at_zh + "复制到 " + file +
                " 的页缓存（文件偏移 " + str(c.file_offset) + to + "），页变脏，磁盘暂时不变。" + fill_zh,
            "sun.nio.ch.IOUtil.writeFromNativeBuffer → FileDispatcherImpl → " + c.name};
  }
  if (c.kernel_to_user > 0 || c.name == "read" || c.name == "pread64" || c.name == "readv") {
    if (c.result == 0)
      return {c.name + "(fd " + fd + ") = 0: nothing to read (end of file, or an empty pipe).",
              c.name + "(fd " + fd + ") = 0：没有可读的数据（文件末尾或空管道）。",
              "sun.nio.ch.IOUtil.readIntoNativeBuffer → FileDispatcherImpl → " + c.name};
    const ByteRange* k = first_range(f, heap::SpaceId::kernel, heap::SpaceId::native);
    const std::string from = k ? ", kernel " + hex(k->from) : "", to = k ? " at " + hex(k->to) : "";
    const std::string to_zh = k ? "（" + hex(k->to) + "）" : "";
    const std::string what =
        f.file.empty() ? "its pipe/socket buffer"
                       : "the page cache of " + file + " (file offset " + str(c.file_offset) + from + ")";
    const std::string what_zh = f.file.empty()
                                    ? "管道/套接字的内核缓冲区"
                                    : file + " 的页缓存（文件偏移 " + str(c.file_offset) + from + "）";
    return {c.name + "(fd " + fd + "): the kernel copies " + text::bytes(c.result) + " from " + what +
                " into " + src + to + "." + fill,
            c.name + "(fd " + fd + ")：内核把 " + r + " 字节从" + what_zh + "复制到" + src_zh + to_zh + "。" +
                fill_zh,
            "sun.nio.ch.IOUtil.readIntoNativeBuffer → FileDispatcherImpl → " + c.name};
  }
  if (c.name == "openat")
    return {"openat(\"" + file + "\") = fd " + r +
                ": the kernel opens the file for the channel; no data moves yet.",
            "openat(\"" + file + "\") = fd " + r + "：内核为通道打开文件，还没有数据移动。",
            "FileChannel.open → FileChannelImpl → UnixChannelFactory → openat"};
  if (c.name == "fstat")
    return {
        "fstat(fd " + fd + "): " + file + " is " + text::bytes(c.result) + " long (the size in its inode).",
        "fstat(fd " + fd + ")：" + file + " 长 " + r + " 字节（inode 中记录的大小）。",
        "FileChannelImpl.size → FileDispatcherImpl.size0 → fstat"};
  if (c.name == "close")
    return {"close(fd " + fd +
                ") = 0: the channel gives back its file descriptor; dirty pages stay in the page cache.",
            "close(fd " + fd + ") = 0：通道交还文件描述符；脏页仍留在页缓存中。",
            "FileChannelImpl.implCloseChannel → FileDispatcherImpl.close0 → close"};
  return {"System call " + c.name + " = " + r + ".", "系统调用 " + c.name + " = " + r + "。",
          "sun.nio.ch.FileChannelImpl → " + c.name};
}
}  // namespace

StepKind step_kind_of(const IoEvent& e) {
  switch (e.kind) {
    case IoEventKind::temp_buffer_reuse:
    case IoEventKind::temp_buffer_allocate:
      return StepKind::temp_buffer_get;
    case IoEventKind::temp_buffer_offer:
      return StepKind::temp_buffer_offer;
    case IoEventKind::temp_buffer_free:
      return StepKind::temp_buffer_free;
    case IoEventKind::bounce_copy:
      return StepKind::bounce_copy;
    case IoEventKind::position:
      return StepKind::io_position;
    case IoEventKind::mmap:
      return StepKind::mmap;
    case IoEventKind::munmap:
      return StepKind::munmap;
    case IoEventKind::exception:
      return StepKind::io_exception;
    case IoEventKind::syscall:
      if (e.call && e.call->name == "sendfile") return StepKind::sendfile;
      if (e.call && (e.call->name == "writeback" || e.call->name == "fsync" || e.call->name == "fdatasync"))
        return StepKind::writeback;
      return StepKind::syscall;
  }
  return StepKind::note;
}

Narration narrate_folded_position(const IoEvent& e, const std::string& buffer) {
  const std::string b = buffer.empty() ? "buffer #" + str(e.buffer) : buffer;
  return {" " + b + ".position " + str(e.old_value) + " → " + str(e.new_value) + ".",
          b + ".position " + str(e.old_value) + " → " + str(e.new_value) + "。", ""};
}

Narration narrate(const IoEvent& e, const NarrationFacts& f) {
  const std::string n = str(e.bytes);
  const std::string b = or_default(f.buffer, "a temporary direct buffer");
  switch (e.kind) {
    case IoEventKind::temp_buffer_reuse:
      return {
          "Thread " + e.thread + " reuses its cached temporary direct buffer " + f.buffer + " (capacity " +
              n + ") instead of allocating.",
          "线程 " + e.thread + " 复用缓存中的临时直接缓冲区 " + f.buffer + "（容量 " + n + "），无需新分配。",
          "sun.nio.ch.Util.getTemporaryDirectBuffer → BufferCache.get (rewind, limit)"};
    case IoEventKind::temp_buffer_allocate:
      return {
          "Thread " + e.thread + " takes " + b + " as its temporary direct buffer (" + text::bytes(e.bytes) +
              " of native memory): it counts in the direct pool.",
          "线程 " + e.thread + " 以 " + b + " 作为临时直接缓冲区（" + n + " 字节本地内存）：计入 direct 池。",
          "sun.nio.ch.Util.getTemporaryDirectBuffer → ByteBuffer.allocateDirect (" + e.detail + ")"};
    case IoEventKind::temp_buffer_offer:
      return {"The temporary buffer " + f.buffer + " goes back to thread " + e.thread +
                  "'s cache for the next I/O call: its native memory stays allocated.",
              "临时缓冲区 " + f.buffer + " 回到线程 " + e.thread +
                  " 的缓存，供下一次 I/O 使用：其本地内存仍然保留。",
              "sun.nio.ch.Util." + std::string(e.detail == "offerLast" ? "offerLastTemporaryDirectBuffer"
                                                                       : "offerFirstTemporaryDirectBuffer")};
    case IoEventKind::temp_buffer_free:
      return {
          "The temporary direct buffer " + f.buffer + " (" + text::bytes(e.bytes) +
              ") is freed at once: " + e.detail + ".",
          "临时直接缓冲区 " + f.buffer + "（" + n + " 字节）被立即释放：" + e.detail + "。",
          "sun.nio.ch.Util.free → Cleaner.clean → Deallocator.run → Unsafe.freeMemory, Bits.unreserveMemory"};
    case IoEventKind::bounce_copy: {
      const std::string heap_buf = or_default(f.other, "the heap buffer");
      if (e.to_heap)
        return {"Copy back: the " + text::bytes(e.bytes) + " the kernel put in " + b + " (native " +
                    hex(e.from_address) + ") are copied into " + heap_buf + "'s byte[] on the Java heap at " +
                    hex(e.to_address) + ".",
                "拷回：内核放入 " + b + "（本地 " + hex(e.from_address) + "）的 " + n + " 字节被复制到 " +
                    heap_buf + " 在 Java 堆上的 byte[]（" + hex(e.to_address) + "）。",
                "sun.nio.ch.IOUtil.read → ByteBuffer.put(ByteBuffer) → Unsafe.copyMemory"};
      return {"Bounce copy: " + text::bytes(e.bytes) + " of " + heap_buf + "'s byte[] (Java heap " +
                  hex(e.from_address) + ") are copied into " + b + "'s native memory at " +
                  hex(e.to_address) + ", memory the GC never moves.",
              "中转复制：" + heap_buf + " 的 byte[]（Java 堆 " + hex(e.from_address) + "）中的 " + n +
                  " 字节被复制到 " + b + " 的本地内存（" + hex(e.to_address) + "），GC 从不移动这块内存。",
              "sun.nio.ch.IOUtil.write → ByteBuffer.put(ByteBuffer) → Unsafe.copyMemory"};
    }
    case IoEventKind::position:
      return narrate_position(e, f);
    case IoEventKind::mmap:
      return {"Page-cache pages of the file are mapped into the process (" + text::bytes(e.bytes) +
                  "): counted in the mapped pool, not in direct.",
              "文件的页缓存页被映射进进程（" + n + " 字节）：计入 mapped 池，而不是 direct 池。",
              "sun.nio.ch.FileChannelImpl.map → map0 → mmap64"};
    case IoEventKind::munmap:
      return {"The mapping is removed (" + text::bytes(e.bytes) + ").", "映射被解除（" + n + " 字节）。",
              "FileChannelImpl.Unmapper.run → unmap0 → munmap"};
    case IoEventKind::exception:
      return {"The call throws " + e.detail + ".", "调用抛出 " + e.detail + "。",
              "sun.nio.ch.FileChannelImpl / IOUtil"};
    case IoEventKind::syscall:
      break;
  }
  if (!e.call) return {"A system call.", "一次系统调用。", "sun.nio.ch.FileChannelImpl"};
  return narrate_syscall(*e.call, f);
}

}  // namespace heapviz::io::on_machine
