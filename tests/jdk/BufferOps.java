// The JDK side of the ByteBuffer differential test: runs every case of a case file with the real
// java.nio.ByteBuffer and prints one line per operation. buffer_runner.cpp prints the same format from
// the simulator; the two outputs must be equal (see case_language.md for the language and the format).
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class BufferOps {
  private final List<Buffer> buffers = new ArrayList<>();
  private ByteBuffer cur;
  private Buffer view;  // the current buffer when it is an IntBuffer/LongBuffer view (then cur is null)
  private final StringBuilder out = new StringBuilder();

  /**
   * java BufferOps CASES [GROUP]: runs every case, or only the cases of flag group GROUP (an index into
   * the distinct "flags ... |" headers in order of first use; "" = no header). The caller starts this JVM
   * with that group's flags.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1 && args.length != 2) {
      System.err.println("usage: java BufferOps <cases.txt> [group]");
      System.exit(2);
    }
    // Read without NIO channels: a channel read would cache a temporary direct buffer and change the pools.
    String text;
    try (FileInputStream in = new FileInputStream(args[0])) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = text.split("\n", -1);
    List<String> groups = new ArrayList<>();
    List<Object[]> cases = new ArrayList<>();  // {line number, flags, ops}
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] ops = line.split("\\|");
      String flags = "";
      String[] head = ops[0].strip().split("\\s+");
      if (head[0].equals("flags")) {
        flags = String.join(" ", Arrays.copyOfRange(head, 1, head.length));
        ops = Arrays.copyOfRange(ops, 1, ops.length);
      }
      if (!groups.contains(flags)) groups.add(flags);
      cases.add(new Object[] {n + 1, flags, ops});
    }
    int group = args.length == 2 ? Integer.parseInt(args[1]) : -1;
    StringBuilder all = new StringBuilder();
    for (Object[] c : cases) {
      if (group >= 0 && !groups.get(group).equals(c[1])) continue;
      int lineNo = (Integer) c[0];
      String[] ops = (String[]) c[2];
      String first = ops[0].strip();
      if (first.startsWith("both ")) {
        // "both N" runs the case once on a heap and once on a direct buffer.
        String rest = first.substring(5);
        ops[0] = "heap " + rest;
        all.append(new BufferOps().run(lineNo, ops));
        ops[0] = "direct " + rest;
        all.append(new BufferOps().run(lineNo, ops));
      } else {
        all.append(new BufferOps().run(lineNo, ops));
      }
    }
    System.out.print(all);
  }

  private String run(int lineNo, String[] ops) {
    // Garbage of earlier cases must not be freed in the middle of this one (it would change the pools).
    for (String op : ops) {
      String v = op.strip().split("\\s+")[0];
      if (v.equals("pools") || v.equals("gc") || v.equals("direct")) {
        gc();
        break;
      }
    }
    out.append("case ").append(lineNo).append(": ").append(ops[0].strip()).append('\n');
    for (String op : ops) {
      String text = op.strip().replaceAll("\\s+", " ");
      String outcome;
      try {
        outcome = apply(text.split(" "));
      } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
        // The case line is malformed (missing operand or bad number): stop, never compare it.
        throw new BadCase("line " + lineNo + ": '" + text + "': " + e);
      } catch (RuntimeException | OutOfMemoryError e) {
        if (e instanceof BadCase) throw (BadCase) e;
        outcome = "!" + e.getClass().getName() + ": " + e.getMessage();
      }
      out.append("  ").append(text).append(" => ").append(outcome).append(" | ").append(state()).append('\n');
    }
    return out.toString();
  }

  private static final class BadCase extends RuntimeException {
    BadCase(String what) { super(what); }
  }

  private String apply(String[] t) {
    String verb = t[0];
    int n = t.length - 1;
    switch (verb) {
      case "pools": return pool("direct") + " " + pool("mapped");
      case "gc": gc(); return "ok";
      default: break;
    }
    boolean creates = verb.equals("heap") || verb.equals("direct") || verb.equals("wrap");
    if (view != null && !creates && !verb.equals("sel")) return applyView(t);
    if (cur == null && !creates && !verb.equals("sel")) return "no buffer";  // the case's allocation failed, or drop
    switch (verb) {
      case "drop":  // by identity: indexOf would use ByteBuffer.equals, which compares contents
        for (int k = 0; k < buffers.size(); k++) if (buffers.get(k) == cur) buffers.set(k, null);
        cur = null;
        return "ok";
      case "heap": return add(ByteBuffer.allocate(i(t[1])));
      case "direct": return add(ByteBuffer.allocateDirect(i(t[1])));
      case "wrap": {
        byte[] a = new byte[i(t[1])];
        for (int k = 0; k < a.length; k++) a[k] = (byte) (k + 1);  // distinct from the zeros of allocate
        return add(n == 1 ? ByteBuffer.wrap(a) : ByteBuffer.wrap(a, i(t[2]), i(t[3])));
      }
      case "slice": return add(n == 0 ? cur.slice() : cur.slice(i(t[1]), i(t[2])));
      case "dup": return add(cur.duplicate());
      case "ro": return add(cur.asReadOnlyBuffer());
      case "sel": select(t[1]); return "ok";
      case "asInt": return add(cur.asIntBuffer());
      case "asLong": return add(cur.asLongBuffer());
      case "flip": cur.flip(); return "ok";
      case "clear": cur.clear(); return "ok";
      case "rewind": cur.rewind(); return "ok";
      case "mark": cur.mark(); return "ok";
      case "reset": cur.reset(); return "ok";
      case "compact": cur.compact(); return "ok";
      case "position": if (n == 0) return "" + cur.position(); cur.position(i(t[1])); return "ok";
      case "limit": if (n == 0) return "" + cur.limit(); cur.limit(i(t[1])); return "ok";
      case "capacity": return "" + cur.capacity();
      case "remaining": return "" + cur.remaining();
      case "hasRemaining": return "" + cur.hasRemaining();
      case "isDirect": return "" + cur.isDirect();
      case "isReadOnly": return "" + cur.isReadOnly();
      case "hasArray": return "" + cur.hasArray();
      case "array": return "byte[" + cur.array().length + "]";
      case "arrayOffset": return "" + cur.arrayOffset();
      case "toString": return cur.toString();
      case "order":
        if (n == 0) return cur.order().toString();
        cur.order(t[1].equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return "ok";
      case "hashCode": return "" + cur.hashCode();
      case "equals": return "" + cur.equals(buffer(t[1]));
      case "compareTo": return "" + cur.compareTo(buffer(t[1]));
      case "mismatch": return "" + cur.mismatch(buffer(t[1]));
      case "get": return n == 0 ? "" + cur.get() : "" + cur.get(i(t[1]));
      case "getArr": { byte[] a = new byte[i(t[1])]; cur.get(a); return hex(a); }
      case "getRange": { byte[] a = new byte[i(t[1])]; cur.get(a, i(t[2]), i(t[3])); return hex(a); }
      case "getAtArr": {
        byte[] a = new byte[i(t[2])];
        if (n == 2) cur.get(i(t[1]), a); else cur.get(i(t[1]), a, i(t[3]), i(t[4]));
        return hex(a);
      }
      case "put": cur.put(bytes(t, 1)); return "ok";
      case "put1": for (int k = 1; k <= n; k++) cur.put((byte) l(t[k])); return "ok";
      case "putAt": cur.put(i(t[1]), (byte) l(t[2])); return "ok";
      case "putRange": cur.put(bytes(t, 3), i(t[1]), i(t[2])); return "ok";
      case "putAtArr": cur.put(i(t[1]), bytes(t, 4), i(t[2]), i(t[3])); return "ok";
      case "putAtAll": cur.put(i(t[1]), bytes(t, 2)); return "ok";
      case "putBuf": cur.put(buffer(t[1])); return "ok";
      case "putBufAt": cur.put(i(t[1]), buffer(t[2]), i(t[3]), i(t[4])); return "ok";
      case "getShort": return "" + (n == 0 ? cur.getShort() : cur.getShort(i(t[1])));
      case "getChar": return "" + (int) (n == 0 ? cur.getChar() : cur.getChar(i(t[1])));
      case "getInt": return "" + (n == 0 ? cur.getInt() : cur.getInt(i(t[1])));
      case "getLong": return "" + (n == 0 ? cur.getLong() : cur.getLong(i(t[1])));
      case "getFloat":
        return "0x" + Integer.toHexString(Float.floatToRawIntBits(n == 0 ? cur.getFloat() : cur.getFloat(i(t[1]))));
      case "getDouble":
        return "0x" + Long.toHexString(Double.doubleToRawLongBits(n == 0 ? cur.getDouble() : cur.getDouble(i(t[1]))));
      case "putShort": if (n == 1) cur.putShort((short) l(t[1])); else cur.putShort(i(t[1]), (short) l(t[2])); return "ok";
      case "putChar": if (n == 1) cur.putChar((char) l(t[1])); else cur.putChar(i(t[1]), (char) l(t[2])); return "ok";
      case "putInt": if (n == 1) cur.putInt((int) l(t[1])); else cur.putInt(i(t[1]), (int) l(t[2])); return "ok";
      case "putLong": if (n == 1) cur.putLong(l(t[1])); else cur.putLong(i(t[1]), l(t[2])); return "ok";
      case "putFloat": {
        float f = Float.intBitsToFloat((int) l(t[n]));
        if (n == 1) cur.putFloat(f); else cur.putFloat(i(t[1]), f);
        return "ok";
      }
      case "putDouble": {
        double d = Double.longBitsToDouble(l(t[n]));
        if (n == 1) cur.putDouble(d); else cur.putDouble(i(t[1]), d);
        return "ok";
      }
      default: throw new BadCase("unknown verb: " + verb);
    }
  }

  /** Buffer bK; a case naming a buffer that does not exist (or was dropped) is malformed. */
  private ByteBuffer buffer(String k) {
    int index = i(k);
    if (index < 0 || index >= buffers.size() || buffers.get(index) == null) throw new BadCase("no buffer b" + k);
    if (!(buffers.get(index) instanceof ByteBuffer)) throw new BadCase("b" + k + " is a view, not a ByteBuffer");
    return (ByteBuffer) buffers.get(index);
  }

  private void select(String k) {
    int index = i(k);
    if (index < 0 || index >= buffers.size() || buffers.get(index) == null) throw new BadCase("no buffer b" + k);
    Buffer b = buffers.get(index);
    cur = b instanceof ByteBuffer ? (ByteBuffer) b : null;
    view = b instanceof ByteBuffer ? null : b;
  }

  /** The verbs of an IntBuffer/LongBuffer view (case_language.md, "Views"). */
  private String applyView(String[] t) {
    String verb = t[0];
    int n = t.length - 1;
    IntBuffer ib = view instanceof IntBuffer ? (IntBuffer) view : null;
    LongBuffer lb = view instanceof LongBuffer ? (LongBuffer) view : null;
    switch (verb) {
      case "drop":
        for (int k = 0; k < buffers.size(); k++) if (buffers.get(k) == view) buffers.set(k, null);
        view = null;
        return "ok";
      case "slice": return add(ib != null ? ib.slice() : lb.slice());
      case "dup": return add(ib != null ? ib.duplicate() : lb.duplicate());
      case "ro": return add(ib != null ? ib.asReadOnlyBuffer() : lb.asReadOnlyBuffer());
      case "flip": view.flip(); return "ok";
      case "clear": view.clear(); return "ok";
      case "rewind": view.rewind(); return "ok";
      case "mark": view.mark(); return "ok";
      case "reset": view.reset(); return "ok";
      case "position": if (n == 0) return "" + view.position(); view.position(i(t[1])); return "ok";
      case "limit": if (n == 0) return "" + view.limit(); view.limit(i(t[1])); return "ok";
      case "capacity": return "" + view.capacity();
      case "remaining": return "" + view.remaining();
      case "hasRemaining": return "" + view.hasRemaining();
      case "isDirect": return "" + view.isDirect();
      case "isReadOnly": return "" + view.isReadOnly();
      case "hasArray": return "" + view.hasArray();
      case "array": view.array(); return "array";
      case "toString": return view.toString();
      case "order": return "" + (ib != null ? ib.order() : lb.order());
      case "get":
        if (ib != null) return "" + (n == 0 ? ib.get() : ib.get(i(t[1])));
        return "" + (n == 0 ? lb.get() : lb.get(i(t[1])));
      case "vput":
        if (ib != null) { if (n == 1) ib.put((int) l(t[1])); else ib.put(i(t[1]), (int) l(t[2])); }
        else { if (n == 1) lb.put(l(t[1])); else lb.put(i(t[1]), l(t[2])); }
        return "ok";
      default: throw new BadCase("verb " + verb + " is not a view verb");
    }
  }

  /** "direct count=1 used=512 cap=512": a BufferPoolMXBean's figures. */
  private static String pool(String name) {
    for (BufferPoolMXBean p : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (p.getName().equals(name)) {
        return name + " count=" + p.getCount() + " used=" + p.getMemoryUsed() + " cap=" + p.getTotalCapacity();
      }
    }
    throw new IllegalStateException("no pool " + name);
  }

  /**
   * System.gc(), then wait until the Reference Handler has run every Cleaner that GC made pending (as the
   * lessons' Heapviz.gc()): when a second round's marker is enqueued, the first round's list is done.
   */
  private static void gc() {
    if (round()) round();
  }

  private static boolean round() {
    ReferenceQueue<Object> queue = new ReferenceQueue<>();
    PhantomReference<Object> marker = new PhantomReference<>(new Object(), queue);
    System.gc();
    try {
      boolean disabled = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+DisableExplicitGC");
      return queue.remove(disabled ? 1 : 10_000) != null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      Reference.reachabilityFence(marker);
    }
  }

  private String add(Buffer b) {
    buffers.add(b);
    cur = b instanceof ByteBuffer ? (ByteBuffer) b : null;
    view = b instanceof ByteBuffer ? null : b;
    return "b" + (buffers.size() - 1);
  }

  /** toString, byte order, remaining, flags and the bytes of the whole capacity window. */
  private String state() {
    if (view != null) return viewState();
    if (cur == null) return "none";
    ByteBuffer window = cur.duplicate();
    window.clear();
    // Large buffers (the direct-memory cases) show only their first 64 bytes.
    byte[] a = new byte[Math.min(window.capacity(), 64)];
    window.get(a);
    return cur + " " + cur.order() + " rem=" + cur.remaining() + " ro=" + cur.isReadOnly()
        + " direct=" + cur.isDirect() + " " + hex(a) + (window.capacity() > 64 ? "..." : "");
  }

  /** A view's toString, order, remaining, flags and its elements [0, limit) (at most 16), by get(i). */
  private String viewState() {
    StringBuilder e = new StringBuilder("[");
    int shown = Math.min(view.limit(), 16);
    for (int k = 0; k < shown; k++) {
      if (k > 0) e.append(' ');
      e.append(view instanceof IntBuffer ? "" + ((IntBuffer) view).get(k) : "" + ((LongBuffer) view).get(k));
    }
    e.append(']').append(view.limit() > 16 ? "..." : "");
    Object order = view instanceof IntBuffer ? ((IntBuffer) view).order() : ((LongBuffer) view).order();
    return view + " " + order + " rem=" + view.remaining() + " ro=" + view.isReadOnly() + " direct="
        + view.isDirect() + " " + e;
  }

  private static int i(String s) { return (int) l(s); }

  private static long l(String s) {
    if (s.startsWith("0x")) return Long.parseUnsignedLong(s.substring(2), 16);
    if (s.startsWith("-0x")) return -Long.parseUnsignedLong(s.substring(3), 16);
    return Long.parseLong(s);
  }

  private static byte[] bytes(String[] t, int from) {
    byte[] a = new byte[t.length - from];
    for (int k = from; k < t.length; k++) a[k - from] = (byte) l(t[k]);
    return a;
  }

  private static String hex(byte[] a) {
    StringBuilder s = new StringBuilder("[");
    for (int k = 0; k < a.length; k++) {
      if (k > 0) s.append(' ');
      s.append(String.format("%02x", a[k] & 0xff));
    }
    return s.append(']').toString();
  }
}
