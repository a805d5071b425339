// ByteBuffer.allocate / wrap and the view objects (slice, duplicate, asReadOnlyBuffer) as heap objects.
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "heapviz/nio/nio_machine.hpp"

namespace heapviz::nio {

using namespace detail;
using heap::ObjectId;

namespace {
constexpr std::string_view kInit = "main/HeapByteBuffer.<init>";

void exception_step(NioRecorder& r, const std::string& en, const std::string& zh, const JavaException& e,
                    std::string internals) {
  r.begin_step(StepKind::buffer_op);
  r.narrate(en + ": " + e.throwable.to_string(), zh + "：" + e.throwable.to_string(), std::move(internals));
  r.end_step();
}
}  // namespace

bool is_byte_buffer(const NioMachine& m, ObjectId obj) {
  if (!m.heap.is_live(obj)) return false;
  const heap::KlassId k = m.heap.record(obj).klass;
  return is_heap_buffer_klass(m, k) || is_direct_klass(m, k);
}

ObjectId allocate(NioRecorder& r, std::int32_t capacity) {
  BufferState s;
  try {
    s = nio::allocate(capacity);  // checked before anything is allocated
  } catch (const JavaException& e) {
    exception_step(r, "ByteBuffer.allocate(" + std::to_string(capacity) + ")",
                   "ByteBuffer.allocate(" + std::to_string(capacity) + ")", e,
                   "java.nio.ByteBuffer.allocate -> createCapacityException");
    throw;
  }
  const NioMachine& m = r.machine();
  const ObjectId self = heap::new_instance(r, heap::builtin::kHeapByteBuffer);
  r.begin_step(StepKind::root_set);
  hold(r, kInit, "this", self);
  r.narrate("While HeapByteBuffer's constructor runs, the new " + name_of(m, self) +
                " is on its operand stack: a root, so a GC "
                "caused by the next allocation keeps it.",
            "HeapByteBuffer 构造器运行期间，新对象 " + name_of(m, self) +
                " 在操作数栈上：它是根，下一次分配引起的 GC 会保留它。",
            "interpreter: new / dup / invokespecial <init>");
  r.end_step();
  ObjectId array = heap::kNoObject;
  try {
    array = heap::new_array(r, heap::builtin::kByteArray, static_cast<std::uint32_t>(capacity));
  } catch (const JavaException&) {
    heap::drop_frame(r, kInit);
    throw;
  }
  r.begin_step(StepKind::buffer_op);
  init_fields(r, self, s, array, 0);
  release(r, kInit);
  if (r.recording()) {
    r.touch(self);
    r.touch(array);
    r.narrate(name_of(m, self) + " = ByteBuffer.allocate(" + std::to_string(capacity) +
                  "): hb = " + name_of(m, array) +
                  ", offset 0, address 16 (relative to the array: the first element is 16 bytes after its "
                  "header, so the array "
                  "may move), mark -1, position 0, limit " +
                  std::to_string(capacity) + ", capacity " + std::to_string(capacity) + ".",
              name_of(m, self) + " = ByteBuffer.allocate(" + std::to_string(capacity) +
                  ")：hb = " + name_of(m, array) +
                  "，offset 0，address 16（相对数组本身：第一个元素在对象头后 16 "
                  "字节处，所以数组可以移动），mark -1，position 0，limit " +
                  std::to_string(capacity) + "，capacity " + std::to_string(capacity) + "。",
              "java.nio.ByteBuffer.allocate -> new HeapByteBuffer(cap, cap, null) -> ByteBuffer.<init>(..., "
              "new byte[cap], 0)");
  }
  r.end_step();
  return self;
}

ObjectId wrap(NioRecorder& r, ObjectId byte_array,
              std::optional<std::pair<std::int32_t, std::int32_t>> range) {
  const NioMachine& m = r.machine();
  if (byte_array == heap::kNoObject)  // JDK 17's helpful text names wrap(array)'s parameter, or
                                      // HeapByteBuffer(buf, off, len)'s
    throw JavaException{JavaThrowable{
        "java.lang.NullPointerException",
        std::string("Cannot read the array length because \"") + (range ? "buf" : "array") + "\" is null"}};
  if (!m.heap.is_live(byte_array) || m.heap.record(byte_array).klass != heap::builtin::kByteArray)
    throw std::invalid_argument("wrap: object #" + std::to_string(byte_array) + " is not a live byte[]");
  const int length = static_cast<int>(m.heap.array_length(m.heap.record(byte_array).addr));
  BufferState s;
  const std::string call = range
                               ? "ByteBuffer.wrap(" + name_of(m, byte_array) + ", " +
                                     std::to_string(range->first) + ", " + std::to_string(range->second) + ")"
                               : "ByteBuffer.wrap(" + name_of(m, byte_array) + ")";
  try {
    s = range ? nio::wrap(length, range->first, range->second) : nio::wrap(length);
  } catch (const JavaException& e) {
    exception_step(r, call, call, e,
                   "java.nio.ByteBuffer.wrap: IllegalArgumentException -> IndexOutOfBoundsException");
    throw;
  }
  const ObjectId self = heap::new_instance(r, heap::builtin::kHeapByteBuffer);
  r.begin_step(StepKind::buffer_op);
  init_fields(r, self, s, byte_array, 0);
  if (r.recording()) {
    r.touch(self);
    r.touch(byte_array);
    r.narrate(name_of(m, self) + " = " + call + ": no copy, hb is the existing array; position " +
                  std::to_string(s.position) + ", limit " + std::to_string(s.limit) + ", capacity " +
                  std::to_string(s.capacity) + ".",
              name_of(m, self) + " = " + call + "：不复制，hb 就是现有数组；position " +
                  std::to_string(s.position) + "，limit " + std::to_string(s.limit) + "，capacity " +
                  std::to_string(s.capacity) + "。",
              "java.nio.ByteBuffer.wrap -> new HeapByteBuffer(array, offset, length, null)");
  }
  r.end_step();
  return self;
}

ObjectId detail::new_view_object(NioRecorder& r, ObjectId source, const BufferState& s,
                                 std::string_view method) {
  const NioMachine& m = r.machine();
  const bool direct = s.is_direct();
  const heap::KlassId k = direct
                              ? (s.read_only ? direct_read_only_klass(m) : heap::builtin::kDirectByteBuffer)
                              : (s.read_only ? heap_read_only_klass(m) : heap::builtin::kHeapByteBuffer);
  const ObjectId self = heap::new_instance(r, k);  // the caller holds `source`, so a GC here keeps it
  const ObjectId shared = direct ? direct_root(m, source) : read_ref(m, source, off::hb);
  const std::int64_t root_address = direct ? read_i64(m, shared, off::address) : 0;
  r.begin_step(StepKind::buffer_op);
  init_fields(r, self, s, shared, root_address);
  if (direct && mapped_fd(m, shared) != heap::kNoObject)
    write_ref(r, self, off::fd, mapped_fd(m, shared));  // view(..., fileDescriptor(), ...)
  if (r.recording()) {
    r.touch(self);
    r.touch(source);
    r.touch(shared);
    const std::string v = name_of(m, self), src = name_of(m, source), sh = name_of(m, shared);
    const std::string st = "position " + std::to_string(s.position) + ", limit " + std::to_string(s.limit) +
                           ", capacity " + std::to_string(s.capacity);
    if (direct)
      r.narrate(v + " = " + src + "." + std::string(method) +
                    ": a view on the same native memory, address = " +
                    hex(static_cast<std::uint64_t>(root_address + s.offset)) + ", " + st +
                    ". It has no Cleaner; att = " + sh +
                    " (the root), so while this view is reachable the root and its memory stay alive. Views "
                    "are not counted in the "
                    "direct pool.",
                v + " = " + src + "." + std::string(method) + "：同一块本地内存上的视图，address = " +
                    hex(static_cast<std::uint64_t>(root_address + s.offset)) + "，" + st +
                    "。它没有 Cleaner；att = " + sh +
                    "（根缓冲区），只要视图可达，根和它的内存就一直存活。视图不计入 direct 池。",
                "java.nio.DirectByteBuffer." + std::string(method) + " -> new DirectByteBuffer" +
                    (s.read_only ? "R" : "") +
                    "(this, mark, pos, lim, cap, off, ...): att = (db.attachment() == null ? db : "
                    "db.attachment())");
    else
      r.narrate(v + " = " + src + "." + std::string(method) + ": a view sharing " + sh + " (hb), offset " +
                    std::to_string(s.offset) + ", address " + std::to_string(kArrayBaseOffset + s.offset) +
                    " (array-relative), " + st + ".",
                v + " = " + src + "." + std::string(method) + "：共享 " + sh + "（hb）的视图，offset " +
                    std::to_string(s.offset) + "，address " + std::to_string(kArrayBaseOffset + s.offset) +
                    "（相对数组），" + st + "。",
                "java.nio.HeapByteBuffer." + std::string(method) + " -> new HeapByteBuffer" +
                    (s.read_only ? "R" : "") + "(hb, mark, pos, lim, cap, off, segment)");
  }
  r.end_step();
  return self;
}

}  // namespace heapviz::nio
