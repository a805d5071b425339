//@ title: Oracle: JDK 17's helpful NullPointerException messages
class Node { Node next; int v; }
Node a = new Node();
long big = 5;
String s = null;
int[] arr = null;
byte[] ba = null;
Object[] oa = new Object[2];
try { System.out.println(a.next.v); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { a.next.next = a; } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { System.out.println(s.length()); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { System.out.println(arr[0]); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ba[1] = 2; } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { System.out.println(ba.length); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { System.out.println(((Node) oa[1]).v); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
int i = 1;
try { System.out.println(((Object[]) oa[i])[0]); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
{
    double d = 1;
    Node inner = null;
    try { inner.v = 3; } catch (NullPointerException e) { System.out.println(e.getMessage()); }
}
Node after = null;
try { System.out.println(after.next); } catch (NullPointerException e) { System.out.println(e); }
