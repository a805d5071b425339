//@ title: Oracle: GarbageCollectorMXBean counts after System.gc(), Heapviz.gc() and direct memory's GC
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:MaxDirectMemorySize=10000
// Serial's beans are "Copy" (young) and "MarkSweepCompact" (old). Every GC here is a full one on the
// JDK too: System.gc(), Heapviz.gc() (System.gc() twice) and Bits.reserveMemory's System.gc().
List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
System.out.println(gcs.size() + " collectors");
for (GarbageCollectorMXBean g : gcs)
    System.out.println(g.getName() + " " + g.getCollectionCount() + " valid=" + g.isValid());
System.gc();
GarbageCollectorMXBean full = gcs.get(1);
System.out.println(full.getName() + " after System.gc(): " + full.getCollectionCount());
Heapviz.gc();
System.out.println(full.getName() + " after Heapviz.gc(): " + full.getCollectionCount());
ByteBuffer a = ByteBuffer.allocateDirect(6000);
a = null;
ByteBuffer b = ByteBuffer.allocateDirect(6000);   // over the limit: Bits.reserveMemory runs System.gc()
System.out.println("after the direct-memory GC: " + full.getCollectionCount());
for (var g : ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class)) {
    long time = g.getCollectionTime();
    System.out.println(g.getName() + " " + g.getCollectionCount() + " time is a count of ms: " + (time >= 0));
}
System.out.println("young: " + gcs.get(0).getCollectionCount() + " " + gcs.get(0).getCollectionTime());
System.out.println("same bean: " + (ManagementFactory.getGarbageCollectorMXBeans().get(1) == full));
System.out.println("one bean per collector: "
        + (ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class).get(1) == full)
        + ", a new list per call: " + (ManagementFactory.getGarbageCollectorMXBeans() != gcs));
