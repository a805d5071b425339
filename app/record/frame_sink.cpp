#include "record/frame_sink.hpp"

#include <cctype>
#include <cstdlib>

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
