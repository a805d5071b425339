//@ title: Native memory is freed only after a GC finds the buffer unreachable
//@ title.zh: 只有 GC 发现缓冲区不可达后，本地内存才会被释放
//@ jvm: -XX:+UseSerialGC -Xmx64m
ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
Heapviz.pools();
//@ pause: drop the only reference
//@ caption: Nothing is freed yet: the heap holds a small garbage object, native memory still holds 1 MiB.
//@ caption.zh: 此时什么都没释放：堆上只是多了一个小小的垃圾对象，本地内存仍占着 1 MiB。
buf = null;
Heapviz.pools();
//@ pause: a GC and the Reference Handler
//@ caption: The GC finds the Cleaner's referent unreachable and puts the Cleaner on the pending list; the Reference Handler thread then runs Deallocator.run(): freeMemory and Bits.unreserveMemory.
//@ caption.zh: GC 发现 Cleaner 的引用对象不可达，把 Cleaner 放入 pending 列表；随后 Reference Handler 线程执行 Deallocator.run()：freeMemory 并 Bits.unreserveMemory。
Heapviz.gc();
Heapviz.pools();
// A view keeps its root alive: its att field points at the root buffer.
ByteBuffer root = ByteBuffer.allocateDirect(4096);
ByteBuffer view = root.slice(0, 16);
root = null;
Heapviz.gc();
Heapviz.pools();
view = null;
Heapviz.gc();
Heapviz.pools();
