#include "heapviz/nio/native_memory.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "heapviz/heap/text_format.hpp"

namespace heapviz::nio {

namespace {
constexpr std::uint64_t kPrevInUse = 1;  // glibc's PREV_INUSE bit in the size field

using text::hex;
}  // namespace

NativeMemory::NativeMemory(std::uint64_t capacity, NativeAddress base)
    : base_(base), capacity_(capacity), top_(base + kHeaderSize) {
  if (base % kAlignment != 0) throw std::invalid_argument("NativeMemory: base must be 16-aligned");
}

std::uint64_t NativeMemory::chunk_size_for(std::uint64_t bytes) {
  const std::uint64_t rounded = (bytes + kHeaderSize + kAlignment - 1) & ~(kAlignment - 1);
  return std::max(kMinChunk, rounded);
}

NativeAddress NativeMemory::malloc(std::uint64_t bytes) {
  if (bytes > capacity_) return 0;  // also keeps chunk_size_for from overflowing
  const std::uint64_t need = chunk_size_for(bytes);

  // Best fit over the free chunks; ties go to the lowest address, so the choice is deterministic.
  const auto fit = free_by_size_.lower_bound({need, 0});
  if (fit != free_by_size_.end()) {
    const std::size_t best = index_of_chunk(fit->second - kHeaderSize);
    free_by_size_.erase(fit);
    NativeBlock& b = blocks_[best];
    const std::uint64_t rest = b.chunk_size - need;
    const NativeAddress address = b.address;
    if (rest >= kMinChunk) {
      b.chunk_size = need;
      const NativeBlock remainder{next_id_++, address + need, rest, 0, false};
      blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(best) + 1, remainder);
      free_by_size_.insert({rest, remainder.address});
    }
    NativeBlock& taken = blocks_[best];
    taken.id = next_id_++;
    taken.requested = bytes;
    taken.allocated = true;
    write_headers_around(best);
    if (best + 1 < blocks_.size()) write_headers_around(best + 1);
    return address;
  }

  if (top_ + need > base_ + capacity_) return 0;
  const NativeAddress address = top_ + kHeaderSize;
  blocks_.push_back(NativeBlock{next_id_++, address, need, bytes, true});
  top_ += need;
  if (bytes_.size() < top_ - base_) bytes_.resize(top_ - base_);  // fresh pages are zero
  write_headers_around(blocks_.size() - 1);
  return address;
}

NativeAddress NativeMemory::would_malloc(std::uint64_t bytes) const {
  // The same decision as malloc: best fit (lowest address on ties), else the top.
  if (bytes > capacity_) return 0;
  const std::uint64_t need = chunk_size_for(bytes);
  const auto fit = free_by_size_.lower_bound({need, 0});
  if (fit != free_by_size_.end()) return fit->second;
  if (top_ + need > base_ + capacity_) return 0;
  return top_ + kHeaderSize;
}

void NativeMemory::free(NativeAddress address) {
  if (address == 0) return;
  const NativeBlock* found = find(address);
  if (found == nullptr) throw std::invalid_argument("free(): invalid pointer " + hex(address));
  std::size_t i = static_cast<std::size_t>(found - blocks_.data());
  blocks_[i].allocated = false;
  blocks_[i].requested = 0;
  blocks_[i].id = next_id_++;
  if (i + 1 < blocks_.size() && !blocks_[i + 1].allocated) {
    free_by_size_.erase({blocks_[i + 1].chunk_size, blocks_[i + 1].address});
    blocks_[i].chunk_size += blocks_[i + 1].chunk_size;
    blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  if (i > 0 && !blocks_[i - 1].allocated) {
    free_by_size_.erase({blocks_[i - 1].chunk_size, blocks_[i - 1].address});
    blocks_[i - 1].chunk_size += blocks_[i].chunk_size;
    blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(i));
    --i;
  }
  if (i + 1 == blocks_.size()) {  // the free chunk borders the top: it becomes part of the top
    top_ = blocks_[i].header_address();
    blocks_.pop_back();
    return;
  }
  free_by_size_.insert({blocks_[i].chunk_size, blocks_[i].address});
  write_headers_around(i);
}

std::size_t NativeMemory::index_of_chunk(NativeAddress header) const {
  const auto it =
      std::lower_bound(blocks_.begin(), blocks_.end(), header,
                       [](const NativeBlock& b, NativeAddress h) { return b.header_address() < h; });
  return static_cast<std::size_t>(it - blocks_.begin());
}

const NativeBlock* NativeMemory::find(NativeAddress address) const {
  const std::size_t i = index_of_chunk(address - kHeaderSize);
  if (i < blocks_.size() && blocks_[i].address == address && blocks_[i].allocated) return &blocks_[i];
  return nullptr;
}

const NativeBlock* NativeMemory::chunk_containing(NativeAddress address) const {
  const auto it =
      std::upper_bound(blocks_.begin(), blocks_.end(), address,
                       [](NativeAddress a, const NativeBlock& b) { return a < b.header_address(); });
  if (it == blocks_.begin()) return nullptr;
  const NativeBlock& b = *(it - 1);
  return address < b.header_address() + b.chunk_size ? &b : nullptr;
}

