//@ title: Where the bytes live
//@ title.zh: 字节住在哪里
//@ jvm: -XX:+UseSerialGC -Xmx64m
ByteBuffer heap = ByteBuffer.allocate(512);
//@ caption: a direct buffer
ByteBuffer direct = ByteBuffer.allocateDirect(512);
heap.put("hello".getBytes());
System.out.println(heap + " " + direct.isDirect());
