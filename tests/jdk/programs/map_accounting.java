//@ title: Oracle: FileChannel.map accounting, page offsets, read-only and private mappings, unmap after GC
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = FileChannel.open(Path.of("mapped.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
Heapviz.pools();
MappedByteBuffer rw = ch.map(FileChannel.MapMode.READ_WRITE, 0, 100);
System.out.println(rw + " " + rw.isDirect() + " " + rw.isReadOnly() + " size " + ch.size());
Heapviz.pools();
rw.put("mapped bytes".getBytes());
rw.putInt(20, 0x01020304);
System.out.println(rw + " " + rw.get(0) + " " + rw.getInt(20));
Heapviz.pools();
MappedByteBuffer far = ch.map(FileChannel.MapMode.READ_WRITE, 5000, 10);
System.out.println(far + " size " + ch.size());
Heapviz.pools();
far.put(9, (byte) 42);
MappedByteBuffer ro = ch.map(FileChannel.MapMode.READ_ONLY, 0, 12);
System.out.println(ro + " " + ro.isReadOnly() + " " + (char) ro.get(0) + (char) ro.get(7));
try {
    ro.put((byte) 1);
} catch (ReadOnlyBufferException e) {
    System.out.println("caught " + e);
}
MappedByteBuffer priv = ch.map(FileChannel.MapMode.PRIVATE, 0, 12);
priv.put(0, (byte) 'M');
System.out.println("private " + (char) priv.get(0) + ", shared " + (char) rw.get(0) + ", read-only view " + (char) ro.get(0));
MappedByteBuffer empty = ch.map(FileChannel.MapMode.READ_WRITE, 0, 0);
System.out.println(empty + " " + empty.isDirect());
Heapviz.pools();
ByteBuffer back = ByteBuffer.allocate(12);
int n = ch.read(back, 0);
back.flip();
String text = "";
while (back.hasRemaining()) text = text + (char) back.get();
System.out.println(n + " bytes read back: " + text);
ByteBuffer tail = ByteBuffer.allocate(1);
ch.read(tail, 5009);
System.out.println("byte at 5009: " + tail.get(0));
ByteBuffer view = rw.slice(0, 6);
System.out.println(view + " " + (char) view.get(0));
rw = null;
far = null;
ro = null;
priv = null;
empty = null;
Heapviz.gc();
Heapviz.pools();
view = null;
Heapviz.gc();
Heapviz.pools();
ch.close();
