// I/O counters and kernel/device regions in every step's view.
#include "heapviz/engine/io_view.hpp"

#include <algorithm>
#include <string>

#include "heapviz/io/io_ranges.hpp"

namespace heapviz::io {

namespace {
void counter(View& v, std::string key, std::string en, std::string zh, std::uint64_t value) {
  v.counters.push_back(
      CounterView{std::move(key), std::move(en), std::move(zh), static_cast<std::int64_t>(value)});
}
}  // namespace

void append_io_view(const IoMachine& m, View& v) {
  const IoSpaces& io = *m.io;
  const IoCounters& c = io.counters;
  counter(v, "io_bounce_heap_to_native", "bounce copy heap → native (bytes)", "中转复制 堆 → 本地（字节）",
          c.bounce_heap_to_native);
  counter(v, "io_bounce_native_to_heap", "bounce copy native → heap (bytes)", "中转复制 本地 → 堆（字节）",
          c.bounce_native_to_heap);
  counter(v, "io_user_to_kernel", "user → kernel (bytes)", "用户 → 内核（字节）", c.user_to_kernel);
  counter(v, "io_kernel_to_user", "kernel → user (bytes)", "内核 → 用户（字节）", c.kernel_to_user);
  counter(v, "io_kernel_to_device", "kernel → device (bytes)", "内核 → 设备（字节）", c.kernel_to_device);
  counter(v, "io_device_to_kernel", "device → kernel (bytes)", "设备 → 内核（字节）", c.device_to_kernel);
  counter(v, "io_kernel_to_kernel", "kernel → kernel (bytes)", "内核 → 内核（字节）", c.kernel_to_kernel);
  counter(v, "io_temp_allocated", "temporary buffers allocated", "临时缓冲区分配次数",
          c.temp_buffers_allocated);
  counter(v, "io_temp_reused", "temporary buffers reused", "临时缓冲区复用次数", c.temp_buffers_reused);
  counter(v, "io_temp_freed", "temporary buffers freed", "临时缓冲区释放次数", c.temp_buffers_freed);
  for (const auto& [name, n] : c.syscalls)
    counter(v, "io_syscall_" + name, "syscall " + name, "系统调用 " + name, n);
  // The "mapped" pool is shown once, by the nio view (Machine::mapped, the pool Heapviz.pools() prints).
  // GCLocker (lesson 06's pin-heap-array): threads in JNI critical regions and a GC waiting for them; shown
  // only once such a write has begun, so that other lessons' counter tables stay short.
  if (io.heap_write && io.heap_write->mode == HeapWriteMode::pin_heap_array) {
    counter(v, "gc_locker_jni_lock_count", "GCLocker: threads in critical regions",
            "GCLocker：临界区中的线程", static_cast<std::uint64_t>(io.gc_locker.jni_lock_count()));
    counter(v, "gc_locker_needs_gc", "GCLocker: GC waiting (_needs_gc)", "GCLocker：等待中的 GC（_needs_gc）",
            io.gc_locker.needs_gc() ? 1 : 0);
    counter(v, "gc_locker_stalled", "GCLocker: allocations stalled", "GCLocker：停顿的分配",
            io.gc_locker.stalled().size());
  }
  v.heap_address_write = io.heap_write;
  // Where the array is at this very step: the GC moves it between the write's own steps (phase 4 slides it),
  // and the map must show it there, not where the last chunk found it.
  if (v.heap_address_write && m.heap.is_live(v.heap_address_write->array))
    v.heap_address_write->array_now =
        m.heap.record(v.heap_address_write->array).addr + v.heap_address_write->data_offset;
  // Each file's cached pages (kernel lane) and its bytes on disk (device lane, files laid end to end so
  // they do not overlap on the axis; device_base() gives the same addresses to the steps' byte ranges).
  for (const auto& [id, f] : io.kernel.files()) {
    // No cached page yet: the region sits at the page cache's base, not at 0 (which would stretch the
    // kernel lane over the whole 64-bit space).
    std::uint64_t lowest = KernelSpace::kPageCacheBase;
    if (!f.pages.empty()) lowest = f.pages.begin()->second.kernel_address;
    v.regions.push_back(RegionView{"page cache: " + f.name, heap::SpaceId::kernel, RegionKind::single, lowest,
                                   f.pages.size() * static_cast<std::uint64_t>(kPageSize),
                                   static_cast<std::uint64_t>(f.size), 0});
    for (const auto& [index, page] : f.pages) {
      BlockView b;
      b.type = "kernel";
      b.space = heap::SpaceId::kernel;
      b.addr = page.kernel_address;
      b.size = static_cast<std::uint64_t>(kPageSize);
      b.label = f.name + " page " + std::to_string(index) + (page.dirty ? " (dirty)" : "");
      b.label_zh = f.name + " 第 " + std::to_string(index) + " 页" + (page.dirty ? "（脏页）" : "");
      v.blocks.push_back(std::move(b));
    }
    const auto disk = io.kernel.device().files.find(id);
    const std::uint64_t on_disk = disk == io.kernel.device().files.end() ? 0 : disk->second.size();
    const std::uint64_t disk_offset = device_base(io.kernel, id);
    v.regions.push_back(RegionView{"disk: " + f.name, heap::SpaceId::device, RegionKind::single, disk_offset,
                                   std::max<std::uint64_t>(on_disk, 1), on_disk, 0});
    if (on_disk > 0) {
      BlockView b;
      b.type = "device";
      b.space = heap::SpaceId::device;
      b.addr = disk_offset;
      b.size = on_disk;
      b.label = f.name + " on disk";
      b.label_zh = f.name + "（磁盘上）";
      v.blocks.push_back(std::move(b));
    }
  }
}

}  // namespace heapviz::io
