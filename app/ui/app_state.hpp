#pragma once
#include <memory>
#include <string>
#include <vector>

#include "heapviz/engine/trace_session.hpp"
#include "heapviz/heap/heap_settings.hpp"
#include "heapviz/lang/diagnostic.hpp"
#include "heapviz/lang/hypotheticals.hpp"
#include "heapviz/lang/lesson.hpp"
#include "heapviz/lang/lesson_catalog.hpp"
#include "panels/code_panel.hpp"
#include "panels/memory_map_panel.hpp"
#include "panels/timeline_panel.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

/// What the GUI shows and remembers between frames. Facts come from the core; this holds the user's
/// choices, the loaded trace and the panels' own UI state.
struct AppState {
  std::vector<LessonEntry> lessons;           ///< lesson files, then the core's built-in demos (empty path)
  int selected = -1;                          ///< index into lessons, -1 when none
  std::string source;                         ///< the selected lesson's text, read through the core
  std::string source_error;                   ///< why the source could not be read, if it could not
  std::vector<lang::Diagnostic> diagnostics;  ///< from the core's lesson front end
  std::string run_notice;                     ///< why no simulation is shown, or ""
  std::string program_output;                 ///< what the lesson printed (System.out, then System.err)
  /// The run's simulation notes (LessonRunResult::notes, one per entry): where heapviz simplifies, e.g.
  /// a flag it passes to java but does not simulate. Shown in the narration panel and the presentation.
  std::vector<std::string> notes;
  std::vector<std::string> notes_zh;  ///< the same in Chinese (LessonRunResult::notes_zh)
  /// The notes in the UI language (English where a Chinese one is missing).
  const std::vector<std::string>& shown_notes() const {
    return locale == Locale::zh && notes_zh.size() == notes.size() ? notes_zh : notes;
  }
  std::unique_ptr<lang::Lesson> lesson;  ///< the parsed lesson of the shown trace (captions, pauses)
  heap::Collector collector = heap::Collector::mark_compact;
  std::vector<std::string> hypotheticals;  ///< hypothetical modes for run_lesson (screenshot --hypothetical)
  Locale locale = Locale::en;              ///< the UI and narration language
  std::string font_notice;                 ///< a missing-font notice for the status bar
  std::string renderer;                    ///< GL renderer, for the About box
  bool quit_requested = false;
  bool presentation = false;  ///< the recording layout in the window (F5 toggles, Esc leaves)
  std::string pending_open;   ///< a path dropped on the window or typed in File > Open, to load next frame
  std::string message;        ///< last error or notice for the status bar

  TraceSession session;
  MemoryMapPanel map;
  TimelinePanel timeline;
  CodePanel code;

  /// Loads the catalog and selects `lesson` (id, number, path or a built-in demo id; "" = default).
  /// Returns "" or an error for the user.
  std::string load(const std::string& lesson);
  /// Selects lessons[index], reads its source and builds its trace.
  void select(int index);
  /// Rebuilds the trace of the current selection (after a collector change or an edit).
  void rerun();
  /// Switches hypothetical mode `mode` on or off (Simulation menu) and re-runs, keeping the step
  /// position where it can. Never saved; switching lessons in the window turns every mode off.
  void set_hypothetical(const std::string& mode, bool on);
  bool hypothetical_on(const std::string& mode) const;
  bool hypothetical_on(lang::Hypothetical mode) const {
    return hypothetical_on(std::string(to_string(mode)));
  }
  const LessonEntry* current() const;
  /// What the memory map draws this frame, from the loaded session.
  MemoryMapInput map_input() const;
  bool current_is_builtin() const;
  /// The title in the chosen language (falls back to English, then the id).
  std::string title_of(const LessonEntry& e) const;
};

}  // namespace heapviz::app
