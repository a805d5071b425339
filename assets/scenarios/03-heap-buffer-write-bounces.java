//@ title: A heap buffer written to a file: the bounce copy
//@ title.zh: 堆缓冲区写入文件：中转拷贝
//@ jvm: -XX:+UseSerialGC -Xmx64m
ByteBuffer buf = ByteBuffer.allocate(4096);
buf.put("hello from the heap".getBytes());
buf.flip();
FileChannel ch = FileChannel.open(Path.of("bounce.bin"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
Heapviz.pools();
//@ pause: write a heap buffer
//@ caption: IOUtil.write takes a temporary direct buffer, copies the heap bytes into it, and hands the kernel that native address.
//@ caption.zh: IOUtil.write 先取一个临时直接缓冲区，把堆上的字节拷进去，再把这块本地内存的地址交给内核。
int n = ch.write(buf);
System.out.println("wrote " + n + " bytes, buf is now " + buf);
// The temporary buffer is not freed: it stays cached in this thread for the next write.
Heapviz.pools();
ch.close();
