//@ title: Oracle: an uncaught exception ends the run with exit status 1
//@ expect-exit: 1
System.out.println("before");
int[] data = new int[2];
data[2] = 1;
System.out.println("never printed");
