#include "interp_io.hpp"

#include "heapviz/io/machine_heap_write.hpp"
#include "heapviz/io/machine_io.hpp"
#include "heapviz/java_throwable.hpp"
#include "heapviz/nio/machine_buffer_host.hpp"

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

std::uint32_t channel_open(Recorder& r, const std::string& thread, const std::string& path, const std::vector<std::string>& options) {
  io::OpenOptions o;
  for (const std::string& name : options)
    if (!o.add(name)) throw JavaException{JavaThrowable{"java.lang.UnsupportedOperationException", name + " not supported"}};
  return with_host(r, [&](io::DirectBufferHost& h) { return io::on_machine::open(r, h, thread, path, o); });
}

int channel_write(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer) {
  return with_host(r, [&](io::DirectBufferHost& h) { return io::on_machine::write(r, h, thread, ch, h.buffer(buffer)); });
}

int channel_read(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer, std::optional<std::int64_t> position) {
  return with_host(r, [&](io::DirectBufferHost& h) { return io::on_machine::read(r, h, thread, ch, h.buffer(buffer), position); });
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

std::int64_t channel_transfer_to(Recorder& r, const std::string& thread, std::uint32_t ch, std::int64_t position, std::int64_t count,
                                 std::uint32_t target) {
  return with_host(r, [&](io::DirectBufferHost& h) { return io::on_machine::transfer_to(r, h, thread, ch, position, count, target); });
}

void channel_close(Recorder& r, const std::string& thread, std::uint32_t ch) {
  with_host(r, [&](io::DirectBufferHost& h) { io::on_machine::close(r, h, thread, ch); });
}

std::optional<io::HeapWriteMode> heap_write_mode(const std::vector<std::string>& hypotheticals) {
  for (const std::string& h : hypotheticals) {
    if (h == "os-reads-heap") return io::HeapWriteMode::os_reads_heap;
    if (h == "pin-heap-array") return io::HeapWriteMode::pin_heap_array;
  }
  return std::nullopt;
}

std::optional<int> channel_write_heap_address(Recorder& r, const std::string& thread, std::uint32_t ch, heap::ObjectId buffer,
                                              io::HeapWriteMode mode) {
  nio::MachineBufferHost host(r);
  const io::IoBuffer src = host.buffer(buffer);
  if (!io::on_machine::takes_heap_address_path(r, ch, src)) return std::nullopt;
  const int n = io::on_machine::heap_address_write(r, thread, ch, src, mode);
  // The buffer's new position is part of the same scenario: its step carries the same label.
  r.set_narration_prefix(io::on_machine::heap_write_label_en(mode), io::on_machine::heap_write_label_zh(mode));
  host.commit();
  r.set_narration_prefix("", "");
  return n;
}

void io_thread_exit(Recorder& r, const std::string& thread) {
  with_host(r, [&](io::DirectBufferHost& h) { io::on_machine::thread_exit(r, h, thread); });
}

}  // namespace heapviz::lang::interp
