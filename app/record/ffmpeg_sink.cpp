#include "record/ffmpeg_sink.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace heapviz::app {
namespace fs = std::filesystem;
namespace {

// "out/demo.mp4" -> "out/demo.partial.mp4": the extension stays last so the file is recognisable.
std::string partial_name(const std::string& path) {
  fs::path p(path);
  return (p.parent_path() / (p.stem().string() + ".partial" + p.extension().string())).string();
}

}  // namespace

FfmpegSink::~FfmpegSink() {
  if (!done_) abort();
}

std::string FfmpegSink::open(int width, int height, int fps) {
  std::error_code ec;
  const fs::path target(path_);
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, ec))
    return "cannot write " + path_ + ": folder " + parent.string() + " does not exist";
  if (kind_ == OutputKind::mp4 && (width % 2 || height % 2))
    return "MP4 (yuv420p) needs an even width and height, not " + std::to_string(width) + "x" +
           std::to_string(height);
  partial_ = partial_name(path_);
  log_ = partial_ + ".log";
  if (access(parent.c_str(), W_OK) != 0)
    return "cannot write " + path_ + ": " + std::strerror(errno) + " (folder " + parent.string() + ")";
  const std::string size = std::to_string(width) + "x" + std::to_string(height);
  std::vector<std::string> args = {
      "ffmpeg", "-hide_banner",      "-loglevel", "error",  "-nostdin", "-y",
      "-f",     "rawvideo",          "-pix_fmt",  "rgba",   "-s",       size,
      "-r",     std::to_string(fps), "-i",        "pipe:0", "-fflags",  "+bitexact"};
  if (kind_ == OutputKind::mp4) {
    for (const char* a : {"-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                          "-flags:v", "+bitexact", "-movflags", "+faststart", "-f", "mp4"})
      args.emplace_back(a);
  } else {
    for (const char* a :
         {"-filter_complex",
          "split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4", "-loop",
          "0", "-f", "gif"})
      args.emplace_back(a);
  }
  args.push_back(partial_);

  int fds[2];
  if (pipe(fds) != 0) return std::string("cannot create a pipe to ffmpeg: ") + std::strerror(errno);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  posix_spawn_file_actions_addopen(&actions, 1, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int rc = posix_spawnp(&pid_, "ffmpeg", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[0]);
  if (rc != 0) {
    close(fds[1]);
    pid_ = -1;
    return "cannot run ffmpeg (install the Debian package ffmpeg): " + std::string(std::strerror(rc));
  }
  pipe_fd_ = fds[1];
  return {};
}

std::string FfmpegSink::write(const std::vector<std::uint8_t>& rgba) {
  const std::uint8_t* p = rgba.data();
  std::size_t left = rgba.size();
  while (left > 0) {
    const ssize_t n = ::write(pipe_fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return "ffmpeg stopped reading frames: " + log_tail();
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return {};
}

std::string FfmpegSink::finish() {
  close(pipe_fd_);
  pipe_fd_ = -1;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string why = log_tail();
    abort();
    return "ffmpeg failed: " + why;
  }
  std::error_code ec;
  fs::rename(partial_, path_, ec);
  fs::remove(log_, ec);
  done_ = true;
  if (ec) return "cannot rename " + partial_ + " to " + path_;
  return {};
}

void FfmpegSink::abort() {
  if (pipe_fd_ >= 0) close(pipe_fd_);
  pipe_fd_ = -1;
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }
  std::error_code ec;
  if (!partial_.empty()) fs::remove(partial_, ec);
  if (!log_.empty()) fs::remove(log_, ec);
  done_ = true;
}

std::string FfmpegSink::log_tail() const {
  std::ifstream in(log_);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last.empty() ? "(no message from ffmpeg)" : last;
}

}  // namespace heapviz::app
