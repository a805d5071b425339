//@ title: Oracle: live direct buffers survive repeated compactions that move them; dead ones are freed
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MarkSweepDeadRatio=0
// Every GC slides the DirectByteBuffers (and their Cleaners) down the heap; the Cleaner's
// referent must follow its buffer, or a later GC frees a live buffer or keeps a dead one.
Object[] garbage = new Object[64];
for (int i = 0; i < garbage.length; i++) {
    garbage[i] = new byte[1000];
}
ByteBuffer direct = ByteBuffer.allocateDirect(512);
direct.put("native bytes".getBytes());
garbage = null;
Heapviz.gc();
byte[] fresh = new byte[100000];
Heapviz.gc();
Heapviz.pools();
System.out.println(direct.get(0));
// Rounds of garbage, kept and dropped buffers, and a GC each.
ByteBuffer[] kept = new ByteBuffer[6];
for (int round = 0; round < 6; round++) {
    Object[] junk = new Object[20];
    for (int i = 0; i < junk.length; i++) {
        junk[i] = new byte[500 + round * 10];
    }
    ByteBuffer dropped = ByteBuffer.allocateDirect(100 + round);
    kept[round] = ByteBuffer.allocateDirect(1000 + round);
    kept[round].put(0, (byte) (round + 1));
    dropped = null;
    junk = null;
    Heapviz.gc();
    Heapviz.pools();
}
for (int round = 0; round < 6; round++) {
    System.out.println(round + ": " + kept[round].get(0) + " " + kept[round]);
}
// A slice keeps its parent's memory alive (att) after the parent is dropped.
ByteBuffer parent = ByteBuffer.allocateDirect(4096);
parent.put(100, (byte) 42);
parent.position(100);
ByteBuffer slice = parent.slice();
parent = null;
Heapviz.gc();
Heapviz.gc();
Heapviz.pools();
System.out.println(slice.get(0) + " " + slice);
slice = null;
kept = null;
Heapviz.gc();
Heapviz.pools();
System.out.println(direct.get(1));
