#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "heapviz/engine/playback.hpp"
#include "heapviz/engine/trace.hpp"
#include "heapviz/engine/view.hpp"

namespace heapviz {

/// Series of one counter sampled over the trace, for the counters' small plots.
struct CounterSeries {
  std::string key;
  std::vector<float> values;  ///< one sample per plotted step
};

/// One loaded trace and the cursor over it. Owns the core objects a player (the GUI's panels) reads: the
/// states before and after the playing step, their views, occupancy for level of detail, counter series for
/// plots. Views are rebuilt only when the position changes, not every frame.
class TraceSession {
 public:
  /// Takes a finished trace. `pause_lines` are source lines whose first step playback stops before.
  void load(std::unique_ptr<Trace> trace, const std::vector<int>& pause_lines = {});
  bool loaded() const { return trace_ != nullptr; }
  const Trace* trace() const { return trace_.get(); }
  Playback& playback() { return playback_; }
  const Playback& playback() const { return playback_; }

  /// Brings the cached states and views in line with the playback position. `lane_width_px` sizes
  /// the occupancy histograms; `want_occupancy` computes them only when the map aggregates. `heap_view`
  /// limits the views to what the map can show (the heap lane's visible range, a block budget), so a
  /// 1M-object heap never becomes 1M BlockViews.
  void update(float lane_width_px, bool want_occupancy, const ViewOptions& heap_view = {});

  const View& view_before() const { return before_view_; }
  const View& view_after() const { return after_view_; }
  const Machine& state_after() const { return after_->state(); }
  /// Tween of the playing step in [0, 1]; 0 when paused.
  float tween() const { return playback_.tween(); }
  /// The step being shown: the playing one, or when paused, the last one applied (null at position 0).
  const Step* current_step() const;
  std::size_t current_step_index() const;
  const std::map<heap::SpaceId, std::vector<OccupancyBucket>>& occupancy() const { return occupancy_; }
  const std::vector<CounterSeries>& counter_series() const { return series_; }
  /// Highest address in use at any sampled step, per space: the map opens zoomed to [base, this].
  const std::map<heap::SpaceId, std::uint64_t>& extents() const { return extents_; }
  /// Milliseconds the last update() spent in the core (seek, views, occupancy): frame-time logs.
  double last_update_ms() const { return last_update_ms_; }

 private:
  void build_series();
  std::unique_ptr<Trace> trace_;
  std::unique_ptr<TracePlayer> before_, after_;
  Playback playback_;
  View before_view_, after_view_;
  std::size_t cached_pos_ = static_cast<std::size_t>(-1);
  bool cached_tweening_ = false;
  ViewOptions cached_options_;
  std::map<heap::SpaceId, std::vector<OccupancyBucket>> occupancy_;
  std::vector<CounterSeries> series_;
  std::map<heap::SpaceId, std::uint64_t> extents_;
  double last_update_ms_ = 0;
};

}  // namespace heapviz
