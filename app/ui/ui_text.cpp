// The UI strings in both languages, one entry per UiText, in the enum's order.
#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

struct Entry {
  UiText id;
  const char* en;
  const char* zh;
};

constexpr Entry kTable[] = {
    // menus, status bar and the main window
    {UiText::menu_file, "File", "文件"},
    {UiText::menu_open_java_file, "Open .java file...", "打开 .java 文件…"},
    {UiText::menu_or_drop_file, "(or drop a file on the window)", "（也可以把文件拖到窗口上）"},
    {UiText::menu_quit, "Quit", "退出"},
    {UiText::menu_lessons, "Lessons", "课程"},
    {UiText::menu_simulation, "Simulation", "模拟"},
    {UiText::menu_mark_compact, "Mark-compact (Serial-style)", "标记-压缩（Serial 风格）"},
    {UiText::menu_mark_sweep, "Non-moving mark-sweep (CMS-style; CMS was removed in JDK 14)",
     "标记-清除，不移动（CMS 风格，JDK 14 已移除 CMS）"},
    {UiText::menu_view, "View", "视图"},
    {UiText::menu_presentation_layout, "Presentation layout", "演示布局（录制用）"},
    {UiText::menu_help, "Help", "帮助"},
    {UiText::help_keys, "Keys: Left/Right step, Down/Up 5 steps, Space play/pause, Home/End",
     "键：←/→ 单步，↓/↑ 五步，空格 播放/暂停，Home/End"},
    {UiText::open_path_prompt, "Path of a lesson file:", "课程文件路径："},
    {UiText::open_button, "Open", "打开"},
    {UiText::status_models, "models", "模拟"},
    {UiText::no_lesson_selected, "No lesson selected", "未选择课程"},
    {UiText::builtin_demo_note, "(built-in demo, driven in C++ through the core)",
     "（内置演示，由 C++ 驱动核心）"},
    {UiText::program_output_heading, "program output (whole run)", "程序输出（整次运行）"},
    {UiText::no_steps_to_play, "No steps to play.", "没有可播放的步骤。"},
    // presentation layout
    {UiText::presentation_step_counter, "step %zu / %zu", "第 %zu / %zu 步"},
    {UiText::caption_before_first_step, "Before the first step: nothing has happened yet.",
     "开始之前：一切都还没有发生。"},
    // hypothetical modes
    {UiText::hypothetical_menu_heading, "Hypothetical (not what the JDK does)", "假设情形（JDK 并不这样做）"},
    {UiText::hypothetical_banner, "HYPOTHETICAL — not what the JDK does: ", "假设情形——JDK 并不这样做："},
    // timeline
    {UiText::timeline_pause, "Pause", "暂停"},
    {UiText::timeline_play, "Play", "播放"},
    {UiText::timeline_step_k_of_n, "step %zu of %zu", "第 %zu 步，共 %zu 步"},
    {UiText::timeline_speed, "speed %.1fx", "速度 %.1fx"},
    {UiText::timeline_stop_at_pauses, "stop at pause points", "在暂停点停下"},
    {UiText::timeline_previous, "previous", "上一个"},
    {UiText::timeline_next, "next", "下一个"},
    // inspector
    {UiText::inspector_wrapped_by_buffer, "wrapped by ByteBuffer #%u", "由 #%u 包装（ByteBuffer）"},
    {UiText::inspector_empty, "Click an object in the memory map to see its bytes here.",
     "点击内存图中的对象，在这里查看它的字段和字节。"},
    {UiText::held_by, "held by", "被引用于"},
    {UiText::address, "address", "地址"},
    {UiText::size, "size", "大小"},
    {UiText::state, "state", "状态"},
    {UiText::forwarding_to, "forwarding to", "转发地址"},
    {UiText::inspector_first_bytes_shown, "(first %llu bytes shown)", "（只显示前 %llu 字节）"},
    // inspector: page-cache pages and device bytes
    {UiText::inspector_page_cache_page, "page-cache page", "页缓存页"},
    {UiText::inspector_device_bytes, "bytes on the device", "磁盘上的字节"},
    {UiText::inspector_wrong_bytes,
     "%llu bytes wrong (highlighted): the kernel read them from the array's old address.",
     "%llu 个字节是错的（高亮）：内核从数组的旧地址读到了它们。"},
    {UiText::inspector_bytes_shown_of, "(%llu of %llu bytes shown)", "（显示 %llu 字节，共 %llu）"},
    // inspector: a buffer's bytes
    {UiText::buffer_bytes_in_native_at, "native memory at ", "本地内存 "},
    {UiText::buffer_bytes_in_heap_array_at, "the byte[] on the Java heap at ", "Java 堆上的 byte[] "},
    {UiText::buffer_bytes_in, "bytes in", "字节位于"},
    {UiText::buffer_position, "position", "position"},
    {UiText::buffer_remaining, "remaining (position to limit)", "剩余字节（position 到 limit）"},
    {UiText::buffer_address_not_native,
     "This address is not in native (malloc) memory, e.g. it maps page-cache pages: its bytes are not shown "
     "here.",
     "这个地址不在本地内存（malloc）中，例如它是页缓存的映射：这里不显示它的字节。"},
    {UiText::buffer_bytes_range_shown, "(bytes %d to %d of %d shown)", "（显示第 %d 到 %d 字节，共 %d）"},
    // narration
    {UiText::narration_before_start, "Nothing has run yet. Press Play or the Right key to start.",
     "还没有执行任何步骤。按“播放”或 → 开始。"},
    {UiText::narration_step, "step", "步骤"},
    {UiText::narration_line, "line", "第"},
    {UiText::narration_step_groups, "(this step groups %u small events)", "（本步合并了 %u 个细小事件）"},
    {UiText::simulation_notes_tooltip, "Where this run of heapviz simplifies",
     "heapviz 在这次运行中做了简化的地方"},
    // memory map: lesson 06's heap-address write
    {UiText::race_array_now_here_after_write, "the array is now here (moved after the write)",
     "数组现在在这里（写完之后才移动）"},
    {UiText::race_array_now_here, "the array is now here", "数组现在在这里"},
    {UiText::race_kernel_reads_old_address, "kernel reads here: the array was here",
     "内核在这里读取：数组原来在这里"},
    {UiText::race_kernel_read_pinned, "the kernel read here (the array was pinned then)",
     "内核在这里读取过（数组当时被固定）"},
    {UiText::race_kernel_read_here, "the kernel read here", "内核在这里读取过"},
    {UiText::race_kernel_reads_here, "kernel reads here", "内核在这里读取"},
    {UiText::race_pinned, "pinned (GCLocker)", "已固定（GCLocker）"},
    {UiText::race_gc_waiting, "GC waiting: it runs when the critical region ends",
     "GC 在等待：临界区结束后才运行"},
    {UiText::race_bytes_wrong_suffix, " bytes wrong", " 个字节是错的"},
    // memory map
    {UiText::lane_heap_one_space_title, "Java heap — one space\n(JDK Serial: young + old)",
     "Java 堆——单一空间\n（JDK Serial：新生代 + 老年代）"},
    {UiText::lane_heap_one_space_tooltip,
     "heapviz draws the Java heap as one range of -Xmx bytes. JDK 17's Serial GC splits it into a young "
     "generation (eden and two survivor spaces) and an old generation; heapviz does not model generations: "
     "no minor GCs, no promotion, every GC here collects the whole heap (like Serial's full GC, a "
     "mark-compact) or sweeps it. Flags that size generations (-Xmn ...) go to java only, and the simulation "
     "notes say so.",
     "heapviz 把 Java 堆画成一段 -Xmx 字节的连续地址空间。JDK 17 的 Serial GC 把它分成新生代（Eden 和两个 "
     "Survivor）和老年代；heapviz 不模拟分代：没有 Minor GC，也没有晋升，这里的每次 GC "
     "都是对整个堆的标记-整理（相当于 Serial 的 Full GC）或标记-清除。-Xmn 等分代参数只交给 java，heapviz "
     "会在“模拟说明”里注明。"},
    {UiText::lane_java_heap, "Java heap", "Java 堆"},
    {UiText::lane_native, "Native memory", "本地内存"},
    {UiText::lane_kernel, "Kernel (page cache)", "内核（页缓存）"},
    {UiText::lane_device, "Device (disk)", "设备（磁盘）"},
    {UiText::map_occupancy_note, "too many objects to draw one by one: occupancy shown (zoom in for objects)",
     "对象太多，按占用率汇总显示（放大可看单个对象）"},
    {UiText::map_roots_row, "locals (roots)", "局部变量（根）"},
    {UiText::map_stale_slot_prefix, "stale slot ", "过期槽 "},
    // code
    {UiText::code_edit, "Edit", "编辑"},
    {UiText::code_run, "Run (Ctrl+Enter)", "运行 (Ctrl+Enter)"},
    {UiText::code_error, "error", "错误"},
    // memory map: bytes moved and freed
    {UiText::transfer_from_old_address_suffix, " from the old address", "（来自旧地址）"},
    {UiText::transfer_freed_prefix, "freed ", "已释放 "},
    // counters
    {UiText::counters_column_counter, "counter", "计数器"},
    {UiText::counters_column_value, "value", "值"},
    {UiText::counters_column_over_time, "over time", "随时间"},
    // narration: simulation notes
    {UiText::simulation_notes_heading, "Simulation notes (%zu)", "模拟说明（%zu）"},
    // notices when a lesson cannot run
    {UiText::notice_lesson_errors, "The lesson has errors: see the code panel.", "课程有错误，见代码面板。"},
    {UiText::notice_cannot_run, "This lesson cannot run:\n", "无法运行这个课程：\n"},
    // step categories (timeline markers, in StepCategory order)
    {UiText::category_gc, "GC phase", "GC 阶段"},
    {UiText::category_allocation, "allocation", "分配"},
    {UiText::category_bounce_copy, "bounce copy", "中转拷贝"},
    {UiText::category_syscall, "syscall", "系统调用"},
    {UiText::category_native_free, "native free", "本地内存释放"},
    {UiText::category_cleaner, "cleaner", "Cleaner"},
    {UiText::category_exception, "exception", "异常"},
    {UiText::category_program, "program", "程序"},
    // memory map legend (in palette order)
    {UiText::legend_heap_buffer, "HeapByteBuffer", "堆缓冲区对象"},
    {UiText::legend_direct_buffer, "DirectByteBuffer", "直接缓冲区对象"},
    {UiText::legend_arrays, "byte[] / arrays", "byte[] 与数组"},
    {UiText::legend_cleaner, "Cleaner, Deallocator, Unmapper", "Cleaner、Deallocator、Unmapper"},
    {UiText::legend_other_objects, "other objects", "其他对象"},
    {UiText::legend_garbage, "garbage (unmarked)", "垃圾（未标记）"},
    {UiText::legend_dead_wood, "dead wood (filler)", "死区填充"},
    {UiText::legend_native_block, "native block (malloc)", "本地内存块"},
    {UiText::legend_kernel_page, "kernel page", "内核页"},
    {UiText::legend_device_bytes, "device bytes", "设备数据"},
};
static_assert(std::size(kTable) == kUiTextCount, "one entry per UiText");

// Every entry sits at its enum's index, so tr() is one lookup.
constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < std::size(kTable); ++i)
    if (static_cast<std::size_t>(kTable[i].id) != i) return false;
  return true;
}
static_assert(in_enum_order(), "kTable lists the UiText entries in the enum's order");

}  // namespace

std::string_view to_string(Locale l) { return l == Locale::zh ? "zh" : "en"; }

std::optional<Locale> parse_locale(std::string_view code) {
  for (Locale l : kLocales)
    if (to_string(l) == code) return l;
  return std::nullopt;
}

std::string unknown_locale_error(std::string_view code) {
  std::string known;
  for (Locale l : kLocales) known += (known.empty() ? "" : ", ") + std::string(to_string(l));
  return "unknown language '" + std::string(code) + "' (heapviz knows: " + known + ")";
}

const char* native_name(Locale l) { return l == Locale::zh ? "简体中文" : "English"; }

const char* tr(Locale l, UiText t) {
  const Entry& e = kTable[static_cast<std::size_t>(t)];
  return l == Locale::zh ? e.zh : e.en;
}

const std::string& pick(Locale l, const std::string& en, const std::string& zh) {
  return l == Locale::zh && !zh.empty() ? zh : en;
}

}  // namespace heapviz::app
