//@ title: Oracle: ByteOrder.nativeOrder(), Runtime.maxMemory(), wrapper limits, AIOOBE(int)
//@ jvm: -XX:+UseSerialGC -Xmx64m
System.out.println(ByteOrder.nativeOrder());
System.out.println(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
Runtime rt = Runtime.getRuntime();
System.out.println("maxMemory " + rt.maxMemory());
System.out.println(Runtime.getRuntime().maxMemory() / 1024 + " KiB");
System.out.println(Double.MAX_VALUE + " " + Double.MIN_VALUE + " " + Double.MIN_NORMAL);
System.out.println(Double.POSITIVE_INFINITY + " " + Double.NEGATIVE_INFINITY + " " + Double.NaN);
System.out.println(Float.MAX_VALUE + " " + Float.MIN_VALUE + " " + Float.MIN_NORMAL);
System.out.println(Short.MAX_VALUE + " " + Short.MIN_VALUE + " " + Byte.MAX_VALUE + " " + Byte.MIN_VALUE);
System.out.println((int) Character.MAX_VALUE + " " + (int) Character.MIN_VALUE);
System.out.println(Integer.MAX_VALUE + " " + Long.MIN_VALUE);
byte b = Byte.MAX_VALUE;
short s = Short.MIN_VALUE;
System.out.println(b + s);
Exception e = new ArrayIndexOutOfBoundsException(3);
System.out.println(e.getMessage());
System.out.println(e);
try {
    throw new ArrayIndexOutOfBoundsException(-7);
} catch (ArrayIndexOutOfBoundsException x) {
    System.out.println("caught " + x.getMessage());
}
