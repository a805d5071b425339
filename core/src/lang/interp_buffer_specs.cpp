// The ByteBuffer methods the interpreter resolves calls to (JDK 17 signatures and return types).
#include "interp_analysis.hpp"

namespace heapviz::lang::interp {

const std::vector<BufferMethodSpec>& buffer_method_specs() {
  // Order matters only among overloads of the same arity: exact matches are tried first anyway.
  static const std::vector<BufferMethodSpec> specs = {
      {"flip()", "ByteBuffer"}, {"clear()", "ByteBuffer"}, {"rewind()", "ByteBuffer"}, {"mark()", "ByteBuffer"},
      {"reset()", "ByteBuffer"}, {"compact()", "ByteBuffer"}, {"duplicate()", "ByteBuffer"},
      {"slice()", "ByteBuffer"}, {"slice(int,int)", "ByteBuffer"}, {"asReadOnlyBuffer()", "ByteBuffer"},
      {"position()", "int"}, {"position(int)", "ByteBuffer"}, {"limit()", "int"}, {"limit(int)", "ByteBuffer"},
      {"capacity()", "int"}, {"remaining()", "int"}, {"hasRemaining()", "boolean"}, {"isDirect()", "boolean"},
      {"hasArray()", "boolean"}, {"isReadOnly()", "boolean"}, {"array()", "byte[]"}, {"arrayOffset()", "int"},
      {"get()", "byte"}, {"get(int)", "byte"}, {"get(byte[])", "ByteBuffer"}, {"get(byte[],int,int)", "ByteBuffer"},
      {"get(int,byte[])", "ByteBuffer"}, {"get(int,byte[],int,int)", "ByteBuffer"},
      {"put(byte)", "ByteBuffer"}, {"put(int,byte)", "ByteBuffer"}, {"put(byte[])", "ByteBuffer"},
      {"put(byte[],int,int)", "ByteBuffer"}, {"put(ByteBuffer)", "ByteBuffer"}, {"put(int,byte[])", "ByteBuffer"},
      {"put(int,byte[],int,int)", "ByteBuffer"}, {"put(int,ByteBuffer,int,int)", "ByteBuffer"},
      {"getChar()", "char"}, {"getChar(int)", "char"}, {"putChar(char)", "ByteBuffer"}, {"putChar(int,char)", "ByteBuffer"},
      {"getShort()", "short"}, {"getShort(int)", "short"}, {"putShort(short)", "ByteBuffer"},
      {"putShort(int,short)", "ByteBuffer"},
      {"getInt()", "int"}, {"getInt(int)", "int"}, {"putInt(int)", "ByteBuffer"}, {"putInt(int,int)", "ByteBuffer"},
      {"getLong()", "long"}, {"getLong(int)", "long"}, {"putLong(long)", "ByteBuffer"}, {"putLong(int,long)", "ByteBuffer"},
      {"getFloat()", "float"}, {"getFloat(int)", "float"}, {"putFloat(float)", "ByteBuffer"},
      {"putFloat(int,float)", "ByteBuffer"},
      {"getDouble()", "double"}, {"getDouble(int)", "double"}, {"putDouble(double)", "ByteBuffer"},
      {"putDouble(int,double)", "ByteBuffer"},
      {"order()", "ByteOrder"}, {"order(ByteOrder)", "ByteBuffer"}, {"toString()", "String"}, {"hashCode()", "int"},
      {"equals(Object)", "boolean"}, {"compareTo(ByteBuffer)", "int"}, {"mismatch(ByteBuffer)", "int"},
      {"alignmentOffset(int,int)", "int"}, {"alignedSlice(int)", "ByteBuffer"},
      // MappedByteBuffer only
      {"force()", "MappedByteBuffer"}, {"load()", "MappedByteBuffer"}, {"isLoaded()", "boolean"},
  };
  return specs;
}

}  // namespace heapviz::lang::interp
