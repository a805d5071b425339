// HotSpot 17 GCLocker semantics: a GC during a JNI critical region is deferred to the last thread out.
#include "heapviz/io/gc_locker.hpp"

#include <algorithm>

namespace heapviz::io {

int GcLocker::depth(const std::string& thread) const {
  const auto it = depth_.find(thread);
  return it == depth_.end() ? 0 : it->second;
}

GcLocker::Enter GcLocker::enter_critical(const std::string& thread) {
  int& d = depth_[thread];
  if (d > 0) {  // already inside: no global bookkeeping (the fast path)
    ++d;
    return Enter::nested;
  }
  if (needs_gc_) {  // a GC is pending: new entrants wait until it has run
    blocked_.push_back(thread);
    log_.push_back("Thread \"" + thread + "\" blocked: a GC is pending");
    return Enter::blocked;
  }
  d = 1;
  ++jni_lock_count_;
  log_.push_back("Entering critical region. Thread \"" + thread + "\" " + std::to_string(jni_lock_count_) +
                 " locked.");
  return Enter::entered;
}

GcLocker::Exit GcLocker::exit_critical(const std::string& thread) {
  Exit out;
  int& d = depth_[thread];
  if (d == 0) return out;
  if (--d > 0) return out;
  out.left = true;
  --jni_lock_count_;
  log_.push_back("Exiting critical region. Thread \"" + thread + "\" " + std::to_string(jni_lock_count_) +
                 " locked.");
  if (needs_gc_ && jni_lock_count_ == 0) {
    log_.push_back("Performing GC after exiting critical section.");
    gcs_.push_back(kGcCause);
    needs_gc_ = false;
    out.gc_ran = true;
    out.resumed = stalled_;
    out.resumed.insert(out.resumed.end(), blocked_.begin(), blocked_.end());
    stalled_.clear();
    // Blocked entrants now enter, in the order they arrived.
    const std::vector<std::string> waiting = std::move(blocked_);
    blocked_.clear();
    for (const std::string& t : waiting) enter_critical(t);
  }
  return out;
}

bool GcLocker::request_gc(const std::string& cause) {
  if (!is_active()) {
    gcs_.push_back(cause);
    return true;
  }
  if (!needs_gc_) log_.push_back("Setting _needs_gc.");
  needs_gc_ = true;
  return false;
}

bool GcLocker::stall_allocation(const std::string& thread) {
  if (!needs_gc_) return false;
  stalled_.push_back(thread);
  log_.push_back("Allocation failed. Thread stalled by JNI critical section.");
  return true;
}

}  // namespace heapviz::io
