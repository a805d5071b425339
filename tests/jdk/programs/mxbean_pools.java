//@ title: Oracle: the BufferPoolMXBeans ManagementFactory returns, read as the pools change
//@ jvm: -XX:+UseSerialGC -Xmx64m
// JDK 17 lists three pools, in this order: mapped, direct, and the non-volatile mapped pool.
List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
System.out.println("pools: " + pools.size() + " empty: " + pools.isEmpty());
for (BufferPoolMXBean p : pools)
    System.out.println(p.getName() + ": count=" + p.getCount() + " used=" + p.getMemoryUsed()
            + " capacity=" + p.getTotalCapacity());
ByteBuffer a = ByteBuffer.allocateDirect(1000);
ByteBuffer b = ByteBuffer.allocateDirect(4096);
ByteBuffer s = a.slice(0, 10);   // a slice shares a's memory: the pool does not count it
BufferPoolMXBean direct = pools.get(1);
System.out.println(direct.getName() + ": " + direct.getCount() + " " + direct.getMemoryUsed() + " "
        + direct.getTotalCapacity());
var again = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
System.out.println("same bean: " + (again.get(1) == direct) + ", same list: " + (again == pools));
a = null;
s = null;
Heapviz.gc();
System.out.println("after gc: " + direct.getCount() + " " + direct.getMemoryUsed() + " "
        + direct.getTotalCapacity());
Heapviz.pools();
FileChannel ch = FileChannel.open(Path.of("mx.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 5000);
for (var p : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class))
    System.out.println(p.getName() + ": " + p.getCount() + " " + p.getMemoryUsed() + " " + p.getTotalCapacity());
ch.close();
System.out.println(BufferPoolMXBean.class.getName() + " " + BufferPoolMXBean.class.getSimpleName()
        + " " + (BufferPoolMXBean.class == BufferPoolMXBean.class));
try {
    pools.get(3);
} catch (IndexOutOfBoundsException e) {
    System.out.println(e);
}
try {
    pools.get(-1);
} catch (RuntimeException e) {
    System.out.println(e.getMessage());
}
BufferPoolMXBean none = null;
try {
    none.getName();
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
List<BufferPoolMXBean> nolist = null;
try {
    System.out.println(nolist.size());
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
try {
    for (BufferPoolMXBean p : nolist) System.out.println(p.getName());
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
var cls = BufferPoolMXBean.class;
System.out.println(ManagementFactory.getPlatformMXBeans(cls).size());
cls = null;
try {
    ManagementFactory.getPlatformMXBeans(cls);
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
