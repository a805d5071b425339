#include "platform/fonts.hpp"

#include <imgui.h>

#include <filesystem>
#include <initializer_list>

namespace heapviz::app {
namespace {

std::string first_existing(std::initializer_list<const char*> paths) {
  std::error_code ec;
  for (const char* p : paths)
    if (std::filesystem::is_regular_file(p, ec)) return p;
  return {};
}

}  // namespace

// Latin plus the punctuation, arrows and maths signs the narration uses ("→", "≥", "…").
const ImWchar kLatinAndSymbols[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F,
                                    0x2190, 0x21FF, 0x2200, 0x22FF, 0};

FontSet load_fonts(float size_px) {
  ImGuiIO& io = ImGui::GetIO();
  FontSet set;
  const std::string sans = first_existing({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
  const std::string mono = first_existing({"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"});
  const std::string cjk = first_existing({"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                                          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"});
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  if (!sans.empty()) {
    set.ui = io.Fonts->AddFontFromFileTTF(sans.c_str(), size_px, &cfg, kLatinAndSymbols);
  }
  if (!set.ui) {
    ImFontConfig def;
    def.SizePixels = size_px;
    set.ui = io.Fonts->AddFontDefault(&def);
    set.notice = "UI font DejaVu Sans not found (Debian package fonts-dejavu-core); using the built-in font.";
  }
  // Chinese glyphs are merged into the font added just before, so both fonts can show captions.
  auto merge_chinese = [&] {
    if (cjk.empty()) return false;
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.OversampleH = 1;
    return io.Fonts->AddFontFromFileTTF(cjk.c_str(), size_px, &merge,
                                        io.Fonts->GetGlyphRangesChineseFull()) != nullptr;
  };
  if (!sans.empty()) set.has_chinese = merge_chinese();
  if (!mono.empty()) set.mono = io.Fonts->AddFontFromFileTTF(mono.c_str(), size_px, &cfg, kLatinAndSymbols);
  if (set.mono && !mono.empty()) merge_chinese();
  if (!set.mono) set.mono = set.ui;
  if (!set.has_chinese && set.notice.empty())
    set.notice = "No Chinese font found (Debian package fonts-wqy-microhei); Chinese text is unavailable.";
  return set;
}

}  // namespace heapviz::app
