//@ title: Oracle: IntBuffer and LongBuffer views of heap and direct ByteBuffers
//@ jvm: -XX:+UseSerialGC -Xmx64m
ByteBuffer heap = ByteBuffer.allocate(16);
IntBuffer ints = heap.asIntBuffer();
System.out.println(ints);
ints.put(0x01020304).put(-2);
ints.put(3, 7);
System.out.println(heap.get(0) + " " + heap.get(3) + " " + heap.getInt(4) + " " + heap.get(15));
System.out.println(ints.get(0) + " " + ints.position() + " " + ints.remaining() + " " + ints.order());
ints.flip();
System.out.println(ints + " " + ints.get() + " " + ints.isDirect() + " " + ints.hasArray());
heap.order(ByteOrder.LITTLE_ENDIAN);
IntBuffer little = heap.asIntBuffer();
System.out.println(little + " " + little.get(0) + " " + little.order());
ByteBuffer direct = ByteBuffer.allocateDirect(24);
direct.position(8);
LongBuffer longs = direct.asLongBuffer();
System.out.println(longs + " " + longs.isDirect() + " " + longs.order());
longs.put(1, 0x1122334455667788L);
System.out.println(Long.toHexString(direct.getLong(16)) + " " + longs.get(1));
LongBuffer s = longs.slice();
LongBuffer d = longs.duplicate();
System.out.println(s + " " + d + " " + s.get(1));
try {
  ints.get(5);
} catch (IndexOutOfBoundsException e) {
  System.out.println(e.getClass().getName());
}
try {
  while (true) ints.get();
} catch (BufferUnderflowException e) {
  System.out.println(e + " at " + ints.position());
}
try {
  ints.clear();
  for (int i = 0; i < 5; i++) ints.put(i);
} catch (BufferOverflowException e) {
  System.out.println(e + " at " + ints.position());
}
IntBuffer ro = heap.asReadOnlyBuffer().asIntBuffer();
System.out.println(ro + " " + ro.isReadOnly());
try {
  ro.put(1);
} catch (ReadOnlyBufferException e) {
  System.out.println(e);
}
try {
  ints.position(9);
} catch (IllegalArgumentException e) {
  System.out.println(e.getMessage());
}
try {
  ints.array();
} catch (UnsupportedOperationException e) {
  System.out.println(e);
}
// A view keeps its DirectByteBuffer (and so its native memory) alive: att is the buffer.
ByteBuffer block = ByteBuffer.allocateDirect(512);
LongBuffer keep = block.asLongBuffer();
block = null;
Heapviz.gc();
Heapviz.pools();
keep.put(0, 5L);
System.out.println(keep.get(0) + " " + keep.capacity());
keep = null;
Heapviz.gc();
Heapviz.pools();
