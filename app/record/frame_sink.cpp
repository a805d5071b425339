#include "record/frame_sink.hpp"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "record/ffmpeg_sink.hpp"
#include "record/png_folder_sink.hpp"

namespace heapviz::app {

OutputKind output_kind_for(const std::string& path) {
  auto ends_with = [&](const char* ext) {
    const std::string e(ext);
    if (path.size() < e.size()) return false;
    for (std::size_t i = 0; i < e.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(path[path.size() - e.size() + i])) != e[i]) return false;
    return true;
  };
  if (ends_with(".gif")) return OutputKind::gif;
  if (ends_with(".mp4")) return OutputKind::mp4;
  return OutputKind::png_folder;
}

bool ffmpeg_available() { return std::system("ffmpeg -hide_banner -version >/dev/null 2>&1") == 0; }

std::unique_ptr<FrameSink> make_frame_sink(const std::string& path, std::string& error) {
  const OutputKind kind = output_kind_for(path);
  // Before anything is rendered: the folder the output goes into must exist and take new files.
  namespace fs = std::filesystem;
  fs::path target(path);
  if (target.filename().empty()) target = target.parent_path();  // "frames/" -> "frames"
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) {
    error = "cannot write " + path + ": folder " + parent.string() + " does not exist";
    return nullptr;
  }
  if (access(parent.c_str(), W_OK) != 0) {
    error = "cannot write " + path + ": " + std::strerror(errno) + " (folder " + parent.string() + ")";
    return nullptr;
  }
  if (kind == OutputKind::png_folder) return std::make_unique<PngFolderSink>(path);
  if (!ffmpeg_available()) {
    error = "recording " + path +
            " needs the ffmpeg program (Debian package ffmpeg); "
            "PNG frames work without it: give a folder name as --out";
    return nullptr;
  }
  return std::make_unique<FfmpegSink>(path, kind);
}

}  // namespace heapviz::app
