// The inspector's view of a ByteBuffer's bytes and a hex dump of any address space (buffer_dump.hpp).
#include "heapviz/io/buffer_dump.hpp"

#include <algorithm>
#include <cstdio>

#include "heapviz/heap/object_layout.hpp"
#include "heapviz/io/io_ranges.hpp"
#include "heapviz/io/io_spaces.hpp"
#include "heapviz/io/mapped_buffers.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/machine_buffers.hpp"

namespace heapviz::nio {

using namespace detail;

std::vector<std::byte> buffer_window(const io::IoMachine& m, heap::ObjectId buffer) {
  const BufferState s = buffer_state(m, buffer);
  std::vector<std::byte> out(static_cast<std::size_t>(s.capacity));
  if (out.empty()) return out;
  if (s.is_direct() && mapped_fd(m, buffer) != heap::kNoObject) {
    out = mapped_window(m, static_cast<std::uint64_t>(read_i64(m, buffer, off::address)), out.size());
  } else if (s.is_direct()) {
    m.native.read(static_cast<std::uint64_t>(read_i64(m, buffer, off::address)), out);
  } else {
    const heap::ObjectId hb = read_ref(m, buffer, off::hb);
    m.heap.space.read(
        m.heap.record(hb).addr + heap::layout::kArrayHeader + static_cast<std::uint64_t>(s.offset),
        out.data(), out.size());
  }
  return out;
}

heap::ObjectId buffer_for(const io::IoMachine& m, heap::ObjectId id) {
  if (!m.heap.is_live(id)) return heap::kNoObject;
  if (is_byte_buffer(m, id)) return id;
  for (heap::ObjectId b = 1; b < m.heap.next_id(); ++b)
    if (m.heap.is_live(b) && is_byte_buffer(m, b) && !load_state(m, b).is_direct() &&
        read_ref(m, b, off::hb) == id)
      return b;
  return heap::kNoObject;
}

std::optional<BufferDump> buffer_dump(const io::IoMachine& m, heap::ObjectId buffer, int first, int count) {
  if (!m.heap.is_live(buffer) || !is_byte_buffer(m, buffer)) return std::nullopt;
  const BufferState s = load_state(m, buffer);
  BufferDump d;
  d.buffer = buffer;
  d.direct = s.is_direct();
  d.position = s.position;
  d.limit = s.limit;
  d.capacity = s.capacity;
  d.mark = s.mark;
  d.first = std::clamp(first, 0, s.capacity);
  const int n = std::clamp(count, 0, s.capacity - d.first);
  std::vector<std::byte> raw(static_cast<std::size_t>(n));
  if (d.direct) {
    d.space = heap::SpaceId::native;
    d.address = static_cast<std::uint64_t>(read_i64(m, buffer, off::address));
    if (s.capacity > 0 && !m.native.chunk_containing(d.address)) {
      d.bytes_known = false;
      return d;
    }
    if (n > 0) m.native.peek(d.address + static_cast<std::uint64_t>(d.first), raw);
  } else {
    d.space = heap::SpaceId::java_heap;
    const heap::ObjectId hb = read_ref(m, buffer, off::hb);
    if (!m.heap.is_live(hb)) return std::nullopt;
    d.address = m.heap.record(hb).addr + heap::layout::kArrayHeader + static_cast<std::uint64_t>(s.offset);
    if (n > 0) m.heap.space.read(d.address + static_cast<std::uint64_t>(d.first), raw.data(), raw.size());
  }
  d.bytes.reserve(raw.size());
  for (const std::byte b : raw) d.bytes.push_back(static_cast<std::uint8_t>(b));
  return d;
}

namespace {

/// One byte of `space` at `a`, or nullopt where nothing is (outside the heap, no cached page, no file).
std::optional<std::uint8_t> byte_at(const io::IoMachine& m, heap::SpaceId space, std::uint64_t a) {
  switch (space) {
    case heap::SpaceId::java_heap:
      if (!m.heap.space.contains(a)) return std::nullopt;
      return m.heap.space.read_u8(a);
    case heap::SpaceId::native: {
      if (!m.native.chunk_containing(a)) return std::nullopt;
      std::byte b{};
      m.native.peek(a, std::span<std::byte>(&b, 1));
      return static_cast<std::uint8_t>(b);
    }
    case heap::SpaceId::kernel:
      for (const auto& [id, f] : m.io->kernel.files())
        for (const auto& [index, p] : f.pages)
          if (a >= p.kernel_address && a < p.kernel_address + static_cast<std::uint64_t>(io::kPageSize))
            return static_cast<std::uint8_t>(p.bytes.get()[static_cast<std::size_t>(a - p.kernel_address)]);
      return std::nullopt;
    case heap::SpaceId::device:
      for (const auto& [id, bytes] : m.io->kernel.device().files) {
        const std::uint64_t base = io::device_base(m.io->kernel, id);
        if (a >= base && a < base + bytes.size())
          return static_cast<std::uint8_t>(bytes.get()[static_cast<std::size_t>(a - base)]);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> hex_dump(const io::IoMachine& m, heap::SpaceId space, std::uint64_t addr,
                                  std::uint64_t len) {
  std::vector<std::string> lines;
  for (std::uint64_t a = addr; a < addr + len; a += 16) {
    std::string line = hex(a) + ":";
    for (std::uint64_t i = a; i < std::min(a + 16, addr + len); ++i) {
      const auto v = byte_at(m, space, i);
      char buf[4];
      if (v)
        std::snprintf(buf, sizeof buf, " %02x", *v);
      else
        std::snprintf(buf, sizeof buf, " ..");
      line += buf;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace heapviz::nio
