// KernelSpace: the file table, fds, sizes, truncation, and inspection helpers.
#include <algorithm>
#include <stdexcept>

#include "heapviz/io/kernel_space.hpp"

namespace heapviz::io {

std::string errno_name(Errno e) {
  switch (e) {
    case Errno::none:
      return "";
    case Errno::ENOENT_:
      return "ENOENT";
    case Errno::EBADF_:
      return "EBADF";
    case Errno::EAGAIN_:
      return "EAGAIN";
    case Errno::EEXIST_:
      return "EEXIST";
    case Errno::EINVAL_:
      return "EINVAL";
    case Errno::ESPIPE_:
      return "ESPIPE";
    case Errno::EPIPE_:
      return "EPIPE";
  }
  return "E?";
}

void account(IoCounters& counters, const SyscallRecord& call) {
  counters.count_syscall(call.name);
  counters.user_to_kernel += static_cast<std::uint64_t>(call.user_to_kernel);
  counters.kernel_to_user += static_cast<std::uint64_t>(call.kernel_to_user);
  counters.kernel_to_kernel += static_cast<std::uint64_t>(call.kernel_to_kernel);
  counters.kernel_to_device += static_cast<std::uint64_t>(call.kernel_to_device);
  counters.device_to_kernel += static_cast<std::uint64_t>(call.device_to_kernel);
}

SyscallRecord KernelSpace::fail(std::string name, Fd fd, Errno e) {
  SyscallRecord rec;
  rec.name = std::move(name);
  rec.fd = fd;
  rec.error = e;
  rec.result = -static_cast<std::int64_t>(e);
  return rec;
}

OpenFile* KernelSpace::find_fd(Fd fd) {
  const auto it = fds_.find(fd);
  return it == fds_.end() ? nullptr : &it->second;
}

KernelFile& KernelSpace::file_ref(FileId id) { return files_.at(id); }
StreamBuffer& KernelSpace::stream_ref(StreamId id) { return streams_.at(id); }

const OpenFile* KernelSpace::fd(Fd fd) const {
  const auto it = fds_.find(fd);
  return it == fds_.end() ? nullptr : &it->second;
}
const KernelFile* KernelSpace::file(FileId id) const {
  const auto it = files_.find(id);
  return it == files_.end() ? nullptr : &it->second;
}
const KernelFile* KernelSpace::file_named(const std::string& name) const {
  for (const auto& [id, f] : files_)
    if (f.name == name) return &f;
  return nullptr;
}
const StreamBuffer* KernelSpace::stream(StreamId id) const {
  const auto it = streams_.find(id);
  return it == streams_.end() ? nullptr : &it->second;
}

FileId KernelSpace::create_on_device(const std::string& name, std::span<const std::byte> contents) {
  const FileId id = next_file_++;
  KernelFile f;
  f.id = id;
  f.name = name;
  f.size = static_cast<std::int64_t>(contents.size());
  files_[id] = std::move(f);
  device_.files[id] = std::vector<std::byte>(contents.begin(), contents.end());
  return id;
}

SyscallRecord KernelSpace::open(const std::string& name, OpenFlags flags) {
  SyscallRecord rec;
  rec.name = "openat";
  KernelFile* f = nullptr;
  for (auto& [id, file] : files_)
    if (file.name == name) f = &file;
  if (f && flags.create && flags.exclusive) return fail("openat", -1, Errno::EEXIST_);
  if (!f) {
    if (!flags.create) return fail("openat", -1, Errno::ENOENT_);
    const FileId id = next_file_++;
    KernelFile nf;
    nf.id = id;
    nf.name = name;
    f = &(files_[id] = std::move(nf));
  }
  // Linux ignores O_TRUNC on a read-only open only in theory (it is unspecified); the JDK never asks.
  if (flags.truncate && flags.write && f->size > 0) {
    f->size = 0;
    f->pages.clear();
  }
  Fd fd = kFirstFd;
  while (fds_.count(fd)) ++fd;  // the lowest free descriptor, as POSIX requires
  OpenFile of;
  of.kind = OpenFile::Kind::file;
  of.file = f->id;
  of.readable = flags.read;
  of.writable = flags.write;
  of.append = flags.append;
  fds_[fd] = of;
  rec.fd = fd;
  rec.result = fd;
  return rec;
}

SyscallRecord KernelSpace::close(Fd fd) {
  if (!find_fd(fd)) return fail("close", fd, Errno::EBADF_);
  fds_.erase(fd);
  SyscallRecord rec;
  rec.name = "close";
  rec.fd = fd;
  return rec;
}

SyscallRecord KernelSpace::lseek_set(Fd fd, std::int64_t offset) {
  OpenFile* of = find_fd(fd);
  if (!of) return fail("lseek", fd, Errno::EBADF_);
  if (of->kind != OpenFile::Kind::file) return fail("lseek", fd, Errno::ESPIPE_);
  if (offset < 0) return fail("lseek", fd, Errno::EINVAL_);
  of->offset = offset;
  SyscallRecord rec;
  rec.name = "lseek";
  rec.fd = fd;
  rec.result = offset;
  return rec;
}

std::int64_t KernelSpace::offset_of(Fd fd) const {
  const OpenFile* of = this->fd(fd);
  return of ? of->offset : -1;
}

SyscallRecord KernelSpace::fstat_size(Fd fd) {
  OpenFile* of = find_fd(fd);
  if (!of) return fail("fstat", fd, Errno::EBADF_);
  SyscallRecord rec;
  rec.name = "fstat";
  rec.fd = fd;
  rec.result = of->kind == OpenFile::Kind::file ? file_ref(of->file).size : 0;
  return rec;
}

SyscallRecord KernelSpace::ftruncate(Fd fd, std::int64_t length) {
  OpenFile* of = find_fd(fd);
  if (!of) return fail("ftruncate", fd, Errno::EBADF_);
  if (of->kind != OpenFile::Kind::file || !of->writable || length < 0)
    return fail("ftruncate", fd, Errno::EINVAL_);
  KernelFile& f = file_ref(of->file);
  SyscallRecord rec;
  rec.name = "ftruncate";
  rec.fd = fd;
  if (length < f.size) {
    const std::int64_t last = length / kPageSize;  // the page holding the new end
    for (auto it = f.pages.begin(); it != f.pages.end();) {
      if (it->first > last || (it->first == last && length % kPageSize == 0)) {
        it = f.pages.erase(it);
      } else {
        ++it;
      }
    }
    if (length % kPageSize != 0) {
      CachedPage& p = page(f, last, rec, false);
      std::vector<std::byte>& bytes = p.bytes.mut();
      std::fill(bytes.begin() + length % kPageSize, bytes.end(), std::byte{0});
      p.dirty = true;
      rec.pages_dirtied.push_back(last);
    }
    // Truncation reaches the disk's metadata at once (it is a journalled metadata change).
    auto& disk = device_.files[f.id];
    if (static_cast<std::int64_t>(disk.size()) > length) disk.mut().resize(static_cast<std::size_t>(length));
  }
  f.size = length;
  return rec;
}

void KernelSpace::set_short_write_limit(FileId file, std::optional<std::int64_t> limit) {
  file_ref(file).short_write_limit = limit;
}

std::vector<std::byte> KernelSpace::file_contents(FileId id) const {
  const KernelFile& f = files_.at(id);
  std::vector<std::byte> out(static_cast<std::size_t>(f.size));
  const auto disk = device_.files.find(id);
  if (disk != device_.files.end()) {
    const std::size_t n = std::min(out.size(), disk->second.size());
    std::copy_n(disk->second.begin(), n, out.begin());
  }
  for (const auto& [index, p] : f.pages) {
    const std::int64_t start = index * kPageSize;
    if (start >= f.size) continue;
    const std::int64_t n = std::min(kPageSize, f.size - start);
    std::copy_n(p.bytes.begin(), n, out.begin() + start);
  }
  return out;
}

}  // namespace heapviz::io
