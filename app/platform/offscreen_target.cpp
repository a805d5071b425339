#include "platform/offscreen_target.hpp"

#include <glad/gl.h>

#include <cstring>

namespace heapviz::app {

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glGenRenderbuffers(1, &color_);
  glBindRenderbuffer(GL_RENDERBUFFER, color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    error_ =
        "offscreen framebuffer " + std::to_string(width) + "x" + std::to_string(height) + " is incomplete";
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

OffscreenTarget::~OffscreenTarget() {
  if (color_) glDeleteRenderbuffers(1, &color_);
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, width_, height_);
}

std::vector<std::uint8_t> OffscreenTarget::read_rgba() const {
  const std::size_t row = static_cast<std::size_t>(width_) * 4;
  std::vector<std::uint8_t> up(row * static_cast<std::size_t>(height_));
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, up.data());
  std::vector<std::uint8_t> down(up.size());
  for (int y = 0; y < height_; ++y)
    std::memcpy(&down[static_cast<std::size_t>(y) * row],
                &up[static_cast<std::size_t>(height_ - 1 - y) * row], row);
  return down;
}

}  // namespace heapviz::app
