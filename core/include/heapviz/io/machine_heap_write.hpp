#pragma once
// Lesson 06's heap-address writes on the Machine: the kernel is handed a byte[]'s Java-heap address and
// copies it in chunks while another thread needs a GC. Two modes (io/heap_address_write.hpp):
//  - os_reads_heap (HYPOTHETICAL, not what the JDK does): the machine's compacting GC runs between the
//    chunks and moves the array; the later chunks are read from the old address and reach the file wrong.
//  - pin_heap_array (what JNI code with GetPrimitiveArrayCritical does; FileChannel.write does not): the
//    write runs inside a JNI critical region, GCLocker defers the GC ("the GC waits"), the file is right,
//    and the last thread out runs the deferred "GCLocker Initiated GC".
// Every step's narration (en + zh) starts with a label saying which of these it is; the machine's own GC
// steps inside the scenario carry the label too (Recorder::set_narration_prefix).
#include <cstdint>
#include <string>

#include "heapviz/io/direct_buffer_host.hpp"
#include "heapviz/io/heap_address_write.hpp"
#include "heapviz/io/io_recorder.hpp"

namespace heapviz::io::on_machine {

/// Chunks the kernel copies a heap-address write in, and after how many of them the GC is requested.
inline constexpr int kHeapWriteChunks = 4;
inline constexpr int kHeapWriteGcAfterChunks = 2;

/// The label every step of `mode` starts with, English and Simplified Chinese.
std::string heap_write_label_en(HeapWriteMode mode);
std::string heap_write_label_zh(HeapWriteMode mode);

/// True when FileChannel.write(src) on `channel` takes the heap-address path in a lesson-06 mode: `src` is a
/// heap buffer with bytes remaining and the channel is open and writable (otherwise the ordinary
/// FileChannel.write runs, with its exceptions).
bool takes_heap_address_path(const IoRecorder& r, std::uint32_t channel, const IoBuffer& src);

/// FileChannel.write(src) of heap buffer `src` in `mode` (see above) on `thread`; returns the bytes written
/// and advances src's position in its state (the caller's host writes it back). Runs the machine's GC
/// (heap::collect: Allocation Failure in the middle for os_reads_heap, GCLocker Initiated GC after the
/// region for pin_heap_array). The state of each step is in IoSpaces::heap_write.
int heap_address_write(IoRecorder& r, const std::string& thread, std::uint32_t channel, IoBuffer src,
                       HeapWriteMode mode);

}  // namespace heapviz::io::on_machine
