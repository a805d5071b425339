// The byte ranges of a system call, in the coordinates the view draws (see io_ranges.hpp).
#include "heapviz/io/io_ranges.hpp"

#include <algorithm>

namespace heapviz::io {

namespace {

using heap::SpaceId;

/// A run of file bytes inside one cached page: its kernel address and length.
struct Piece {
  std::uint64_t address = 0;
  std::int64_t length = 0;
};

/// Splits file bytes [offset, offset + n) at page boundaries; pages not cached are skipped.
std::vector<Piece> page_pieces(const KernelFile& f, std::int64_t offset, std::int64_t n) {
  std::vector<Piece> out;
  while (n > 0) {
    const std::int64_t index = offset / kPageSize;
    const std::int64_t in_page = offset % kPageSize;
    const std::int64_t len = std::min(n, kPageSize - in_page);
    const auto it = f.pages.find(index);
    if (it != f.pages.end())
      out.push_back({it->second.kernel_address + static_cast<std::uint64_t>(in_page), len});
    offset += len;
    n -= len;
  }
  return out;
}

/// Where a call's other end lives in the kernel: page-cache pieces of a file, or a stream buffer.
std::vector<Piece> kernel_side(const KernelSpace& k, Fd fd, std::int64_t file_offset, std::int64_t n) {
  const OpenFile* of = k.fd(fd);
  if (!of || n <= 0) return {};
  if (of->kind == OpenFile::Kind::file) {
    const KernelFile* f = k.file(of->file);
    return f && file_offset >= 0 ? page_pieces(*f, file_offset, n) : std::vector<Piece>{};
  }
  const StreamBuffer* s = k.stream(of->stream);
  return s ? std::vector<Piece>{{s->kernel_address, n}} : std::vector<Piece>{};
}

/// Pairs two lists of pieces covering the same bytes in order into ranges a -> b.
void zip(const std::vector<Piece>& a, SpaceId a_space, const std::vector<Piece>& b, SpaceId b_space,
         std::vector<ByteRange>& out) {
  std::size_t i = 0, j = 0;
  std::int64_t ai = 0, bj = 0;  // bytes already used of a[i], b[j]
  while (i < a.size() && j < b.size()) {
    const std::int64_t len = std::min(a[i].length - ai, b[j].length - bj);
    const std::uint64_t from = a[i].address + static_cast<std::uint64_t>(ai),
                        to = b[j].address + static_cast<std::uint64_t>(bj);
    ByteRange* last = out.empty() ? nullptr : &out.back();
    if (last && last->space == a_space && last->to_space == b_space && last->from + last->length == from &&
        last->to + last->length == to) {
      last->length +=
          static_cast<std::uint64_t>(len);  // adjacent on both sides (consecutive page frames): one range
    } else {
      out.push_back(ByteRange{a_space, a[i].address + static_cast<std::uint64_t>(ai),
                              b[j].address + static_cast<std::uint64_t>(bj), static_cast<std::uint64_t>(len),
                              b_space});
    }
    ai += len;
    bj += len;
    if (ai == a[i].length) ++i, ai = 0;
    if (bj == b[j].length) ++j, bj = 0;
  }
}

std::vector<Piece> user_pieces(const SyscallRecord& c) {
  std::vector<Piece> out;
  for (const UserRange& r : c.user) out.push_back({r.address, r.length});
  return out;
}

/// Device -> page cache for pages read from the disk first (a miss, or a partial page written).
void filled_pages(const KernelSpace& k, const KernelFile& f, const SyscallRecord& c,
                  std::vector<ByteRange>& out) {
  for (const std::int64_t index : c.pages_filled) {
    const auto it = f.pages.find(index);
    const auto disk = k.device().files.find(f.id);
    if (it == f.pages.end() || disk == k.device().files.end()) continue;
    const std::int64_t start = index * kPageSize;
    const std::int64_t n =
        std::min<std::int64_t>(kPageSize, static_cast<std::int64_t>(disk->second.size()) - start);
    if (n <= 0) continue;
    out.push_back(ByteRange{SpaceId::device, device_address(k, f.id, start), it->second.kernel_address,
                            static_cast<std::uint64_t>(n), SpaceId::kernel});
  }
}

}  // namespace

std::uint64_t device_base(const KernelSpace& kernel, FileId file) {
  std::uint64_t base = 0;
  for (const auto& [id, f] : kernel.files()) {
    if (id == file) break;
    const auto disk = kernel.device().files.find(id);
    const std::uint64_t on_disk = disk == kernel.device().files.end() ? 0 : disk->second.size();
    base += std::max<std::uint64_t>(on_disk, 1);
  }
  return base;
}

std::uint64_t device_address(const KernelSpace& kernel, FileId file, std::int64_t offset) {
  return device_base(kernel, file) + static_cast<std::uint64_t>(offset);
}

std::vector<ByteRange> page_cache_ranges(const KernelSpace& kernel, FileId file, std::int64_t offset,
                                         std::int64_t n) {
  std::vector<ByteRange> out;
  const KernelFile* f = kernel.file(file);
  if (!f || offset < 0) return out;
  for (const Piece& p : page_pieces(*f, offset, n))
    out.push_back(ByteRange{SpaceId::kernel, p.address, p.address, static_cast<std::uint64_t>(p.length),
                            SpaceId::kernel});
  return out;
}

std::vector<ByteRange> syscall_ranges(const KernelSpace& k, const SyscallRecord& c) {
  std::vector<ByteRange> out;
  if (!c.ok()) return out;
  if (c.kernel_to_device > 0 || !c.pages_written_back.empty()) {  // writeback, fsync, fdatasync
    const KernelFile* f = k.file(c.file);
    if (!f) return out;
    for (const std::int64_t index : c.pages_written_back) {
      const auto it = f->pages.find(index);
      const std::int64_t start = index * kPageSize;
      const std::int64_t n = std::min<std::int64_t>(kPageSize, f->size - start);
      if (it == f->pages.end() || n <= 0) continue;
      out.push_back(ByteRange{SpaceId::kernel, it->second.kernel_address, device_address(k, f->id, start),
                              static_cast<std::uint64_t>(n), SpaceId::device});
    }
    return out;
  }
  if (c.kernel_to_kernel > 0) {  // sendfile: one file's pages -> the target's pages or stream
    const OpenFile* in = k.fd(c.in_fd);
    const KernelFile* src = in ? k.file(in->file) : nullptr;
    if (!src) return out;
    filled_pages(k, *src, c, out);
    zip(page_pieces(*src, c.file_offset, c.kernel_to_kernel), SpaceId::kernel,
        kernel_side(k, c.fd, c.out_offset, c.kernel_to_kernel), SpaceId::kernel, out);
    return out;
  }
  const OpenFile* of = k.fd(c.fd);
  if (of && of->kind == OpenFile::Kind::file)
    if (const KernelFile* f = k.file(of->file)) filled_pages(k, *f, c, out);
  if (c.user_to_kernel > 0)
    zip(user_pieces(c), SpaceId::native, kernel_side(k, c.fd, c.file_offset, c.user_to_kernel),
        SpaceId::kernel, out);
  else if (c.kernel_to_user > 0)
    zip(kernel_side(k, c.fd, c.file_offset, c.kernel_to_user), SpaceId::kernel, user_pieces(c),
        SpaceId::native, out);
  return out;
}

}  // namespace heapviz::io
