//@ title: Oracle: MappedByteBuffer.force, load and isLoaded, and a plain direct buffer's no-ops
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = FileChannel.open(Path.of("force.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
ch.write(ByteBuffer.wrap("written through the channel".getBytes()));
MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size());
System.out.println("loaded after a write: " + m.isLoaded());
m.put(0, (byte) 'W');
MappedByteBuffer same = m.force();
System.out.println("force returns the buffer: " + (same == m) + " " + m);
MappedByteBuffer loaded = m.load();
System.out.println("load returns the buffer: " + (loaded == m) + ", isLoaded " + m.isLoaded());
MappedByteBuffer empty = ch.map(FileChannel.MapMode.READ_ONLY, 0, 0);
System.out.println("empty: " + empty.isLoaded() + " " + (empty.force() == empty) + " " + (empty.load() == empty));
ByteBuffer back = ByteBuffer.allocate(1);
ch.read(back, 0);
System.out.println("the channel sees " + (char) back.get(0));
MappedByteBuffer slice = m.slice(3, 4);
System.out.println(slice + " " + slice.isLoaded() + " " + (char) slice.get(0));
slice.force();
Heapviz.pools();
ch.close();
