package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.LineIndex;
import dev.hardock.model.container.ContainerSpec;
import org.junit.jupiter.api.Test;

class QuadletReaderTest {
  @Test
  void labelsUlimitsAndLoggingAreTheRunFlagsQuadletGenerates() {
    String text =
        """
        [Container]
        Image=nginx:1.27
        Label=com.acme.owner=ops "com.acme.tier=web front"
        Ulimit=nofile=1024:2048
        LogDriver=journald
        LogOpt=tag=web
        """;
    ContainerSpec c =
        QuadletReader.read(text, new LineIndex(text), "web.container").containers().get(0);
    assertEquals(2, c.labels().size());
    assertEquals("com.acme.owner", c.labels().get(0).key().value());
    assertEquals("3:7-3:21", c.labels().get(0).key().span().toString());
    assertEquals("ops", c.labels().get(0).value().value());
    assertEquals("web front", c.labels().get(1).value().value());
    assertEquals("nofile", c.ulimits().get(0).name().value());
    assertEquals("2048", c.ulimits().get(0).hard().value());
    assertEquals("4:20-4:24", c.ulimits().get(0).hard().span().toString());
    assertEquals("journald", c.logging().driver().value());
    assertEquals("tag", c.logging().options().get(0).key().value());
    assertEquals("web", c.logging().options().get(0).value().value());
    assertEquals("6:12-6:15", c.logging().options().get(0).value().span().toString());
  }
}
