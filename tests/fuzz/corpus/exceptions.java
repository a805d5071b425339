try {
  ByteBuffer.allocate(1).putInt(5);
} catch (BufferOverflowException | BufferUnderflowException e) {
  System.out.println(e.getClass().getName() + ": " + e.getMessage());
} finally {
  System.out.println("done");
}
Thread t = new Thread(() -> { ByteBuffer b = ByteBuffer.allocateDirect(8); });
t.start();
t.join();
throw new IllegalStateException("boom");
