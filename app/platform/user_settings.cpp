#include "platform/user_settings.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace heapviz::app {
namespace fs = std::filesystem;

std::string settings_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && *xdg) return (fs::path(xdg) / "heapviz" / "settings.json").string();
  if (home && *home) return (fs::path(home) / ".config" / "heapviz" / "settings.json").string();
  return {};
}

UserSettings load_user_settings(std::string& warning) {
  UserSettings s;
  const std::string path = settings_path();
  std::ifstream in(path);
  if (path.empty() || !in) return s;
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    // An unknown language or collector falls back to the default, as a missing one does.
    s.locale = parse_locale(j.value("lang", std::string(to_string(s.locale)))).value_or(s.locale);
    s.collector = heap::parse_collector(j.value("collector", std::string(heap::to_string(s.collector))))
                      .value_or(s.collector);
    s.last_lesson = j.value("last_lesson", s.last_lesson);
    s.speed = j.value("speed", s.speed);
    s.auto_pause = j.value("auto_pause", s.auto_pause);
  } catch (const std::exception&) {
    warning = "settings file " + path + " is not valid JSON; using defaults";
    return UserSettings{};
  }
  return s;
}

std::string save_user_settings(const UserSettings& s) {
  const std::string path = settings_path();
  if (path.empty()) return "no home folder to save settings in";
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const nlohmann::json j = {{"lang", std::string(to_string(s.locale))},
                            {"collector", std::string(heap::to_string(s.collector))},
                            {"last_lesson", s.last_lesson},
                            {"speed", s.speed},
                            {"auto_pause", s.auto_pause}};
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    if (!out) return "cannot write " + tmp;
    out << j.dump(2) << "\n";
    if (!out) return "cannot write " + tmp;
  }
  fs::rename(tmp, path, ec);
  return ec ? "cannot replace " + path + ": " + ec.message() : std::string{};
}

}  // namespace heapviz::app
