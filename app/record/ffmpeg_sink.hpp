#pragma once
#include <sys/types.h>

#include "record/frame_sink.hpp"

namespace heapviz::app {

/// Encodes frames with the `ffmpeg` program (Debian package ffmpeg), fed raw RGBA through a pipe:
/// no temporary images. MP4 is H.264 in yuv420p (plays in browsers); GIF uses a generated palette.
class FfmpegSink final : public FrameSink {
 public:
  FfmpegSink(std::string path, OutputKind kind) : path_(std::move(path)), kind_(kind) {}
  ~FfmpegSink() override;
  std::string open(int width, int height, int fps) override;
  std::string write(const std::vector<std::uint8_t>& rgba) override;
  std::string finish() override;
  void abort() override;

 private:
  std::string log_tail() const;
  std::string path_, partial_, log_;
  OutputKind kind_;
  pid_t pid_ = -1;
  int pipe_fd_ = -1;
  bool done_ = false;
};

}  // namespace heapviz::app
