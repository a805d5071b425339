//@ title: No copy through user space: transferTo (sendfile) and map (mmap)
//@ title.zh: 不经用户空间的拷贝：transferTo（sendfile）与 map（mmap）
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel src = FileChannel.open(Path.of("source.bin"), StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
ByteBuffer text = ByteBuffer.allocateDirect(64);
text.put("bytes that never visit the heap".getBytes());
text.flip();
src.write(text);
FileChannel dst = FileChannel.open(Path.of("copy.bin"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
//@ pause: transferTo
//@ caption: sendfile copies from the source file's page cache to the target's inside the kernel: no user-space buffer at all.
//@ caption.zh: sendfile 在内核里把源文件的页缓存拷到目标文件：完全不经过用户空间缓冲区。
long sent = src.transferTo(0, src.size(), dst);
System.out.println("transferTo sent " + sent + " bytes");
Heapviz.pools();
//@ pause: map
//@ caption: map puts the file's page-cache pages into the process's address space; the mapped pool counts them, the direct pool does not.
//@ caption.zh: map 把文件的页缓存映射进进程地址空间；mapped 池计数，direct 池不计。
MappedByteBuffer mapped = src.map(FileChannel.MapMode.READ_WRITE, 0, src.size());
mapped.put(0, (byte) 'B');
System.out.println("first byte through the mapping: " + (char) mapped.get(0));
Heapviz.pools();
mapped = null;
Heapviz.gc();
Heapviz.pools();
src.close();
dst.close();
