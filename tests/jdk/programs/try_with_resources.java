//@ title: Oracle: try-with-resources closes in reverse order on every exit, and its slots stay roots
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MaxDirectMemorySize=20000
// javac lowers each resource to its own try: resource slot first, the body's slots after it, and the
// handler's exception in the slot after the resource. The stale slots keep direct buffers reachable.
FileChannel kept;
try (FileChannel a = FileChannel.open(Path.of("twr.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
     FileChannel b = FileChannel.open(Path.of("twr.bin"), StandardOpenOption.READ)) {
    kept = a;
    ByteBuffer buf = ByteBuffer.allocateDirect(5000);   // slot 4, stale after the statement
    buf.put("hello".getBytes());
    buf.flip();
    System.out.println("wrote " + a.write(buf) + ", open " + a.isOpen() + " " + b.isOpen());
}
System.out.println("after: open " + kept.isOpen());
try {
    kept.write(ByteBuffer.allocate(1));
} catch (ClosedChannelException e) {
    System.out.println("closed: " + e);
}
Heapviz.gc();
Heapviz.pools();
try (FileChannel c = FileChannel.open(Path.of("twr.bin"), StandardOpenOption.READ)) {
    kept = c;
    ByteBuffer big = ByteBuffer.allocateDirect(9000);   // slot 3: overwritten by the handler's exception
    throw new IllegalStateException("inside");
} catch (IllegalStateException e) {
    System.out.println("caught " + e.getMessage() + ", open " + kept.isOpen());
} finally {
    System.out.println("finally");
}
Heapviz.gc();
Heapviz.pools();
try {
    ByteBuffer d = ByteBuffer.allocateDirect(9000);
    ByteBuffer e2 = ByteBuffer.allocateDirect(9000);
    System.out.println("both fit");
} catch (OutOfMemoryError e) {
    System.out.println(e.getMessage());
}
for (int i = 0; i < 3; i++) {
    try (FileChannel r = FileChannel.open(Path.of("twr.bin"), StandardOpenOption.READ)) {
        kept = r;
        if (i == 1) break;
        System.out.println("size " + r.size());
    }
}
System.out.println("closed after break: " + !kept.isOpen());
try (FileChannel n = null) {
    System.out.println("a null resource is not closed");
}
try (var v = FileChannel.open(Path.of("twr.bin"), StandardOpenOption.READ)) {
    System.out.println("var resource, size " + v.size());
}
ByteBuffer last = null;
System.out.println(last.capacity());
