//@ title: Where the bytes live: allocate vs allocateDirect
//@ title.zh: 字节住在哪里：allocate 与 allocateDirect
//@ jvm: -XX:+UseSerialGC -Xmx64m
// A heap buffer is a HeapByteBuffer object plus a byte[] that holds its bytes, both on the Java heap.
ByteBuffer heap = ByteBuffer.allocate(512);
// A direct buffer is a small DirectByteBuffer object on the heap; its 512 bytes are native memory.
ByteBuffer direct = ByteBuffer.allocateDirect(512);
heap.put("hello".getBytes());
direct.put("hello".getBytes());
System.out.println(heap);
System.out.println(direct);
System.out.println("heap.isDirect() = " + heap.isDirect() + ", hasArray() = " + heap.hasArray());
System.out.println("direct.isDirect() = " + direct.isDirect() + ", hasArray() = " + direct.hasArray());
// The direct pool counts the native memory; the heap buffer is not in it.
Heapviz.pools();
