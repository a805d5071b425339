class Node { Node next; byte[] data = new byte[16]; }
Node head = null;
for (int i = 0; i < 3; i++) { Node n = new Node(); n.next = head; head = n; }
int a = 1, b = 0x1F;
long c = 10L << 2;
while (a < 10) a += b % 3 == 0 ? 1 : 2;
do { a--; } while (a > 0);
for (byte x : new byte[]{1, 2, 3}) if (x > 1) break; else continue;
Object[] objs = new Object[2];
objs[0] = (Object) new Object();
//@ pause: after allocation
System.gc();
