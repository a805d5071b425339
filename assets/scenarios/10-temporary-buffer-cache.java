//@ title: One temporary-buffer cache per thread, and jdk.nio.maxCachedBufferSize
//@ title.zh: 每个线程一个临时缓冲区缓存，以及 jdk.nio.maxCachedBufferSize
//@ jvm: -XX:+UseSerialGC -Xmx64m -Djdk.nio.maxCachedBufferSize=65536
FileChannel ch = FileChannel.open(Path.of("cache.bin"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
//@ caption: 1 MiB is above maxCachedBufferSize (64 KiB): the temporary buffer is freed as soon as the write returns.
//@ caption.zh: 1 MiB 超过 maxCachedBufferSize（64 KiB）：写完立刻释放临时缓冲区。
ch.write(ByteBuffer.allocate(1 << 20));
Heapviz.pools();
//@ caption: 1000 bytes is small enough: the temporary buffer stays cached in the main thread.
//@ caption.zh: 1000 字节足够小：临时缓冲区缓存在 main 线程里。
ch.write(ByteBuffer.allocate(1000));
Heapviz.pools();
//@ pause: another thread has its own cache
Thread worker = new Thread(() -> {
    try {
        ch.write(ByteBuffer.allocate(4096));
        Heapviz.pools();
    } catch (IOException e) {
        throw new UncheckedIOException(e);
    }
});
worker.start();
worker.join();
//@ caption: When the worker thread ends, its cached buffer is freed (TerminatingThreadLocal), without any GC.
//@ caption.zh: worker 线程结束时，它缓存的缓冲区随之释放（TerminatingThreadLocal），不需要 GC。
Heapviz.pools();
ch.close();
