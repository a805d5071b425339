//@ title: not simulated yet
//@ captoin: unknown key
int x = 1; switch (x) { case 1: break; default: }
synchronized (this) { }
outer: for (;;) { break outer; }
Runnable r = System::gc;
Object o = new Object() { };
String s = """
  hi
  """;
@Deprecated int y = 0x1p3 + int.class + String[].class;
record P(int x) {}
static class Node { }
