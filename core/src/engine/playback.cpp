#include "heapviz/engine/playback.hpp"

#include <algorithm>

namespace heapviz {

Playback::Playback(std::vector<TimelineEntry> entries) : entries_(std::move(entries)) {
  for (auto& e : entries_)
    if (!(e.seconds > 0)) e.seconds = 0.01f;  // a zero-length step would stall advance()
}

void Playback::set_speed(float s) { speed_ = std::clamp(s, 0.1f, 10.0f); }

void Playback::play() {
  if (pos_ >= entries_.size()) seek(0);
  playing_ = !entries_.empty();
  skip_pause_once_ = true;
}

void Playback::pause() {
  playing_ = false;
  tween_ = 0;
}

void Playback::seek(std::size_t k) {
  pos_ = std::min(k, entries_.size());
  tween_ = 0;
}

void Playback::step_by(long delta) {
  const long target = static_cast<long>(pos_) + delta;
  seek(target < 0 ? 0 : static_cast<std::size_t>(target));
}

bool Playback::seek_next_of_kind(std::uint16_t kind) {
  for (std::size_t i = pos_ + 1; i < entries_.size(); ++i)
    if (entries_[i].kind == kind) {
      seek(i);
      return true;
    }
  return false;
}

bool Playback::seek_previous_of_kind(std::uint16_t kind) {
  for (std::size_t i = pos_; i-- > 0;)
    if (entries_[i].kind == kind) {
      seek(i);
      return true;
    }
  return false;
}

bool Playback::advance(float dt) {
  if (!playing_ || dt <= 0) return false;
  float left = dt * speed_;
  bool changed = false;
  while (left > 0 && pos_ < entries_.size()) {
    const TimelineEntry& e = entries_[pos_];
    if (tween_ == 0 && e.pause_before && auto_pause_ && !skip_pause_once_) {
      playing_ = false;
      return changed;
    }
    skip_pause_once_ = false;
    const float need = (1 - tween_) * e.seconds;
    changed = true;
    if (left < need) {
      tween_ += left / e.seconds;
      return true;
    }
    left -= need;
    ++pos_;
    tween_ = 0;
  }
  if (pos_ >= entries_.size()) playing_ = false;
  return changed;
}

}  // namespace heapviz
