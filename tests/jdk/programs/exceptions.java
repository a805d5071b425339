//@ title: Oracle: exceptions, the JDK hierarchy, messages and class names
try {
    throw new IllegalArgumentException("bad argument");
} catch (RuntimeException e) {
    System.out.println("caught " + e);
    System.out.println("message " + e.getMessage());
    System.out.println("class " + e.getClass().getName() + " simple " + e.getClass().getSimpleName());
}
try {
    throw new UnsupportedOperationException();
} catch (IllegalStateException | UnsupportedOperationException e) {
    System.out.println("multi-catch " + e + " message " + e.getMessage());
}
try {
    int[] a = new int[3];
    a[3] = 1;
} catch (IndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
try {
    int zero = 0;
    System.out.println(10 / zero);
} catch (ArithmeticException e) {
    System.out.println(e);
}
try {
    long zero = 0;
    System.out.println(10L % zero);
} catch (Exception e) {
    System.out.println("long " + e);
}
try {
    byte[] neg = new byte[-5];
} catch (NegativeArraySizeException e) {
    System.out.println(e);
}
try {
    try {
        throw new IllegalStateException("inner");
    } catch (IllegalArgumentException e) {
        System.out.println("not here");
    }
} catch (Throwable t) {
    System.out.println("outer caught " + t);
}
Exception saved = new RuntimeException("kept");
System.out.println(saved.toString());
try {
    throw saved;
} catch (Exception e) {
    System.out.println("rethrown " + e.getMessage());
}
try {
    Object o = new Object();
    Object[] arr = new Object[1];
    arr[0] = o;
    System.out.println(arr[0] == o);
    System.out.println("abc".charAt(5));
} catch (StringIndexOutOfBoundsException e) {
    System.out.println(e);
}
