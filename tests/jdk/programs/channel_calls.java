//@ title: Oracle: positional write and read, gathering and scattering, truncate, position(long)
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = FileChannel.open(Path.of("calls.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
ByteBuffer head = ByteBuffer.allocate(4);
head.put("HEAD".getBytes());
head.flip();
ByteBuffer body = ByteBuffer.allocateDirect(6);
body.put("-body-".getBytes());
body.flip();
ByteBuffer tail = ByteBuffer.wrap("TAIL".getBytes());
long written = ch.write(new ByteBuffer[]{head, body, tail});
System.out.println("gathered " + written + ", position " + ch.position() + ", size " + ch.size() + ", " + head + " " + body + " " + tail);
Heapviz.pools();
int at = ch.write(ByteBuffer.wrap("xy".getBytes()), 20);
System.out.println("wrote " + at + " at 20, position still " + ch.position() + ", size " + ch.size());
ByteBuffer gap = ByteBuffer.allocate(8);
System.out.println("read at 14: " + ch.read(gap, 14) + " " + gap + " " + gap.get(0) + " " + (char) gap.get(6));
ByteBuffer a = ByteBuffer.allocate(3);
ByteBuffer b = ByteBuffer.allocateDirect(5);
ByteBuffer c = ByteBuffer.allocate(100);
FileChannel same = ch.position(2);
System.out.println("position(2) returns the channel: " + (same == ch) + ", position " + ch.position());
long got = ch.read(new ByteBuffer[]{a, b, c});
System.out.println("scattered " + got + ": " + a + " " + b + " " + c + " position " + ch.position());
System.out.println((char) a.get(0) + "" + (char) a.get(2) + " " + (char) b.get(0) + (char) b.get(4) + " " + (char) c.get(0));
Heapviz.pools();
ByteBuffer[] parts = new ByteBuffer[]{ByteBuffer.allocate(2), ByteBuffer.allocate(2), ByteBuffer.allocate(2)};
ch.position(0);
System.out.println("read into parts[1..2]: " + ch.read(parts, 1, 2) + " " + parts[0] + " " + parts[1] + " " + parts[2]);
parts[1].flip();
System.out.println("write parts[1..1] at the end: " + ch.position(ch.size()).write(parts, 1, 1) + ", size " + ch.size());
try {
    ch.write(parts, 2, 5);
} catch (IndexOutOfBoundsException e) {
    System.out.println(e);
}
try {
    ch.read(parts, -1, 1);
} catch (IndexOutOfBoundsException e) {
    System.out.println(e);
}
try {
    ch.write(ByteBuffer.allocate(1), -3);
} catch (IllegalArgumentException e) {
    System.out.println(e);
}
try {
    ch.position(-1);
} catch (IllegalArgumentException e) {
    System.out.println(e);
}
FileChannel shorter = ch.truncate(10);
System.out.println("truncate(10) returns the channel: " + (shorter == ch) + ", size " + ch.size() + ", position " + ch.position());
ch.truncate(50);
System.out.println("truncate(50) does not grow: size " + ch.size());
try {
    ch.truncate(-1);
} catch (IllegalArgumentException e) {
    System.out.println(e);
}
ch.position(100);
System.out.println("position past the end: " + ch.position() + ", read " + ch.read(ByteBuffer.allocate(4)));
ch.write(ByteBuffer.wrap("!".getBytes()));
System.out.println("a write there extends the file: size " + ch.size());
FileChannel ro = FileChannel.open(Path.of("calls.bin"), StandardOpenOption.READ);
try {
    ro.truncate(1);
} catch (NonWritableChannelException e) {
    System.out.println("truncate on a read-only channel: " + e);
}
try {
    ro.write(new ByteBuffer[]{ByteBuffer.allocate(1)});
} catch (NonWritableChannelException e) {
    System.out.println("gathering write on a read-only channel: " + e);
}
ro.close();
Heapviz.pools();
ch.close();
