#pragma once
// The UI's languages and every string the app draws itself, each in both languages in one table
// (ui_text.cpp). Text that comes from the core (narration, captions, titles, labels) already carries both
// languages; pick() chooses. GUI-free, so the tests link it without a window.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heapviz::app {

/// The UI language.
enum class Locale : std::uint8_t { en, zh };
inline constexpr Locale kLocales[] = {Locale::en, Locale::zh};

/// "en" or "zh": the spelling of --lang and of the settings file.
std::string_view to_string(Locale l);
/// The locale spelled `code` ("en", "zh"), or nullopt.
std::optional<Locale> parse_locale(std::string_view code);
/// Why `code` is no locale: "unknown language 'CODE' (heapviz knows: en, zh)".
std::string unknown_locale_error(std::string_view code);
/// The language's own name, for the View menu: "English", "简体中文".
const char* native_name(Locale l);

/// One string of the UI. Entries holding printf conversions (%zu, %llu, ...) are formats.
enum class UiText : std::uint16_t {
  // menus, status bar and the main window
  menu_file,
  menu_open_java_file,
  menu_or_drop_file,
  menu_quit,
  menu_lessons,
  menu_simulation,
  menu_mark_compact,
  menu_mark_sweep,
  menu_view,
  menu_presentation_layout,
  menu_help,
  help_keys,
  open_path_prompt,
  open_button,
  status_models,
  no_lesson_selected,
  builtin_demo_note,
  program_output_heading,
  no_steps_to_play,
  // presentation layout
  presentation_step_counter,
  caption_before_first_step,
  // hypothetical modes
  hypothetical_menu_heading,
  hypothetical_banner,
  // timeline
  timeline_pause,
  timeline_play,
  timeline_step_k_of_n,
  timeline_speed,
  timeline_stop_at_pauses,
  timeline_previous,
  timeline_next,
  // inspector
  inspector_wrapped_by_buffer,
  inspector_empty,
  held_by,
  address,
  size,
  state,
  forwarding_to,
  inspector_first_bytes_shown,
  // inspector: page-cache pages and device bytes
  inspector_page_cache_page,
  inspector_device_bytes,
  inspector_wrong_bytes,
  inspector_bytes_shown_of,
  // inspector: a buffer's bytes
  buffer_bytes_in_native_at,
  buffer_bytes_in_heap_array_at,
  buffer_bytes_in,
  buffer_position,
  buffer_remaining,
  buffer_address_not_native,
  buffer_bytes_range_shown,
  // narration
  narration_before_start,
  narration_step,
  narration_line,
  narration_step_groups,
  simulation_notes_tooltip,
  // memory map: lesson 06's heap-address write
  race_array_now_here_after_write,
  race_array_now_here,
  race_kernel_reads_old_address,
  race_kernel_read_pinned,
  race_kernel_read_here,
  race_kernel_reads_here,
  race_pinned,
  race_gc_waiting,
  race_bytes_wrong_suffix,
  // memory map
  lane_heap_one_space_title,
  lane_heap_one_space_tooltip,
  lane_java_heap,
  lane_native,
  lane_kernel,
  lane_device,
  map_occupancy_note,
  map_roots_row,
  map_stale_slot_prefix,
  // code
  code_edit,
  code_run,
  code_error,
  // memory map: bytes moved and freed
  transfer_from_old_address_suffix,
  transfer_freed_prefix,
  // counters
  counters_column_counter,
  counters_column_value,
  counters_column_over_time,
  // narration: simulation notes
  simulation_notes_heading,
  // notices when a lesson cannot run
  notice_lesson_errors,
  notice_cannot_run,
  // step categories (timeline markers, in StepCategory order)
  category_gc,
  category_allocation,
  category_bounce_copy,
  category_syscall,
  category_native_free,
  category_cleaner,
  category_exception,
  category_program,
  // memory map legend (in palette order)
  legend_heap_buffer,
  legend_direct_buffer,
  legend_arrays,
  legend_cleaner,
  legend_other_objects,
  legend_garbage,
  legend_dead_wood,
  legend_native_block,
  legend_kernel_page,
  legend_device_bytes,
};
inline constexpr std::size_t kUiTextCount = static_cast<std::size_t>(UiText::legend_device_bytes) + 1;

/// The string in language `l` (never empty, never null).
const char* tr(Locale l, UiText t);
/// For text given in both languages (by the core): `zh` in Chinese when it is not empty, else `en`.
const std::string& pick(Locale l, const std::string& en, const std::string& zh);

}  // namespace heapviz::app
