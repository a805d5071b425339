//@ title: Oracle: pool counters around heap and direct writes and reads, and the temporary-buffer cache
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = FileChannel.open(Path.of("pools.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
ByteBuffer direct = ByteBuffer.allocateDirect(128);
for (int i = 0; i < 128; i++) direct.put((byte) i);
direct.flip();
System.out.println("direct write " + ch.write(direct));
Heapviz.pools();
direct.clear();
System.out.println("direct read " + ch.read(direct, 0) + " " + direct.get(127));
Heapviz.pools();
ByteBuffer heap = ByteBuffer.allocate(100);
heap.put(new byte[100]);
heap.flip();
System.out.println("heap write " + ch.write(heap));
Heapviz.pools();
ByteBuffer small = ByteBuffer.allocate(50);
System.out.println("heap read of 50 reuses the cached 100: " + ch.read(small, 0) + " " + small.get(49));
Heapviz.pools();
ByteBuffer big = ByteBuffer.allocate(300);
System.out.println("heap read of 300 frees the cached 100 and allocates 300: " + ch.read(big, 0));
Heapviz.pools();
big.clear();
System.out.println("heap write of 300 reuses it: " + ch.write(big));
Heapviz.pools();
ByteBuffer slice = direct.slice(0, 16);
System.out.println("a direct slice is written directly: " + ch.write(slice, 0));
Heapviz.pools();
direct = null;
slice = null;
Heapviz.gc();
System.out.println("after GC the cached temporary is still reachable from the thread's cache:");
Heapviz.pools();
ch.close();
