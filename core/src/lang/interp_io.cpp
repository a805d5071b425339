#include "interp_io.hpp"

#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/io/machine_buffer_host.hpp"
#include "heapviz/io/machine_heap_write.hpp"
#include "heapviz/io/machine_io.hpp"
#include "heapviz/io/mapped_buffers.hpp"

namespace heapviz::lang::interp {
namespace {

/// Runs one I/O call with a fresh host; buffer states changed by the call are written back to the
/// objects afterwards, also when the call throws.
template <class F>
auto with_host(Recorder& r, F&& f) {
  nio::MachineBufferHost host(r);
  try {
    if constexpr (std::is_void_v<decltype(f(host))>) {
      f(host);
      host.commit();
    } else {
      auto result = f(host);
      host.commit();
      return result;
    }
  } catch (const JavaException&) {
    host.commit();
    throw;
  }
}

}  // namespace

std::uint32_t channel_open(Recorder& r, const std::string& thread, const std::string& path,
                           const std::vector<std::string>& options) {
  io::OpenOptions o;
  for (const std::string& name : options)
    if (!o.add(name))
      throw JavaException{JavaThrowable{"java.lang.UnsupportedOperationException", name + " not supported"}};
  return with_host(r, [&](io::DirectBufferHost& h) { return io::on_machine::open(r, h, thread, path, o); });
}

int channel_write(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer) {
  return with_host(
      r, [&](io::DirectBufferHost& h) { return io::on_machine::write(r, h, thread, ch, h.buffer(buffer)); });
}

int channel_read(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer,
                 std::optional<std::int64_t> position) {
  return with_host(r, [&](io::DirectBufferHost& h) {
    return io::on_machine::read(r, h, thread, ch, h.buffer(buffer), position);
  });
}

std::int64_t channel_size(Recorder& r, const std::string& thread, std::uint32_t ch) {
  return with_host(r, [&](io::DirectBufferHost& h) { return io::on_machine::size(r, h, thread, ch); });
}

std::int64_t channel_position(Recorder& r, const std::string& thread, std::uint32_t ch) {
  return with_host(r, [&](io::DirectBufferHost& h) { return io::on_machine::position(r, h, thread, ch); });
}

void channel_force(Recorder& r, const std::string& thread, std::uint32_t ch, bool meta_data) {
  with_host(r, [&](io::DirectBufferHost& h) { io::on_machine::force(r, h, thread, ch, meta_data); });
}

std::int64_t channel_transfer_to(Recorder& r, const std::string& thread, std::uint32_t ch,
                                 std::int64_t position, std::int64_t count, std::uint32_t target) {
  return with_host(r, [&](io::DirectBufferHost& h) {
    return io::on_machine::transfer_to(r, h, thread, ch, position, count, target);
  });
}

void channel_close(Recorder& r, const std::string& thread, std::uint32_t ch) {
  with_host(r, [&](io::DirectBufferHost& h) { io::on_machine::close(r, h, thread, ch); });
}

std::optional<io::HeapWriteMode> heap_write_mode(const std::vector<Hypothetical>& hypotheticals) {
  for (const Hypothetical h : hypotheticals) {
    if (h == Hypothetical::os_reads_heap) return io::HeapWriteMode::os_reads_heap;
    if (h == Hypothetical::pin_heap_array) return io::HeapWriteMode::pin_heap_array;
  }
  return std::nullopt;
}

std::optional<int> channel_write_heap_address(Recorder& r, const std::string& thread, std::uint32_t ch,
                                              heap::ObjectId buffer, io::HeapWriteMode mode) {
  nio::MachineBufferHost host(r);
  const io::IoBuffer src = host.buffer(buffer);
  if (!io::on_machine::takes_heap_address_path(r, ch, src)) return std::nullopt;
  const int n = io::on_machine::heap_address_write(r, thread, ch, src, mode);
  // The buffer's new position is part of the same scenario: its step carries the same label.
  r.set_narration_prefix(io::on_machine::heap_write_label_en(mode),
                         io::on_machine::heap_write_label_zh(mode));
  host.commit();
  r.set_narration_prefix("", "");
  return n;
}

heap::ObjectId channel_map(Recorder& r, const std::string& thread, std::uint32_t ch, const std::string& mode,
                           std::int64_t position, std::int64_t size) {
  const io::MapMode m = mode == "READ_ONLY"    ? io::MapMode::read_only
                        : mode == "READ_WRITE" ? io::MapMode::read_write
                                               : io::MapMode::private_copy;
  const io::MappedBuffer mb = with_host(
      r, [&](io::DirectBufferHost& h) { return io::on_machine::map(r, h, thread, ch, m, position, size); });
  return nio::new_mapped_buffer(r, thread, mb);
}

int channel_write_at(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer,
                     std::int64_t position) {
  return with_host(r, [&](io::DirectBufferHost& h) {
    return io::on_machine::write(r, h, thread, ch, h.buffer(buffer), position);
  });
}

namespace {
std::vector<io::IoBuffer> io_buffers(io::DirectBufferHost& h, const std::vector<heap::ObjectId>& buffers) {
  std::vector<io::IoBuffer> out;
  for (const heap::ObjectId b : buffers) out.push_back(h.buffer(b));
  return out;
}
}  // namespace

std::int64_t channel_write_gather(Recorder& r, const std::string& thread, std::uint32_t ch,
                                  const std::vector<heap::ObjectId>& buffers) {
  return with_host(r, [&](io::DirectBufferHost& h) {
    std::vector<io::IoBuffer> bs = io_buffers(h, buffers);
    return io::on_machine::write(r, h, thread, ch, std::span<io::IoBuffer>(bs));
  });
}

std::int64_t channel_read_scatter(Recorder& r, const std::string& thread, std::uint32_t ch,
                                  const std::vector<heap::ObjectId>& buffers) {
  return with_host(r, [&](io::DirectBufferHost& h) {
    std::vector<io::IoBuffer> bs = io_buffers(h, buffers);
    return io::on_machine::read(r, h, thread, ch, std::span<io::IoBuffer>(bs));
  });
}

void channel_truncate(Recorder& r, const std::string& thread, std::uint32_t ch, std::int64_t size) {
  with_host(r, [&](io::DirectBufferHost& h) { io::on_machine::truncate(r, h, thread, ch, size); });
}

void channel_set_position(Recorder& r, const std::string& thread, std::uint32_t ch, std::int64_t position) {
  with_host(r, [&](io::DirectBufferHost& h) { io::on_machine::set_position(r, h, thread, ch, position); });
}

void io_thread_exit(Recorder& r, const std::string& thread) {
  with_host(r, [&](io::DirectBufferHost& h) { io::on_machine::thread_exit(r, h, thread); });
}

}  // namespace heapviz::lang::interp
