//@ title: Oracle: ByteBuffer calls through the interpreter
//@ jvm: -XX:+UseSerialGC -Xmx64m
ByteBuffer buf = ByteBuffer.allocate(16);
buf.put((byte) 1).put(new byte[]{2, 3, 4});
buf.putInt(0x01020304);
System.out.println(buf + " " + buf.position() + " " + buf.remaining());
buf.flip();
System.out.println(buf.get() + " " + buf.get(1) + " " + buf.getInt(4));
byte[] out = new byte[3];
buf.get(out);
System.out.println(out[0] + " " + out[2]);
try {
    ByteBuffer small = ByteBuffer.allocate(2);
    small.put("abc".getBytes());
} catch (RuntimeException e) {
    System.out.println("caught " + e + " " + e.getClass().getName());
}
ByteBuffer direct = ByteBuffer.allocateDirect(64);
direct.order(ByteOrder.LITTLE_ENDIAN).putLong(1L);
System.out.println(direct + " " + direct.isDirect() + " " + direct.get(0));
ByteBuffer view = direct.slice(0, 8);
System.out.println(view.getLong(0));
ByteBuffer wrapped = ByteBuffer.wrap("wrapped".getBytes(), 1, 3);
System.out.println(wrapped + " " + (char) wrapped.get());
Heapviz.pools();
