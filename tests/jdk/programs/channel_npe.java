//@ title: Oracle: helpful NullPointerException texts of FileChannel and MappedByteBuffer calls
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = null;
try { ch.map(FileChannel.MapMode.READ_ONLY, 0, 1); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.write(new ByteBuffer[0]); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.write(new ByteBuffer[0], 0, 0); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.write(ByteBuffer.allocate(1), 0); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.read(ByteBuffer.allocate(1), 0); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.truncate(1); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.position(1); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.read(new ByteBuffer[0]); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.read(new ByteBuffer[0], 0, 0); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { ch.transferTo(0, 1, ch); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
MappedByteBuffer mb = null;
try { mb.force(); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { mb.load(); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { mb.isLoaded(); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
try { mb.get(0); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
