package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.LineIndex;
import org.junit.jupiter.api.Test;

class AnsibleReaderTest {
  /** Twelve anchors, each list naming the one before twice: 4096 scalars by path, one node. */
  private static String bomb(String indent, int levels) {
    StringBuilder b = new StringBuilder(indent + "l0: &l0 [\"aaaa\"]\n");
    for (int k = 1; k <= levels; k++)
      b.append(indent)
          .append("l")
          .append(k)
          .append(": &l")
          .append(k)
          .append(" [*l")
          .append(k - 1)
          .append(", *l")
          .append(k - 1)
          .append("]\n");
    return b.toString();
  }

  @Test
  void anAliasBombInATaskIsScannedOncePerNode() {
    String text =
        "- hosts: all\n  tasks:\n  - docker_container:\n      name: x\n      image: alpine\n"
            + bomb("      ", 12);
    RunLineReader.Result r = AnsibleReader.read(text, new LineIndex(text));
    assertEquals(1, r.containers().size());
    // name, image and the one "aaaa" scalar: not 2^12 copies of it
    assertEquals(3, r.texts().size());
  }

  @Test
  void anAliasedTaskIsReadOnce() {
    String text =
        "x: &t\n  docker_container:\n    image: alpine\n    privileged: true\n"
            + "tasks: [*t, *t, *t, *t]\n";
    RunLineReader.Result r = AnsibleReader.read(text, new LineIndex(text));
    assertEquals(1, r.containers().size());
  }
}
