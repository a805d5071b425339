//@ title: Oracle: one temporary-buffer cache per thread, freed when the thread ends
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = FileChannel.open(Path.of("threads.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
ch.write(ByteBuffer.allocate(10));
Heapviz.pools();
Thread first = new Thread(() -> {
    try {
        ch.write(ByteBuffer.allocate(300), 0);
        System.out.println("in " + Thread.currentThread().getName() + ":");
        Heapviz.pools();
    } catch (IOException e) {
        throw new UncheckedIOException(e);
    }
});
first.start();
first.join();
System.out.println("after " + first.getName() + " ended:");
Heapviz.pools();
Thread second = new Thread(() -> {
    try {
        ByteBuffer dst = ByteBuffer.allocate(7);
        System.out.println(Thread.currentThread().getName() + " read " + ch.read(dst, 0));
        ch.write(ByteBuffer.allocate(5), 0);
        Heapviz.pools();
    } catch (IOException e) {
        throw new UncheckedIOException(e);
    }
});
second.start();
second.join();
Heapviz.pools();
ch.write(ByteBuffer.allocate(4));
Heapviz.pools();
ch.close();
