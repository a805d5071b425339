//@ title: Oracle: -Djdk.nio.maxCachedBufferSize frees temporaries that are too large after each use
//@ jvm: -XX:+UseSerialGC -Xmx64m -Djdk.nio.maxCachedBufferSize=64
FileChannel ch = FileChannel.open(Path.of("maxcached.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
System.out.println("write 100: " + ch.write(ByteBuffer.allocate(100)));
Heapviz.pools();
System.out.println("write 64: " + ch.write(ByteBuffer.allocate(64)));
Heapviz.pools();
System.out.println("read 65: " + ch.read(ByteBuffer.allocate(65), 0));
Heapviz.pools();
System.out.println("read 10: " + ch.read(ByteBuffer.allocate(10), 0));
Heapviz.pools();
ch.close();
