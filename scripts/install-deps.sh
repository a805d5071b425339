#!/usr/bin/env bash
# Installs the Debian packages heapviz needs, only those missing. Silent when everything is present.
# Usage: scripts/install-deps.sh            (build, run and test)
set -euo pipefail

packages=(
  g++ cmake make pkg-config            # toolchain
  libimgui-dev libglfw3-dev libstb-dev # GUI: Dear ImGui 1.86 (with GLFW/OpenGL3 backends), GLFW 3.3, stb
  python3-glad                         # generates the OpenGL 3.3 loader at build time
  libcli11-dev nlohmann-json3-dev      # command line, JSON trace output
  doctest-dev                          # unit tests
  fonts-dejavu-core fonts-wqy-microhei # UI font and Chinese (Simplified) font
  xvfb xauth                           # headless GUI runs and screenshot tests
  openjdk-17-jdk-headless              # the real JDK, oracle of the differential tests
  clang libclang-rt-14-dev             # libFuzzer for the lesson front-end fuzz test
  clang-format                         # .ci/run checks the tree against .clang-format
  ffmpeg                               # GIF/MP4 recording and ffprobe checks
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

install_line="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo_cmd=(sudo -n)
else
  echo "heapviz: missing Debian packages: ${missing[*]}" >&2
  echo "heapviz: install them as root, then run this command again:" >&2
  echo "  sudo apt-get update && sudo $install_line" >&2
  exit 1
fi

echo "heapviz: installing missing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# The package lists may be absent on a fresh machine; refresh them once before installing.
if ! "${sudo_cmd[@]}" apt-get install -y --no-install-recommends -qq "${missing[@]}" >/tmp/heapviz-apt.log 2>&1; then
  "${sudo_cmd[@]}" apt-get update -qq >>/tmp/heapviz-apt.log 2>&1 || true
  if ! "${sudo_cmd[@]}" apt-get install -y --no-install-recommends -qq "${missing[@]}" >>/tmp/heapviz-apt.log 2>&1; then
    echo "heapviz: could not install the packages (log: /tmp/heapviz-apt.log). Run this yourself:" >&2
    echo "  sudo apt-get update && sudo $install_line" >&2
    exit 1
  fi
fi
