// The UI's string table and languages (no window: heapviz_ui_text is GUI-free).
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "ui/ui_text.hpp"

using heapviz::app::Locale;
using heapviz::app::UiText;

TEST_CASE("ui text: every UiText has an English and a Chinese string") {
  for (std::size_t i = 0; i < heapviz::app::kUiTextCount; ++i) {
    const auto t = static_cast<UiText>(i);
    CAPTURE(i);
    for (Locale l : heapviz::app::kLocales) {
      const char* s = heapviz::app::tr(l, t);
      REQUIRE(s != nullptr);
      CHECK(std::strlen(s) > 0);
    }
    // The Chinese entry is its own string unless the word is the same in both (a Java name).
    const std::string en = tr(Locale::en, t), zh = tr(Locale::zh, t);
    if (en == zh) CHECK((en == "position" || en == "cleaner"));
  }
  CHECK(std::string(tr(Locale::en, UiText::menu_file)) == "File");
  CHECK(std::string(tr(Locale::zh, UiText::menu_file)) == "文件");
  CHECK(std::string(tr(Locale::en, UiText::legend_device_bytes)) == "device bytes");
  CHECK(std::string(tr(Locale::zh, UiText::timeline_step_k_of_n)) == "第 %zu 步，共 %zu 步");
}

TEST_CASE("ui text: locales print and parse as en and zh, a bad code says which are known") {
  for (Locale l : heapviz::app::kLocales) {
    REQUIRE(heapviz::app::parse_locale(to_string(l)).has_value());
    CHECK(*heapviz::app::parse_locale(to_string(l)) == l);
  }
  CHECK(to_string(Locale::en) == "en");
  CHECK(to_string(Locale::zh) == "zh");
  CHECK(std::string(native_name(Locale::zh)) == "简体中文");
  for (const char* bad : {"", "EN", "zh-CN", "fr"}) CHECK_FALSE(heapviz::app::parse_locale(bad).has_value());
  CHECK(heapviz::app::unknown_locale_error("fr") == "unknown language 'fr' (heapviz knows: en, zh)");
}

TEST_CASE("ui text: pick takes the Chinese text when there is one") {
  const std::string en = "hello", zh = "你好", none;
  CHECK(&heapviz::app::pick(Locale::zh, en, zh) == &zh);
  CHECK(&heapviz::app::pick(Locale::en, en, zh) == &en);
  CHECK(&heapviz::app::pick(Locale::zh, en, none) == &en);
}
