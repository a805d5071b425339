//@ title: Oracle: local classes with fields, object graphs, GC
class Node {
    Node next;
    int value;
    long weight = 3;
    byte[] payload;
}
Node head = null;
for (int i = 0; i < 5; i++) {
    Node n = new Node();
    n.value = i * 10;
    n.next = head;
    n.payload = new byte[100];
    head = n;
}
int count = 0;
long total = 0;
for (Node p = head; p != null; p = p.next) {
    count++;
    total += p.value + p.weight;
}
System.out.println(count + " nodes, total " + total);
head.next.next = null;
System.gc();
count = 0;
for (Node p = head; p != null; p = p.next) count++;
System.out.println(count + " nodes after cutting the list");
head.value++;
head.value += 5;
head.weight *= 2;
System.out.println(head.value + " " + head.weight + " " + head.payload.length);
Node other = head;
System.out.println(other == head);
other = new Node();
System.out.println((other == head) + " " + other.value + " " + (other.next == null) + " " + other.weight);
Object o = head;
Node back = (Node) o;
System.out.println(back.value + " " + (o instanceof Node));
head = null;
back = null;
o = null;
Heapviz.gc();
Heapviz.pools();
