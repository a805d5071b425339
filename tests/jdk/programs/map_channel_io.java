//@ title: Oracle: a MappedByteBuffer written to and read from another channel (no temporary buffer)
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = FileChannel.open(Path.of("m.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
ch.write(ByteBuffer.wrap("mapped!".getBytes()));
MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 7);
FileChannel out = FileChannel.open(Path.of("o.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
int n = out.write(m);
m.clear();
int back = out.read(m, 0);
System.out.println(n + " " + back + " " + m + " " + out.size());
Heapviz.pools();
