// The step trace as text lines or JSON, for `run --trace`.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "headless/headless_modes.hpp"
#include "heapviz/heap/text_format.hpp"

namespace heapviz::headless {

// Steps are numbered as the window shows them ("step k of N", `screenshot --step k`): step k is the
// state after trace entry k-1, so the first step is 1.
void write_trace_text(std::ostream& out, const Trace& trace) {
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const Step& s = trace.step(i);
    out << i + 1 << ' ' << step_kind_name(s.kind) << ' ' << s.text.en << '\n';
  }
}

namespace {
using heapviz::text::hex;

/// A step's byte ranges: source space and address, destination space and address, length.
nlohmann::json ranges_json(const Step& s) {
  nlohmann::json out = nlohmann::json::array();
  for (const ByteRange& r : s.ranges)
    out.push_back({{"from_space", std::string(heap::space_name(r.space))},
                   {"from", hex(r.from)},
                   {"to_space", std::string(heap::space_name(r.to_space))},
                   {"to", hex(r.to)},
                   {"length", r.length}});
  return out;
}
}  // namespace

void write_trace_json(std::ostream& out, const Trace& trace) {
  nlohmann::json steps = nlohmann::json::array();
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const Step& s = trace.step(i);
    steps.push_back({{"step", i + 1},  // as the window numbers it
                     {"index", i},
                     {"kind", std::string(step_kind_name(s.kind))},
                     {"line", s.pos.line},
                     {"col", s.pos.col},
                     {"en", s.text.en},
                     {"zh", s.text.zh},
                     {"internals", s.text.internals},
                     {"objects", s.objects},
                     {"ranges", ranges_json(s)},
                     {"events", s.events}});
  }
  // Invalid UTF-8 in a narration must not abort the dump: replace it.
  out << nlohmann::json{{"steps", steps}}.dump(1, ' ', false, nlohmann::json::error_handler_t::replace)
      << '\n';
}

}  // namespace heapviz::headless
