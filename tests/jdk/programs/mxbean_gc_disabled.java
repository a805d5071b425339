//@ title: Oracle: under -XX:+DisableExplicitGC, System.gc() and Heapviz.gc() run no collection
//@ jvm: -XX:+UseSerialGC -Xmx64m -XX:+DisableExplicitGC
List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
System.gc();
Heapviz.gc();
for (GarbageCollectorMXBean g : gcs) System.out.println(g.getName() + " " + g.getCollectionCount());
