//@ title: Oracle: -Xmx63m is rounded up to 64 MiB, so the default direct-memory limit is 64880640
//@ jvm: -XX:+UseSerialGC -Xmx63m
try {
    ByteBuffer.allocateDirect(70000000);
} catch (OutOfMemoryError e) {
    System.out.println(e.getMessage());
}
ByteBuffer fits = ByteBuffer.allocateDirect(64880640);
System.out.println(fits.capacity());
try {
    ByteBuffer.allocateDirect(1);
} catch (OutOfMemoryError e) {
    System.out.println(e.getMessage());
}
