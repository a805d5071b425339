#pragma once
// The inspector for bytes that are not a Java object: a page-cache page or a file's bytes on the device.
#include "heapviz/engine/view.hpp"
#include "panels/memory_map_panel.hpp"
#include "ui/ui_text.hpp"

struct ImFont;

namespace heapviz::app {

/// A hex dump of the selected page or device bytes as they are at this step; bytes the view's
/// heap-address write lists as wrong (lesson 06, os-reads-heap) are highlighted with what was intended.
void draw_bytes_inspector(const Machine& m, const View& view, const SelectedBytes& sel, ImFont* mono,
                          Locale loc);

}  // namespace heapviz::app
