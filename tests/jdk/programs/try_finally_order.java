//@ title: Oracle: the order of try, catch and finally
for (int i = 0; i < 4; i++) {
    try {
        System.out.println("try " + i);
        if (i == 1) {
            throw new IllegalStateException("at " + i);
        }
        if (i == 2) {
            continue;
        }
        if (i == 3) {
            break;
        }
        System.out.println("end of try " + i);
    } catch (IllegalStateException e) {
        System.out.println("catch " + e.getMessage());
    } finally {
        System.out.println("finally " + i);
    }
    System.out.println("after " + i);
}
try {
    try {
        throw new RuntimeException("first");
    } finally {
        System.out.println("inner finally runs before the outer catch");
    }
} catch (RuntimeException e) {
    System.out.println("outer " + e.getMessage());
}
try {
    try {
        throw new RuntimeException("lost");
    } catch (RuntimeException e) {
        throw new IllegalArgumentException("replaced " + e.getMessage());
    } finally {
        System.out.println("finally after a throwing catch");
    }
} catch (IllegalArgumentException e) {
    System.out.println(e);
}
int n = 0;
while (true) {
    try {
        n++;
        if (n == 3) break;
    } finally {
        System.out.println("loop finally " + n);
    }
}
System.out.println("done " + n);
