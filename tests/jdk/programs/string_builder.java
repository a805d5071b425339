//@ title: Oracle: StringBuilder on the heap (a byte[] value that grows by old * 2 + 2)
StringBuilder sb = new StringBuilder();
System.out.println(sb.length() + " " + sb.capacity() + " [" + sb + "]");
sb.append("heap");
sb.append(' ').append(42).append(' ').append(-7L).append(' ').append(true).append(' ').append(false);
System.out.println(sb + " " + sb.length() + " " + sb.capacity());
sb.append(' ').append(1.5).append(' ').append(2.5f).append(' ').append(1e23).append(' ').append(0.1 + 0.2);
System.out.println(sb + " " + sb.length() + " " + sb.capacity());
StringBuilder small = new StringBuilder(0);
for (int i = 0; i < 6; i++) {
    small.append('x');
    System.out.print(small.capacity() + " ");
}
System.out.println();
StringBuilder big = new StringBuilder(3);
big.append("0123456789");
System.out.println(big.capacity());
StringBuilder fromString = new StringBuilder("abc");
System.out.println(fromString.capacity() + " " + fromString.length() + " " + fromString.charAt(1));
fromString.insert(0, "<").insert(4, ">").insert(2, "--");
System.out.println(fromString + " " + fromString.length());
fromString.deleteCharAt(0).deleteCharAt(fromString.length() - 1);
System.out.println(fromString);
System.out.println(new StringBuilder("stressed").reverse());
StringBuilder odd = new StringBuilder("abcde");
odd.reverse();
System.out.println(odd);
odd.setLength(2);
System.out.println(odd + " " + odd.length() + " " + odd.capacity());
odd.setLength(4);
System.out.println(odd.length() + " " + (int) odd.charAt(3) + " " + odd.capacity());
odd.setLength(40);
System.out.println(odd.capacity());
String nothing = null;
StringBuilder nulls = new StringBuilder();
nulls.append(nothing).append((Object) null).insert(4, nothing);
System.out.println(nulls + " " + nulls.length());
StringBuilder self = new StringBuilder("ab");
self.append(self).append(self);
System.out.println(self);
StringBuilder other = new StringBuilder("xy");
StringBuilder none = null;
other.append(self).append(none);
System.out.println(other);
Object o = other;
System.out.println("as Object: " + o);
System.out.println(String.valueOf(other) + " " + other.toString().length());
StringBuilder wide = new StringBuilder();
wide.append("caf").append('\u00e9');
System.out.println(wide.length() + " " + wide.capacity());
wide.append('\u4e2d');
System.out.println(wide.length() + " " + wide.capacity() + " " + (int) wide.charAt(4));
wide.deleteCharAt(4);
System.out.println(wide.length() + " " + wide.capacity());
StringBuilder fromWide = new StringBuilder("\u4e2d\u6587");
System.out.println(fromWide.capacity() + " " + fromWide.length());
fromWide.append("0123456789abcdefgh");
System.out.println(fromWide.capacity() + " " + (int) fromWide.reverse().charAt(19));
StringBuilder pair = new StringBuilder();
pair.append('a').append('\ud83d').append('\ude00').append('b').reverse();
System.out.println(pair.length() + " " + (int) pair.charAt(0) + " " + (int) pair.charAt(1) + " " + (int) pair.charAt(2));
StringBuilder[] many = new StringBuilder[2];
many[0] = new StringBuilder("kept");
Heapviz.gc();
System.out.println(many[0].append("!") + " " + (many[1] == null));
try {
    sb.charAt(100);
} catch (StringIndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
try {
    sb.charAt(-1);
} catch (IndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
try {
    sb.insert(99, "x");
} catch (StringIndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
try {
    new StringBuilder().deleteCharAt(0);
} catch (StringIndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
try {
    sb.setLength(-5);
} catch (StringIndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
try {
    new StringBuilder(-3);
} catch (NegativeArraySizeException e) {
    System.out.println(e.getMessage());
}
try {
    new StringBuilder(nothing);
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
try {
    none.append(1);
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
try {
    many[1].toString();
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
try {
    none.insert(0, "a");
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
class Holder { StringBuilder text = new StringBuilder("x"); int n; }
Holder h = new Holder();
h.text.append(h.n).append(h.text.length());
System.out.println(h.text);
Object asObject = h.text;
System.out.println((asObject instanceof StringBuilder) + " " + (asObject == h.text));
StringBuilder back = (StringBuilder) asObject;
System.out.println(back.reverse());
Object arr = new byte[2];
System.out.println(arr instanceof StringBuilder);
try {
    StringBuilder bad = (StringBuilder) arr;
} catch (ClassCastException e) {
    System.out.println("CCE");
}
StringBuilder[][] grid = new StringBuilder[2][2];
grid[1][0] = new StringBuilder("g");
grid[1][0].append(grid[0][1]);
System.out.println(grid[1][0] + " " + grid.length);
