// KernelSpace: mappings of page-cache pages into the process (what FileChannel.map does).
#include <algorithm>
#include <stdexcept>

#include "heapviz/io/kernel_space.hpp"

namespace heapviz::io {

namespace {
// Walks [address, address + total) of mapping `m` one page piece at a time:
// fn(page index in the file, offset in that page, bytes in this piece, bytes done before it).
template <class Fn>
void for_each_page_piece(const Mapping& m, std::uint64_t address, std::int64_t total, Fn fn) {
  for (std::int64_t done = 0; done < total;) {
    const std::int64_t at = m.file_offset + static_cast<std::int64_t>(address - m.address) + done;
    const std::int64_t in_page = at % kPageSize;
    const std::int64_t n = std::min(total - done, kPageSize - in_page);
    fn(at / kPageSize, in_page, n, done);
    done += n;
  }
}
}  // namespace

SyscallRecord KernelSpace::mmap(Fd fd, std::int64_t offset, std::int64_t length, bool writable,
                                bool private_copy) {
  OpenFile* of = find_fd(fd);
  if (!of || of->kind != OpenFile::Kind::file || !of->readable) return fail("mmap", fd, Errno::EBADF_);
  if (writable && !private_copy && !of->writable) return fail("mmap", fd, Errno::EBADF_);
  if (offset < 0 || offset % kPageSize != 0 || length <= 0) return fail("mmap", fd, Errno::EINVAL_);
  Mapping m;
  m.address = next_mmap_;
  m.file = of->file;
  m.file_offset = offset;
  m.length = length;
  m.writable = writable;
  m.private_copy = private_copy;
  const std::int64_t pages = (length + kPageSize - 1) / kPageSize;
  next_mmap_ += static_cast<std::uint64_t>(pages + 1) * kPageSize;  // one guard page between mappings
  mappings_[m.address] = m;
  SyscallRecord rec;
  rec.name = "mmap";
  rec.fd = fd;
  rec.file_offset = offset;
  rec.result = static_cast<std::int64_t>(m.address);
  return rec;
}

SyscallRecord KernelSpace::munmap(std::uint64_t address) {
  SyscallRecord rec;
  rec.name = "munmap";
  if (mappings_.erase(address) == 0) {
    rec.error = Errno::EINVAL_;
    rec.result = -static_cast<std::int64_t>(Errno::EINVAL_);
  }
  return rec;
}

const Mapping* KernelSpace::mapping_at(std::uint64_t address) const {
  for (const auto& [start, m] : mappings_)
    if (address >= start && address < start + static_cast<std::uint64_t>(m.length)) return &m;
  return nullptr;
}

const Mapping* KernelSpace::mapping_containing(std::uint64_t address, std::int64_t length) const {
  for (const auto& [start, m] : mappings_) {
    if (address >= start &&
        address + static_cast<std::uint64_t>(length) <= start + static_cast<std::uint64_t>(m.length))
      return &m;
  }
  throw std::out_of_range("access outside any mapping (SIGSEGV)");
}

void KernelSpace::check_mapped_store(std::uint64_t address, std::int64_t length) const {
  if (!mapping_containing(address, length)->writable)
    throw std::out_of_range("store to a read-only mapping (SIGSEGV)");
}

SyscallRecord KernelSpace::mapped_read(std::uint64_t address, std::span<std::byte> out) {
  SyscallRecord rec;
  rec.name = "load";  // not a syscall: a CPU load, page faults fill missing pages
  const Mapping& m = *mapping_containing(address, static_cast<std::int64_t>(out.size()));
  KernelFile& f = file_ref(m.file);
  const auto total = static_cast<std::int64_t>(out.size());
  for_each_page_piece(
      m, address, total, [&](std::int64_t index, std::int64_t in_page, std::int64_t n, std::int64_t done) {
        const auto priv = m.private_pages.find(index);
        const std::vector<std::byte>& bytes =
            priv != m.private_pages.end() ? priv->second : page(f, index, rec, false).bytes.get();
        std::copy_n(bytes.begin() + in_page, n, out.begin() + done);
        rec.pages_touched.push_back(index);
      });
  rec.result = total;
  return rec;
}

SyscallRecord KernelSpace::mapped_write(std::uint64_t address, std::span<const std::byte> in) {
  SyscallRecord rec;
  rec.name = "store";
  check_mapped_store(address, static_cast<std::int64_t>(in.size()));
  Mapping& m = mappings_.at(mapping_containing(address, static_cast<std::int64_t>(in.size()))->address);
  KernelFile& f = file_ref(m.file);
  const auto total = static_cast<std::int64_t>(in.size());
  for_each_page_piece(
      m, address, total, [&](std::int64_t index, std::int64_t in_page, std::int64_t n, std::int64_t done) {
        if (m.private_copy) {
          auto priv = m.private_pages.find(index);
          if (priv == m.private_pages.end())
            priv = m.private_pages.emplace(index, page(f, index, rec, false).bytes.get()).first;
          std::copy_n(in.begin() + done, n, priv->second.begin() + in_page);
        } else {
          CachedPage& p = page(f, index, rec, false);
          std::copy_n(in.begin() + done, n, p.bytes.mut().begin() + in_page);
          if (!p.dirty) rec.pages_dirtied.push_back(index);
          p.dirty = true;
        }
        rec.pages_touched.push_back(index);
      });
  rec.result = total;
  return rec;
}

SyscallRecord KernelSpace::msync(std::uint64_t address, std::int64_t length) {
  SyscallRecord rec;
  rec.name = "msync";
  if (address % kPageSize != 0 || length < 0) {
    rec.error = Errno::EINVAL_;
    rec.result = -static_cast<std::int64_t>(Errno::EINVAL_);
    return rec;
  }
  const Mapping* m = length == 0 ? mapping_at(address) : nullptr;
  if (length > 0) {
    for (const auto& [start, mp] : mappings_)
      if (address >= start &&
          address + static_cast<std::uint64_t>(length) <=
              start + static_cast<std::uint64_t>(mp.length + kPageSize - 1) / kPageSize * kPageSize)
        m = &mp;
  }
  if (m == nullptr) {
    rec.error =
        Errno::EINVAL_;  // Linux says ENOMEM; the simulated Errno has no such value (never reached from Java)
    rec.result = -static_cast<std::int64_t>(Errno::EINVAL_);
    return rec;
  }
  if (m->private_copy || length == 0) return rec;
  KernelFile& f = file_ref(m->file);
  std::vector<std::byte>& disk = device_.files[f.id].mut();
  disk.resize(static_cast<std::size_t>(f.size));  // the data of the range needs the size on disk too
  const std::int64_t first = (m->file_offset + static_cast<std::int64_t>(address - m->address)) / kPageSize;
  const std::int64_t last =
      (m->file_offset + static_cast<std::int64_t>(address - m->address) + length - 1) / kPageSize;
  for (auto it = f.pages.lower_bound(first); it != f.pages.end() && it->first <= last; ++it) {
    CachedPage& p = it->second;
    if (!p.dirty) continue;
    const std::int64_t start = it->first * kPageSize;
    if (start < f.size) {
      const std::int64_t n = std::min(kPageSize, f.size - start);
      std::copy_n(p.bytes.get().begin(), n, disk.begin() + start);
      rec.kernel_to_device += n;
    }
    p.dirty = false;
    rec.pages_written_back.push_back(it->first);
  }
  return rec;
}

bool KernelSpace::resident(std::uint64_t address, std::int64_t length) const {
  const Mapping* m = mapping_at(address);
  if (m == nullptr) return false;
  const auto fi = files_.find(m->file);
  if (fi == files_.end()) return false;
  const std::int64_t at = m->file_offset + static_cast<std::int64_t>(address - m->address);
  for (std::int64_t index = at / kPageSize; index <= (at + std::max<std::int64_t>(length, 1) - 1) / kPageSize;
       ++index)
    if (!fi->second.pages.count(index) && !m->private_pages.count(index)) return false;
  return true;
}

}  // namespace heapviz::io
