// DirectBufferHost over the machine's ByteBuffer objects (see machine_buffer_host.hpp).
#include "heapviz/io/machine_buffer_host.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "heapviz/heap/object_layout.hpp"
#include "heapviz/io/kernel_space.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/machine_buffers.hpp"

namespace heapviz::nio {

namespace {

inline constexpr std::string_view kTempScope = "sun.nio.ch.Util (temporary buffers)";

/// Records a store's writes; when the I/O code has no step open (e.g. the bounce copy happens before
/// its event is recorded), the write gets a step of its own so that it still reaches the trace.
class StepStore final : public ByteStore {
 public:
  StepStore(io::IoRecorder& r, std::unique_ptr<ByteStore> inner, bool native)
      : r_(r), inner_(std::move(inner)), native_(native) {}
  std::int64_t size() const override { return inner_->size(); }
  void read(std::int64_t index, std::span<std::byte> out) override { inner_->read(index, out); }
  void write(std::int64_t index, std::span<const std::byte> in) override {
    if (r_.step_open() || !r_.recording()) return inner_->write(index, in);
    r_.begin_step(StepKind::bounce_copy);
    const std::string n = std::to_string(in.size());
    r_.narrate(text::bytes(static_cast<std::int64_t>(in.size())) + (in.size() == 1 ? " is" : " are") +
                   " copied into the " +
                   (native_ ? "native memory of a direct buffer." : "byte[] of a heap buffer."),
               n + " 个字节被拷贝到" + (native_ ? "直接缓冲区的本地内存。" : "堆缓冲区的 byte[]。"),
               "Unsafe.copyMemory (ByteBuffer.put)");
    inner_->write(index, in);
    r_.end_step();
  }

 private:
  io::IoRecorder& r_;
  std::unique_ptr<ByteStore> inner_;
  bool native_;
};

std::string temp_name(io::BufferId id) {
  std::string s = std::to_string(id);
  s.insert(s.begin(), '#');  // not "#" + ...: GCC 12 reports a false -Wrestrict there
  return s;
}

/// The system root that keeps a temporary buffer alive: the thread's BufferCache (one root per buffer,
/// so the buffer's id keeps the name unique). The view shows it as "held by ...".
std::string cache_root_name(io::BufferId id) { return "sun.nio.ch.Util.bufferCache [" + temp_name(id) + "]"; }

}  // namespace

/// A MappedByteBuffer's bytes inside an I/O call: the page-cache pages of the call's working kernel
/// (looked up at each access: the buffer is loaded before the call attaches its kernel).
class MachineBufferHost::MappedPages final : public ByteStore {
 public:
  MappedPages(const MachineBufferHost& host, std::uint64_t address, std::int64_t size)
      : host_(host), address_(address), size_(size) {}
  std::int64_t size() const override { return size_; }
  void read(std::int64_t index, std::span<std::byte> out) override {
    if (!out.empty()) kernel().mapped_read(address_ + static_cast<std::uint64_t>(index), out);
  }
  void write(std::int64_t index, std::span<const std::byte> in) override {
    if (!in.empty()) kernel().mapped_write(address_ + static_cast<std::uint64_t>(index), in);
  }

