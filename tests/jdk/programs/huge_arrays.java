//@ title: Oracle: arrays longer than Integer.MAX_VALUE - 2 exceed the VM limit, shorter ones the heap
//@ jvm: -XX:+UseSerialGC -Xmx64m
int[] lengths = {Integer.MAX_VALUE, Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 2, 100000000};
for (int n : lengths) {
    try {
        byte[] b = new byte[n];
        System.out.println("byte[" + n + "] " + b.length);
    } catch (OutOfMemoryError e) {
        System.out.println("byte[" + n + "] " + e);
    }
    try {
        long[] l = new long[n];
        System.out.println("long[" + n + "] " + l.length);
    } catch (OutOfMemoryError e) {
        System.out.println("long[" + n + "] " + e);
    }
    try {
        Object[] o = new Object[n];
        System.out.println("Object[" + n + "] " + o.length);
    } catch (OutOfMemoryError e) {
        System.out.println("Object[" + n + "] " + e);
    }
    try {
        ByteBuffer bb = ByteBuffer.allocate(n);
        System.out.println("allocate(" + n + ") " + bb.capacity());
    } catch (OutOfMemoryError e) {
        System.out.println("allocate(" + n + ") " + e);
    }
}
