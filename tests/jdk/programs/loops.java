//@ title: Oracle: for, while, do-while, break and continue
int total = 0;
for (int i = 0; i < 10; i++) {
    if (i % 3 == 0) continue;
    if (i > 7) break;
    total += i;
}
System.out.println("for " + total);
int n = 27, steps = 0;
while (n != 1) {
    n = n % 2 == 0 ? n / 2 : 3 * n + 1;
    steps++;
}
System.out.println("collatz steps " + steps);
int k = 0;
do {
    k += 2;
} while (k < 7);
System.out.println("do " + k);
for (int i = 0, j = 10; i < j; i += 3, j--) System.out.print(i + ":" + j + " ");
System.out.println();

for (int i = 0; i < 3; i++) {
    for (int j = 0; j < 3; j++) {
        if (j == 2) break;
        System.out.print(i * 3 + j);
    }
}
System.out.println();
int x = 0;
while (x < 1000000) x++;
System.out.println(x);
