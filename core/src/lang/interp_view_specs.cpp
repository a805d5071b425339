// The IntBuffer/LongBuffer methods the interpreter resolves calls to on views of a ByteBuffer
// (JDK 17 signatures and return types; nio::call_view_method runs them).
#include <deque>
#include <string>

#include "interp_analysis.hpp"

namespace heapviz::lang::interp {

namespace {

// One table for both view classes: $B stands for the view class, $E for its element type.
struct ViewMethod {
  const char* signature;
  const char* returns;
};
constexpr ViewMethod kViewMethods[] = {
    {"flip()", "$B"},
    {"clear()", "$B"},
    {"rewind()", "$B"},
    {"mark()", "$B"},
    {"reset()", "$B"},
    {"duplicate()", "$B"},
    {"slice()", "$B"},
    {"asReadOnlyBuffer()", "$B"},
    {"position()", "int"},
    {"position(int)", "$B"},
    {"limit()", "int"},
    {"limit(int)", "$B"},
    {"capacity()", "int"},
    {"remaining()", "int"},
    {"hasRemaining()", "boolean"},
    {"isDirect()", "boolean"},
    {"hasArray()", "boolean"},
    {"isReadOnly()", "boolean"},
    {"array()", "$E[]"},
    {"arrayOffset()", "int"},
    {"get()", "$E"},
    {"get(int)", "$E"},
    {"put($E)", "$B"},
    {"put(int,$E)", "$B"},
    {"order()", "ByteOrder"},
    {"toString()", "String"},
    // known to javac, not simulated yet (reported as such)
    {"get($E[])", "$B"},
    {"get($E[],int,int)", "$B"},
    {"get(int,$E[])", "$B"},
    {"put($E[])", "$B"},
    {"put($E[],int,int)", "$B"},
    {"put(int,$E[])", "$B"},
    {"put($B)", "$B"},
    {"compact()", "$B"},
    {"hashCode()", "int"},
    {"equals(Object)", "boolean"},
    {"compareTo($B)", "int"},
    {"mismatch($B)", "int"},
};

std::string substitute(std::string s, std::string_view view, std::string_view elem) {
  for (std::size_t at; (at = s.find("$B")) != std::string::npos;) s.replace(at, 2, view);
  for (std::size_t at; (at = s.find("$E")) != std::string::npos;) s.replace(at, 2, elem);
  return s;
}

// The specs of one view class; the strings live in `store` (a deque: its elements never move).
std::vector<BufferMethodSpec> specs_for(std::string_view view, std::string_view elem,
                                        std::deque<std::string>& store) {
  std::vector<BufferMethodSpec> out;
  for (const ViewMethod& m : kViewMethods) {
    const std::string& sig = store.emplace_back(substitute(m.signature, view, elem));
    const std::string& ret = store.emplace_back(substitute(m.returns, view, elem));
    out.push_back({sig, ret});
  }
  return out;
}

}  // namespace

const std::vector<BufferMethodSpec>& view_method_specs(std::string_view cls) {
  static std::deque<std::string> store;
  static const std::vector<BufferMethodSpec> ints = specs_for("IntBuffer", "int", store);
  static const std::vector<BufferMethodSpec> longs = specs_for("LongBuffer", "long", store);
  return cls == "LongBuffer" ? longs : ints;
}

}  // namespace heapviz::lang::interp
