// Runs an I/O case file (io_cases*.txt, see io_case_language.md) on the real JDK 17 and prints, after
// each operation, its outcome, the `direct` and `mapped` BufferPoolMXBean counters and the files' contents.
// Usage: java [flags from the file's "#!" line] IoOps CASES WORKDIR
import java.io.File;
import java.io.FileInputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.OpenOption;
import java.util.*;
import java.util.concurrent.*;

public class IoOps {
    static BufferPoolMXBean direct, mapped;
    static sun.misc.Unsafe unsafe;
    static Path dir;

    /** A named thread that runs submitted operations one at a time, so a lesson's threads are sequential. */
    static final class Worker extends Thread {
        final SynchronousQueue<Callable<String>> tasks = new SynchronousQueue<>();
        final SynchronousQueue<String> results = new SynchronousQueue<>();
        Worker(String name) { super(name); }
        public void run() {
            try {
                while (true) {
                    Callable<String> t = tasks.take();
                    if (t == STOP) return;
                    String r;
                    try { r = t.call(); } catch (Throwable e) { r = "!" + e.getClass().getName() + ": " + clean(e.getMessage()); }
                    results.put(r);
                }
            } catch (InterruptedException e) { throw new RuntimeException(e); }
        }
        String call(Callable<String> t) throws InterruptedException { tasks.put(t); return results.take(); }
        void finish() throws InterruptedException { tasks.put(STOP); join(); }
    }
    static final Callable<String> STOP = () -> null;

    static String clean(String message) {
        return message == null ? "null" : message.replace(dir.toString() + File.separator, "");
    }

