//@ title: A compacting GC moves the byte[], not the native block
//@ title.zh: 压缩式 GC 会移动 byte[]，但不会移动本地内存块
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MarkSweepDeadRatio=0
// MarkSweepDeadRatio=0: in the JDK these young objects always move (only the old generation keeps dead
// wood); heapviz has one space, so the flag keeps its collector from leaving the garbage as dead wood.
// Garbage first, so that the buffers do not sit at the bottom of the heap.
Object[] garbage = new Object[64];
for (int i = 0; i < garbage.length; i++) {
    garbage[i] = new byte[1000];
}
ByteBuffer heap = ByteBuffer.allocate(512);
ByteBuffer direct = ByteBuffer.allocateDirect(512);
heap.put("heap bytes".getBytes());
direct.put("native bytes".getBytes());
garbage = null;
//@ pause: a full GC compacts the heap
//@ caption: Phase 4 slides every live object down. The HeapByteBuffer, its byte[] and the DirectByteBuffer object all move; the native block behind direct.address stays where it is.
//@ caption.zh: 第 4 阶段把存活对象向低地址滑动。HeapByteBuffer、它的 byte[] 和 DirectByteBuffer 对象都会移动；direct.address 指向的本地内存块原地不动。
System.gc();
// Java code never notices: it reaches the bytes through references, which the GC adjusted.
System.out.println("heap.get(0) = " + heap.get(0) + ", direct.get(0) = " + direct.get(0));
System.out.println(heap);
System.out.println(direct);
