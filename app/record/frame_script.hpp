#pragma once
#include <cstddef>

#include "heapviz/engine/playback.hpp"

namespace heapviz::app {

/// The deterministic schedule of a recording: a title card, then playback from `from` to `to` at
/// `fps` and `speed`, holding at the lesson's pause points and at the end. No wall clock anywhere.
class FrameScript {
 public:
  struct Config {
    int fps = 30;
    float speed = 1.0f;
    std::size_t from = 0, to = 0;  ///< step range; `to` is clamped to the trace size
    float title_seconds = 2.5f;    ///< 0 = no title card
    float pause_seconds = 2.0f;    ///< hold at each pause point
    float end_seconds = 2.0f;      ///< hold on the last frame
  };
  FrameScript(const Playback& timeline, const Config& config);

  /// Advances to the next frame; false when the recording is complete.
  bool next();
  bool title() const { return phase_ == Phase::title; }
  const Playback& playback() const { return playback_; }
  /// Number of frames the whole script produces (computed by a dry run).
  std::size_t total_frames() const { return total_; }

 private:
  enum class Phase { title, play, hold, end, done };
  void start();
  void begin_play();
  Playback playback_;
  Config config_;
  Phase phase_ = Phase::title;
  long left_ = 0;  // frames left in the current title/hold/end phase
  bool first_ = true;
  std::size_t total_ = 0;
};

}  // namespace heapviz::app
