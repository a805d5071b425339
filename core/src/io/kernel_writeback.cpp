// KernelSpace: dirty pages reach the device only here (fsync now, or the flusher's writeback later).
#include <algorithm>

#include "heapviz/io/kernel_space.hpp"

namespace heapviz::io {

void KernelSpace::writeback_into(KernelFile& f, SyscallRecord& rec) {
  rec.file = f.id;
  std::vector<std::byte>& disk = device_.files[f.id].mut();
  disk.resize(static_cast<std::size_t>(f.size));  // the inode's size reaches the disk with the data
  for (auto& [index, p] : f.pages) {
    if (!p.dirty) continue;
    const std::int64_t start = index * kPageSize;
    if (start < f.size) {
      const std::int64_t n = std::min(kPageSize, f.size - start);
      std::copy_n(p.bytes.begin(), n, disk.begin() + start);
      rec.kernel_to_device += n;
    }
    p.dirty = false;
    rec.pages_written_back.push_back(index);
  }
}

SyscallRecord KernelSpace::fsync(Fd fd) {
  OpenFile* of = find_fd(fd);
  if (!of) return fail("fsync", fd, Errno::EBADF_);
  if (of->kind != OpenFile::Kind::file) return fail("fsync", fd, Errno::EINVAL_);
  SyscallRecord rec;
  rec.name = "fsync";
  rec.fd = fd;
  writeback_into(file_ref(of->file), rec);
  return rec;
}

SyscallRecord KernelSpace::writeback(FileId file) {
  SyscallRecord rec;
  rec.name = "writeback";  // not a syscall: the kernel's flusher thread (kworker) does it later
  writeback_into(file_ref(file), rec);
  return rec;
}

std::vector<SyscallRecord> KernelSpace::writeback_all() {
  std::vector<SyscallRecord> out;
  for (auto& [id, f] : files_) {
    const bool dirty =
        std::any_of(f.pages.begin(), f.pages.end(), [](const auto& kv) { return kv.second.dirty; });
    const auto disk = device_.files.find(id);
    const bool size_changed =
        disk == device_.files.end() || static_cast<std::int64_t>(disk->second.size()) != f.size;
    if (dirty || size_changed) out.push_back(writeback(id));
  }
  return out;
}

}  // namespace heapviz::io
