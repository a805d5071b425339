#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace heapviz {

/// What the timeline needs to know about one step: its kind (for markers and "next of this kind"),
/// how long it plays at 1x, and whether playback should stop before it (a lesson pause point).
struct TimelineEntry {
  std::uint16_t kind = 0;
  float seconds = 0.5f;  ///< play time at speed 1x (> 0)
  bool pause_before = false;
};

/// The playback cursor over a trace of N steps: position k in [0, N] means "after the first k steps";
/// while step k plays, `tween()` runs from 0 to 1. GUI-free and clock-free: the caller advances it by
/// the frame time, so recordings that advance by 1/fps are deterministic.
class Playback {
 public:
  explicit Playback(std::vector<TimelineEntry> entries = {});

  std::size_t size() const { return entries_.size(); }
  /// The marker kind of step k (TimelineEntry::kind), computed once when the timeline was built.
  std::uint16_t kind_at(std::size_t k) const { return entries_.at(k).kind; }
  std::size_t position() const { return pos_; }
  /// Progress through step position() while playing, in [0, 1); 0 when paused between steps.
  float tween() const { return tween_; }
  bool playing() const { return playing_; }
  float speed() const { return speed_; }
  bool auto_pause() const { return auto_pause_; }

  void set_speed(float s);  ///< clamped to [0.1, 10]
  void set_auto_pause(bool on) { auto_pause_ = on; }
  void play();   ///< from the end, restarts at 0
  void pause();  ///< stops and drops the tween (stays at position())
  void toggle() { playing_ ? pause() : play(); }

  /// Moves to k (clamped to [0, N]) and stops the tween.
  void seek(std::size_t k);
  void step_by(long delta);  ///< seek(position() + delta), clamped
  /// Seeks to the next (or previous) step boundary whose step has `kind`; stays put if there is none.
  /// "Next" means a step index > position(); the cursor lands before that step (position = index).
  bool seek_next_of_kind(std::uint16_t kind);
  bool seek_previous_of_kind(std::uint16_t kind);

  /// Advances playback by `dt` seconds of wall or recording time. Returns true if the view changed.
  bool advance(float dt);

 private:
  std::vector<TimelineEntry> entries_;
  std::size_t pos_ = 0;
  float tween_ = 0;
  bool playing_ = false;
  float speed_ = 1;
  bool auto_pause_ = true;
  bool skip_pause_once_ = false;  // play() pressed at a pause point: play through it
};

}  // namespace heapviz
