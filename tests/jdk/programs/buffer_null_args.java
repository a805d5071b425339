//@ title: Oracle: helpful NullPointerException texts of ByteBuffer calls given a null array or buffer
//@ jvm: -XX:+UseSerialGC -Xmx64m
ByteBuffer h = ByteBuffer.allocate(8);
ByteBuffer d = ByteBuffer.allocateDirect(8);
byte[] none = null;
ByteBuffer nb = null;
try { h.put(none, 0, 1); } catch (NullPointerException e) { System.out.println("heap put(byte[],int,int): " + e.getMessage()); }
try { h.put(none); } catch (NullPointerException e) { System.out.println("heap put(byte[]): " + e.getMessage()); }
try { h.get(none, 0, 1); } catch (NullPointerException e) { System.out.println("heap get(byte[],int,int): " + e.getMessage()); }
try { h.get(none); } catch (NullPointerException e) { System.out.println("heap get(byte[]): " + e.getMessage()); }
try { h.put(0, none); } catch (NullPointerException e) { System.out.println("heap put(int,byte[]): " + e.getMessage()); }
try { h.put(0, none, 0, 1); } catch (NullPointerException e) { System.out.println("heap put(int,byte[],int,int): " + e.getMessage()); }
try { h.get(0, none); } catch (NullPointerException e) { System.out.println("heap get(int,byte[]): " + e.getMessage()); }
try { h.get(0, none, 0, 1); } catch (NullPointerException e) { System.out.println("heap get(int,byte[],int,int): " + e.getMessage()); }
try { d.put(none, 0, 1); } catch (NullPointerException e) { System.out.println("direct put(byte[],int,int): " + e.getMessage()); }
try { d.get(none); } catch (NullPointerException e) { System.out.println("direct get(byte[]): " + e.getMessage()); }
try { d.put(0, none); } catch (NullPointerException e) { System.out.println("direct put(int,byte[]): " + e.getMessage()); }
try { d.get(0, none, 0, 1); } catch (NullPointerException e) { System.out.println("direct get(int,byte[],int,int): " + e.getMessage()); }
try { h.put(nb); } catch (NullPointerException e) { System.out.println("heap put(ByteBuffer): " + e.getMessage()); }
try { d.put(nb); } catch (NullPointerException e) { System.out.println("direct put(ByteBuffer): " + e.getMessage()); }
try { h.put(0, nb, 0, 1); } catch (NullPointerException e) { System.out.println("heap put(int,ByteBuffer,int,int): " + e.getMessage()); }
try { h.compareTo(nb); } catch (NullPointerException e) { System.out.println("compareTo: " + e.getMessage()); }
try { h.mismatch(nb); } catch (NullPointerException e) { System.out.println("mismatch: " + e.getMessage()); }
System.out.println("equals(null): " + h.equals(nb));
try { ByteBuffer.wrap(none); } catch (NullPointerException e) { System.out.println("wrap(byte[]): " + e.getMessage()); }
try { ByteBuffer.wrap(none, 0, 1); } catch (NullPointerException e) { System.out.println("wrap(byte[],int,int): " + e.getMessage()); }
System.out.println(h + " " + d);
