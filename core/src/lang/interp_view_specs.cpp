// The IntBuffer/LongBuffer methods the interpreter resolves calls to on views of a ByteBuffer
// (JDK 17 signatures and return types; nio::call_view_method runs them).
#include "interp_analysis.hpp"

namespace heapviz::lang::interp {

const std::vector<BufferMethodSpec>& view_method_specs(std::string_view cls) {
  static const std::vector<BufferMethodSpec> ints = {
      {"flip()", "IntBuffer"},
      {"clear()", "IntBuffer"},
      {"rewind()", "IntBuffer"},
      {"mark()", "IntBuffer"},
      {"reset()", "IntBuffer"},
      {"duplicate()", "IntBuffer"},
      {"slice()", "IntBuffer"},
      {"asReadOnlyBuffer()", "IntBuffer"},
      {"position()", "int"},
      {"position(int)", "IntBuffer"},
      {"limit()", "int"},
      {"limit(int)", "IntBuffer"},
      {"capacity()", "int"},
      {"remaining()", "int"},
      {"hasRemaining()", "boolean"},
      {"isDirect()", "boolean"},
      {"hasArray()", "boolean"},
      {"isReadOnly()", "boolean"},
      {"array()", "int[]"},
      {"arrayOffset()", "int"},
      {"get()", "int"},
      {"get(int)", "int"},
      {"put(int)", "IntBuffer"},
      {"put(int,int)", "IntBuffer"},
      {"order()", "ByteOrder"},
      {"toString()", "String"},
  };
  static const std::vector<BufferMethodSpec> longs = {
      {"flip()", "LongBuffer"},
      {"clear()", "LongBuffer"},
      {"rewind()", "LongBuffer"},
      {"mark()", "LongBuffer"},
      {"reset()", "LongBuffer"},
      {"duplicate()", "LongBuffer"},
      {"slice()", "LongBuffer"},
      {"asReadOnlyBuffer()", "LongBuffer"},
      {"position()", "int"},
      {"position(int)", "LongBuffer"},
      {"limit()", "int"},
      {"limit(int)", "LongBuffer"},
      {"capacity()", "int"},
      {"remaining()", "int"},
      {"hasRemaining()", "boolean"},
      {"isDirect()", "boolean"},
      {"hasArray()", "boolean"},
      {"isReadOnly()", "boolean"},
      {"array()", "long[]"},
      {"arrayOffset()", "int"},
      {"get()", "long"},
      {"get(int)", "long"},
      {"put(long)", "LongBuffer"},
      {"put(int,long)", "LongBuffer"},
      {"order()", "ByteOrder"},
      {"toString()", "String"},
  };
  return cls == "LongBuffer" ? longs : ints;
}

}  // namespace heapviz::lang::interp
