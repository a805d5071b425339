//@ title: Oracle: arrays on the heap
byte[] bytes = new byte[]{1, 2, 3, -1, 127};
int sum = 0;
for (int i = 0; i < bytes.length; i++) {
    sum += bytes[i];
}
System.out.println("sum " + sum + " length " + bytes.length);
int[] squares = new int[6];
for (int i = 0; i < squares.length; i++) squares[i] = i * i;
for (int v : squares) System.out.print(v + " ");
System.out.println();
long[] longs = {1L << 40, -1, 7};
longs[1] += longs[0];
System.out.println(longs[0] + " " + longs[1] + " " + longs[2]);
char[] chars = {'h', 'i'};
chars[1]++;
System.out.println(chars[0] + "" + chars[1]);
boolean[] flags = new boolean[3];
flags[1] = true;
System.out.println(flags[0] + " " + flags[1] + " " + flags.length);
double[] ds = {0.5, 1.25};
ds[0] *= 3;
System.out.println(ds[0] + ds[1]);
short[] shorts = new short[2];
shorts[0] = (short) 40000;
System.out.println(shorts[0]);
float[] fs = {1.5f};
System.out.println(fs[0] / 2);
Object[] objects = new Object[4];
objects[0] = new Object();
objects[1] = objects[0];
objects[2] = new byte[16];
System.out.println((objects[0] == objects[1]) + " " + (objects[2] == objects[0]) + " " + (objects[3] == null));
byte[] text = "hello".getBytes();
System.out.println(text.length + " " + text[0] + " " + (char) text[1]);
int[] empty = new int[0];
System.out.println(empty.length);
try {
    System.out.println(squares[-1]);
} catch (ArrayIndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
byte b = 10;
bytes[b - 8] = b;
System.out.println(bytes[2]);
