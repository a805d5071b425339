//@ title: Oracle: a for-each over a List keeps its Iterator in a hidden slot before the variable
//@ jvm: -XX:+UseSerialGC -Xmx64m
// javac: for (T x : list) is Iterator i$ = list.iterator(); while (i$.hasNext()) { T x = (T) i$.next(); }
// i$ takes the next free slot and x the one after it; both are free again after the loop.
List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);   // slot 1
{
    ByteBuffer a = ByteBuffer.allocateDirect(1000);   // slot 2, stale after the block
    ByteBuffer b = ByteBuffer.allocateDirect(2000);   // slot 3, stale after the block
}
Heapviz.gc();
Heapviz.pools();                                      // the stale slots keep both alive
for (BufferPoolMXBean p : pools) {                    // i$ replaces a in slot 2, p replaces b in slot 3
    if (p.getName().equals("direct")) System.out.println("in the loop: " + p.getCount() + " direct buffers");
}
Heapviz.gc();
Heapviz.pools();                                      // neither slot holds a buffer now
String z = null;                                      // slot 2
try {
    z.length();
} catch (NullPointerException e) {                    // slot 3
    System.out.println(e.getMessage());
}
for (var g : ManagementFactory.getGarbageCollectorMXBeans()) {   // i$ in slot 3, g in slot 4
    long count = g.getCollectionCount();              // slots 5-6
    String none = null;                               // slot 7
    try {
        none.isEmpty();
    } catch (NullPointerException e) {                // slot 8
        System.out.println(g.getName() + ": " + e.getMessage());
    }
}
{
    ByteBuffer c = ByteBuffer.allocateDirect(3000);   // slot 3, stale after the block
}
if (args.length == 0) {
    for (BufferPoolMXBean p : pools) {                // i$ in slot 3 on this path only
        GarbageCollectorMXBean none = null;           // slot 5
        try {
            none.getName();
        } catch (NullPointerException e) {
            System.out.println(p.getName() + ": " + e.getMessage());
            break;
        }
    }
}
Heapviz.gc();
Heapviz.pools();                                      // c's slot was reused by the Iterator
for (byte x : new byte[] {7}) {                       // arrays still take arr$, len$, i$: x is slot 6
    String last = null;
    try {
        last.length();
    } catch (NullPointerException e) {
        System.out.println(x + ": " + e.getMessage());
    }
}