    // --- per-case state ---
    List<ByteBuffer> bufs = new ArrayList<>();
    List<ByteBuffer> roots = new ArrayList<>();   // buffers we may free (direct roots and mappings)
    List<FileChannel> chans = new ArrayList<>();
    LinkedHashSet<String> files = new LinkedHashSet<>();
    Map<String, Worker> workers = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        dir = Path.of(args[1]).toAbsolutePath();
        dir.toFile().mkdirs();
        for (BufferPoolMXBean p : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (p.getName().equals("direct")) direct = p;
            if (p.getName().equals("mapped")) mapped = p;
        }
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        unsafe = (sun.misc.Unsafe) f.get(null);
        // java.io, not java.nio.file.Files: Files would leave an 8 KiB temporary buffer cached on main.
        List<String> lines = new ArrayList<>();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.FileReader(args[0]))) {
            for (String l; (l = r.readLine()) != null;) lines.add(l);
        }
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) continue;
            final int n = lineNo;
            // Each case on its own thread, so its temporary-buffer cache dies with it.
            Worker caseThread = new Worker("case-" + n);
            caseThread.start();
            caseThread.call(() -> { new IoOps().runCase(n, t); return ""; });
            caseThread.finish();
        }
    }

    void runCase(int lineNo, String text) throws Exception {
        String[] ops = text.split("\\|");
        System.out.println("case " + lineNo + ": " + ops[0].trim());
        for (String raw : ops) {
            String op = raw.trim();
            String out;
            String[] w = op.split("\\s+");
            if (w[0].equals("on")) {
                String name = w[1];
                Worker wk = workers.computeIfAbsent(name, k -> { Worker x = new Worker(k); x.start(); return x; });
                String[] rest = Arrays.copyOfRange(w, 2, w.length);
                out = wk.call(() -> apply(rest));
            } else {
                try { out = apply(w); } catch (Throwable e) { out = "!" + e.getClass().getName() + ": " + clean(e.getMessage()); }
            }
            System.out.println("  " + op + " => " + out + " | " + pools() + " | " + contents());
        }
        for (Worker wk : workers.values()) wk.finish();
        for (FileChannel c : chans) c.close();
        for (ByteBuffer b : roots) unsafe.invokeCleaner(b);
        for (String name : files) dir.resolve(name).toFile().delete();
    }

    static String pools() {
        return "direct=" + direct.getCount() + "/" + direct.getMemoryUsed() + "/" + direct.getTotalCapacity()
             + " mapped=" + mapped.getCount() + "/" + mapped.getMemoryUsed() + "/" + mapped.getTotalCapacity();
    }

    String contents() throws Exception {
        StringBuilder s = new StringBuilder();
        for (String name : files) {
            File f = dir.resolve(name).toFile();
            if (!f.exists()) continue;
            byte[] b;
            try (FileInputStream in = new FileInputStream(f)) { b = in.readAllBytes(); }
            if (s.length() > 0) s.append(' ');
            s.append(name).append('=').append(describe(b));
        }
        return s.toString();
    }

    /** length:fnv1a32:first 16 bytes in hex. */
    static String describe(byte[] b) {
        int h = 0x811c9dc5;
        for (byte x : b) { h ^= (x & 0xff); h *= 0x01000193; }
        StringBuilder s = new StringBuilder();
        s.append(b.length).append(':').append(String.format("%08x", h)).append(':');
        for (int i = 0; i < Math.min(16, b.length); i++) s.append(String.format("%02x", b[i] & 0xff));
        return s.toString();
    }

    static String state(ByteBuffer b) { return "pos=" + b.position() + " lim=" + b.limit() + " cap=" + b.capacity(); }
    ByteBuffer buf(String s) { return bufs.get(Integer.parseInt(s.substring(1))); }
    FileChannel chan(String s) { return chans.get(Integer.parseInt(s.substring(1))); }

    ByteBuffer newBuf(ByteBuffer b) {
        int k = bufs.size();
        for (int i = 0; i < b.capacity(); i++) b.put(i, (byte) (i + 1 + 16 * k));
        bufs.add(b);
        return b;
    }

    String apply(String[] w) throws Exception {
        switch (w[0]) {
            case "heap": newBuf(ByteBuffer.allocate(Integer.parseInt(w[1]))); return "b" + (bufs.size() - 1);
            case "direct": {
                ByteBuffer b = ByteBuffer.allocateDirect(Integer.parseInt(w[1]));
                roots.add(b);
                newBuf(b);
                return "b" + (bufs.size() - 1);
            }
            case "ro": bufs.add(buf(w[1]).asReadOnlyBuffer()); return "b" + (bufs.size() - 1);
            case "pos": buf(w[1]).position(Integer.parseInt(w[2])); return state(buf(w[1]));
            case "lim": buf(w[1]).limit(Integer.parseInt(w[2])); return state(buf(w[1]));
            case "flip": buf(w[1]).flip(); return state(buf(w[1]));
            case "clear": buf(w[1]).clear(); return state(buf(w[1]));
            case "state": return state(buf(w[1]));
            case "get": return String.valueOf(buf(w[1]).get(Integer.parseInt(w[2])));
            case "put": buf(w[1]).put(Integer.parseInt(w[2]), (byte) Integer.parseInt(w[3])); return "ok";
            case "free": unsafe.invokeCleaner(buf(w[1])); return "ok";
            case "open": {
                List<OpenOption> opts = new ArrayList<>();
                for (int i = 2; i < w.length; i++) opts.add(StandardOpenOption.valueOf(w[i].toUpperCase()));
                files.add(w[1]);
                chans.add(FileChannel.open(dir.resolve(w[1]), opts.toArray(new OpenOption[0])));
                return "c" + (chans.size() - 1);
            }
            case "write": {
                ByteBuffer b = buf(w[2]);
                int n = w.length > 3 ? chan(w[1]).write(b, Long.parseLong(w[4])) : chan(w[1]).write(b);
                return n + " " + state(b);
            }
            case "read": {
                ByteBuffer b = buf(w[2]);
                int n = w.length > 3 ? chan(w[1]).read(b, Long.parseLong(w[4])) : chan(w[1]).read(b);
                return n + " " + state(b) + " " + head(b);
            }
            case "gwrite": case "sread": {
                ByteBuffer[] a = new ByteBuffer[w.length - 2];
                for (int i = 2; i < w.length; i++) a[i - 2] = buf(w[i]);
                long n = w[0].equals("gwrite") ? chan(w[1]).write(a) : chan(w[1]).read(a);
                StringBuilder s = new StringBuilder().append(n);
                for (ByteBuffer b : a) s.append(" [").append(state(b)).append("]");
                return s.toString();
            }
            case "transfer": return String.valueOf(chan(w[1]).transferTo(Long.parseLong(w[2]), Long.parseLong(w[3]), chan(w[4])));
            case "cpos":
                if (w.length > 2) { chan(w[1]).position(Long.parseLong(w[2])); return "ok"; }
                return String.valueOf(chan(w[1]).position());
            case "size": return String.valueOf(chan(w[1]).size());
            case "truncate": chan(w[1]).truncate(Long.parseLong(w[2])); return "ok";
            case "force": chan(w[1]).force(true); return "ok";
            case "close": chan(w[1]).close(); return "ok";
            case "map": {
                FileChannel.MapMode m = switch (w[2]) {
                    case "ro" -> FileChannel.MapMode.READ_ONLY;
                    case "rw" -> FileChannel.MapMode.READ_WRITE;
                    default -> FileChannel.MapMode.PRIVATE;
                };
                MappedByteBuffer b = chan(w[1]).map(m, Long.parseLong(w[3]), Long.parseLong(w[4]));
                bufs.add(b);
                roots.add(b);
                return "b" + (bufs.size() - 1) + " " + state(b) + " ro=" + b.isReadOnly();
            }
            case "exit": {
                Worker wk = workers.remove(w[1]);
                if (wk != null) wk.finish();
                return "ok";
            }
            default: throw new IllegalStateException("unknown verb " + w[0]);
        }
    }

    /** The first (up to 8) bytes of the buffer's capacity window, through a cleared duplicate. */
    static String head(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        d.clear();
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < Math.min(8, d.capacity()); i++) s.append(String.format("%02x", d.get(i) & 0xff));
        return s.append("]").toString();
    }
}
