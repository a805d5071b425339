//@ title: Oracle: string concatenation and Java's formatting of values
String s = "heap";
String t = s + 1 + 2;
String u = 1 + 2 + s;
System.out.println(t + " " + u + " " + s.length() + " " + "".isEmpty() + " " + s.charAt(2));
System.out.println("bool " + true + ", char " + 'x' + ", long " + 123456789012L + ", byte " + (byte) 255 + ", short " + (short) 70000);
System.out.println("null " + null + ", int min " + Integer.MIN_VALUE + ", long max " + Long.MAX_VALUE);
System.out.println("doubles " + 0.1 + " " + 1.0 + " " + 100.5 + " " + 1e7 + " " + 1e-3 + " " + 9.99e-4 + " " + 1.5e300 + " " + -2.5);
System.out.println("floats " + 0.1f + " " + 1.0f / 3 + " " + 2.5f);
System.out.println("hex " + Integer.toHexString(255) + " " + Integer.toHexString(-256) + " " + Long.toHexString(-1L));
System.out.println(String.valueOf(42) + String.valueOf(true) + String.valueOf('c') + String.valueOf(2.5));
String acc = "";
for (int i = 0; i < 5; i++) {
    acc += i;
    acc += ',';
}
System.out.println(acc);
System.out.println("ünïcödé 字节 " + "字节".length() + " " + "字节".getBytes().length);
char c = 'z';
System.out.print(c);
System.out.print(1);
System.out.print(2L);
System.out.print(false);
System.out.println();
System.out.println("equals: " + s.equals("heap") + " " + s.equals("Heap") + " " + Math.max(3, 9) + " " + Math.min(-1L, 4) + " " + Math.abs(-17));
System.err.println("this goes to stderr and is not compared");
