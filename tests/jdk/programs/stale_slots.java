//@ title: Oracle: a local's slot keeps its reference (a GC root) after its block, until the slot is reused
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MaxDirectMemorySize=10000
// HotSpot's interpreter counts a slot as a root wherever every path left a reference in it.
try {
    ByteBuffer c = ByteBuffer.allocateDirect(6000);   // slot 1 (args is 0)
} finally {
}
try {
    ByteBuffer d = ByteBuffer.allocateDirect(6000);   // slot 1 is still c's until this store
} catch (OutOfMemoryError e) {
    System.out.println(e.getMessage());
}
Heapviz.gc();
Heapviz.pools();
int reuse = 0;                                        // slot 1 holds an int now: c is garbage
Heapviz.gc();
Heapviz.pools();
{
    ByteBuffer a = ByteBuffer.allocateDirect(1000);   // slot 2, stale after the block
}
Heapviz.gc();
Heapviz.pools();
if (true) {
    ByteBuffer b = ByteBuffer.allocateDirect(2000);   // slot 2 again: a is dropped, b stays stale
}
Heapviz.gc();
Heapviz.pools();
if (args.length == 0) {
    ByteBuffer e = ByteBuffer.allocateDirect(3000);   // slot 2: b's reference on both paths
}
Heapviz.gc();
Heapviz.pools();
{
    int x = 1;                                        // slot 2 holds an int: nothing stale
}
if (args.length == 0) {
    ByteBuffer f = ByteBuffer.allocateDirect(4000);   // a reference on one path only: not a root after
}
Heapviz.gc();
Heapviz.pools();
for (int i = 0; i < 2; i++) {
    ByteBuffer g = ByteBuffer.allocateDirect(500);    // slot 3; the back edge merges it with the entry
}
Heapviz.gc();
Heapviz.pools();
for (ByteBuffer h : new ByteBuffer[] {ByteBuffer.allocateDirect(700)}) {
    // arr$ (slot 2) keeps the array after the loop; h (slot 5) does not
}
Heapviz.gc();
Heapviz.pools();
byte[] after = null;                                  // slot 2 again: the array is garbage
Heapviz.gc();
Heapviz.pools();
System.out.println(after.length);
