//@ title: Oracle: java refuses a heap under 2 MiB before the program runs (stdout, exit 1)
//@ jvm: -XX:+UseSerialGC -Xmx1m
System.out.println("the program never runs");
