// The step trace as text lines or JSON, for `heapviz run --trace`.
#include <nlohmann/json.hpp>
#include <ostream>

#include "modes/cli_modes.hpp"

namespace heapviz::app {

void write_trace_text(std::ostream& out, const Trace& trace) {
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const Step& s = trace.step(i);
    out << i << ' ' << step_kind_name(s.kind) << ' ' << s.text.en << '\n';
  }
}

void write_trace_json(std::ostream& out, const Trace& trace) {
  nlohmann::json steps = nlohmann::json::array();
  for (std::size_t i = 0; i < trace.size(); ++i) {
    const Step& s = trace.step(i);
    steps.push_back({{"index", i},
                     {"kind", std::string(step_kind_name(s.kind))},
                     {"line", s.pos.line},
                     {"col", s.pos.col},
                     {"en", s.text.en},
                     {"zh", s.text.zh},
                     {"internals", s.text.internals},
                     {"objects", s.objects},
                     {"events", s.events}});
  }
  // Invalid UTF-8 in a narration must not abort the dump: replace it.
  out << nlohmann::json{{"steps", steps}}.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace heapviz::app
