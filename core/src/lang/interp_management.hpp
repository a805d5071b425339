#pragma once
// java.lang.management in the interpreter: ManagementFactory's BufferPoolMXBeans and
// GarbageCollectorMXBeans, the List<T> they come in, and class literals (`BufferPoolMXBean.class`).
// The JDK allocates these objects on its heap; heapviz keeps them off the heap as host objects (not
// drawn) whose getters read the simulated machine. Internal to core/src/lang.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp_types.hpp"

namespace heapviz {
struct Machine;
}
namespace heapviz::lang::interp {

/// The bean interfaces a List can hold: "BufferPoolMXBean", "GarbageCollectorMXBean".
bool is_mx_bean_class(std::string_view simple);
/// `List<BufferPoolMXBean>` (the checker spells a List type with its element class, as javac prints it).
Type mx_list_of(std::string_view element);
/// True for a List type of the subset.
bool is_mx_list(const Type& t);
/// The element type of a List type (its bean interface).
Type mx_list_element(const Type& t);
/// `Class<BufferPoolMXBean>`: the type of a class literal.
Type class_literal_type(std::string_view simple);
/// The class named by a class literal's type, or "" for any other type.
std::string class_literal_class(const Type& t);
/// A List, a bean or a class literal's type: off-heap host objects instanceof and casts cannot check.
bool is_mx_type(const Type& t);

/// The beans' names in JDK 17's order (with -XX:+UseSerialGC for the collectors).
const std::vector<std::string>& mx_bean_names(std::string_view bean_class);

/// What the management calls of one run remember.
struct ManagementState {
  /// The beans and Class objects are singletons in the JDK (`pools.get(0) == other.get(0)`): their
  /// host objects by "BufferPoolMXBean/direct" or "class java.nio.ByteBuffer".
  std::map<std::string, std::uint32_t> singletons;
  /// GCs the JDK runs that heapviz counts without simulating: the second System.gc() of Heapviz.gc().
  std::uint64_t extra_collections = 0;
  bool told_gc_rounds = false;  ///< the narration explained that once
  bool gc_beans_used = false;   ///< the program holds GarbageCollectorMXBeans
};

/// getCollectionCount() of the collector `name` ("Copy" or "MarkSweepCompact").
std::int64_t mx_collection_count(const Machine& m, const ManagementState& s, std::string_view name);
/// getCollectionTime(): not measurable; a plausible figure of 1 ms per collection.
std::int64_t mx_collection_time(const Machine& m, const ManagementState& s, std::string_view name);
/// getCount(), getMemoryUsed(), getTotalCapacity() of the buffer pool `name`; `getter` is the method name.
std::int64_t mx_pool_figure(const Machine& m, std::string_view name, std::string_view getter);

}  // namespace heapviz::lang::interp
