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

  @Test
  void labelsUlimitsAndLoggingOfTheModule() {
    String text =
        """
        - hosts: all
          tasks:
          - community.docker.docker_container:
              image: alpine
              labels:
                com.acme.owner: ops
              ulimits: ["nofile:1024:2048"]
              log_driver: syslog
              log_options:
                tag: web
        """;
    RunLineReader.Result r = AnsibleReader.read(text, new LineIndex(text));
    var c = r.containers().get(0);
    assertEquals("com.acme.owner", c.labels().get(0).key().value());
    assertEquals("6:9-6:23", c.labels().get(0).key().span().toString());
    assertEquals("ops", c.labels().get(0).value().value());
    assertEquals("6:25-6:28", c.labels().get(0).value().span().toString());
    assertEquals("nofile", c.ulimits().get(0).name().value());
    assertEquals("1024", c.ulimits().get(0).soft().value());
    assertEquals("2048", c.ulimits().get(0).hard().value());
    assertEquals("syslog", c.logging().driver().value());
    assertEquals("tag", c.logging().options().get(0).key().value());
    assertEquals("10:14-10:17", c.logging().options().get(0).value().span().toString());
  }

  @Test
  void aLabelKeyWithAnEqualsSignIsNotReadAsAnotherLabel() {
    // the module sends the label "owner=ops" (value ""): not a label "owner" of value "ops="
    String text =
        """
        - community.docker.docker_container:
            image: alpine
            labels:
              "owner=ops": ""
              team: web
        """;
    RunLineReader.Result r = AnsibleReader.read(text, new LineIndex(text));
    var c = r.containers().get(0);
    assertEquals(1, c.labels().size(), c.labels().toString());
    assertEquals("team", c.labels().get(0).key().value());
    assertEquals("5:7-5:11", c.labels().get(0).key().span().toString());
  }
}
