int x = ((((((((((((((((((((1))))))))))))))))))));
String s = "\u4e2d\t\"";
char c = '\n';
@Deprecated int y;
