//@ title: Oracle: switch expressions (arrow rules, yield, old-style cases) on int, char and String
for (int k = 0; k < 5; k++) {
    int x = switch (k) {
        case 1 -> 10;
        case 2, 3 -> {
            int doubled = k * 2;
            yield 20 + doubled;
        }
        default -> 0;
    };
    System.out.print(x + " ");
}
System.out.println();
for (int k = 0; k < 4; k++) {
    String word = switch (k) {
        case 0:
            yield "zero";
        case 1:
        case 2:
            String s = "small " + k;
            yield s;
        default:
            yield "many";
    };
    System.out.print(word + "; ");
}
System.out.println();
char grade = 'B';
int points = switch (grade) {
    case 'A' -> 4;
    case 'B' -> 3;
    case 'C' -> 2;
    default -> 0;
};
System.out.println("points " + points);
String place = "kernel";
String where = switch (place) {
    case "heap" -> "Java heap";
    case "native", "kernel" -> "off-heap";
    default -> "elsewhere";
};
System.out.println(place + " is " + where);
System.out.println(switch (points) { case 3 -> "three"; default -> "not three"; });
long big = switch (points) { case 3 -> 1L << 40; default -> 7; };
System.out.println(big);
System.out.println(1 + switch (points) { case 3 -> 'a'; default -> 'b'; });
System.out.println(switch (points) { case 3 -> 'a'; default -> 66; });
System.out.println(switch (points) { case 3 -> 2; default -> 2.5; });
double d = switch (points) { case 3 -> 1; default -> 2; };
System.out.println(d);
byte[] data = switch (points) {
    case 3 -> new byte[8];
    default -> null;
};
System.out.println(data.length);
int nested = switch (points) {
    case 3 -> switch (grade) {
        case 'B' -> 33;
        default -> 30;
    };
    default -> -1;
};
System.out.println("nested " + nested);
int fromLoop = switch (points) {
    case 3 -> {
        int sum = 0;
        for (int i = 1; i <= 4; i++) {
            if (i == 3) break;
            sum += i;
        }
        yield sum;
    }
    default -> 0;
};
System.out.println("loop " + fromLoop);
int inner = switch (points) {
    case 3 -> {
        switch (grade) {
            case 'B':
                if (points > 0) yield 300;
            default:
                break;
        }
        yield 301;
    }
    default -> 0;
};
System.out.println("inner " + inner);
int counted = 0;
for (int i = 0; i < 6; i++) {
    counted += switch (i % 3) {
        case 0 -> 1;
        case 1 -> {
            if (i > 3) yield 100;
            yield 10;
        }
        default -> 0;
    };
}
System.out.println("counted " + counted);
try {
    int never = switch (points) {
        case 3 -> throw new IllegalStateException("rule throws");
        default -> 0;
    };
} catch (IllegalStateException e) {
    System.out.println(e.getMessage());
}
try {
    int zero = 0;
    int q = switch (points) {
        case 3 -> 10 / zero;
        default -> 1;
    };
} catch (ArithmeticException e) {
    System.out.println(e.getMessage());
}
Object kept = new byte[16];
int withGc = switch (points) {
    case 3 -> {
        Heapviz.gc();
        yield ((byte[]) kept).length;
    }
    default -> 0;
};
System.out.println("after gc " + withGc);
String missing = null;
try {
    int n = switch (missing) {
        case "a" -> 1;
        default -> 2;
    };
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
