//@ title: Oracle: two-dimensional arrays (each row an array object of its own)
int[][] grid = new int[3][4];
for (int i = 0; i < grid.length; i++)
    for (int j = 0; j < grid[i].length; j++) grid[i][j] = i * 10 + j;
System.out.println(grid.length + " rows of " + grid[0].length + ": " + grid[2][3] + " " + grid[1][0]);
grid[1][2] += 100;
grid[0][0]++;
System.out.println(grid[1][2] + " " + grid[0][0]);
int[] row = grid[2];
row[0] = -7;
System.out.println("a row is shared: " + grid[2][0]);
grid[2] = new int[5];
System.out.println("row 2 replaced: " + grid[2].length + " " + grid[2][0] + " " + row[0]);
int[][] ragged = {{1, 2}, {3}, {}};
int total = 0;
for (int[] r : ragged) {
    for (int v : r) total += v;
    System.out.print(r.length + " ");
}
System.out.println("total " + total);
long[][] longs = new long[][]{{1L << 40}, {2, 3}};
System.out.println(longs[0][0] + longs[1][1]);
char[][] words = {{'h', 'i'}, {'!'}};
System.out.println("" + words[0][0] + words[0][1] + words[1][0]);
byte[][] rows = new byte[2][];
System.out.println(rows.length + " " + (rows[0] == null) + " " + (rows[1] == null));
rows[1] = new byte[]{5, 6};
System.out.println(rows[1][1]);
Heapviz.gc();
System.out.println("after gc: " + grid[1][2] + " " + rows[1][0] + " " + ragged[0][1]);
int[][][] cube = new int[2][3][];
cube[1][2] = new int[]{9};
System.out.println(cube.length + " " + cube[1].length + " " + (cube[0][0] == null) + " " + cube[1][2][0]);
boolean[][] flags = new boolean[1][2];
flags[0][1] = true;
System.out.println(flags[0][0] + " " + flags[0][1]);
double[][] ds = {{0.5}, {1.25, 2}};
System.out.println(ds[1][0] + ds[0][0] + " " + ds[1][1]);
int[][] empty = new int[0][5];
System.out.println("empty " + empty.length);
try {
    System.out.println(rows[0][0]);
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
try {
    rows[0][1] = 3;
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
try {
    System.out.println(rows[0].length);
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
int k = 0;
try {
    System.out.println(rows[k][k]);
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
int[][] none = null;
try {
    System.out.println(none[0][1]);
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
try {
    none[1] = new int[2];
} catch (NullPointerException e) {
    System.out.println(e.getMessage());
}
try {
    System.out.println(grid[5][0]);
} catch (ArrayIndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
try {
    grid[0][4] = 1;
} catch (ArrayIndexOutOfBoundsException e) {
    System.out.println(e.getMessage());
}
try {
    int[][] bad = new int[-1][2];
} catch (NegativeArraySizeException e) {
    System.out.println("outer: " + e.getMessage());
}
try {
    int[][] bad = new int[2][-3];
} catch (NegativeArraySizeException e) {
    System.out.println("inner: " + e.getMessage());
}
try {
    int[][] bad = new int[0][-4];
} catch (NegativeArraySizeException e) {
    System.out.println("below zero rows: " + e.getMessage());
}
ByteBuffer[] bufs = new ByteBuffer[3];
bufs[1] = ByteBuffer.allocate(8);
System.out.println(bufs.length + " " + (bufs[0] == null) + " " + bufs[1].capacity());
Object[] objs = new Object[2];
objs[0] = grid;
System.out.println(objs[0] == grid);
