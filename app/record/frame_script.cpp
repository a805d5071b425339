#include "record/frame_script.hpp"

#include <algorithm>
#include <cmath>

namespace heapviz::app {

FrameScript::FrameScript(const Playback& timeline, const Config& config)
    : playback_(timeline), config_(config) {
  config_.fps = std::clamp(config_.fps, 1, 120);
  config_.to = std::min(config_.to, playback_.size());
  config_.from = std::min(config_.from, config_.to);
  // Dry run to count frames, for progress and estimates.
  FrameScript dry = *this;
  dry.total_ = 0;
  std::size_t n = 0;
  while (dry.next()) ++n;
  total_ = n;
}

void FrameScript::start() {
  playback_.set_speed(config_.speed);
  playback_.set_auto_pause(true);
  playback_.seek(config_.from);
  if (config_.title_seconds > 0) {
    phase_ = Phase::title;
    left_ = std::lround(config_.title_seconds * static_cast<float>(config_.fps));
  } else {
    begin_play();
  }
}

void FrameScript::begin_play() {
  if (playback_.position() >= config_.to) {  // nothing to play (e.g. --from at the end): just hold
    phase_ = Phase::end;
    left_ = std::max(1L, std::lround(config_.end_seconds * static_cast<float>(config_.fps)));
    return;
  }
  phase_ = Phase::play;
  playback_.play();
}

bool FrameScript::next() {
  const float dt = 1.0f / static_cast<float>(config_.fps);
  if (first_) {
    first_ = false;
    start();
    return phase_ != Phase::done;
  }
  switch (phase_) {
    case Phase::title:
      if (--left_ > 0) return true;
      begin_play();
      return true;
    case Phase::play:
      playback_.advance(dt);
      if (playback_.position() >= config_.to) {
        playback_.pause();
        playback_.seek(config_.to);
        phase_ = Phase::end;
        left_ = std::lround(config_.end_seconds * static_cast<float>(config_.fps));
      } else if (!playback_.playing()) {  // stopped at a pause point: hold it for a readable time
        phase_ = Phase::hold;
        left_ = std::lround(config_.pause_seconds * static_cast<float>(config_.fps));
      }
      return true;
    case Phase::hold:
      if (--left_ > 0) return true;
      phase_ = Phase::play;
      playback_.play();
      return true;
    case Phase::end:
      if (--left_ > 0) return true;
      phase_ = Phase::done;
      return false;
    case Phase::done:
      return false;
  }
  return false;
}

}  // namespace heapviz::app
