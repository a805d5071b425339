//@ title: Oracle: switch statements (fallthrough, default, break, rules) on int, char and String
for (int i = 0; i < 6; i++) {
    switch (i) {
        case 0:
            System.out.print("zero ");
        case 1:
            System.out.print("zero-or-one ");
            break;
        case 2, 3:
            System.out.print("two-or-three ");
            break;
        default:
            System.out.print("other ");
    }
}
System.out.println();
char c = 'b';
switch (c) {
    case 'a' -> System.out.println("a");
    case 'b' -> {
        int local = c + 1;
        System.out.println("b then " + (char) local);
    }
    default -> System.out.println("?");
}
for (int i = 0; i < 4; i++) {
    String w = i == 0 ? "heap" : i == 1 ? "native" : i == 2 ? "kernel" : "disk";
    switch (w) {
        case "heap" -> System.out.println(w + ": Java heap");
        case "native", "kernel" -> System.out.println(w + ": off-heap");
        default -> System.out.println(w + ": somewhere else");
    }
}
int total = 0;
for (int i = 0; i < 10; i++) {
    switch (i % 3) {
        case 0:
            continue;
        case 1:
            total += 10;
            break;
        default:
            total += 1;
    }
    total += 100;
}
System.out.println("total " + total);
switch (4 * 2) {
    case 4:
        System.out.println("four");
        break;
    case 4 + 4:
        int x = 1;
        System.out.println("eight " + x);
        break;
}
byte small = 3;
switch (small) {
    case 3: System.out.println("byte three");
}
int none = 9;
switch (none) {
    case 1: System.out.println("never");
}
try {
    switch (none) {
        case 9 -> throw new IllegalStateException("rule throws");
        default -> System.out.println("no");
    }
} catch (IllegalStateException e) {
    System.out.println(e.getMessage());
}
