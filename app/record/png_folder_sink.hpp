#pragma once
#include "record/frame_sink.hpp"

namespace heapviz::app {

/// Writes frame_00001.png, frame_00002.png ... into a folder (created in `DIR.partial`, renamed at the end).
class PngFolderSink final : public FrameSink {
 public:
  explicit PngFolderSink(std::string dir) : dir_(std::move(dir)) {}
  ~PngFolderSink() override;
  std::string open(int width, int height, int fps) override;
  std::string write(const std::vector<std::uint8_t>& rgba) override;
  std::string finish() override;
  void abort() override;

 private:
  std::string dir_, partial_;
  int width_ = 0, height_ = 0, count_ = 0;
  bool done_ = false;
};

}  // namespace heapviz::app