 private:
  io::KernelSpace& kernel() const {
    if (host_.kernel_ == nullptr)
      throw std::logic_error("a mapped buffer's bytes were used outside an I/O call");
    return *host_.kernel_;
  }
  const MachineBufferHost& host_;
  std::uint64_t address_;
  std::int64_t size_;
};

struct MachineBufferHost::Entry {
  BufferState before;
  BufferState state;
  std::unique_ptr<ByteStore> store;
  std::uint64_t root_address = 0;
};

MachineBufferHost::MachineBufferHost(io::IoRecorder& r) : r_(r) {}
MachineBufferHost::~MachineBufferHost() = default;

io::BufferId MachineBufferHost::allocate_direct(int capacity) {
  const heap::ObjectId id = nio::allocate_direct(r_, capacity);
  r_.begin_step(StepKind::root_set);
  detail::set_system_root(r_, kTempScope, cache_root_name(id), id);
  if (r_.recording())
    r_.narrate("The temporary buffer " + detail::name_of(r_.machine(), id) +
                   " is reachable from the thread's buffer cache.",
               "临时缓冲区 " + detail::name_of(r_.machine(), id) + " 由线程的缓冲区缓存引用。",
               "sun.nio.ch.Util.getTemporaryDirectBuffer");
  r_.end_step();
  return id;
}

void MachineBufferHost::free(io::BufferId id) {
  entries_.erase(id);
  util_free(r_, id);
  r_.begin_step(StepKind::root_set);
  detail::set_system_root(r_, kTempScope, cache_root_name(id), heap::kNoObject);
  if (r_.recording())
    r_.narrate("The freed temporary buffer is no longer referenced by the buffer cache.",
               "已释放的临时缓冲区不再被缓冲区缓存引用。", "sun.nio.ch.Util.free");
  r_.end_step();
}

io::IoBuffer MachineBufferHost::buffer(io::BufferId id) {
  auto it = entries_.find(id);
  if (it == entries_.end()) {
    const io::IoMachine& m = r_.machine();
    auto e = std::make_unique<Entry>();
    e->state = detail::load_state(m, id);
    e->before = e->state;
    if (e->state.is_direct() && detail::mapped_fd(m, id) != heap::kNoObject) {
      const heap::ObjectId root = detail::direct_root(m, id);
      e->root_address = static_cast<std::uint64_t>(detail::read_i64(m, root, detail::off::address));
      e->store = std::make_unique<MappedPages>(*this, e->root_address,
                                               detail::read_i32(m, root, detail::off::capacity));
    } else if (e->state.is_direct()) {
      const heap::ObjectId root = detail::direct_root(m, id);
      e->root_address = static_cast<std::uint64_t>(detail::read_i64(m, root, detail::off::address));
      const std::int64_t size = detail::read_i32(m, root, detail::off::capacity);
      e->store = std::make_unique<StepStore>(
          r_, std::make_unique<detail::RecordedNativeStore>(r_, e->root_address, size), true);
    } else {
      const heap::ObjectId array = detail::read_ref(m, id, detail::off::hb);
      e->root_address = m.heap.record(array).addr + heap::layout::kArrayHeader;
      e->store = std::make_unique<StepStore>(r_, std::make_unique<detail::HeapArrayStore>(r_, array), false);
    }
    it = entries_.emplace(id, std::move(e)).first;
  }
  Entry& e = *it->second;
  return io::IoBuffer{id, &e.state, e.store.get(), e.root_address};
}

std::vector<io::BufferId> MachineBufferHost::sync_fields() {
  std::vector<io::BufferId> written;
  for (auto& [id, e] : entries_) {
    if (e->state == e->before || !r_.machine().heap.is_live(id)) continue;
    detail::store_state(r_, id, e->before, e->state);
    e->before = e->state;
    written.push_back(id);
  }
  return written;
}

std::vector<std::uint32_t> MachineBufferHost::objects_of(io::BufferId id) {
  const io::IoMachine& m = r_.machine();
  if (!m.heap.is_live(id)) return {id};
  if (detail::load_state(m, id).is_direct()) return {id};
  const heap::ObjectId array = detail::read_ref(m, id, detail::off::hb);
  if (array == heap::kNoObject) return {id};
  return {id, array};
}

std::string MachineBufferHost::name_of(io::BufferId id) {
  return r_.machine().heap.is_live(id) ? detail::name_of(r_.machine(), id) : temp_name(id);
}

void MachineBufferHost::commit() {
  for (auto& [id, e] : entries_) {
    if (e->state == e->before) continue;
    if (!r_.machine().heap.is_live(id)) continue;
    r_.begin_step(StepKind::buffer_op);
    const std::string changes = detail::store_state(r_, id, e->before, e->state);
    if (r_.recording()) {
      r_.touch(id);
      const std::string name = detail::name_of(r_.machine(), id);
      r_.narrate("The I/O call leaves " + name + " with " + changes + ".",
                 "I/O 调用结束后 " + name + "：" + changes + "。",
                 "java.nio.Buffer fields written by sun.nio.ch.IOUtil");
    }
    r_.end_step();
    e->before = e->state;
  }
}

}  // namespace heapviz::nio
