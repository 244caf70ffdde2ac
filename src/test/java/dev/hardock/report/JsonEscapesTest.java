package dev.hardock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class JsonEscapesTest {
  @Test
  void theGuardBreaksOldSyntaxCommandsAcrossWritesOfEveryKind() throws Exception {
    StringWriter s = new StringWriter();
    Writer w = JsonEscapes.guard(s);
    w.write("\"a#");
    w.write('#');
    w.write("x[##[error]y".toCharArray(), 1, 6); // "[##[er"
    w.write("..#", 2, 1);
    w.write("#[z]\"###[", 0, 9);
    w.flush();
    assertEquals("\"a##\\u005b##\\u005ber##\\u005bz]\"###\\u005b", s.toString());
  }
}
