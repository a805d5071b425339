#pragma once
#include "heapviz/engine/view.hpp"

namespace heapviz::io {

/// Adds the I/O counters (bounce, user/kernel/device copies, syscalls by name, temporary buffers, the
/// mapped pool) to a view, and one region per file in the page cache and on the device.
void append_io_view(const IoMachine& m, View& v);

}  // namespace heapviz::io
