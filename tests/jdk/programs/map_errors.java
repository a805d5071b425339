//@ title: Oracle: FileChannel.map errors in the JDK's order
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel rw = FileChannel.open(Path.of("m.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
rw.write(ByteBuffer.wrap("0123456789".getBytes()));
FileChannel writeOnly = FileChannel.open(Path.of("m.bin"), StandardOpenOption.WRITE);
FileChannel readOnly = FileChannel.open(Path.of("m.bin"), StandardOpenOption.READ);
try {
    writeOnly.map(FileChannel.MapMode.READ_ONLY, 0, 4);
} catch (NonReadableChannelException e) {
    System.out.println("write-only channel: " + e);
}
try {
    readOnly.map(FileChannel.MapMode.READ_WRITE, 0, 4);
} catch (NonWritableChannelException e) {
    System.out.println("read-only channel, READ_WRITE: " + e);
}
try {
    readOnly.map(FileChannel.MapMode.PRIVATE, 0, 4);
} catch (NonWritableChannelException e) {
    System.out.println("read-only channel, PRIVATE: " + e);
}
try {
    readOnly.map(FileChannel.MapMode.READ_ONLY, 0, 20);
} catch (IOException e) {
    System.out.println("read-only channel, beyond the end: " + e);
}
try {
    rw.map(FileChannel.MapMode.READ_WRITE, -1, 4);
} catch (IllegalArgumentException e) {
    System.out.println(e);
}
try {
    rw.map(FileChannel.MapMode.READ_WRITE, 0, -4);
} catch (IllegalArgumentException e) {
    System.out.println(e);
}
try {
    rw.map(FileChannel.MapMode.READ_WRITE, 0, Integer.MAX_VALUE + 1L);
} catch (IllegalArgumentException e) {
    System.out.println(e);
}
try {
    rw.map(null, 0, 4);
} catch (NullPointerException e) {
    System.out.println(e);
}
try {
    rw.map(FileChannel.MapMode.READ_WRITE, Long.MAX_VALUE, 4);
} catch (IllegalArgumentException e) {
    System.out.println(e);
}
MappedByteBuffer ro = readOnly.map(FileChannel.MapMode.READ_ONLY, 2, 4);
System.out.println(ro + " " + (char) ro.get(0) + " " + ro.isReadOnly());
try {
    ro.put(0, (byte) 1);
} catch (ReadOnlyBufferException e) {
    System.out.println("put on READ_ONLY: " + e);
}
try {
    ro.get(4);
} catch (IndexOutOfBoundsException e) {
    System.out.println(e);
}
System.out.println("size still " + rw.size());
Heapviz.pools();
rw.close();
try {
    rw.map(FileChannel.MapMode.READ_WRITE, 0, 4);
} catch (ClosedChannelException e) {
    System.out.println("closed: " + e);
}
System.out.println((char) ro.get(3) + " after close");
ro = null;
Heapviz.gc();
Heapviz.pools();
writeOnly.close();
readOnly.close();
