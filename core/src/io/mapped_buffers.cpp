// FileChannel.map's heap objects and bytes (JDK 17, jdk-facts §2 and §5): after mmap, FileChannelImpl
// builds `new FileDescriptor()` (nd.duplicateForMapping on Linux: an invalid fd), a DefaultUnmapper
// (its constructor counts the mapping in the "mapped" pool), then Util.newMappedByteBuffer[R] calls the
// DirectByteBuffer(cap, addr, fd, unmapper, isSync, segment) constructor by reflection, which does
// Cleaner.create(this, unmapper). The Unmapper's run() is what the Cleaner runs after a GC.
#include "heapviz/io/mapped_buffers.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/io/io_machine.hpp"
#include "heapviz/io/machine_buffer_host.hpp"
#include "heapviz/io/machine_io.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/machine_buffers.hpp"

namespace heapviz::nio {

using namespace detail;
using heap::ObjectId;
using heap::SpaceId;

namespace {

constexpr const char* kFileDescriptor = "java.io.FileDescriptor";
constexpr const char* kUnmapper = "sun.nio.ch.FileChannelImpl$Unmapper";
constexpr const char* kDefaultUnmapper = "sun.nio.ch.FileChannelImpl$DefaultUnmapper";

heap::KlassId find_or_register(const io::IoMachine& m, const char* name,
                               const std::vector<heap::FieldDecl>& fields, const char* super) {
  // Classes are only ever added to the shared table, so registering from a const Machine is safe.
  if (auto k = m.klasses->find(name)) return *k;
  return m.klasses->register_class(name, fields, super);
}

// java.io.FileDescriptor (JDK 17): fd@12 handle@16 closed@24 append@25 parent@28 otherParents@32
// cleanup@36, 40 bytes (checked with Unsafe.objectFieldOffset on 17.0.15; the layout rules agree).
heap::KlassId file_descriptor_klass(const io::IoMachine& m) {
  return find_or_register(m, kFileDescriptor,
                          {{"fd", heap::FieldType::int_, ""},
                           {"handle", heap::FieldType::long_, ""},
                           {"parent", heap::FieldType::reference, "Closeable"},
                           {"otherParents", heap::FieldType::reference, "List"},
                           {"closed", heap::FieldType::boolean_, ""},
                           {"append", heap::FieldType::boolean_, ""},
                           {"cleanup", heap::FieldType::reference, "PhantomCleanable"}},
                          "java.lang.Object");
}

// FileChannelImpl$Unmapper (abstract): pagePosition@12 address@16 size@24 cap@32 fd@40, 48 bytes;
// DefaultUnmapper adds only static counters (the pool).
heap::KlassId default_unmapper_klass(const io::IoMachine& m) {
  find_or_register(m, kUnmapper,
                   {{"address", heap::FieldType::long_, ""},
                    {"size", heap::FieldType::long_, ""},
                    {"cap", heap::FieldType::long_, ""},
                    {"fd", heap::FieldType::reference, "FileDescriptor"},
                    {"pagePosition", heap::FieldType::int_, ""}},
                   "java.lang.Object");
  return find_or_register(m, kDefaultUnmapper, {}, kUnmapper);
}

bool is_default_unmapper(const io::IoMachine& m, ObjectId id) {
  return id != heap::kNoObject && m.heap.is_live(id) &&
         m.klasses->at(m.heap.record(id).klass).name == kDefaultUnmapper;
}

std::string figures(const io::IoMachine& m) {
  const PoolFigures p = mapped_pool(m);
  return "count " + std::to_string(p.count) + ", memoryUsed " + std::to_string(p.memory_used) +
         ", totalCapacity " + std::to_string(p.total_capacity);
}

void publish_io(io::IoRecorder& r, const io::IoSpaces& state) { io::on_machine::publish_io_state(r, state); }

// The page-cache page (kernel lane address) behind user address `a` of a shared mapping, if cached.
std::optional<std::uint64_t> kernel_address_of(const io::KernelSpace& k, std::uint64_t a) {
  const io::Mapping* mp = k.mapping_at(a);
  if (mp == nullptr) return std::nullopt;
  const io::KernelFile* f = k.file(mp->file);
  if (f == nullptr) return std::nullopt;
  const std::int64_t at = mp->file_offset + static_cast<std::int64_t>(a - mp->address);
  const auto p = f->pages.find(at / io::kPageSize);
  if (p == f->pages.end()) return std::nullopt;
  return p->second.kernel_address + static_cast<std::uint64_t>(at % io::kPageSize);
}

// A load from pages that are all resident changes nothing in the kernel: read them in place (the
// common case; a copy of the io state per load would be wasted). False if a page would fault.
bool read_resident(const io::KernelSpace& k, std::uint64_t a, std::span<std::byte> out) {
  const io::Mapping* mp = k.mapping_at(a);
  if (mp == nullptr || !k.resident(a, static_cast<std::int64_t>(out.size()))) return false;
  const io::KernelFile* f = k.file(mp->file);
  std::size_t done = 0;
  while (done < out.size()) {
    const std::int64_t at =
        mp->file_offset + static_cast<std::int64_t>(a - mp->address) + static_cast<std::int64_t>(done);
    const std::int64_t in_page = at % io::kPageSize;
    const std::size_t n = std::min(out.size() - done, static_cast<std::size_t>(io::kPageSize - in_page));
    const auto priv = mp->private_pages.find(at / io::kPageSize);
    const std::vector<std::byte>& bytes =
        priv != mp->private_pages.end() ? priv->second : f->pages.at(at / io::kPageSize).bytes.get();
    std::copy_n(bytes.begin() + in_page, n, out.begin() + static_cast<std::ptrdiff_t>(done));
    done += n;
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------- bytes through the mapping

RecordedMappedStore::RecordedMappedStore(io::IoRecorder& r, std::uint64_t address, std::int64_t size)
    : r_(r), address_(address), size_(size) {
  touched_.space = SpaceId::kernel;
}

void RecordedMappedStore::read(std::int64_t index, std::span<std::byte> out) {
  if (out.empty()) return;
  const std::uint64_t a = address_ + static_cast<std::uint64_t>(index);
  if (!read_resident(r_.machine().io->kernel, a, out)) {
    io::IoSpaces work = *r_.machine().io;
    work.kernel.mapped_read(a, out);  // a CPU load with page faults: missing pages come in from the device
    publish_io(r_, work);
  }
  if (touched_.read + touched_.written == 0) touched_.first = a;
  touched_.read += out.size();
}

void RecordedMappedStore::write(std::int64_t index, std::span<const std::byte> in) {
  if (in.empty()) return;
  const std::uint64_t a = address_ + static_cast<std::uint64_t>(index);
  // A CPU store: the page-cache page changes and becomes dirty. Only those bytes are recorded (not a new
  // copy of the io state per put), so a loop of puts costs about what it costs on a direct buffer.
  r_.machine().io->kernel.check_mapped_store(a, static_cast<std::int64_t>(in.size()));
  Effect e{EffectKind::mapped_store, SpaceId::kernel, 0, 0, a, in.size(), 0};
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(in.data());
  if (in.size() <= 8) {
    std::memcpy(&e.c, bytes, in.size());
    r_.apply(e);
  } else {
    r_.apply(e, std::span<const std::uint8_t>(bytes, in.size()));
  }
  if (r_.recording())
    if (const auto k = kernel_address_of(r_.machine().io->kernel, a))
      r_.touch_range(ByteRange{SpaceId::kernel, *k, *k, in.size()});
  if (touched_.written == 0) touched_.first = a;
  touched_.written += in.size();
}

std::optional<std::uint64_t> detail::mapped_page_address(const io::IoMachine& m, std::uint64_t address) {
  return kernel_address_of(m.io->kernel, address);
}

bool is_mapped_buffer(const io::IoMachine& m, ObjectId buffer) {
  return mapped_fd(m, buffer) != heap::kNoObject;
}

std::vector<std::byte> detail::mapped_window(const io::IoMachine& m, std::uint64_t address, std::size_t n) {
  std::vector<std::byte> out(n);
  const io::KernelSpace& k = m.io->kernel;
  const io::Mapping* mp = k.mapping_at(address);
  if (mp == nullptr) return out;  // unmapped (or size 0): nothing to show
  const std::vector<std::byte> file = k.file_contents(mp->file);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t at =
        mp->file_offset + static_cast<std::int64_t>(address - mp->address) + static_cast<std::int64_t>(i);
    const auto priv = mp->private_pages.find(at / io::kPageSize);
    if (priv != mp->private_pages.end())
      out[i] = priv->second[static_cast<std::size_t>(at % io::kPageSize)];
    else if (at < static_cast<std::int64_t>(file.size()))
      out[i] = file[static_cast<std::size_t>(at)];
  }
  return out;
}

// ---------------------------------------------------------------- construction

namespace {
// "Bytes [0, 31) of source.bin (page 0) are now mapped at 0x7f5000000000." for the narration.
std::string mapping_text(const io::IoMachine& m, const io::MappedBuffer& mb, bool zh) {
  const io::Mapping* mp = m.io->kernel.mapping_at(mb.map_address);
  const io::KernelFile* f = mp ? m.io->kernel.file(mp->file) : nullptr;
  if (f == nullptr) return "";
  const std::int64_t from = mp->file_offset + mb.page_position, to = from + mb.state.capacity;
  const std::int64_t first = mp->file_offset / io::kPageSize,
                     last = (mp->file_offset + mb.map_size - 1) / io::kPageSize;
  const std::string pages =
      first == last ? std::to_string(first) : std::to_string(first) + ".." + std::to_string(last);
  if (zh)
    return f->name + " 的字节 [" + std::to_string(from) + ", " + std::to_string(to) + ")（第 " + pages +
           " 页）已映射到 " + hex(mb.map_address) +
           (mp->private_copy ? "（PRIVATE：写入只进入私有副本）"
            : mp->writable   ? ""
                             : "（只读）") +
           "。";
  return "Bytes [" + std::to_string(from) + ", " + std::to_string(to) + ") of " + f->name + " (page" +
         (first == last ? " " : "s ") + pages + ") are now mapped at " + hex(mb.map_address) +
         (mp->private_copy ? " (PRIVATE: stores go to private copies, never to the file)"
          : mp->writable   ? ""
                           : " (read-only)") +
         ".";
}
}  // namespace

ObjectId new_mapped_buffer(io::IoRecorder& r, const std::string& thread, const io::MappedBuffer& mb) {
  const io::IoMachine& m = r.machine();
  const std::string scope = thread + "/FileChannelImpl.map";
  const bool mapped = mb.map_address != 0;
  const int cap = mb.state.capacity;
  try {
    // new FileDescriptor(): Linux's duplicateForMapping needs no real fd, so fd = -1 (invalid) and the
    // Unmapper will have nothing to close. For size 0 it is the "dummy" descriptor.
    const ObjectId fd = heap::new_instance(r, file_descriptor_klass(m));
    r.begin_step(StepKind::field_store);
    hold(r, scope, "mfd", fd);
    write_i32(r, fd, 12, -1);
    write_i64(r, fd, 16, -1);
    if (r.recording()) {
      r.touch(fd);
      r.narrate(name_of(m, fd) + " = new FileDescriptor(): fd = -1. " +
                    (mapped ? "On Linux a mapping needs no open descriptor (nd.duplicateForMapping returns "
                              "an invalid one)."
                            : "size 0: no mmap, a dummy descriptor for the empty buffer."),
                name_of(m, fd) + " = new FileDescriptor()：fd = -1。" +
                    (mapped ? "在 Linux 上映射不需要打开的描述符（nd.duplicateForMapping 返回一个无效的）。"
                            : "size 为 0：不调用 mmap，空缓冲区用一个占位描述符。"),
                mapped ? "sun.nio.ch.FileChannelImpl.mapInternal -> FileDispatcherImpl.duplicateForMapping"
                       : "sun.nio.ch.FileChannelImpl.map: new FileDescriptor() (dummy)");
    }
    r.end_step();

    ObjectId unmapper = heap::kNoObject;
    if (mapped) {
      unmapper = heap::new_instance(r, default_unmapper_klass(m));
      r.begin_step(StepKind::field_store);
      hold(r, scope, "unmapper", unmapper);
      write_i32(r, unmapper, off::unmapper_page_position, mb.page_position);
      write_i64(r, unmapper, off::unmapper_address, static_cast<std::int64_t>(mb.map_address));
      write_i64(r, unmapper, off::unmapper_size, mb.map_size);
      write_i64(r, unmapper, off::unmapper_cap, cap);
      write_ref(r, unmapper, off::unmapper_fd, fd);
      r.apply(Effect{EffectKind::bits_add, SpaceId::java_heap, static_cast<std::uint16_t>(PoolId::mapped), 0,
                     1, static_cast<std::uint64_t>(mb.map_size), static_cast<std::uint64_t>(cap)});
      if (r.recording()) {
        r.touch(unmapper);
        const std::string u = name_of(m, unmapper), sz = std::to_string(mb.map_size), c = std::to_string(cap);
        const std::string what = mapping_text(m, mb, false), what_zh = mapping_text(m, mb, true);
        r.narrate(what + " new DefaultUnmapper(" + hex(mb.map_address) + ", " + sz + ", " + c + ", fd, " +
                      std::to_string(mb.page_position) + ") = " + u +
                      ": it remembers the mapping (address, mapSize " + sz + " = size " + c +
                      " + pagePosition " + std::to_string(mb.page_position) +
                      ") so that it can munmap it later. Its constructor counts it in the "
                      "\"mapped\" pool: " +
                      figures(m) +
                      ". The \"direct\" pool does not change: a mapping never goes through "
                      "Bits.reserveMemory, needs no malloc and is not limited by MaxDirectMemorySize; its "
                      "bytes are the file's "
                      "page-cache pages.",
                  what_zh + "new DefaultUnmapper(" + hex(mb.map_address) + ", " + sz + ", " + c + ", fd, " +
                      std::to_string(mb.page_position) + ") = " + u + "：它记住这个映射（地址、mapSize " +
                      sz + " = size " + c + " + pagePosition " + std::to_string(mb.page_position) +
                      "），以便以后 munmap。它的构造器把映射计入 \"mapped\" 池：" + figures(m) +
                      "。\"direct\" 池不变：映射不经过 Bits.reserveMemory，不调用 malloc，也不受 "
                      "MaxDirectMemorySize 限制；它的字节就是文件的页缓存页。",
                  "sun.nio.ch.FileChannelImpl$DefaultUnmapper.<init> -> incrementStats (count++, totalSize "
                  "+= mapSize, totalCapacity += size)");
      }
      r.end_step();
    }

    const heap::KlassId k = mb.state.read_only ? direct_read_only_klass(m) : heap::builtin::kDirectByteBuffer;
    const ObjectId self = heap::new_instance(r, k);
    const std::string d = name_of(m, self);
    const std::string cls = mb.state.read_only ? "DirectByteBufferR" : "DirectByteBuffer";
    r.begin_step(StepKind::buffer_op);
    hold(r, scope, "buffer", self);
    init_fields(r, self, mb.state, heap::kNoObject, static_cast<std::int64_t>(mb.address));
    write_ref(r, self, off::fd, fd);
    if (!mapped) release(r, scope);
    if (r.recording()) {
      r.touch(self);
      r.touch(fd);
      const std::string c = std::to_string(cap);
      if (mapped)
        r.narrate(d + " = Util.newMappedByteBuffer" + (mb.state.read_only ? "R" : "") + "(" + c + ", " +
                      hex(mb.address) + ", fd, unmapper): a " + cls + " built by reflection, capacity " + c +
                      ", address = mapping " + hex(mb.map_address) + " + pagePosition " +
                      std::to_string(mb.page_position) + " = " + hex(mb.address) +
                      ", fd set. Its get and put are plain CPU loads and "
                      "stores into the page-cache pages: no system call, no copy." +
                      (mb.state.read_only
                           ? " It is read-only (READ_ONLY mapping): put throws ReadOnlyBufferException."
                           : ""),
                  d + " = Util.newMappedByteBuffer" + (mb.state.read_only ? "R" : "") + "(" + c + ", " +
                      hex(mb.address) + ", fd, unmapper)：通过反射构造的 " + cls + "，容量 " + c +
                      "，address = 映射地址 " + hex(mb.map_address) + " + pagePosition " +
                      std::to_string(mb.page_position) + " = " + hex(mb.address) +
                      "，fd 已设置。它的 get 和 put 就是对页缓存页的普通 CPU 读写：没有系统调用，没有拷贝。" +
                      (mb.state.read_only ? "它是只读的（READ_ONLY 映射）：put 抛出 ReadOnlyBufferException。"
                                          : ""),
                  "sun.nio.ch.Util.newMappedByteBuffer" + std::string(mb.state.read_only ? "R" : "") +
                      " -> java.nio." + cls +
                      "(int cap, long addr, FileDescriptor fd, Runnable unmapper, boolean isSync, "
                      "MemorySegmentProxy segment)");
      else
        r.narrate(
            d + " = a " + cls +
                " of capacity 0 with address 0: map(..., size 0) maps nothing, counts nothing and has no "
                "Cleaner.",
            d + " = 容量为 0、address 为 0 的 " + cls + "：map(..., size 0) 不映射、不计数，也没有 Cleaner。",
            "sun.nio.ch.FileChannelImpl.map: unmapper == null -> Util.newMappedByteBuffer" +
                std::string(mb.state.read_only ? "R" : "") +
                "(0, 0, dummy, null, isSync); Cleaner.create(this, null) returns null");
    }
    r.end_step();
    if (!mapped) return self;

    const ObjectId cleaner = heap::new_instance(r, heap::builtin::kCleaner);
    r.begin_step(StepKind::cleaner_create);
    link_new_cleaner(r, cleaner, self, unmapper);
    release(r, scope);
    if (r.recording()) {
      r.touch(self);
      r.touch(cleaner);
      r.touch(unmapper);
      r.narrate(
          "Cleaner.create(this, unmapper) = " + name_of(m, cleaner) +
              ": the same PhantomReference machinery as a direct buffer, "
              "but its thunk is " +
              name_of(m, unmapper) + " instead of a Deallocator. When " + d +
              " becomes unreachable, a GC puts "
              "the Cleaner on the pending list and the Reference Handler runs the Unmapper: munmap, and the "
              "mapped pool goes down. "
              "Closing the channel does not unmap.",
          "Cleaner.create(this, unmapper) = " + name_of(m, cleaner) +
              "：与直接缓冲区相同的虚引用机制，只是 thunk 是 " + name_of(m, unmapper) +
              " 而不是 Deallocator。当 " + d +
              " 不可达时，GC 把 Cleaner 放入 pending 列表，由 Reference Handler 运行 "
              "Unmapper：munmap，mapped 池减少。"
              "关闭通道并不会解除映射。",
          "java.nio.DirectByteBuffer.<init>(mapped): cleaner = Cleaner.create(this, unmapper); att = null");
    }
    r.end_step();
    return self;
  } catch (const JavaException&) {
    heap::drop_frame(r, scope);
    throw;
  }
}

// ---------------------------------------------------------------- the Cleaner's thunk

bool detail::run_unmapper(io::IoRecorder& r, ObjectId thunk, const std::string& thread) {
  const io::IoMachine& m = r.machine();
  if (!is_default_unmapper(m, thunk)) return false;
  const auto address = static_cast<std::uint64_t>(read_i64(m, thunk, off::unmapper_address));
  if (address == 0) return true;  // Unmapper.unmap: already unmapped
  io::MappedBuffer mb;
  mb.map_address = address;
  mb.map_size = read_i64(m, thunk, off::unmapper_size);
  mb.state.capacity = static_cast<int>(read_i64(m, thunk, off::unmapper_cap));
  mb.page_position = read_i32(m, thunk, off::unmapper_page_position);
  mb.address = address + static_cast<std::uint64_t>(mb.page_position);
  MachineBufferHost host(r);
  io::on_machine::unmap(r, host, thread, mb);  // munmap: its own io step
  r.begin_step(StepKind::munmap);
  write_i64(r, thunk, off::unmapper_address, 0);
  r.apply(Effect{EffectKind::bits_add, SpaceId::java_heap, static_cast<std::uint16_t>(PoolId::mapped), 0,
                 ~std::uint64_t{0}, static_cast<std::uint64_t>(-mb.map_size),
                 static_cast<std::uint64_t>(-std::int64_t{mb.state.capacity})});
  if (r.recording()) {
    r.touch(thunk);
    r.narrate(name_of(m, thunk) +
                  ".unmap(): after munmap, address = 0; its FileDescriptor is invalid (fd -1), so there is "
                  "nothing to "
                  "close; decrementStats takes the mapping out of the \"mapped\" pool: " +
                  figures(m) + ". The direct pool never changed.",
              name_of(m, thunk) +
                  ".unmap()：munmap 之后 address = 0；它的 FileDescriptor 无效（fd "
                  "-1），无需关闭；decrementStats 把映射移出 \"mapped\" 池：" +
                  figures(m) + "。direct 池始终没有变化。",
              "sun.nio.ch.FileChannelImpl$Unmapper.unmap -> unmap0 (munmap); if (fd.valid()) nd.close(fd); "
              "decrementStats()");
  }
  r.end_step();
  return true;
}

// ---------------------------------------------------------------- force, load, isLoaded

namespace {

// MappedMemoryUtils: mappingOffset = address % pageSize, mappingAddress = address - offset,
// mappingLength = offset + size.
struct PageRange {
  std::uint64_t address = 0;
  std::int64_t length = 0;
};
PageRange page_range(std::uint64_t address, std::int64_t size) {
  const std::uint64_t offset = address % static_cast<std::uint64_t>(io::kPageSize);
  return {address - offset, static_cast<std::int64_t>(offset) + size};
}

// The buffer's mapping as MappedByteBuffer sees it; nullopt when fd == null or nothing is mapped (the
// JDK returns at once then).
std::optional<PageRange> mapped_range(const io::IoMachine& m, ObjectId buffer) {
  const auto address = static_cast<std::uint64_t>(read_i64(m, buffer, off::address));
  const std::int32_t cap = read_i32(m, buffer, off::capacity);
  if (mapped_fd(m, buffer) == heap::kNoObject || address == 0 || cap == 0) return std::nullopt;
  return page_range(address, cap);
}

void nothing_step(io::IoRecorder& r, ObjectId buffer, const std::string& method) {
  const io::IoMachine& m = r.machine();
  r.begin_step(StepKind::buffer_op);
  if (r.recording()) {
    r.touch(buffer);
    const bool mapped = mapped_fd(m, buffer) != heap::kNoObject;
    const std::string b = name_of(m, buffer);
    r.narrate(b + "." + method + ": " +
                  (mapped ? "an empty mapping (capacity 0): nothing to do."
                          : "fd == null, so this is not a mapping: nothing to do."),
              b + "." + method + "：" +
                  (mapped ? "空映射（容量 0）：无事可做。" : "fd == null，不是映射：无事可做。"),
              "java.nio.MappedByteBuffer." + method + ": if (fd == null) return");
  }
  r.end_step();
}

std::size_t resident_pages(const io::KernelSpace& k, PageRange g) {
  std::size_t n = 0;
  for (std::int64_t at = 0; at < g.length; at += io::kPageSize)
    n += k.resident(g.address + static_cast<std::uint64_t>(at), 1) ? 1 : 0;
  return n;
}

}  // namespace

void mapped_force(io::IoRecorder& r, ObjectId buffer) {
  const io::IoMachine& m = r.machine();
  const auto g = mapped_range(m, buffer);
  if (!g) return nothing_step(r, buffer, "force()");
  io::IoSpaces work = *m.io;
  const io::SyscallRecord call = work.kernel.msync(g->address, g->length);
  io::account(work.counters, call);
  r.begin_step(StepKind::writeback);
  publish_io(r, work);
  if (r.recording()) {
    r.touch(buffer);
    const std::string b = name_of(m, buffer), pages = std::to_string(call.pages_written_back.size()),
                      bytes = std::to_string(call.kernel_to_device),
                      range = hex(g->address) + ", " + std::to_string(g->length);
    r.narrate(
        b + ".force(): msync(" + range +
            ", MS_SYNC) writes the mapping's dirty page-cache pages to the disk now: " +
            text::plural(call.pages_written_back.size(), "page") + ", " + text::bytes(call.kernel_to_device) +
            ". Without it the kernel's flusher writes them back later; either way no Java copy "
            "is involved.",
        b + ".force()：msync(" + range + ", MS_SYNC) 立即把映射中的脏页缓存页写到磁盘：" + pages + " 页，" +
            bytes + " 字节。不调用它，内核的回写线程稍后也会写回；两种情况都不涉及 Java 的拷贝。",
        "java.nio.MappedByteBuffer.force -> MappedMemoryUtils.force -> force0 -> msync(MS_SYNC)");
  }
  r.end_step();
}

void mapped_load(io::IoRecorder& r, ObjectId buffer) {
  const io::IoMachine& m = r.machine();
  const auto g = mapped_range(m, buffer);
  if (!g) return nothing_step(r, buffer, "load()");
  io::IoSpaces work = *m.io;
  const std::size_t before = resident_pages(work.kernel, *g);
  for (std::int64_t at = 0; at < g->length; at += io::kPageSize) {
    std::byte x{};
    work.kernel.mapped_read(g->address + static_cast<std::uint64_t>(at),
                            std::span<std::byte>(&x, 1));  // x ^= getByte(a)
  }
  const std::size_t pages = static_cast<std::size_t>((g->length + io::kPageSize - 1) / io::kPageSize);
  const std::size_t faulted = resident_pages(work.kernel, *g) - before;
  r.begin_step(StepKind::buffer_op);
  if (!(work == *m.io)) publish_io(r, work);
  if (r.recording()) {
    r.touch(buffer);
    const std::string b = name_of(m, buffer);
    r.narrate(
        b + ".load(): madvise(WILLNEED), then one byte is read from each of the " + std::to_string(pages) +
            " page(s) so that they are "
            "resident: " +
            std::to_string(faulted) + " page fault(s) brought pages in from the disk.",
        b + ".load()：madvise(WILLNEED)，然后从 " + std::to_string(pages) + " 个页中各读一个字节使其驻留：" +
            std::to_string(faulted) + " 次缺页从磁盘读入了页。",
        "java.nio.MappedByteBuffer.load -> MappedMemoryUtils.load -> load0 (madvise) + a read per page");
  }
  r.end_step();
}

bool mapped_is_loaded(io::IoRecorder& r, ObjectId buffer) {
  const io::IoMachine& m = r.machine();
  const auto g = mapped_range(m, buffer);
  if (!g) {
    nothing_step(r, buffer, "isLoaded()");
    return true;
  }
  const bool loaded = m.io->kernel.resident(g->address, g->length);
  r.begin_step(StepKind::buffer_op);
  if (r.recording()) {
    r.touch(buffer);
    const std::string b = name_of(m, buffer), v = loaded ? "true" : "false";
    r.narrate(b + ".isLoaded() returns " + v + ": mincore says " +
                  (loaded ? "every page of the mapping is" : "not every page of the mapping is") +
                  " in the page cache now (a hint: the kernel may evict pages at any time).",
              b + ".isLoaded() 返回 " + v + "：mincore 表明映射的页" +
                  (loaded ? "此刻都在" : "此刻并不都在") + "页缓存中（只是提示：内核随时可能换出页）。",
              "java.nio.MappedByteBuffer.isLoaded -> MappedMemoryUtils.isLoaded -> isLoaded0 (mincore)");
  }
  r.end_step();
  return loaded;
}

}  // namespace heapviz::nio

namespace heapviz::io {

std::unique_ptr<nio::detail::TouchedStore> IoRecorder::mapped_store(std::uint64_t address,
                                                                    std::int64_t size) {
  return std::make_unique<nio::detail::RecordedMappedStore>(*this, address, size);
}

bool IoRecorder::run_unmapper(heap::ObjectId thunk, const std::string& thread) {
  return nio::detail::run_unmapper(*this, thunk, thread);
}

}  // namespace heapviz::io
