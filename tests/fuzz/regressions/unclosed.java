//@ caption: x
if (a) {
  String s = "abc
  /* never closed
