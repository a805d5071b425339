import java.nio.*;

public class Graph {
  static class Node { Node next; Node(Node n) { this.next = n; } }
  static Node grow(Node head) { return new Node(head); }
  public static void main(String[] args) throws Exception {
    Node head = null;
    for (int i = 0; i < 3; i++) head = grow(head);
    switch (1) { default: }
  }
}
