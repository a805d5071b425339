#include "facts_check.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>

namespace {

using nlohmann::json;

std::string space_text(heapviz::heap::SpaceId s) { return std::string(heapviz::heap::space_name(s)); }

// A counter as drawn: "123" (exact), or "%.4g KiB|MiB|GiB" / "N B" (4 significant digits).
bool counter_text_matches(const std::string& text, std::int64_t value) {
  char* end = nullptr;
  const long long whole = std::strtoll(text.c_str(), &end, 10);
  if (end && *end == '\0' && !text.empty()) return whole == value;
  const double number = std::strtod(text.c_str(), &end);
  const std::string unit = end ? std::string(end) : "";
  double scale = 0;
  if (unit == " B")
    scale = 1;
  else if (unit == " KiB")
    scale = 1024;
  else if (unit == " MiB")
    scale = 1024.0 * 1024;
  else if (unit == " GiB")
    scale = 1024.0 * 1024 * 1024;
  if (scale == 0) return false;
  const double shown = number * scale, v = static_cast<double>(value);
  return std::fabs(shown - v) <= std::max(0.5, std::fabs(v) * 6e-4);
}

}  // namespace

json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) return json();
  return json::parse(in, nullptr, false);
}

std::vector<std::string> check_drawn_facts(const json& facts, const CoreLesson& lesson,
                                           std::size_t position) {
  std::vector<std::string> bad;
  if (!facts.is_object()) return {"the facts file is not a JSON object"};
  const heapviz::View view = lesson.view_at(position);

  // Lanes: one per address space the view has, none other.
  std::vector<std::string> view_spaces, lane_spaces;
  for (const auto& r : view.regions) view_spaces.push_back(space_text(r.space));
  for (const json& l : facts["lanes"]) {
    const std::string s = l["space"].get<std::string>();
    lane_spaces.push_back(s);
    if (std::find(view_spaces.begin(), view_spaces.end(), s) == view_spaces.end())
      bad.push_back("a lane for space " + s + " that the view does not have");
  }
  for (const std::string& s : view_spaces)
    if (std::find(lane_spaces.begin(), lane_spaces.end(), s) == lane_spaces.end())
      bad.push_back("no lane drawn for space " + s);

  // Blocks: every drawn block is in the view with the same id, space, address and size (chunks by address).
  for (const json& b : facts["blocks"]) {
    if (b["ghost"].get<bool>()) {
      bad.push_back("a ghost block drawn while paused (no step is playing)");
      continue;
    }
    const auto id = b["id"].get<heapviz::heap::ObjectId>();
    const std::string space = b["space"].get<std::string>();
    const auto addr = b["addr"].get<std::uint64_t>(), size = b["size"].get<std::uint64_t>();
    const auto it = std::find_if(view.blocks.begin(), view.blocks.end(), [&](const heapviz::BlockView& v) {
      return v.id == id && space_text(v.space) == space && v.addr == addr && (id != 0 || v.size == size);
    });
    if (it == view.blocks.end()) {
      bad.push_back("block id " + std::to_string(id) + " in " + space + " at " + std::to_string(addr) +
                    " size " + std::to_string(size) + " is not in the core's view");
      continue;
    }
    if (it->size != size)
      bad.push_back("block id " + std::to_string(id) + " drawn with size " + std::to_string(size) +
                    ", the view says " + std::to_string(it->size));
    const std::string label = b["label"].get<std::string>();
    if (id == 0 && label != it->label && label != it->label_zh)
      bad.push_back("chunk at " + std::to_string(addr) + " labelled '" + label + "', the view says '" +
                    it->label + "'");
    if (id != 0 && !it->label.empty() && label.rfind(it->label, 0) != 0)
      bad.push_back("object " + std::to_string(id) + " labelled '" + label + "', the view's roots are '" +
                    it->label + "'");
  }
  // Arrows and roots.
  for (const json& a : facts["arrows"]) {
    const auto from = a["from"].get<heapviz::heap::ObjectId>(), to = a["to"].get<heapviz::heap::ObjectId>();
    const auto to_addr = a["to_addr"].get<std::uint64_t>();
    const bool found = std::any_of(view.arrows.begin(), view.arrows.end(), [&](const heapviz::ArrowView& v) {
      return v.from == from && v.to == to && v.to_addr == to_addr &&
             space_text(v.to_space) == a["to_space"].get<std::string>();
    });
    if (!found)
      bad.push_back("arrow " + std::to_string(from) + " -> " + std::to_string(to) + " is not in the view");
  }
  for (const json& r : facts["roots"]) {
    const std::string name = r["name"].get<std::string>();
    const auto target = r["target"].get<heapviz::heap::ObjectId>();
    const bool stale = r["stale"].get<bool>();  // a stale slot must be drawn as stale, and only then
    const bool found = std::any_of(view.roots.begin(), view.roots.end(), [&](const heapviz::RootView& v) {
      return v.name == name && v.target == target && v.stale == stale;
    });
    if (!found)
      bad.push_back("root chip '" + name + "' -> " + std::to_string(target) + (stale ? " (stale)" : "") +
                    " is not in the view");
  }
  // Counters: every value drawn is the view's.
  std::size_t counters_seen = 0;
  for (const json& c : facts["counters"]) {
    const std::string key = c["key"].get<std::string>(), text = c["value"].get<std::string>();
    const auto it = std::find_if(view.counters.begin(), view.counters.end(),
                                 [&](const heapviz::CounterView& v) { return v.key == key; });
    if (it == view.counters.end()) {
      bad.push_back("counter " + key + " is not in the view");
      continue;
    }
    ++counters_seen;
    if (!counter_text_matches(text, it->value))
      bad.push_back("counter " + key + " drawn as '" + text + "', the view says " +
                    std::to_string(it->value));
  }
  if (counters_seen != view.counters.size())
    bad.push_back("drew " + std::to_string(counters_seen) + " counters of the view's " +
                  std::to_string(view.counters.size()));
  // Marks of lesson 06's heap-address write: each one is a fact of the view's heap_address_write.
  for (const json& m : facts.value("marks", json::array())) {
    const std::string kind = m["kind"].get<std::string>();
    const auto addr = m["addr"].get<std::uint64_t>(), size = m["size"].get<std::uint64_t>();
    if (kind ==
        "inspector_bytes") {  // the inspector's dump of a page: its count of wrong bytes is the view's
      std::uint64_t wrong = 0;
      if (view.heap_address_write && m["space"] == "kernel")
        for (const auto& [a, n] : heapviz::io::wrong_kernel_bytes(*view.heap_address_write, addr, size))
          wrong += n;
      const bool is_block =
          std::any_of(view.blocks.begin(), view.blocks.end(), [&](const heapviz::BlockView& b) {
            return b.id == 0 && space_text(b.space) == m["space"].get<std::string>() && b.addr == addr &&
                   b.size == size;
          });
      if (!is_block || m["label"].get<std::string>() != std::to_string(wrong))
        bad.push_back("the inspector dumped " + std::to_string(addr) + " size " + std::to_string(size) +
                      " with '" + m["label"].get<std::string>() + "' wrong bytes, not the view's " +
                      std::to_string(wrong));
      continue;
    }
    if (!view.heap_address_write) {
      bad.push_back("a '" + kind + "' mark drawn but the view has no heap-address write");
      continue;
    }
    const heapviz::io::HeapAddressWrite& w = *view.heap_address_write;
    bool ok = false;
    if (kind == "kernel_reads_here")
      ok = addr == w.address_given && size == static_cast<std::uint64_t>(w.length);
    else if (kind == "array_now")
      ok = addr == w.array_now && w.array_now != w.address_given;
    else if (kind == "pinned")
      ok = addr == w.array_now && w.in_critical;
    else if (kind == "gc_waiting")
      ok = w.gc_waiting;
    else if (kind == "stale_read") {
      const heapviz::io::HeapWriteChunk* c = heapviz::io::chunk_read_at(w, addr);
      ok = c && c->stale;
    } else if (kind == "wrong_bytes") {
      std::uint64_t marked = 0;
      for (const auto& [a, n] : heapviz::io::wrong_kernel_bytes(w, addr, size)) marked += n;
      ok = marked == static_cast<std::uint64_t>(w.wrong_bytes) && w.wrong_bytes > 0 &&
           m["label"].get<std::string>().rfind(std::to_string(w.wrong_bytes) + " ", 0) == 0;
    }
    if (!ok)
      bad.push_back("a '" + kind + "' mark at " + std::to_string(addr) + " size " + std::to_string(size) +
                    " is not the view's");
  }
  // Narration: exactly the shown step's texts (caption of its line, sentence, JDK code path).
  std::vector<std::string> expected;
  if (position > 0) {
    const heapviz::Step& s = lesson.trace->step(position - 1);
    if (const auto* cap =
            lesson.lesson ? lesson.lesson->directives.caption_at(static_cast<int>(s.pos.line)) : nullptr)
      if (!cap->text.empty()) expected.push_back(cap->text);
    expected.push_back(s.text.en);
    if (!s.text.internals.empty()) expected.push_back(s.text.internals);
  }
  if (facts["narration"].get<std::vector<std::string>>() != expected)
    bad.push_back("the narration drawn is not the step's text");
  if (facts["step"].get<long>() != static_cast<long>(position) - 1)
    bad.push_back("narration of step " + facts["step"].dump() + ", expected " +
                  std::to_string(static_cast<long>(position) - 1));
  if (facts["timeline"]["position"].get<std::size_t>() != position ||
      facts["timeline"]["size"].get<std::size_t>() != lesson.trace->size())
    bad.push_back("timeline shows " + facts["timeline"].dump() + ", expected position " +
                  std::to_string(position) + " of " + std::to_string(lesson.trace->size()));
  return bad;
}
