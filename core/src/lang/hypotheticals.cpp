// The hypothetical modes heapviz simulates, and the check of a run's request against a lesson.
#include "heapviz/lang/hypotheticals.hpp"

#include <algorithm>
#include <array>

namespace heapviz::lang {

namespace {
constexpr std::array kModes{
    HypotheticalMode{Hypothetical::os_reads_heap,
                     "HYPOTHETICAL, not what the JDK does: FileChannel.write gives the kernel the heap "
                     "byte[]'s address; a "
                     "compacting GC moves the array mid-copy",
                     "假想情形（JDK 并不这样做）：FileChannel.write 把堆上 byte[] "
                     "的地址交给内核；拷贝途中压缩式 GC 移动了数组"},
    HypotheticalMode{Hypothetical::pin_heap_array,
                     "REAL JDK behaviour, but not what FileChannel.write uses: JNI code that calls "
                     "GetPrimitiveArrayCritical pins the array (GCLocker) and a GC waits",
                     "JDK 真实存在的机制，但 FileChannel.write 并不使用：调用 GetPrimitiveArrayCritical "
                     "的 JNI 代码钉住数组（GCLocker），GC 等待"},
    HypotheticalMode{
        Hypothetical::non_moving_sweep,
        "HYPOTHETICAL, not what JDK 17 does: the old generation is swept without compaction (like CMS, "
        "removed "
        "in JDK 14), so free space stays in holes",
        "假想情形（JDK 17 并不这样做）：老年代只清扫不压缩（类似 JDK 14 已移除的 CMS），空闲空间留在空洞里"},
};

std::string names(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& n : v) s += (s.empty() ? "" : ", ") + n;
  return s;
}
}  // namespace

std::string_view to_string(Hypothetical h) {
  switch (h) {
    case Hypothetical::os_reads_heap:
      return "os-reads-heap";
    case Hypothetical::pin_heap_array:
      return "pin-heap-array";
    case Hypothetical::non_moving_sweep:
      return "non-moving-sweep";
  }
  return "?";
}

std::optional<Hypothetical> parse_hypothetical(std::string_view name) {
  for (const HypotheticalMode& m : kModes)
    if (m.name() == name) return m.mode;
  return std::nullopt;
}

std::string unknown_hypothetical_error(std::string_view name) {
  std::vector<std::string> known;
  for (const HypotheticalMode& m : kModes) known.emplace_back(m.name());
  return "unknown hypothetical mode '" + std::string(name) + "' (heapviz knows: " + names(known) + ")";
}

std::vector<Hypothetical> known_hypotheticals(const std::vector<std::string>& spelled) {
  std::vector<Hypothetical> out;
  for (const std::string& n : spelled)
    if (const auto h = parse_hypothetical(n)) out.push_back(*h);
  return out;
}

bool names_hypothetical(const std::vector<std::string>& spelled, Hypothetical h) {
  return std::find(spelled.begin(), spelled.end(), to_string(h)) != spelled.end();
}

std::span<const HypotheticalMode> hypothetical_modes() { return kModes; }

const HypotheticalMode* find_hypothetical(std::string_view name) {
  for (const HypotheticalMode& m : kModes)
    if (m.name() == name) return &m;
  return nullptr;
}

std::string check_hypotheticals(const std::vector<std::string>& declared,
                                const std::vector<std::string>& requested) {
  for (const std::string& r : requested) {
    if (!find_hypothetical(r)) return unknown_hypothetical_error(r);
    if (std::find(declared.begin(), declared.end(), r) == declared.end())
      return "this lesson does not offer the hypothetical mode '" + r + "' (" +
             (declared.empty() ? std::string("it declares none") : "it declares: " + names(declared)) +
             "; a lesson offers one with //@ hypothetical: " + r + ")";
  }
  if (names_hypothetical(requested, Hypothetical::os_reads_heap) &&
      names_hypothetical(requested, Hypothetical::pin_heap_array))
    return std::string(to_string(Hypothetical::os_reads_heap)) + " and " +
           std::string(to_string(Hypothetical::pin_heap_array)) +
           " tell the same write two different ways: switch on one of them";
  return "";
}

}  // namespace heapviz::lang
