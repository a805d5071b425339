#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace heapviz::app {

/// Where recorded frames go. Every sink writes under a temporary name and moves the result into place
/// only in finish(), so an interrupted recording never leaves a half-written file under the final name.
class FrameSink {
 public:
  virtual ~FrameSink() = default;
  /// Prepares to receive frames of width x height at `fps`. Returns "" or a one-line reason.
  virtual std::string open(int width, int height, int fps) = 0;
  /// Takes one RGBA8 frame, top row first. Returns "" or a one-line reason.
  virtual std::string write(const std::vector<std::uint8_t>& rgba) = 0;
  /// Completes the output and moves it to its final name. Returns "" or a one-line reason.
  virtual std::string finish() = 0;
  /// Stops early and removes everything written so far.
  virtual void abort() = 0;
};

/// The kind of output a path asks for: ".gif" and ".mp4" are videos; anything else is a folder of PNGs.
enum class OutputKind { png_folder, gif, mp4 };
OutputKind output_kind_for(const std::string& path);

/// Creates the sink for `path` (by its extension). Returns nullptr and a reason when it cannot
/// (e.g. ffmpeg is missing for a video).
std::unique_ptr<FrameSink> make_frame_sink(const std::string& path, std::string& error);

/// True if the `ffmpeg` program can be run.
bool ffmpeg_available();

}  // namespace heapviz::app
