//@ title: Oracle: unicode escapes are translated before lexing (JLS 3.3)
int \u0061bc = 4; // a line comment \u000a abc = abc + 1;
System.out.println(abc);
\u0069nt twice = abc * 2;
System.out.println("twice " + twice);
String s = "\u4e2d\u6587";
System.out.println(s.length() + " " + s);
System.out.println("\\u0041 stays six characters: " + "\\u0041".length());
System.out.println("\\\u0041");
System.out.println("quote\u0022 + \u0022 ends and restarts");
char c = '\uuu0042';
System.out.println(c);
System.out.println("\u005cn".length());
int 变量 = 7;
System.out.println(变量 + abc);
/* a block comment \u002a/ System.out.println("after the block comment");
