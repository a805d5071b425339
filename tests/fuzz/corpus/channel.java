Path p = Files.createTempFile("heapviz", ".bin");
try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
  ByteBuffer buf = ByteBuffer.allocateDirect(16);
  buf.order(ByteOrder.LITTLE_ENDIAN).putInt(42).flip();
  ch.write(buf);
  ch.read(buf, 0L);
  MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4);
}
List<ByteBuffer> list = new ArrayList<>();
int[][] grid = new int[2][3];
grid[1][2] >>>= 1;
