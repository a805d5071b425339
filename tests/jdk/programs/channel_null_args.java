//@ title: Oracle: helpful NullPointerException texts of FileChannel and MappedByteBuffer calls given null buffers
//@ jvm: -XX:+UseSerialGC -Xmx64m
FileChannel ch = FileChannel.open(Path.of("nulls.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
ByteBuffer nb = null;
ByteBuffer[] none = null;
try { ch.write(nb); } catch (NullPointerException e) { System.out.println("write(ByteBuffer): " + e.getMessage()); }
try { ch.read(nb); } catch (NullPointerException e) { System.out.println("read(ByteBuffer): " + e.getMessage()); }
try { ch.write(nb, 0); } catch (NullPointerException e) { System.out.println("write(ByteBuffer,long): " + e.getMessage()); }
try { ch.read(nb, 0); } catch (NullPointerException e) { System.out.println("read(ByteBuffer,long): " + e.getMessage()); }
try { ch.write(none); } catch (NullPointerException e) { System.out.println("write(ByteBuffer[]): " + e.getMessage()); }
try { ch.read(none); } catch (NullPointerException e) { System.out.println("read(ByteBuffer[]): " + e.getMessage()); }
try { ch.write(none, 0, 0); } catch (NullPointerException e) { System.out.println("write(ByteBuffer[],int,int): " + e.getMessage()); }
try { ch.read(none, 0, 0); } catch (NullPointerException e) { System.out.println("read(ByteBuffer[],int,int): " + e.getMessage()); }
ByteBuffer[] holes = new ByteBuffer[] { ByteBuffer.allocate(2), null };
try { ch.write(holes); } catch (NullPointerException e) { System.out.println("gathering write, null element: " + e.getMessage()); }
try { ch.read(holes); } catch (NullPointerException e) { System.out.println("scattering read, null element: " + e.getMessage()); }
try { ch.write(holes, 1, 1); } catch (NullPointerException e) { System.out.println("gathering write(ByteBuffer[],int,int), null element: " + e.getMessage()); }
try { ch.read(holes, 1, 1); } catch (NullPointerException e) { System.out.println("scattering read(ByteBuffer[],int,int), null element: " + e.getMessage()); }
System.out.println("write of none of the elements: " + ch.write(holes, 1, 0));
System.out.println("nothing written: size " + ch.size() + ", position " + ch.position());
FileChannel other = null;
try { ch.transferTo(0, 1, other); } catch (NullPointerException e) { System.out.println("transferTo: " + e.getMessage()); }
ch.write(ByteBuffer.wrap(new byte[8]));
MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8);
byte[] bytes = null;
try { m.put(bytes, 0, 1); } catch (NullPointerException e) { System.out.println("mapped put(byte[],int,int): " + e.getMessage()); }
try { m.get(bytes); } catch (NullPointerException e) { System.out.println("mapped get(byte[]): " + e.getMessage()); }
try { m.put(nb); } catch (NullPointerException e) { System.out.println("mapped put(ByteBuffer): " + e.getMessage()); }
System.out.println(m);
ch.close();
