import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;

/**
 * Helpers that heapviz lessons call and that mean the same on the real JDK and in the simulator.
 * Compile next to a lesson: javac Main.java Heapviz.java
 */
public final class Heapviz {
    private Heapviz() {}

    /** Prints the direct and mapped buffer pools, one line each: "direct: count=1 used=512 capacity=512". */
    public static void pools() {
        pool("direct");
        pool("mapped");
    }

    private static void pool(String name) {
        for (BufferPoolMXBean p : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (p.getName().equals(name)) {
                System.out.println(name + ": count=" + p.getCount() + " used=" + p.getMemoryUsed()
                        + " capacity=" + p.getTotalCapacity());
            }
        }
    }

    /**
     * System.gc(), then waits until the Reference Handler thread has run every Cleaner that this GC made
     * pending, so what a lesson prints next does not depend on thread timing.
     * Two rounds: when the second round's marker is enqueued, the handler has finished the first GC's list.
     */
    public static void gc() {
        boolean collected = round();
        if (collected) round();
    }

    private static boolean round() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> marker = new PhantomReference<>(new Object(), queue);
        System.gc();
        try {
            // Under -XX:+DisableExplicitGC no GC runs and the marker never comes: give up after a while.
            return queue.remove(explicitGcDisabled() ? 1 : 10_000) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            Reference.reachabilityFence(marker);
        }
    }

    private static boolean explicitGcDisabled() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+DisableExplicitGC");
    }
}
