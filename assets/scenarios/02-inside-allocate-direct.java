//@ title: Inside allocateDirect: reserve, allocate, zero, align, Cleaner
//@ title.zh: allocateDirect 内部：预留、分配、清零、对齐、Cleaner
//@ jvm: -XX:+UseSerialGC -Xmx64m -Dsun.nio.PageAlignDirectMemory=true
// Page alignment is switched on (a system property, not a -XX flag) so that every constructor step shows.
Heapviz.pools();
//@ pause: the DirectByteBuffer constructor
//@ caption: Bits.reserveMemory counts the capacity against the limit, then Unsafe.allocateMemory mallocs capacity + one page, setMemory zeroes it, the address is rounded up to a page, and a Cleaner is registered.
//@ caption.zh: Bits.reserveMemory 先按容量记账并检查上限，再由 Unsafe.allocateMemory 分配“容量 + 一页”，setMemory 清零，地址向上对齐到页，最后注册 Cleaner。
ByteBuffer buf = ByteBuffer.allocateDirect(1000);
// used = 1000 + 4096: the extra page is what makes alignment possible; capacity stays 1000.
Heapviz.pools();
//@ caption: Even a zero-capacity direct buffer reserves memory: size = max(1, 0 + pageSize).
//@ caption.zh: 即使容量为 0，也会预留内存：size = max(1, 0 + 页大小)。
ByteBuffer empty = ByteBuffer.allocateDirect(0);
Heapviz.pools();
System.out.println(buf);
System.out.println(empty);