// The size field of chunk `index`: its size, with PREV_INUSE when the previous chunk is allocated or
// when it is the first chunk (glibc marks the first chunk so nothing looks before it).
void NativeMemory::write_header(std::size_t index) {
  const NativeBlock& b = blocks_[index];
  const bool prev_in_use = index == 0 || blocks_[index - 1].allocated;
  const std::uint64_t field = b.chunk_size | (prev_in_use ? kPrevInUse : 0);
  std::byte p[kHeaderSize];
  for (std::uint64_t k = 0; k < kHeaderSize; ++k) p[k] = static_cast<std::byte>(field >> (8 * k));
  if (b.header_address() < base_ || b.header_address() - base_ + kHeaderSize > bytes_.size())
    throw std::out_of_range("NativeMemory: header outside the touched range");
  bytes_.write(b.header_address() - base_, p, kHeaderSize);
}

void NativeMemory::write_headers_around(std::size_t index) {
  write_header(index);
  if (index + 1 < blocks_.size()) write_header(index + 1);  // its PREV_INUSE bit may have changed
}

const NativeBlock& NativeMemory::checked_block(NativeAddress address, std::uint64_t count) const {
  const NativeBlock* b = chunk_containing(address);
  if (b == nullptr || !b->allocated || address < b->address ||
      address - b->address + count > b->usable_size())
    throw std::out_of_range("NativeMemory: " + std::to_string(count) +
                            (count == 1 ? " byte at " : " bytes at ") + hex(address) +
                            " are not inside one allocated block");
  return *b;
}

void NativeMemory::read(NativeAddress address, std::span<std::byte> out) const {
  if (out.empty()) return;
  checked_block(address, out.size());
  bytes_.read(address - base_, out.data(), out.size());
}

void NativeMemory::write(NativeAddress address, std::span<const std::byte> in) {
  if (in.empty()) return;
  checked_block(address, in.size());
  bytes_.write(address - base_, in.data(), in.size());
}

void NativeMemory::peek(NativeAddress address, std::span<std::byte> out) const {
  for (std::size_t k = 0; k < out.size(); ++k) {
    const NativeAddress a = address + k;
    const bool stored = a >= base_ && a - base_ < bytes_.size();
    out[k] = stored ? bytes_.get(a - base_) : std::byte{0};
  }
}

std::uint64_t NativeMemory::allocated_bytes() const {
  std::uint64_t sum = 0;
  for (const NativeBlock& b : blocks_) sum += b.allocated ? b.chunk_size : 0;
  return sum;
}

std::size_t NativeMemory::allocated_count() const {
  return static_cast<std::size_t>(
      std::count_if(blocks_.begin(), blocks_.end(), [](const NativeBlock& b) { return b.allocated; }));
}

std::vector<std::string> NativeMemory::check_invariants() const {
  std::vector<std::string> problems;
  NativeAddress expected = base_ + kHeaderSize;
  std::set<std::uint64_t> ids;
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    const NativeBlock& b = blocks_[i];
    const std::string at = "chunk at " + hex(b.header_address());
    if (b.header_address() != expected) problems.push_back(at + " does not follow the previous chunk");
    if (b.address % kAlignment != 0) problems.push_back(at + " has a user address that is not 16-aligned");
    if (b.chunk_size % kAlignment != 0 || b.chunk_size < kMinChunk)
      problems.push_back(at + " has a bad size");
    if (b.allocated && chunk_size_for(b.requested) > b.chunk_size) problems.push_back(at + " is too small");
    if (!b.allocated && b.requested != 0) problems.push_back(at + " is free but has a requested size");
    if (!b.allocated && i > 0 && !blocks_[i - 1].allocated)
      problems.push_back(at + " and its free neighbour did not coalesce");
    if (!ids.insert(b.id).second) problems.push_back(at + " reuses id " + std::to_string(b.id));
    std::uint64_t field = 0;
    for (std::uint64_t k = 0; k < kHeaderSize; ++k)
      field |= std::to_integer<std::uint64_t>(bytes_.get(b.header_address() - base_ + k)) << (8 * k);
    const bool prev_in_use = i == 0 || blocks_[i - 1].allocated;
    if (field != (b.chunk_size | (prev_in_use ? kPrevInUse : 0)))
      problems.push_back(at + " has a header " + hex(field) + " that disagrees with its size");
    expected = b.header_address() + b.chunk_size;
  }
  std::set<std::pair<std::uint64_t, NativeAddress>> free_chunks;
  for (const NativeBlock& b : blocks_)
    if (!b.allocated) free_chunks.insert({b.chunk_size, b.address});
  if (free_chunks != free_by_size_) problems.push_back("the best-fit index disagrees with the free chunks");
  if (!blocks_.empty() && !blocks_.back().allocated)
    problems.push_back("the last chunk is free but not part of the top");
  if (expected != top_) problems.push_back("the chunks do not end at the top");
  if (top_ > base_ + capacity_) problems.push_back("the top is beyond the capacity");
  return problems;
}

}  // namespace heapviz::nio
