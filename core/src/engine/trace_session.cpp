#include "heapviz/engine/trace_session.hpp"

#include <algorithm>
#include <chrono>

#include "heapviz/engine/step_category.hpp"

namespace heapviz {

void TraceSession::load(std::unique_ptr<Trace> trace, const std::vector<int>& pause_lines) {
  trace_ = std::move(trace);
  std::vector<TimelineEntry> entries;
  entries.reserve(trace_->size());
  std::uint32_t last_line = 0;
  for (std::size_t k = 0; k < trace_->size(); ++k) {
    const Step& s = trace_->step(k);
    TimelineEntry e;
    // The timeline's marker kind: the step's category + 1 (0 = no marker), so "jump to" moves by category.
    e.kind = static_cast<std::uint16_t>(static_cast<int>(step_category(s.kind)) + 1);
    e.seconds = s.kind == StepKind::note ? 0.8f : 0.6f;
    // Pause before the first step of a statement that carries a pause directive.
    if (s.pos.line != 0 && s.pos.line != last_line)
      e.pause_before = std::find(pause_lines.begin(), pause_lines.end(), static_cast<int>(s.pos.line)) !=
                       pause_lines.end();
    if (s.pos.line != 0) last_line = s.pos.line;
    entries.push_back(e);
  }
  playback_ = Playback(std::move(entries));
  before_ = std::make_unique<TracePlayer>(*trace_);
  after_ = std::make_unique<TracePlayer>(*trace_);
  cached_pos_ = static_cast<std::size_t>(-1);
  build_series();
}

const Step* TraceSession::current_step() const {
  if (!trace_) return nullptr;
  const std::size_t k = current_step_index();
  return k < trace_->size() ? &trace_->step(k) : nullptr;
}

std::size_t TraceSession::current_step_index() const {
  const std::size_t pos = playback_.position();
  if (playback_.tween() > 0) return pos;
  return pos == 0 ? static_cast<std::size_t>(-1) : pos - 1;
}

void TraceSession::update(float lane_width_px, bool want_occupancy, const ViewOptions& heap_view) {
  if (!trace_) return;
  const auto t0 = std::chrono::steady_clock::now();
  struct Timer {  // records the time spent however update() returns
    std::chrono::steady_clock::time_point t0;
    double& out;
    ~Timer() {
      out = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
  } timer{t0, last_update_ms_};
  const std::size_t pos = playback_.position();
  const bool tweening = playback_.tween() > 0 && pos < trace_->size();
  const bool same_options = heap_view.max_blocks == cached_options_.max_blocks &&
                            heap_view.window_begin == cached_options_.window_begin &&
                            heap_view.window_end == cached_options_.window_end;
  if (pos != cached_pos_ || tweening != cached_tweening_ || !same_options) {
    // Paused at k: show the state after k steps. Playing step k: before = k, after = k + 1.
    // Playing on to the next step: its "before" is the view we already have as "after" (one make_view
    // per step, not two).
    const bool next_step = same_options && tweening && cached_tweening_ && pos == cached_pos_ + 1;
    const bool from_paused = same_options && tweening && !cached_tweening_ && pos == cached_pos_;
    if (next_step || from_paused) before_view_ = std::move(after_view_);
    after_->seek(tweening ? pos + 1 : pos);
    after_view_ = make_view(after_->state(), heap_view);
    if (next_step || from_paused) {
      // before_view_ already shows state pos
    } else if (tweening) {
      before_->seek(pos);
      before_view_ = make_view(before_->state(), heap_view);
    } else {
      before_view_ = after_view_;
    }
    cached_pos_ = pos;
    cached_tweening_ = tweening;
    cached_options_ = heap_view;
    occupancy_.clear();
  }
  if (want_occupancy && occupancy_.empty()) {
    const std::size_t buckets = static_cast<std::size_t>(std::clamp(lane_width_px / 2.0f, 16.0f, 2000.0f));
    // Over the lane's visible range when known (heap_view's window), else the whole heap.
    occupancy_[heap::SpaceId::java_heap] =
        heap_view.window_end > heap_view.window_begin
            ? heapviz::occupancy(after_->state(), heap::SpaceId::java_heap, buckets, heap_view.window_begin,
                                 heap_view.window_end)
            : heapviz::occupancy(after_->state(), heap::SpaceId::java_heap, buckets);
  }
}

void TraceSession::build_series() {
  series_.clear();
  extents_.clear();
  if (!trace_) return;
  // Sample at most 160 points over the trace; each sample replays from the nearest checkpoint.
  const std::size_t n = trace_->size();
  const std::size_t samples = std::min<std::size_t>(160, n + 1);
  TracePlayer player(*trace_);
  for (std::size_t i = 0; i < samples; ++i) {
    const std::size_t k = samples == 1 ? 0 : i * n / (samples - 1);
    player.seek(k);
    const View v = make_view(player.state(), ViewOptions{1});
    for (const RegionView& r : v.regions) {
      std::uint64_t& e = extents_[r.space];
      e = std::max(e, r.top);
    }
    for (const CounterView& c : v.counters) {
      auto it = std::find_if(series_.begin(), series_.end(),
                             [&](const CounterSeries& s) { return s.key == c.key; });
      if (it == series_.end()) {
        series_.push_back(CounterSeries{c.key, {}});
        it = series_.end() - 1;
      }
      it->values.push_back(static_cast<float>(c.value));
    }
  }
}

}  // namespace heapviz
