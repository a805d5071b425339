//@ title: Oracle: a 2 MiB heap buffer cannot be written under -XX:MaxDirectMemorySize=1m
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MaxDirectMemorySize=1m
FileChannel ch = FileChannel.open(Path.of("oom.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
ByteBuffer big = ByteBuffer.allocate(2 * 1024 * 1024);
try {
    ch.write(big);
} catch (OutOfMemoryError e) {
    System.out.println(e);
}
System.out.println(big + " size " + ch.size());
Heapviz.pools();
ByteBuffer fits = ByteBuffer.allocate(512 * 1024);
System.out.println("512 KiB: " + ch.write(fits));
Heapviz.pools();
ch.close();
