// Prints Runtime.maxMemory() and the default direct-memory limit, the two numbers the JVM's heap sizing
// gives a program (jdk.heap_sizes_differential). Needs --add-exports java.base/jdk.internal.misc=ALL-UNNAMED.
public class HeapSizes {
    public static void main(String[] args) {
        System.out.println(Runtime.getRuntime().maxMemory() + " " + jdk.internal.misc.VM.maxDirectMemory());
    }
}
