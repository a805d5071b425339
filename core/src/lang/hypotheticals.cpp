// The hypothetical modes heapviz simulates, and the check of a run's request against a lesson.
#include "heapviz/lang/hypotheticals.hpp"

#include <algorithm>
#include <array>

namespace heapviz::lang {

namespace {
constexpr std::array kModes{
    HypotheticalMode{"os-reads-heap",
                     "HYPOTHETICAL, not what the JDK does: FileChannel.write gives the kernel the heap "
                     "byte[]'s address; a "
                     "compacting GC moves the array mid-copy",
                     "假想情形（JDK 并不这样做）：FileChannel.write 把堆上 byte[] "
                     "的地址交给内核；拷贝途中压缩式 GC 移动了数组"},
    HypotheticalMode{"pin-heap-array",
                     "REAL JDK behaviour, but not what FileChannel.write uses: JNI code that calls "
                     "GetPrimitiveArrayCritical pins the array (GCLocker) and a GC waits",
                     "JDK 真实存在的机制，但 FileChannel.write 并不使用：调用 GetPrimitiveArrayCritical "
                     "的 JNI 代码钉住数组（GCLocker），GC 等待"},
    HypotheticalMode{
        "non-moving-sweep",
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

std::span<const HypotheticalMode> hypothetical_modes() { return kModes; }

const HypotheticalMode* find_hypothetical(std::string_view name) {
  for (const HypotheticalMode& m : kModes)
    if (m.name == name) return &m;
  return nullptr;
}

std::string check_hypotheticals(const std::vector<std::string>& declared,
                                const std::vector<std::string>& requested) {
  for (const std::string& r : requested) {
    if (!find_hypothetical(r)) {
      std::vector<std::string> known;
      for (const HypotheticalMode& m : kModes) known.emplace_back(m.name);
      return "unknown hypothetical mode '" + r + "' (heapviz knows: " + names(known) + ")";
    }
    if (std::find(declared.begin(), declared.end(), r) == declared.end())
      return "this lesson does not offer the hypothetical mode '" + r + "' (" +
             (declared.empty() ? std::string("it declares none") : "it declares: " + names(declared)) +
             "; a lesson offers one with //@ hypothetical: " + r + ")";
  }
  const auto on = [&](std::string_view n) {
    return std::find(requested.begin(), requested.end(), n) != requested.end();
  };
  if (on("os-reads-heap") && on("pin-heap-array"))
    return "os-reads-heap and pin-heap-array tell the same write two different ways: switch on one of them";
  return "";
}

}  // namespace heapviz::lang
