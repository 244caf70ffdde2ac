package dev.hardock.source.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.LineIndex;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.daemon.DaemonConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Properties of the daemon.json reader over generated input. */
class DaemonReaderProperties {
  private static final String SAMPLE =
      """
      {
        "icc": false,
        "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],
        "tlsverify": true, "tlscacert": "/etc/docker/ca.pem",
        "default-ulimits": {"nofile": {"Name": "nofile", "Hard": 64000, "Soft": 64000}},
        "insecure-registries": [],
        "log-level": "info", "mtu": 1500, "x": null
      }
      """;

  static void assertInside(Span s, String text) {
    Span end = new LineIndex(text).span(text.length(), text.length());
    assertTrue(s.line() >= 1 && s.column() >= 1, s::toString);
    assertTrue(
        s.endLine() < end.endLine()
            || (s.endLine() == end.endLine() && s.endColumn() <= end.endColumn()),
        () -> s + " beyond end " + end);
  }

  static void check(String text) {
    DaemonReader.Result r = DaemonReader.read(text, new LineIndex(text));
    for (ParseProblem p : r.problems()) {
      assertInside(p.span(), text);
      // the reader's last-resort catch is for the unforeseen: generated input must not reach it
      assertTrue(!p.message().startsWith("cannot read"), p::message);
    }
    checkConfig(r.config(), text);
  }

  static void checkConfig(DaemonConfig c, String text) {
    assertInside(c.start(), text);
    for (DaemonConfig.Entry e : c.all()) {
      assertInside(e.keySpan(), text);
      assertInside(e.valueSpan(), text);
      assertTrue(e.keySpan().compareTo(e.valueSpan()) < 0, () -> e.key() + " key after value");
      for (Text t : e.items()) assertInside(t.span(), text);
      if (e.object() != null) checkConfig(e.object(), text);
    }
  }

  /** Any text: the reader never throws, and every position it reports lies inside the input. */
  @Property(tries = 500)
  void arbitraryTextNeverThrowsAndStaysInside(@ForAll @StringLength(max = 200) String text) {
    check(text);
  }

  /** JSON-ish text (a valid daemon.json with random edits) exercises the paths past the first token. */
  @Property(tries = 1000)
  void editedDaemonJsonNeverThrowsAndStaysInside(@ForAll("edited") String text) {
    check(text);
  }

  @Provide
  Arbitrary<String> edited() {
    Arbitrary<String> chunk =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            "\"",
            ",",
            ":",
            "\\",
            "\n",
            "\r",
            "\r\n",
            " ",
            "\uFEFF",
            "\uD83D\uDE00",
            "é",
            "true",
            "nul",
            "1e",
            "/*",
            "'",
            "\t",
            "");
    return Arbitraries.integers()
        .between(0, SAMPLE.length())
        .list()
        .ofMaxSize(6)
        .flatMap(
            cuts ->
                chunk
                    .list()
                    .ofSize(cuts.size())
                    .map(
                        ins -> {
                          StringBuilder b = new StringBuilder(SAMPLE);
                          for (int i = 0; i < cuts.size(); i++) {
                            int at = Math.min(cuts.get(i), b.length());
                            if (i % 2 == 0) b.insert(at, ins.get(i));
                            else if (at < b.length()) b.deleteCharAt(at);
                          }
                          return b.toString();
                        }));
  }
}
