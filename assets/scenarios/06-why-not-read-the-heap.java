//@ title: Why the OS may not read the heap: a hypothetical race, and the two real answers
//@ title.zh: 为什么操作系统不能直接读堆：一个假想的竞态，以及两种真实的解法
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MarkSweepDeadRatio=0
//@ hypothetical: os-reads-heap
//@ hypothetical: pin-heap-array
// Run it three ways and compare: as it is (what the JDK does), then with
//   heapviz run 06 --hypothetical os-reads-heap    (HYPOTHETICAL, not what the JDK does)
//   heapviz run 06 --hypothetical pin-heap-array   (what JNI code with GetPrimitiveArrayCritical does)
// MarkSweepDeadRatio=0: the full GC compacts everything, so the garbage below the buffer is really
// squeezed out and the buffer's byte[] moves down.
byte[] garbage = new byte[1008];                // 1024 bytes on the heap, with its 16-byte header
ByteBuffer buf = ByteBuffer.allocate(4096);
ByteBuffer check = ByteBuffer.allocate(4096);   // allocated now, so it lies just above buf's byte[]
for (int i = 0; i < buf.capacity(); i++) {
    buf.put((byte) (i % 100));
}
buf.flip();
garbage = null;
FileChannel ch = FileChannel.open(Path.of("race.bin"), StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
System.out.println("writing " + buf.remaining() + " bytes of a heap buffer to race.bin");
//@ pause: a slow write while another thread needs a GC
//@ caption: Run this write three ways: as is (the JDK copies the bytes first), with --hypothetical os-reads-heap (not what the JDK does), with --hypothetical pin-heap-array (JNI pinning: the GC waits).
//@ caption.zh: 这次写入可以用三种方式运行：默认（JDK 先拷贝字节）、--hypothetical os-reads-heap（JDK 并不这样做）、--hypothetical pin-heap-array（JNI 钉住数组：GC 等待）。
int n = ch.write(buf);
ch.read(check, 0);
int wrong = 0;
for (int i = 0; i < check.capacity(); i++) {
    if (check.get(i) != (byte) (i % 100)) {
        wrong++;
    }
}
//@ caption: Read back: the bounce copy and pinning both leave the file right; only the hypothetical race wrote wrong bytes. Pinning has its own price: while the array is pinned, no GC can run.
//@ caption.zh: 读回检查：中转复制和钉住数组都让文件内容正确；只有假想的竞态写错了字节。钉住也有代价：数组被钉住期间，任何 GC 都不能运行。
System.out.println("wrote " + n + " bytes, " + wrong + " of them wrong");
ch.close();
