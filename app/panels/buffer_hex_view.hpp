#pragma once
#include "heapviz/io/buffer_dump.hpp"
#include "ui/ui_text.hpp"

struct ImFont;

namespace heapviz::app {

/// Which part of a buffer's window the inspector shows: 256 bytes, starting a little before the
/// position when the position is far in.
int buffer_dump_first(int position);
inline constexpr int kBufferDumpBytes = 256;

/// A ByteBuffer's bytes as a hex dump with its marks: a legend line ("pos=5 lim=19 cap=4096"), the
/// bytes between position and limit highlighted, a bar before the position byte and one at the limit,
/// the mark underlined. Addresses are where the bytes are (the byte[] on the heap, or native memory).
void draw_buffer_hex(const nio::BufferDump& d, ImFont* mono, Locale loc);

}  // namespace heapviz::app
