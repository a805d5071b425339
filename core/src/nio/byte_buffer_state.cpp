// ByteBuffer: the index state machine, properties and views (no byte access).
#include <algorithm>

#include "heapviz/nio/byte_buffer.hpp"
#include "java_nio_exceptions.hpp"

namespace heapviz::nio {

using detail::throw_illegal_argument;

namespace {
// "(a op b)", the tail of the JDK's position/limit messages.
// Built with append(): g++ 12 gives a false -Wrestrict on "(" + std::string at -O2.
std::string paren(int a, const char* op, int b) {
  std::string s = "(";
  s.append(std::to_string(a)).append(" ").append(op).append(" ").append(std::to_string(b)).append(")");
  return s;
}
}  // namespace

ByteBuffer& ByteBuffer::position(int new_position) {
  if (new_position > state_->limit)
    throw_illegal_argument("newPosition > limit: " + paren(new_position, ">", state_->limit));
  if (new_position < 0) throw_illegal_argument("newPosition < 0: " + paren(new_position, "<", 0));
  if (state_->mark > new_position) state_->mark = -1;
  state_->position = new_position;
  return *this;
}

ByteBuffer& ByteBuffer::limit(int new_limit) {
  if (new_limit > state_->capacity)
    throw_illegal_argument("newLimit > capacity: " + paren(new_limit, ">", state_->capacity));
  if (new_limit < 0) throw_illegal_argument("newLimit < 0: " + paren(new_limit, "<", 0));
  state_->limit = new_limit;
  if (state_->position > new_limit) state_->position = new_limit;
  if (state_->mark > new_limit) state_->mark = -1;
  return *this;
}

ByteBuffer& ByteBuffer::mark() {
  state_->mark = state_->position;
  return *this;
}

ByteBuffer& ByteBuffer::reset() {
  if (state_->mark < 0) detail::throw_java("java.nio.InvalidMarkException");
  state_->position = state_->mark;
  return *this;
}

ByteBuffer& ByteBuffer::clear() {
  state_->position = 0;
  state_->limit = state_->capacity;
  state_->mark = -1;
  return *this;
}

ByteBuffer& ByteBuffer::flip() {
  state_->limit = state_->position;
  state_->position = 0;
  state_->mark = -1;
  return *this;
}

ByteBuffer& ByteBuffer::rewind() {
  state_->position = 0;
  state_->mark = -1;
  return *this;
}

ByteStore& ByteBuffer::array() {
  static_cast<void>(array_offset());  // the same checks
  return *root_;
}

int ByteBuffer::array_offset() const {
  if (is_direct()) detail::throw_unsupported();  // hb == null is checked before isReadOnly
  if (is_read_only()) detail::throw_read_only();
  return state_->offset;
}

ByteBuffer& ByteBuffer::order(ByteOrder order) {
  state_->big_endian = order == ByteOrder::BigEndian;
  state_->native_byte_order = state_->big_endian == (kNativeByteOrder == ByteOrder::BigEndian);
  return *this;
}

BufferState ByteBuffer::view(int mark, int position, int limit, int capacity, int offset,
                             bool read_only) const {
  // A view is a new object: its byte order fields take their initial values (BIG_ENDIAN).
  BufferState v;
  v.mark = mark;
  v.position = position;
  v.limit = limit;
  v.capacity = capacity;
  v.offset = offset;
  v.kind = state_->kind;
  v.read_only = read_only;
  v.native_byte_order = kNativeByteOrder == ByteOrder::BigEndian;
  return v;
}

BufferState ByteBuffer::slice() const {
  const int rem = std::max(state_->limit - state_->position, 0);
  return view(-1, 0, rem, rem, state_->offset + state_->position, state_->read_only);
}

BufferState ByteBuffer::slice(int index, int length) const {
  detail::check_from_index_size(index, length, state_->limit);
  return view(-1, 0, length, length, state_->offset + index, state_->read_only);
}

BufferState ByteBuffer::duplicate() const {
  const BufferState& s = *state_;
  return view(s.mark, s.position, s.limit, s.capacity, s.offset, s.read_only);
}

BufferState ByteBuffer::as_read_only() const {
  const BufferState& s = *state_;
  return view(s.mark, s.position, s.limit, s.capacity, s.offset, true);
}

}  // namespace heapviz::nio
