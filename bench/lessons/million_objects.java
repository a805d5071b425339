//@ title: One million small objects: allocate, drop half, collect
//@ title.zh: 一百万个小对象：分配、丢弃一半、回收
//@ jvm: -XX:+UseSerialGC -Xmx256m -XX:MarkSweepDeadRatio=0
// Benchmark lesson (bench/frame_time.sh): 1,000,000 `new Object()` of 16 bytes each. MarkSweepDeadRatio=0
// makes the GC compact (slide 500,000 objects) instead of keeping the dropped half as dead wood.
Object[] a = new Object[1_000_000];
for (int i = 0; i < a.length; i++) {
    a[i] = new Object();
}
for (int i = 0; i < a.length; i += 2) {
    a[i] = null;
}
System.gc();
System.out.println("done " + a.length);
