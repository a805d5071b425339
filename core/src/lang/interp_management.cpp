// java.lang.management at run time: the lists ManagementFactory returns, the beans' getters over the
// simulated machine, class literals. The JDK allocates these objects on its heap; heapviz keeps them
// off the heap as host objects (not drawn, never holding a heap object alive), and says so in the
// narration of the call that makes them.
#include "interp_management.hpp"

#include "heapviz/engine/machine.hpp"
#include "heapviz/heap/java_heap.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "interp_format.hpp"
#include "interp_runtime.hpp"

namespace heapviz::lang::interp {

namespace {
constexpr std::string_view kListPrefix = "List<", kClassPrefix = "Class<";

bool has_generic_prefix(const Type& t, std::string_view prefix) {
  return t.kind == Type::Kind::ref && t.dims == 0 && t.cls.size() > prefix.size() + 1 &&
         t.cls.compare(0, prefix.size(), prefix) == 0 && t.cls.back() == '>';
}
std::string generic_argument(const Type& t, std::string_view prefix) {
  return t.cls.substr(prefix.size(), t.cls.size() - prefix.size() - 1);
}
std::string qualified_interface(std::string_view simple) {
  return simple == "List"    ? "java.util.List"
         : simple == "Class" ? "java.lang.Class"
                             : "java.lang.management." + std::string(simple);
}
}  // namespace

bool is_mx_bean_class(std::string_view simple) {
  return simple == "BufferPoolMXBean" || simple == "GarbageCollectorMXBean";
}
Type mx_list_of(std::string_view element) {
  return Type::ref(std::string(kListPrefix) + std::string(element) + ">");
}
bool is_mx_list(const Type& t) { return has_generic_prefix(t, kListPrefix); }
Type mx_list_element(const Type& t) { return Type::ref(generic_argument(t, kListPrefix)); }
Type class_literal_type(std::string_view simple) {
  return Type::ref(std::string(kClassPrefix) + std::string(simple) + ">");
}
std::string class_literal_class(const Type& t) {
  return has_generic_prefix(t, kClassPrefix) ? generic_argument(t, kClassPrefix) : std::string();
}

bool is_mx_type(const Type& t) {
  return is_mx_list(t) || !class_literal_class(t).empty() ||
         (t.kind == Type::Kind::ref && t.dims == 0 && is_mx_bean_class(t.cls));
}

const std::vector<std::string>& mx_bean_names(std::string_view bean_class) {
  // JDK 17: ManagementFactoryHelper's pools come as mapped, direct, then the non-volatile mapped pool
  // (JDK-8207851); -XX:+UseSerialGC's collectors are DefNew ("Copy") and the old generation's
  // "MarkSweepCompact".
  static const std::vector<std::string> pools{"mapped", "direct", "mapped - 'non-volatile memory'"};
  static const std::vector<std::string> collectors{"Copy", "MarkSweepCompact"};
  return bean_class == "BufferPoolMXBean" ? pools : collectors;
}

std::int64_t mx_collection_count(const Machine& m, const ManagementState& s, std::string_view name) {
  // heapviz has no young generation: every collection it runs is a full mark-compact of the one space.
  if (name != "MarkSweepCompact") return 0;
  return static_cast<std::int64_t>(m.heap.counter(heap::HeapCounter::gc_count) + s.extra_collections);
}
std::int64_t mx_collection_time(const Machine& m, const ManagementState& s, std::string_view name) {
  // The JDK measures wall-clock milliseconds; a full GC of a small heap takes about one.
  return mx_collection_count(m, s, name);
}
std::int64_t mx_pool_figure(const Machine& m, std::string_view name, std::string_view getter) {
  // The same figures as Heapviz.pools() (interp_buffers.cpp): the simulated Bits and mapped counters.
  nio::PoolFigures p;
  if (name == "direct") p = nio::direct_pool(m);
  if (name == "mapped") p = nio::mapped_pool(m);
  if (getter == "getCount") return p.count;
  if (getter == "getMemoryUsed") return p.memory_used;
  return p.total_capacity;
}

HostRef Runtime::mx_singleton(HostObject h, const std::string& key) {
  const auto it = mx_.singletons.find(key);
  if (it != mx_.singletons.end()) return HostRef{it->second};
  const HostRef ref = new_host(std::move(h));
  mx_.singletons.emplace(key, ref.index);
  return ref;
}

std::vector<Value> Runtime::mx_list_elements(const Value& list) {
  const std::string bean = hosts_.at(std::get<HostRef>(list).index).name;
  const HostObject::Kind kind =
      bean == "BufferPoolMXBean" ? HostObject::Kind::buffer_pool : HostObject::Kind::gc_bean;
  std::vector<Value> out;
  for (const std::string& name : mx_bean_names(bean))
    out.emplace_back(mx_singleton(HostObject{kind, {}, name, nullptr, {}, false, 0}, bean + "/" + name));
  return out;
}

std::string Runtime::mx_text(const HostObject& h, HostRef ref) {
  // Object.toString() with an identity hash the JDK picks at random: heapviz prints the host index.
  if (h.kind == HostObject::Kind::mx_list) {
    std::string s = "[";
    for (const Value& v : mx_list_elements(Value{ref})) s += (s.size() > 1 ? ", " : "") + to_text(v);
    return s + "]";
  }
  if (h.kind == HostObject::Kind::buffer_pool)
    return "sun.management.ManagementFactoryHelper$1@" + to_hex(ref.index);
  return "com.sun.management.internal.GarbageCollectorExtImpl@" + to_hex(ref.index);
}

void Runtime::mx_after_heapviz_gc(std::uint64_t gcs_before) {
  const Machine& m = r_.machine();
  if (m.heap.counter(heap::HeapCounter::gc_count) == gcs_before) return;  // -XX:+DisableExplicitGC
  ++mx_.extra_collections;
  if (!mx_.gc_beans_used) return;
  r_.begin_step(StepKind::note);
  if (r_.recording())
    r_.narrate(
        "On the JDK, Heapviz.gc() calls System.gc() twice (the second round waits until the Reference "
        "Handler has run the first one's Cleaners). heapviz runs one collection and counts two, so "
        "MarkSweepCompact's getCollectionCount() goes up by 2 as on the JDK.",
        "在 JDK 上 Heapviz.gc() 调用两次 System.gc()（第二轮等待 Reference Handler 运行完第一轮的 Cleaner）。"
        "heapviz 只运行一次回收但计为两次，所以 MarkSweepCompact 的 getCollectionCount() 与 JDK 一样增加 2。",
        "Heapviz.gc(): round(); if (collected) round(); each round is System.gc()");
  r_.end_step();
}

Value Runtime::eval_management(const Expr& e, const ExprInfo& info, const Value& recv,
                               const std::vector<Value>& args) {
  const std::string& sig = info.signature;
  if (sig.rfind("class ", 0) == 0) {  // X.class
    const std::string name = sig.substr(6);
    return mx_singleton(HostObject{HostObject::Kind::class_object, {}, name, nullptr, {}, false, 0}, sig);
  }
  const auto& call = e.cast<MethodCall>();
  const bool factory = sig.rfind("get", 0) == 0;
  if (factory) {
    const bool gc =
        sig == "getGarbageCollectorMXBeans()" || sig == "getPlatformMXBeans(GarbageCollectorMXBean)";
    if (sig.rfind("getPlatformMXBeans", 0) == 0 && is_null(args.at(0)))
      throw_java("java.lang.NullPointerException",
                 std::string("Cannot invoke \"java.lang.Class.getName()\" because \"mbeanIntf\" is null"));
    const std::string bean = gc ? "GarbageCollectorMXBean" : "BufferPoolMXBean";
    if (gc) mx_.gc_beans_used = true;
    r_.begin_step(StepKind::note);
    if (r_.recording()) {
      std::string names, names_zh;
      for (const std::string& n : mx_bean_names(bean)) names += (names.empty() ? "\"" : ", \"") + n + "\"";
      std::string en = "ManagementFactory returns a new List of " + bean + "s (" + names +
                       "). The JDK allocates the list and the beans on the Java heap; heapviz keeps these "
                       "management objects off the heap and does not draw them. Their getters read the "
                       "simulated counters.";
      std::string zh = "ManagementFactory 返回一个新的 " + bean + " 列表（" + names +
                       "）。JDK 在 Java 堆上分配列表和这些 bean；heapviz 把这些管理对象放在堆外，不画出来。"
                       "它们的 getter 读取模拟的计数器。";
      if (gc) {
        en +=
            " heapviz has no young generation (a simplification): every GC it runs counts as "
            "MarkSweepCompact and Copy stays 0. On the JDK a GC for a failed allocation is usually a young "
            "Copy collection, so the counts agree only when every GC is System.gc(), Heapviz.gc() or the one "
            "direct memory asks for. getCollectionTime() is not measured: heapviz reports 1 ms per "
            "collection. The names are Serial's (-XX:+UseSerialGC, which the lessons use); without that flag "
            "JDK 17 usually picks G1, whose beans are \"G1 Young Generation\" and \"G1 Old Generation\".";
        zh +=
            "heapviz 没有年轻代（一种简化）：它运行的每次 GC 都计入 MarkSweepCompact，Copy 保持为 0。"
            "在 JDK 上，因分配失败触发的 GC 通常是年轻代的 Copy 回收，所以只有当所有 GC 都来自 System.gc()、"
            "Heapviz.gc() 或直接内存请求的 GC 时计数才一致。getCollectionTime() 不是测量值：heapviz "
            "每次回收记 1 毫秒。这些名字属于 Serial（-XX:+UseSerialGC，课程都用它）；没有这个参数时 JDK 17 "
            "通常选择 G1，其 bean 名为 \"G1 Young Generation\" 和 \"G1 Old Generation\"。";
      }
      r_.narrate(std::move(en), std::move(zh),
                 gc ? "ManagementFactory.getGarbageCollectorMXBeans(): one bean per memory manager"
                    : "ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class): "
                      "ManagementFactoryHelper.getBufferPoolMXBeans()");
    }
    r_.end_step();
    return new_host(HostObject{HostObject::Kind::mx_list, {}, bean, nullptr, {}, false, 0});
  }
  const std::string iface = sig.substr(0, sig.find('.'));
  const std::string method = sig.substr(sig.find('.') + 1);
  if (is_null(recv))
    throw_npe("Cannot invoke \"" + qualified_interface(iface) + "." + method + "\"", call.target.get());
  const HostObject& h = hosts_.at(std::get<HostRef>(recv).index);
  const Machine& m = r_.machine();
  const std::string getter = method.substr(0, method.find('('));
  if (iface == "List") {
    const std::vector<Value> items = mx_list_elements(recv);
    const auto n = static_cast<std::int32_t>(items.size());
    if (getter == "size") return n;
    if (getter == "isEmpty") return n == 0;
    const auto i = static_cast<std::int32_t>(as_long(args.at(0)));
    if (i < 0 || i >= n)
      throw_java("java.lang.IndexOutOfBoundsException",
                 "Index " + std::to_string(i) + " out of bounds for length " + std::to_string(n));
    return items[static_cast<std::size_t>(i)];
  }
  if (iface == "Class") return getter == "getName" ? h.name : h.name.substr(h.name.find_last_of(".$") + 1);
  if (getter == "getName") return h.name;
  if (getter == "isValid") return true;
  if (getter == "getCollectionCount") return mx_collection_count(m, mx_, h.name);
  if (getter == "getCollectionTime") return mx_collection_time(m, mx_, h.name);
  return mx_pool_figure(m, h.name, getter);
}

}  // namespace heapviz::lang::interp
