//@ title: Running out of direct memory: GC, retry, then OutOfMemoryError
//@ title.zh: 直接内存耗尽：GC、重试，然后 OutOfMemoryError
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MaxDirectMemorySize=1m
ByteBuffer a = ByteBuffer.allocateDirect(512 * 1024);
ByteBuffer b = ByteBuffer.allocateDirect(512 * 1024);
Heapviz.pools();
a = null;
//@ pause: the limit is reached, but a is garbage
//@ caption: Bits.reserveMemory fails, waits for reference processing, calls System.gc(); the Cleaner frees a's 512 KiB and the retry succeeds.
//@ caption.zh: Bits.reserveMemory 失败后先等待引用处理，再调用 System.gc()；Cleaner 释放 a 的 512 KiB，重试成功。
ByteBuffer c = ByteBuffer.allocateDirect(512 * 1024);
Heapviz.pools();
//@ pause: the limit is reached and everything is live
//@ caption: This time the GC frees nothing: after 9 retries with sleeps of 1, 2, 4 ... 256 ms (511 ms) comes the OutOfMemoryError.
//@ caption.zh: 这次 GC 释放不了任何东西：重试 9 次、共睡眠 1、2、4……256 毫秒（511 毫秒）之后，抛出 OutOfMemoryError。
try {
    ByteBuffer d = ByteBuffer.allocateDirect(512 * 1024);
    System.out.println("allocated " + d);
} catch (OutOfMemoryError e) {
    System.out.println(e);
}
Heapviz.pools();
