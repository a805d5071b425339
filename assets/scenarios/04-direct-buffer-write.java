//@ title: A direct buffer written to a file: one copy fewer
//@ title.zh: 直接缓冲区写入文件：少一次拷贝
//@ jvm: -XX:+UseSerialGC -Xmx64m
ByteBuffer buf = ByteBuffer.allocateDirect(4096);
buf.put("hello from native memory".getBytes());
buf.flip();
FileChannel ch = FileChannel.open(Path.of("direct.bin"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
Heapviz.pools();
//@ pause: write a direct buffer
//@ caption: The buffer's native address goes straight to write(2): no temporary buffer, no heap-to-native copy. Not zero copy: the kernel still copies into the page cache.
//@ caption.zh: 缓冲区的本地地址直接交给 write(2)：没有临时缓冲区，也没有堆到本地的拷贝。这不是零拷贝：内核仍要拷贝到页缓存。
int n = ch.write(buf);
System.out.println("wrote " + n + " bytes, buf is now " + buf);
// Still one direct buffer: the user's own.
Heapviz.pools();
ch.close();
