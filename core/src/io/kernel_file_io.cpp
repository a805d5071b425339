// KernelSpace: read/write/pread/pwrite/readv/writev on files and streams, and sendfile.
#include <algorithm>
#include <stdexcept>

#include "heapviz/io/kernel_space.hpp"

namespace heapviz::io {

CachedPage& KernelSpace::page(KernelFile& f, std::int64_t index, SyscallRecord& rec,
                              bool whole_page_overwrite) {
  const auto it = f.pages.find(index);
  if (it != f.pages.end()) return it->second;
  CachedPage p;
  p.index = index;
  p.kernel_address = kPageCacheBase + next_frame_++ * static_cast<std::uint64_t>(kPageSize);
  p.bytes = SharedBytes(std::vector<std::byte>(static_cast<std::size_t>(kPageSize)));
  // A miss is filled from the disk, unless the write replaces the whole page (no read needed).
  const auto disk = device_.files.find(f.id);
  const std::int64_t start = index * kPageSize;
  if (!whole_page_overwrite && disk != device_.files.end() &&
      start < static_cast<std::int64_t>(disk->second.size())) {
    const std::int64_t n = std::min(kPageSize, static_cast<std::int64_t>(disk->second.size()) - start);
    std::copy_n(disk->second.begin() + start, n, p.bytes.mut().begin());
    rec.device_to_kernel += n;
    rec.pages_filled.push_back(index);
  }
  return f.pages[index] = std::move(p);
}

void KernelSpace::read_file(KernelFile& f, std::int64_t offset, std::span<std::byte> out,
                            SyscallRecord& rec) {
  std::int64_t done = 0;
  const auto total = static_cast<std::int64_t>(out.size());
  while (done < total) {
    const std::int64_t at = offset + done;
    const std::int64_t index = at / kPageSize;
    const std::int64_t in_page = at % kPageSize;
    const std::int64_t n = std::min(total - done, kPageSize - in_page);
    const CachedPage& p = page(f, index, rec, false);
    std::copy_n(p.bytes.begin() + in_page, n, out.begin() + done);
    rec.pages_touched.push_back(index);
    done += n;
  }
}

void KernelSpace::write_file(KernelFile& f, std::int64_t offset, std::span<const std::byte> data,
                             SyscallRecord& rec) {
  std::int64_t done = 0;
  const auto total = static_cast<std::int64_t>(data.size());
  while (done < total) {
    const std::int64_t at = offset + done;
    const std::int64_t index = at / kPageSize;
    const std::int64_t in_page = at % kPageSize;
    const std::int64_t n = std::min(total - done, kPageSize - in_page);
    CachedPage& p = page(f, index, rec, in_page == 0 && n == kPageSize);
    std::copy_n(data.begin() + done, n, p.bytes.mut().begin() + in_page);
    rec.pages_touched.push_back(index);
    if (!p.dirty) rec.pages_dirtied.push_back(index);
    p.dirty = true;
    done += n;
  }
  f.size = std::max(f.size, offset + total);
}

std::int64_t KernelSpace::write_stream(StreamBuffer& s, std::span<const std::byte> data, SyscallRecord& rec) {
  const std::int64_t room = s.capacity - static_cast<std::int64_t>(s.bytes.size());
  const std::int64_t n = std::min(room, static_cast<std::int64_t>(data.size()));
  s.bytes.insert(s.bytes.end(), data.begin(), data.begin() + n);
  if (n < static_cast<std::int64_t>(data.size())) rec.would_block = true;
  return n;
}

std::int64_t KernelSpace::read_stream(StreamBuffer& s, std::span<std::byte> out, bool from_peer,
                                      SyscallRecord& rec) {
  std::deque<std::byte>& q = from_peer ? s.from_peer : s.bytes;
  const std::int64_t n = std::min(static_cast<std::int64_t>(q.size()), static_cast<std::int64_t>(out.size()));
  std::copy_n(q.begin(), n, out.begin());
  q.erase(q.begin(), q.begin() + n);
  if (n == 0 && !out.empty()) rec.would_block = true;
  return n;
}

SyscallRecord KernelSpace::write_at(Fd fd, std::string name, std::span<const std::byte> data,
                                    std::optional<std::int64_t> position) {
  OpenFile* of = find_fd(fd);
  if (!of || !of->writable) return fail(std::move(name), fd, Errno::EBADF_);
  SyscallRecord rec;
  rec.name = std::move(name);
  rec.fd = fd;
  if (of->kind == OpenFile::Kind::file) {
    KernelFile& f = file_ref(of->file);
    if (position && *position < 0) return fail(rec.name, fd, Errno::EINVAL_);
    // Linux: pwrite on an O_APPEND fd appends anyway (a documented bug in pwrite(2)).
    const std::int64_t at = of->append ? f.size : position.value_or(of->offset);
    std::int64_t n = static_cast<std::int64_t>(data.size());
    if (f.short_write_limit) n = std::min(n, *f.short_write_limit);
    write_file(f, at, data.first(static_cast<std::size_t>(n)), rec);
    rec.file_offset = at;
    if (!position) of->offset = at + n;
    rec.result = n;
  } else {
    if (position) return fail(rec.name, fd, Errno::ESPIPE_);
    rec.result = write_stream(stream_ref(of->stream), data, rec);
  }
  rec.user_to_kernel = rec.result;
  return rec;
}

SyscallRecord KernelSpace::read_at(Fd fd, std::string name, std::span<std::byte> out,
                                   std::optional<std::int64_t> position) {
  OpenFile* of = find_fd(fd);
  if (!of || !of->readable) return fail(std::move(name), fd, Errno::EBADF_);
  SyscallRecord rec;
  rec.name = std::move(name);
  rec.fd = fd;
  if (of->kind == OpenFile::Kind::file) {
    KernelFile& f = file_ref(of->file);
    if (position && *position < 0) return fail(rec.name, fd, Errno::EINVAL_);
    const std::int64_t at = position.value_or(of->offset);
    const std::int64_t n = std::clamp<std::int64_t>(f.size - at, 0, static_cast<std::int64_t>(out.size()));
    read_file(f, at, out.first(static_cast<std::size_t>(n)), rec);
    rec.file_offset = at;
    if (!position) of->offset = at + n;
    rec.result = n;
  } else {
    if (position) return fail(rec.name, fd, Errno::ESPIPE_);
    rec.result = read_stream(stream_ref(of->stream), out, of->kind == OpenFile::Kind::socket, rec);
  }
  rec.kernel_to_user = rec.result;
  return rec;
}

namespace {
/// The first `n` bytes of the user ranges `iov` (what a call actually moved).
std::vector<UserRange> moved_prefix(const std::vector<UserRange>& iov, std::int64_t n) {
  std::vector<UserRange> out;
  for (const UserRange& r : iov) {
    if (n <= 0) break;
    const std::int64_t len = std::min(n, r.length);
    out.push_back({r.address, len});
    n -= len;
  }
  return out;
}

SyscallRecord with_user(SyscallRecord rec, const std::vector<UserRange>& iov) {
  if (rec.ok()) rec.user = moved_prefix(iov, rec.result);
  return rec;
}
}  // namespace

SyscallRecord KernelSpace::write(Fd fd, std::uint64_t address, std::span<const std::byte> data) {
  return with_user(write_at(fd, "write", data, std::nullopt),
                   {{address, static_cast<std::int64_t>(data.size())}});
}

SyscallRecord KernelSpace::pwrite(Fd fd, std::uint64_t address, std::span<const std::byte> data,
                                  std::int64_t offset) {
  return with_user(write_at(fd, "pwrite64", data, offset),
                   {{address, static_cast<std::int64_t>(data.size())}});
}

SyscallRecord KernelSpace::writev(Fd fd, const std::vector<UserRange>& iov, std::span<const std::byte> data) {
  return with_user(write_at(fd, "writev", data, std::nullopt), iov);
}

SyscallRecord KernelSpace::read(Fd fd, std::uint64_t address, std::span<std::byte> out) {
  return with_user(read_at(fd, "read", out, std::nullopt),
                   {{address, static_cast<std::int64_t>(out.size())}});
}

SyscallRecord KernelSpace::pread(Fd fd, std::uint64_t address, std::span<std::byte> out,
                                 std::int64_t offset) {
  return with_user(read_at(fd, "pread64", out, offset), {{address, static_cast<std::int64_t>(out.size())}});
}

SyscallRecord KernelSpace::readv(Fd fd, const std::vector<UserRange>& iov, std::span<std::byte> out) {
  return with_user(read_at(fd, "readv", out, std::nullopt), iov);
}

SyscallRecord KernelSpace::sendfile(Fd out_fd, Fd in_fd, std::int64_t offset, std::int64_t count) {
  OpenFile* in = find_fd(in_fd);
  OpenFile* out = find_fd(out_fd);
  if (!in || !out || !in->readable || !out->writable) return fail("sendfile", out_fd, Errno::EBADF_);
  if (in->kind != OpenFile::Kind::file || offset < 0 || count < 0)
    return fail("sendfile", out_fd, Errno::EINVAL_);
  if (out->kind == OpenFile::Kind::file && out->append) return fail("sendfile", out_fd, Errno::EINVAL_);
  SyscallRecord rec;
  rec.name = "sendfile";
  rec.fd = out_fd;
  rec.in_fd = in_fd;
  rec.file_offset = offset;
  KernelFile& src = file_ref(in->file);
  const std::int64_t n = std::clamp<std::int64_t>(src.size - offset, 0, count);
  std::vector<std::byte> moved(static_cast<std::size_t>(n));
  read_file(src, offset, moved, rec);
  std::int64_t written = n;
  if (out->kind == OpenFile::Kind::file) {
    KernelFile& dst = file_ref(out->file);
    SyscallRecord dst_rec;  // the target's pages are reported as dirtied by this call too
    write_file(dst, out->offset, moved, dst_rec);
    rec.out_offset = out->offset;
    out->offset += n;
    rec.pages_dirtied = dst_rec.pages_dirtied;
    rec.device_to_kernel += dst_rec.device_to_kernel;
  } else {
    written = write_stream(stream_ref(out->stream), moved, rec);
  }
  rec.kernel_to_kernel = written;
  rec.result = written;
  return rec;
}

}  // namespace heapviz::io
