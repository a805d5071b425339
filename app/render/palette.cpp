#include "render/palette.hpp"

#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

// Okabe-Ito: orange E69F00, sky blue 56B4E9, bluish green 009E73, yellow F0E442, blue 0072B2,
// vermillion D55E00, reddish purple CC79A7.
constexpr BlockStyle kStyles[] = {
    {IM_COL32(0x56, 0xB4, 0xE9, 255), Pattern::solid, UiText::legend_heap_buffer},
    {IM_COL32(0x00, 0x72, 0xB2, 255), Pattern::solid, UiText::legend_direct_buffer},
    {IM_COL32(0xE6, 0x9F, 0x00, 255), Pattern::dotted, UiText::legend_arrays},
    {IM_COL32(0xCC, 0x79, 0xA7, 255), Pattern::outlined, UiText::legend_cleaner},
    {IM_COL32(0x00, 0x9E, 0x73, 255), Pattern::solid, UiText::legend_other_objects},
    {IM_COL32(0xD5, 0x5E, 0x00, 255), Pattern::hatched, UiText::legend_garbage},
    {IM_COL32(0x99, 0x99, 0x99, 255), Pattern::hatched, UiText::legend_dead_wood},
    {IM_COL32(0x00, 0x72, 0xB2, 255), Pattern::dotted, UiText::legend_native_block},
    {IM_COL32(0x00, 0x9E, 0x73, 255), Pattern::dotted, UiText::legend_kernel_page},
    {IM_COL32(0x7A, 0x6A, 0x50, 255), Pattern::solid, UiText::legend_device_bytes},
};

}  // namespace

BlockStyle style_for(std::string_view type, std::string_view state) {
  if (state == "unmarked") return kStyles[5];
  if (state == "filler") return kStyles[6];
  if (type == "java.nio.HeapByteBuffer" || type == "java.nio.HeapByteBufferR") return kStyles[0];
  if (type == "java.nio.DirectByteBuffer" || type == "java.nio.DirectByteBufferR") return kStyles[1];
  if (type.ends_with("[]")) return kStyles[2];
  if (type == "jdk.internal.ref.Cleaner" || type == "java.nio.DirectByteBuffer$Deallocator" ||
      type == "sun.nio.ch.FileChannelImpl$DefaultUnmapper" || type.starts_with("java.lang.ref."))
    return kStyles[3];
  if (type == "native") return kStyles[7];
  if (type == "kernel") return kStyles[8];
  if (type == "device") return kStyles[9];
  return kStyles[4];
}

const BlockStyle* legend_styles(int* count) {
  *count = static_cast<int>(sizeof kStyles / sizeof kStyles[0]);
  return kStyles;
}

}  // namespace heapviz::app
