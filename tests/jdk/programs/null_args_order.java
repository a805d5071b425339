//@ title: Oracle: what the JDK checks before a null buffer argument (closed channel, read-only buffer, index)
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = FileChannel.open(Path.of("order.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
ch.close();
ByteBuffer nb = null;
ByteBuffer[] holes = new ByteBuffer[] { null };
try { ch.write(nb); } catch (Exception e) { System.out.println(e); }
try { ch.read(nb); } catch (Exception e) { System.out.println(e); }
try { ch.write(holes); } catch (Exception e) { System.out.println(e); }
try { ch.read(holes); } catch (Exception e) { System.out.println(e); }
try { ch.transferTo(0, 1, null); } catch (Exception e) { System.out.println(e); }
ByteBuffer ro = ByteBuffer.allocate(4).asReadOnlyBuffer();
byte[] none = null;
try { ro.put(none, 0, 1); } catch (Exception e) { System.out.println(e); }
try { ro.put(none); } catch (Exception e) { System.out.println(e); }
try { ro.put(nb); } catch (Exception e) { System.out.println(e); }
try { ByteBuffer.allocate(4).put(9, none, 0, 1); } catch (Exception e) { System.out.println(e); }
