//@ title: Why the OS may not read the heap: a hypothetical race, and the two real answers
//@ title.zh: 为什么操作系统不能直接读堆：一个假想的竞态，以及两种真实的解法
//@ jvm: -XX:+UseSerialGC -Xmx64m
//@ hypothetical: os-reads-heap
// Garbage below the buffer, so that a compacting GC has a reason to move it.
Object[] garbage = new Object[16];
for (int i = 0; i < garbage.length; i++) {
    garbage[i] = new byte[1024];
}
ByteBuffer buf = ByteBuffer.allocate(4096);
for (int i = 0; i < buf.capacity(); i++) {
    buf.put((byte) (i % 100));
}
buf.flip();
garbage = null;
FileChannel ch = FileChannel.open(Path.of("race.bin"), StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
//@ pause: a slow write while another thread triggers a GC
//@ caption: Hypothetical (not what the JDK does): the kernel copies the byte[] in chunks straight from the heap; a compacting GC moves the array in between, so the later chunks are read from an address where the array no longer is.
//@ caption.zh: 假想情形（JDK 并不这样做）：内核直接从堆上分块拷贝 byte[]；中途压缩式 GC 把数组挪走了，后面的块就从数组已不在的地址读取。
int n = ch.write(buf);
ByteBuffer check = ByteBuffer.allocate(4096);
ch.read(check, 0);
int wrong = 0;
for (int i = 0; i < check.capacity(); i++) {
    if (check.get(i) != (byte) (i % 100)) {
        wrong++;
    }
}
//@ caption: The real JDK copies first (the bounce buffer), or, for JNI critical regions, makes the GC wait (GCLocker). Either way the file is right.
//@ caption.zh: 真实的 JDK 要么先拷贝（中转缓冲区），要么在 JNI 临界区里让 GC 等待（GCLocker）。两种方式下文件内容都正确。
System.out.println("wrote " + n + " bytes, " + wrong + " of them wrong");
ch.close();
