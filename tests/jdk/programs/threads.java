//@ title: Oracle: a thread with a lambda, start and join
int base = 40;
Thread worker = new Thread(() -> {
    int local = base + 2;
    System.out.println("worker says " + local + " on " + Thread.currentThread().getName());
});
worker.start();
worker.join();
System.out.println("main continues on " + Thread.currentThread().getName());
Thread second = new Thread(() -> System.out.println("second thread"));
second.start();
second.join();
