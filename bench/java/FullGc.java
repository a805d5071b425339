// The JDK side of bench/heap_compaction: Object[] of N Node{int id; Object next;} (24 bytes each with
// compressed oops), GC#1 with all alive, drop every odd one, GC#2 (the fully compacting one with
// -XX:MarkSweepDeadRatio=0), GC#3. Run with -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0 -Xlog:gc and
// read the "Pause Full" time of GC(1), as reference/jvm17-measured.md §4 did.
public class FullGc {
  static final class Node {
    int id;
    Object next;
  }

  public static void main(String[] args) {
    final int n = Integer.parseInt(args[0]);
    final Object[] arr = new Object[n];
    for (int i = 0; i < n; i++) {
      Node node = new Node();
      node.id = i;
      arr[i] = node;
    }
    System.gc();  // GC(0): everything live
    for (int i = 1; i < n; i += 2) arr[i] = null;
    System.gc();  // GC(1): compacts the 50 %-fragmented heap
    System.gc();  // GC(2): nothing to move
    System.out.println("kept " + ((Node) arr[n - 2]).id);
  }
}
