#pragma once
#include <imgui.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "heapviz/engine/view.hpp"
#include "heapviz/heap/step.hpp"
#include "render/address_axis.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

/// What the memory map needs for one frame: the views before and after the playing step, the tween
/// between them, and (for level of detail) per-lane occupancy histograms from the core.
struct MemoryMapInput {
  const View* before = nullptr;  ///< state before the step (== after when paused)
  const View* after = nullptr;
  float tween = 0;  ///< 0 = before, 1 = after
  /// Occupancy buckets per lane, already computed by the core for the current lane width.
  const std::map<heap::SpaceId, std::vector<OccupancyBucket>>* occupancy = nullptr;
  Locale locale = Locale::en;
  /// The step shown (playing, or the last one applied when paused): its byte ranges are drawn as copies.
  const Step* step = nullptr;
};

/// A selected range of bytes that is not a Java object: a page-cache page or a file's bytes on the device.
struct SelectedBytes {
  heap::SpaceId space = heap::SpaceId::kernel;
  std::uint64_t addr = 0, size = 0;
  std::string label;
};

/// The centre of the screen: one lane per address space, objects at their addresses to scale,
/// references as arrows, moves tweened from old to new address.
class MemoryMapPanel {
 public:
  void draw(const MemoryMapInput& in);
  /// The block the user clicked, for the inspector (0 = none).
  heap::ObjectId selected() const { return selected_; }
  void select(heap::ObjectId id) {
    selected_ = id;
    selected_bytes_.reset();
  }
  /// The page-cache page or device bytes the user clicked, for the inspector's hex dump (none = an object).
  const std::optional<SelectedBytes>& selected_bytes() const { return selected_bytes_; }
  void select_bytes(const SelectedBytes& b) {
    selected_bytes_ = b;
    selected_ = 0;
  }
  /// Pixel width of the lane area last frame, so the caller can size occupancy histograms.
  float lane_width() const { return lane_width_; }
  /// Opens every lane zoomed to [base, extent + 25%] (whole space when unknown), e.g. for a new trace.
  void fit(const std::map<heap::SpaceId, std::uint64_t>& extents) {
    extents_ = extents;
    lanes_.clear();
  }
  /// True if the lane for `space` would draw aggregated occupancy rather than single blocks.
  bool wants_occupancy(heap::SpaceId space) const;
  /// What the map can show of the Java heap: its lane's visible range and at most one block more than
  /// it draws one by one (beyond that it draws occupancy), for TraceSession::update.
  ViewOptions heap_view_options() const;

 private:
  struct LaneState {
    AddressAxis axis;
    std::uint64_t base = 0, size = 0;  // to notice a new space layout and reset the axis
    bool aggregated = false;
    float band_y0 = 0, band_y1 = 0;  // where the lane was drawn this frame (for arrows between lanes)
  };
  LaneState& lane(heap::SpaceId space, std::uint64_t base, std::uint64_t size);
  /// The step's copies between spaces (memory_map_transfers.cpp): bytes travelling while `tween` > 0,
  /// source and destination outlined with the byte count when paused. Clipped to [clip0, clip1].
  /// Copies the view's heap-address write says were read from where the array no longer is are drawn in
  /// the warning colour (memory_map_race.cpp decides).
  void draw_transfers(ImDrawList* dl, const Step& step, const View& after, float tween, ImVec2 clip0,
                      ImVec2 clip1, Locale loc) const;
  /// Lesson 06's heap-address write (memory_map_race.cpp): where the kernel reads in the heap lane, where
  /// the array is now, the wrong bytes in the page cache, the pinned array and the waiting GC.
  void draw_heap_write(ImDrawList* dl, const View& before, const View& after, float tween, ImVec2 clip0,
                       ImVec2 clip1, Locale loc) const;
  /// A native_free step's block, hatched and labelled "freed" where it was (it is gone from the view
  /// after the step, so a paused frame would otherwise show nothing of what happened).
  void draw_freed(ImDrawList* dl, const Step& step, float tween, ImVec2 clip0, ImVec2 clip1,
                  Locale loc) const;
  std::map<heap::SpaceId, LaneState> lanes_;
  std::map<heap::SpaceId, std::uint64_t> extents_;
  heap::ObjectId selected_ = 0;
  std::optional<SelectedBytes> selected_bytes_;
  float lane_width_ = 800;
};

}  // namespace heapviz::app
