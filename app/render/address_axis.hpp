#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace heapviz::app {

/// Maps one address space onto a horizontal pixel range, with zoom and pan.
/// The visible window is [view_start, view_start + view_length) of [base, base + size).
class AddressAxis {
 public:
  AddressAxis() = default;
  AddressAxis(std::uint64_t base, std::uint64_t size) { reset(base, size); }

  /// Shows the whole space.
  void reset(std::uint64_t base, std::uint64_t size);
  void set_pixels(float x0, float x1) {
    x0_ = x0;
    x1_ = x1 > x0 ? x1 : x0 + 1;
  }

  std::uint64_t base() const { return base_; }
  std::uint64_t size() const { return size_; }
  std::uint64_t view_start() const { return start_; }
  std::uint64_t view_length() const { return length_; }
  float x0() const { return x0_; }
  float x1() const { return x1_; }

  /// Pixel x of an address (may be outside [x0, x1] for addresses outside the view).
  float to_x(std::uint64_t addr) const;
  /// Address under pixel x, clamped to the space.
  std::uint64_t to_addr(float x) const;
  /// Bytes per pixel at the current zoom.
  double bytes_per_pixel() const { return static_cast<double>(length_) / (x1_ - x0_); }

  /// Zooms by `factor` (>1 zooms in) keeping the address under pixel `x` fixed. At most 16 bytes across.
  void zoom_at(float x, double factor);
  /// Pans by `dx` pixels.
  void pan_pixels(float dx);
  /// Shows [addr, addr + len) with a margin, e.g. to follow a moving object.
  void show_range(std::uint64_t addr, std::uint64_t len);

  struct Tick {
    std::uint64_t addr;
    float x;
    std::string label;  ///< "0xfc001000"
  };
  /// Ticks at a "nice" power-of-two step so that about `max_ticks` fit.
  std::vector<Tick> ticks(int max_ticks) const;

 private:
  void clamp_view();
  std::uint64_t base_ = 0, size_ = 1, start_ = 0, length_ = 1;
  float x0_ = 0, x1_ = 1;
};

/// "0xfc001000" (lower case, no padding beyond what the value needs, at least 4 digits).
std::string hex_address(std::uint64_t addr);
/// "528 B", "4 KiB", "1.5 MiB".
std::string human_bytes(std::uint64_t n);

}  // namespace heapviz::app
