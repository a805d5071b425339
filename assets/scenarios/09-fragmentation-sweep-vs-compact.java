//@ title: Fragmentation: a non-moving sweep leaves holes, a compacting GC closes them
//@ title.zh: 碎片：非移动式清扫留下空洞，压缩式 GC 把空洞合拢
//@ jvm: -XX:+UseSerialGC -Xmx64m -Xms64m -Xmn2m
//@ hypothetical: non-moving-sweep
// -Xmn2m keeps the JDK's young generation tiny, so the old generation is almost the whole heap:
// blocks this large go straight into it, one after the other. heapviz draws the heap as one space.
final int MiB = 1024 * 1024;
Object[] blocks = new Object[10];
for (int i = 0; i < blocks.length; i++) {
    blocks[i] = new byte[6 * MiB];
}
System.out.println("kept " + blocks.length + " blocks of 6 MiB");
//@ pause: every other block becomes garbage
//@ caption: Dropping blocks 0, 2, 4, 6 and 8 leaves five 6 MiB holes between live blocks: 30 MiB of garbage, but no two holes touch.
//@ caption.zh: 丢掉第 0、2、4、6、8 块，活块之间留下五个 6 MiB 的空洞：共 30 MiB 垃圾，但任何两个空洞都不相邻。
for (int i = 0; i < blocks.length; i += 2) {
    blocks[i] = null;
}
System.out.println("dropped 5 blocks: 30 MiB is garbage, in pieces of 6 MiB");
//@ pause: one array larger than any hole, smaller than the free total
//@ caption: new byte[12 MiB] does not fit above the last block: a full GC. Serial's mark-compact slides the live blocks together and the array fits. A non-moving sweep (hypothetical; CMS was removed in JDK 14) leaves the 6 MiB holes: over 30 MiB free, no chunk large enough, OutOfMemoryError.
//@ caption.zh: new byte[12 MiB] 放不进最后一块之上的空间：触发 Full GC。Serial 的标记-整理把活块滑到一起，数组放得下。非移动式清扫（假想模式；CMS 已在 JDK 14 移除）留下 6 MiB 的空洞：空闲超过 30 MiB，却没有一块够大，抛出 OutOfMemoryError。
try {
    byte[] big = new byte[12 * MiB];
    System.out.println("new byte[12 MiB] fits: " + big.length + " bytes");
} catch (OutOfMemoryError e) {
    System.out.println(e);
}
