#include "render/drawn_facts.hpp"

#include <nlohmann/json.hpp>

namespace heapviz::app {
namespace {

DrawnFacts* g_log = nullptr;  // one GUI thread; only the screenshot mode sets it

std::string space_text(heap::SpaceId s) { return std::string(heap::space_name(s)); }

}  // namespace

DrawnFacts* drawn_facts() { return g_log; }
void set_drawn_facts(DrawnFacts* log) { g_log = log; }

std::string DrawnFacts::to_json() const {
  using nlohmann::json;
  json j;
  j["lanes"] = json::array();
  for (const DrawnLane& l : lanes)
    j["lanes"].push_back({{"space", space_text(l.space)},
                          {"name", l.name},
                          {"title", l.title},
                          {"x0", l.x0},
                          {"y0", l.y0},
                          {"x1", l.x1},
                          {"y1", l.y1},
                          {"aggregated", l.aggregated},
                          {"view_start", l.view_start},
                          {"view_length", l.view_length},
                          {"view_blocks", l.view_blocks}});
  j["blocks"] = json::array();
  for (const DrawnBlock& b : blocks)
    j["blocks"].push_back({{"id", b.id},
                           {"space", space_text(b.space)},
                           {"addr", b.addr},
                           {"size", b.size},
                           {"label", b.label},
                           {"x0", b.x0},
                           {"y0", b.y0},
                           {"x1", b.x1},
                           {"y1", b.y1},
                           {"ghost", b.ghost}});
  j["arrows"] = json::array();
  for (const DrawnArrow& a : arrows)
    j["arrows"].push_back(
        {{"from", a.from}, {"to", a.to}, {"to_addr", a.to_addr}, {"to_space", space_text(a.to_space)}});
  j["roots"] = json::array();
  for (const DrawnRoot& r : roots)
    j["roots"].push_back({{"name", r.name}, {"target", r.target}, {"stale", r.stale}});
  j["counters"] = json::array();
  for (const DrawnCounter& c : counters) j["counters"].push_back({{"key", c.key}, {"value", c.value_text}});
  j["marks"] = json::array();
  for (const DrawnMark& m : marks)
    j["marks"].push_back({{"kind", m.kind},
                          {"space", space_text(m.space)},
                          {"addr", m.addr},
                          {"size", m.size},
                          {"label", m.label},
                          {"x0", m.x0},
                          {"y0", m.y0},
                          {"x1", m.x1},
                          {"y1", m.y1}});
  j["narration"] = narration;
  j["notes"] = notes;
  j["map_area"] = {{"x0", map_x0}, {"y0", map_y0}, {"x1", map_x1}, {"y1", map_y1}};
  j["step"] = step;
  j["timeline"] = {{"position", timeline_position}, {"size", timeline_size}};
  return j.dump(1);
}

}  // namespace heapviz::app
