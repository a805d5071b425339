#include <doctest/doctest.h>

#include "heapviz/engine/playback.hpp"

using heapviz::Playback;
using heapviz::TimelineEntry;

namespace {
std::vector<TimelineEntry> steps(int n, float seconds = 1.0f) {
  return std::vector<TimelineEntry>(static_cast<std::size_t>(n), TimelineEntry{0, seconds, false});
}
}  // namespace

TEST_CASE("playback advances by time, tweening through each step") {
  Playback p(steps(3));
  p.play();
  CHECK(p.advance(0.25f));
  CHECK(p.position() == 0);
  CHECK(p.tween() == doctest::Approx(0.25f));
  p.advance(1.0f);
  CHECK(p.position() == 1);
  CHECK(p.tween() == doctest::Approx(0.25f));
  p.advance(10.0f);
  CHECK(p.position() == 3);
  CHECK_FALSE(p.playing());
  CHECK(p.tween() == 0);
}

TEST_CASE("speed scales time and is clamped to 0.1x..10x") {
  Playback p(steps(100));
  p.set_speed(4);
  p.play();
  p.advance(1.0f);
  CHECK(p.position() == 4);
  p.set_speed(50);
  CHECK(p.speed() == 10);
  p.set_speed(0);
  CHECK(p.speed() == doctest::Approx(0.1f));
}

TEST_CASE("pause points stop playback before their step, and play() continues through them") {
  auto e = steps(4);
  e[2].pause_before = true;
  Playback p(e);
  p.play();
  p.advance(10.0f);
  CHECK(p.position() == 2);
  CHECK_FALSE(p.playing());
  p.play();
  p.advance(10.0f);
  CHECK(p.position() == 4);
  p.set_auto_pause(false);
  p.seek(0);
  p.play();
  p.advance(10.0f);
  CHECK(p.position() == 4);
}

TEST_CASE("seeking is clamped and jumps to steps of a kind") {
  auto e = steps(6);
  e[1].kind = 7;
  e[4].kind = 7;
  Playback p(e);
  p.step_by(-5);
  CHECK(p.position() == 0);
  p.step_by(+100);
  CHECK(p.position() == 6);
  p.seek(0);
  CHECK(p.seek_next_of_kind(7));
  CHECK(p.position() == 1);
  CHECK(p.seek_next_of_kind(7));
  CHECK(p.position() == 4);
  CHECK_FALSE(p.seek_next_of_kind(7));
  CHECK(p.position() == 4);
  CHECK(p.seek_previous_of_kind(7));
  CHECK(p.position() == 1);
  CHECK_FALSE(p.seek_previous_of_kind(7));
}

TEST_CASE("play at the end restarts, an empty timeline never plays") {
  Playback p(steps(2));
  p.seek(2);
  p.play();
  CHECK(p.position() == 0);
  CHECK(p.playing());
  Playback empty;
  empty.play();
  CHECK_FALSE(empty.playing());
  CHECK_FALSE(empty.advance(1.0f));
}
