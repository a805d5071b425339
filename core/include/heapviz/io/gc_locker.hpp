#pragma once
#include <map>
#include <string>
#include <vector>

namespace heapviz::io {

/// HotSpot 17's GCLocker (gc/shared/gcLocker): the "pin by stopping the GC" answer used while a thread
/// holds a JNI critical region (GetPrimitiveArrayCritical) under Serial, Parallel, G1 and ZGC.
/// A GC requested while any thread is in a critical region does not run: `_needs_gc` is set, threads
/// whose allocation failed stall, new entrants block, and the last thread to leave runs the GC with
/// the cause "GCLocker Initiated GC". A plain value; each method is one event of the lesson.
class GcLocker {
 public:
  static constexpr const char* kGcCause = "GCLocker Initiated GC";

  /// What happened when a thread tried to enter a critical region.
  enum class Enter { entered, nested, blocked };
  /// lock_critical(thread): nested entry just deepens; while _needs_gc is set a new entrant blocks.
  Enter enter_critical(const std::string& thread);

  /// What happened when a thread left its (outermost) critical region.
  struct Exit {
    bool left = false;                 ///< the thread left its outermost region
    bool gc_ran = false;               ///< it was the last one out while _needs_gc: it ran the GC
    std::vector<std::string> resumed;  ///< threads woken after that GC (blocked entrants, stalled allocators)
  };
  Exit exit_critical(const std::string& thread);

  /// A collection is requested (e.g. an allocation failed): true if it may run now; false if GCLocker is
  /// active, in which case `_needs_gc` is set and the GC is deferred (check_active_before_gc).
  bool request_gc(const std::string& cause);
  /// The allocating thread waits for the deferred GC (stall_until_clear); false if there is nothing to wait
  /// for.
  bool stall_allocation(const std::string& thread);

  bool is_active() const { return jni_lock_count_ > 0; }
  bool needs_gc() const { return needs_gc_; }
  int jni_lock_count() const { return jni_lock_count_; }
  int depth(const std::string& thread) const;
  const std::vector<std::string>& blocked() const { return blocked_; }
  const std::vector<std::string>& stalled() const { return stalled_; }
  /// GC causes that ran, in order ("GCLocker Initiated GC" for the deferred one).
  const std::vector<std::string>& gcs() const { return gcs_; }
  /// -Xlog:gc+jni=debug style lines, in order.
  const std::vector<std::string>& log() const { return log_; }
  bool operator==(const GcLocker&) const = default;

 private:
  std::map<std::string, int> depth_;
  int jni_lock_count_ = 0;
  bool needs_gc_ = false;
  std::vector<std::string> blocked_;
  std::vector<std::string> stalled_;
  std::vector<std::string> gcs_;
  std::vector<std::string> log_;
};

}  // namespace heapviz::io
