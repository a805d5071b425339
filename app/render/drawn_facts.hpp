#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "heapviz/heap/address_space.hpp"
#include "heapviz/heap/java_heap.hpp"

/// A log of the facts the panels drew in one frame (blocks, arrows, roots, counters, narration, the
/// timeline position), so tests can check that the app never draws a fact absent from the core's view.
/// Panels note what they draw with one-line calls; when no log is active (the normal case) a note
/// costs one branch. `heapviz screenshot --facts FILE.json` writes the last frame's log.
namespace heapviz::app {

struct DrawnBlock {
  heap::ObjectId id = 0;  ///< 0 for native chunks, pages and device bytes
  heap::SpaceId space = heap::SpaceId::java_heap;
  std::uint64_t addr = 0, size = 0;
  std::string label;                     ///< the text drawn on it ("" when none fits)
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< where it was drawn, in window pixels
  bool ghost = false;                    ///< the faded old place of a block that moves or leaves this step
};
struct DrawnArrow {
  heap::ObjectId from = 0, to = 0;
  std::uint64_t to_addr = 0;
  heap::SpaceId to_space = heap::SpaceId::java_heap;
};
struct DrawnRoot {
  std::string name;
  heap::ObjectId target = 0;
  bool stale = false;  ///< a local slot whose variable's block ended (drawn dashed)
};
struct DrawnLane {
  heap::SpaceId space = heap::SpaceId::java_heap;
  std::string name;
  std::string title;  ///< the header drawn next to it, in the UI language (the heap's says "one space")
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool aggregated = false;                        ///< drawn as an occupancy strip (level of detail)
  std::uint64_t view_start = 0, view_length = 0;  ///< the addresses [x0, x1) shows
  std::size_t view_blocks =
      0;  ///< blocks of this space in the view the core handed the map (level of detail)
};
/// A mark the map draws over a lane for a fact that is not a block: lesson 06's heap-address write
/// ("kernel_reads_here", "array_now", "wrong_bytes", "stale_read" for a copy read from where the array
/// no longer is, "pinned", "gc_waiting"), at `addr`/`size` in `space`.
struct DrawnMark {
  std::string kind;
  heap::SpaceId space = heap::SpaceId::java_heap;
  std::uint64_t addr = 0, size = 0;
  std::string label;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
struct DrawnCounter {
  std::string key, value_text;
};

struct DrawnFacts {
  std::vector<DrawnLane> lanes;
  std::vector<DrawnBlock> blocks;
  std::vector<DrawnArrow> arrows;
  std::vector<DrawnRoot> roots;
  std::vector<DrawnCounter> counters;
  std::vector<DrawnMark> marks;
  std::vector<std::string> narration;  ///< the texts of the shown step, as drawn
  /// The run's simulation notes (where heapviz simplifies), as drawn, heading first.
  std::vector<std::string> notes;
  /// The memory map's window on screen: lanes drawn outside it would be scrolled away or cut off.
  float map_x0 = 0, map_y0 = 0, map_x1 = 0, map_y1 = 0;
  long step = -1;  ///< the step shown (0-based index), -1 before the first
  std::size_t timeline_position = 0, timeline_size = 0;  ///< "step k of N"

  void clear() { *this = DrawnFacts{}; }
  /// The log as JSON (spaces by name, addresses as numbers).
  std::string to_json() const;
};

/// The log being written this frame, or null when nobody asked for one.
DrawnFacts* drawn_facts();
/// Starts (non-null) or stops (null) logging into `log`.
void set_drawn_facts(DrawnFacts* log);

inline void note_lane(const DrawnLane& l) {
  if (DrawnFacts* f = drawn_facts()) f->lanes.push_back(l);
}
inline void note_block(const DrawnBlock& b) {
  if (DrawnFacts* f = drawn_facts()) f->blocks.push_back(b);
}
inline void note_arrow(const DrawnArrow& a) {
  if (DrawnFacts* f = drawn_facts()) f->arrows.push_back(a);
}
inline void note_mark(const DrawnMark& m) {
  if (DrawnFacts* f = drawn_facts()) f->marks.push_back(m);
}
inline void note_root(const std::string& name, heap::ObjectId target, bool stale = false) {
  if (DrawnFacts* f = drawn_facts()) f->roots.push_back(DrawnRoot{name, target, stale});
}
inline void note_counter(const std::string& key, const std::string& value_text) {
  if (DrawnFacts* f = drawn_facts()) f->counters.push_back(DrawnCounter{key, value_text});
}
inline void note_narration(const std::string& text) {
  if (DrawnFacts* f = drawn_facts()) f->narration.push_back(text);
}
inline void note_sim_note(const std::string& text) {
  if (DrawnFacts* f = drawn_facts()) f->notes.push_back(text);
}
inline void note_map_area(float x0, float y0, float x1, float y1) {
  if (DrawnFacts* f = drawn_facts()) {
    f->map_x0 = x0;
    f->map_y0 = y0;
    f->map_x1 = x1;
    f->map_y1 = y1;
  }
}
inline void note_step(long step) {
  if (DrawnFacts* f = drawn_facts()) f->step = step;
}
inline void note_timeline(std::size_t position, std::size_t size) {
  if (DrawnFacts* f = drawn_facts()) {
    f->timeline_position = position;
    f->timeline_size = size;
  }
}

}  // namespace heapviz::app
