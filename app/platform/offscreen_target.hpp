#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace heapviz::app {

/// A fixed-size framebuffer object to render into, independent of any window's size.
class OffscreenTarget {
 public:
  /// Needs a current GL 3.3 context. `ok()` is false (with `error()`) if the FBO is incomplete.
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  int width() const { return width_; }
  int height() const { return height_; }

  /// Makes this target the one GL draws into, with a full-size viewport.
  void bind() const;
  /// Reads the pixels as RGBA8, top row first (GL gives them bottom-up; this flips them).
  std::vector<std::uint8_t> read_rgba() const;

 private:
  int width_, height_;
  unsigned fbo_ = 0, color_ = 0;
  std::string error_;
};

}  // namespace heapviz::app
