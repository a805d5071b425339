//@ title: Oracle: IntBuffer/LongBuffer views: odd sizes, slices of slices, marks, read-only and direct views
//@ jvm: -XX:+UseSerialGC -Xmx64m
ByteBuffer bytes = ByteBuffer.allocate(19);
for (int i = 0; i < 19; i++) bytes.put((byte) i);
bytes.position(3);
IntBuffer odd = bytes.asIntBuffer();
System.out.println(odd + " " + odd.get(0) + " " + odd.get(3));
ByteBuffer part = bytes.slice(1, 12);
LongBuffer longs = part.asLongBuffer();
System.out.println(longs + " " + Long.toHexString(longs.get(0)));
odd.position(1).mark();
odd.position(3);
IntBuffer dup = odd.duplicate();
dup.reset();
System.out.println(dup + " " + dup.get() + " " + odd.position());
IntBuffer sl = odd.slice();
System.out.println(sl + " " + sl.get(0));
sl.put(0, -1);
System.out.println(bytes.get(15) + " " + odd.get(3) + " " + sl.hasRemaining());
IntBuffer ro = odd.asReadOnlyBuffer();
System.out.println(ro + " " + ro.isReadOnly() + " " + ro.position() + " " + ro.get(2));
try {
    ro.put(0, 1);
} catch (ReadOnlyBufferException e) {
    System.out.println("read-only: " + e);
}
try {
    odd.reset();
    odd.position(0);
    odd.reset();
} catch (InvalidMarkException e) {
    System.out.println("mark: " + e);
}
try {
    odd.limit(5);
} catch (IllegalArgumentException e) {
    System.out.println(e.getMessage());
}
ByteBuffer empty = ByteBuffer.allocateDirect(7);
LongBuffer none = empty.asLongBuffer();
System.out.println(none + " " + none.hasRemaining());
try {
    none.put(3L);
} catch (BufferOverflowException e) {
    System.out.println("overflow: " + e);
}
ByteBuffer little = ByteBuffer.allocateDirect(16).order(ByteOrder.LITTLE_ENDIAN);
IntBuffer native4 = little.asIntBuffer();
native4.put(1).put(2).put(258);
native4.flip();
System.out.println(native4 + " " + native4.order() + " " + little.get(8) + " " + little.get(9) + " " + native4.remaining());
LongBuffer ld = little.asReadOnlyBuffer().asLongBuffer();
System.out.println(ld + " " + ld.order() + " " + ld.isDirect());
Object o = native4;
System.out.println(o);
IntBuffer missing = null;
try {
    missing.get();
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
