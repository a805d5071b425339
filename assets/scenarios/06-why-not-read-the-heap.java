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
//@ caption: Three ways to write a heap buffer. As is, the JDK's answer: copy the bytes into a temporary direct buffer first (the bounce copy). Hypothetical os-reads-heap (not what the JDK does): the kernel reads the byte[] straight from the heap while a compacting GC moves it. pin-heap-array (what JNI code with GetPrimitiveArrayCritical does): the array stays put and the GC waits.
//@ caption.zh: 写出堆缓冲区的三种方式。默认就是 JDK 的做法：先把字节拷到临时直接缓冲区（中转复制）。假想模式 os-reads-heap（JDK 并不这样做）：内核直接从堆上读 byte[]，同时压缩式 GC 移动了它。pin-heap-array（JNI 代码用 GetPrimitiveArrayCritical 时的做法）：数组原地不动，GC 等待。
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
