#include "render/address_axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace heapviz::app {

void AddressAxis::reset(std::uint64_t base, std::uint64_t size) {
  base_ = base;
  size_ = size ? size : 1;
  start_ = base_;
  length_ = size_;
}

float AddressAxis::to_x(std::uint64_t addr) const {
  const double rel = static_cast<double>(static_cast<std::int64_t>(addr - start_));
  return x0_ + static_cast<float>(rel / static_cast<double>(length_) * (x1_ - x0_));
}

std::uint64_t AddressAxis::to_addr(float x) const {
  const double rel = std::clamp(static_cast<double>(x - x0_) / (x1_ - x0_), 0.0, 1.0);
  return start_ + static_cast<std::uint64_t>(rel * static_cast<double>(length_));
}

void AddressAxis::clamp_view() {
  length_ = std::clamp<std::uint64_t>(length_, std::min<std::uint64_t>(16, size_), size_);
  if (start_ < base_) start_ = base_;
  if (start_ + length_ > base_ + size_) start_ = base_ + size_ - length_;
}

void AddressAxis::zoom_at(float x, double factor) {
  if (factor <= 0) return;
  const std::uint64_t anchor = to_addr(x);
  const double frac = std::clamp(static_cast<double>(x - x0_) / (x1_ - x0_), 0.0, 1.0);
  const double new_len = std::max(16.0, static_cast<double>(length_) / factor);
  length_ = static_cast<std::uint64_t>(std::min(new_len, static_cast<double>(size_)));
  const double offset = frac * static_cast<double>(length_);
  start_ = anchor > base_ + static_cast<std::uint64_t>(offset) ? anchor - static_cast<std::uint64_t>(offset)
                                                               : base_;
  clamp_view();
}

void AddressAxis::pan_pixels(float dx) {
  const double bytes = static_cast<double>(dx) * bytes_per_pixel();
  const double s = static_cast<double>(start_) - bytes;
  start_ = s < static_cast<double>(base_) ? base_ : static_cast<std::uint64_t>(s);
  clamp_view();
}

void AddressAxis::show_range(std::uint64_t addr, std::uint64_t len) {
  const std::uint64_t margin = std::max<std::uint64_t>(len / 4, 64);
  start_ = addr > base_ + margin ? addr - margin : base_;
  length_ = len + 2 * margin;
  clamp_view();
}

std::vector<AddressAxis::Tick> AddressAxis::ticks(int max_ticks) const {
  std::vector<Tick> out;
  if (max_ticks < 1) return out;
  // The smallest power of two with step * max_ticks >= length, computed without overflow (a lane can
  // span most of the 64-bit space: step * max_ticks used to wrap to 0 and loop forever).
  const auto n = static_cast<std::uint64_t>(max_ticks);
  const std::uint64_t need = length_ / n + (length_ % n != 0 ? 1 : 0);
  std::uint64_t step = 1;
  while (step < need && step < (1ull << 63)) step <<= 1;
  std::uint64_t a = start_ % step == 0 ? start_ : start_ - start_ % step + step;
  if (a < start_) return out;  // rounding up wrapped past 2^64
  const std::uint64_t end = start_ + length_ < start_ ? ~0ull : start_ + length_;
  while (a <= end && out.size() < static_cast<std::size_t>(max_ticks) + 1) {
    out.push_back(Tick{a, to_x(a), hex_address(a)});
    if (a > ~0ull - step) break;
    a += step;
  }
  return out;
}

std::string hex_address(std::uint64_t addr) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%04llx", static_cast<unsigned long long>(addr));
  return buf;
}

std::string human_bytes(std::uint64_t n) {
  char buf[32];
  if (n < 1024)
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(n));
  else if (n < 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.4g KiB", static_cast<double>(n) / 1024);
  else if (n < 1024ull * 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.4g MiB", static_cast<double>(n) / (1024 * 1024));
  else
    std::snprintf(buf, sizeof buf, "%.4g GiB", static_cast<double>(n) / (1024.0 * 1024 * 1024));
  return buf;
}

}  // namespace heapviz::app
