package dev.hardock.source.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.LineIndex;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.model.daemon.DaemonConfig.Entry;
import dev.hardock.model.daemon.DaemonConfig.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonReaderTest {
  static DaemonReader.Result read(String text) {
    return DaemonReader.read(text, new LineIndex(text));
  }

  static String problems(DaemonReader.Result r) {
    return r.problems().stream().map(p -> p.span() + " " + p.message()).toList().toString();
  }

  @Test
  void keysAndValuesKeepTheirTokenSpans() {
    String json =
        """
        {
          "icc": false,
          "log-level" : "info",
          "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],
          "max-concurrent-downloads": 3,
          "default-ulimits": {"nofile": {"Name": "nofile", "Hard": 64000, "Soft": 64000}},
          "tlscacert": null
        }
        """;
    DaemonReader.Result r = read(json);
    assertEquals(List.of(), r.problems());
    DaemonConfig c = r.config();
    assertTrue(c.complete());
    assertEquals("1:1-1:2", c.start().toString());
    Entry icc = c.get("icc");
    assertEquals("2:3-2:8", icc.keySpan().toString());
    assertEquals("2:10-2:15", icc.valueSpan().toString());
    assertTrue(icc.isFalse());
    Entry level = c.get("log-level");
    assertEquals("3:17-3:23", level.valueSpan().toString());
    assertEquals("info", level.string());
    Entry hosts = c.get("hosts");
    assertEquals(Kind.ARRAY, hosts.kind());
    assertEquals("4:12-4:65", hosts.valueSpan().toString());
    assertEquals(
        "[unix:///var/run/docker.sock@4:13-4:42, tcp://0.0.0.0:2376@4:44-4:64]",
        hosts.items().toString());
    Entry n = c.get("max-concurrent-downloads");
    assertEquals(Kind.NUMBER, n.kind());
    assertEquals("3", n.scalar());
    assertEquals("5:31-5:32", n.valueSpan().toString());
    Entry ulimits = c.get("default-ulimits");
    assertEquals("6:22-6:82", ulimits.valueSpan().toString());
    Entry nofile = ulimits.object().get("nofile");
    assertEquals("6:23-6:31", nofile.keySpan().toString());
    assertEquals("64000", nofile.object().get("Hard").scalar());
    assertEquals("7:16-7:20", c.unset("tlscacert").toString());
    assertEquals(c.start(), c.unset("iptables"));
    assertNull(c.unset("icc"));
    assertEquals(
        List.of(
            "icc",
            "log-level",
            "hosts",
            "max-concurrent-downloads",
            "default-ulimits",
            "tlscacert"),
        c.all().stream().map(Entry::key).toList());
  }

  @Test
  void columnsCountUtf16UnitsAndEscapesDoNotShiftThem() {
    String json = "{\"\uD83D\uDE00\": 1, \"hosts\": [\"tcp:\\/\\/h\\u00e9:2375\"], \"b\": \"é\"}";
    DaemonReader.Result r = read(json);
    assertEquals(List.of(), r.problems());
    assertEquals("1:2-1:6", r.config().get("\uD83D\uDE00").keySpan().toString());
    assertEquals("1:21-1:43", r.config().get("hosts").items().get(0).span().toString());
    assertEquals("tcp://hé:2375", r.config().get("hosts").items().get(0).value());
    assertEquals("1:51-1:54", r.config().get("b").valueSpan().toString());
  }

  @Test
  void crlfAndLoneCrLineEnds() {
    String json = "{\r\n  \"icc\": true,\r  \"debug\": true\r\n}\r\n";
    DaemonReader.Result r = read(json);
    assertEquals(List.of(), r.problems());
    assertEquals("2:10-2:14", r.config().get("icc").valueSpan().toString());
    assertEquals("3:12-3:16", r.config().get("debug").valueSpan().toString());
  }

  @Test
  void aByteOrderMarkIsSkippedWithoutShiftingOffsets() {
    String json = "\uFEFF{\"icc\": true}";
    DaemonReader.Result r = read(json);
    assertEquals(List.of(), r.problems());
    assertEquals("1:10-1:14", r.config().get("icc").valueSpan().toString());
  }

  @Test
  void emptyWhitespaceAndNullAreAnEmptyConfiguration() {
    for (String json : List.of("", "  \n\t", "null", "{}")) {
      DaemonReader.Result r = read(json);
      assertEquals(List.of(), r.problems(), json);
      assertTrue(r.config().complete(), json);
      assertTrue(r.config().entries().isEmpty(), json);
    }
  }

  @Test
  void aRootThatIsNotAnObjectIsAProblem() {
    DaemonReader.Result r = read("\n  [\"icc\", false]");
    assertEquals(
        "[2:3-2:4 daemon.json must hold a JSON object ({ ... }), not an array]", problems(r));
    assertFalse(r.config().complete());
    assertEquals(
        "[1:1-1:4 daemon.json must hold a JSON object ({ ... }), not a string]",
        problems(read("\"x\"")));
    assertEquals(
        "[1:1-1:3 daemon.json must hold a JSON object ({ ... }), not a number]",
        problems(read("42")));
  }

  @Test
  void syntaxErrorsArePositionedAndPlain() {
    assertEquals(
        "[2:9-2:10 invalid JSON: trailing comma before }]", problems(read("{\n  \"a\": 1,\n}")));
    assertEquals(
        "[1:2-1:3 invalid JSON: comments are not allowed in daemon.json]",
        problems(read("{// x\n}")));
    assertEquals(
        "[1:2-1:3 invalid JSON: strings need double quotes, not single quotes]",
        problems(read("{'icc': false}")));
    assertEquals(
        "[1:2-1:3 invalid JSON: unexpected character 'i': expected double-quote to start field name]",
        problems(read("{icc: false}")));
    assertEquals(
        "[2:8-2:14 invalid JSON: expected a value (a string in double quotes, a number, true, false, null, an object or an array)]",
        problems(read("{\n  \"a\": s3cret}")));
    assertFalse(problems(read("{\"tlskey\": s3cret}")).contains("s3cret"));
    assertEquals(
        "[1:12-1:12 invalid JSON: unexpected end of file: an array is not closed with ]]",
        problems(read("{\"h\": [1, 2")));
    assertEquals(
        "[1:5-1:5 invalid JSON: unexpected end of file: an object is not closed with }]",
        problems(read("{\"a\"")));
    assertEquals(
        "[1:4-1:5 unexpected content after the top-level object: daemon.json holds exactly one JSON object]",
        problems(read("{} {}")));
  }

  @Test
  void entriesBeforeASyntaxErrorAreKeptButTheConfigIsIncomplete() {
    DaemonReader.Result r = read("{\"icc\": true, \"debug\": tru}");
    assertEquals(1, r.problems().size());
    assertTrue(r.config().get("icc").isTrue());
    assertFalse(r.config().complete());
    assertNull(r.config().unset("live-restore"));
  }

  @Test
  void wronglyTypedKeysThatRulesJudgeAreProblems() {
    DaemonReader.Result r =
        read(
            "{\"icc\": \"false\", \"hosts\": \"tcp://0.0.0.0:2375\", \"insecure-registries\": [1],"
                + " \"default-ulimits\": [], \"unknown\": \"x\", \"debug\": null}");
    assertEquals(
        "[1:9-1:16 icc must be true or false, not a string (dockerd refuses to start),"
            + " 1:27-1:47 hosts must be an array, not a string (dockerd refuses to start),"
            + " 1:73-1:74 insecure-registries must list strings, not a number (dockerd refuses to start),"
            + " 1:96-1:98 default-ulimits must be an object, not an array (dockerd refuses to start)]",
        problems(r));
    assertTrue(r.config().complete());
  }

  @Test
  void duplicateKeysKeepTheLastValueLikeDockerd() {
    DaemonReader.Result r = read("{\"icc\": false, \"debug\": false, \"icc\": true}");
    assertEquals(List.of(), r.problems());
    assertTrue(r.config().get("icc").isTrue());
    assertEquals("1:39-1:43", r.config().get("icc").valueSpan().toString());
  }

  @Test
  void deepNestingIsRefusedWithoutOverflowingTheStack() {
    String deep = "{\"a\": " + "[".repeat(200_000);
    DaemonReader.Result r = read(deep);
    assertEquals(1, r.problems().size());
    ParseProblem p = r.problems().get(0);
    assertTrue(p.message().contains("nested more than"), p.message());
    assertEquals("1:1006-1:1007", p.span().toString());
    String ok = "{\"a\": " + "{\"b\": ".repeat(500) + "1" + "}".repeat(500) + ", \"icc\": false}";
    DaemonReader.Result r2 = read(ok);
    assertEquals(List.of(), r2.problems());
    assertTrue(r2.config().get("icc").isFalse());
  }

  @Test
  void controlCharactersInStringsAreProblems() {
    assertEquals(
        "[1:9-1:9 invalid JSON: unexpected control character U+000A: it must be escaped inside a string]",
        problems(read("{\"a\": \"x\ny\"}")));
  }

  /**
   * jackson refuses names over 50,000 characters and numbers over 1,000 digits with the exception it uses for
   * nesting: a long key was reported as "nested more than 1000 levels deep". dockerd reads any key length
   * (and refuses the unknown key), so the key is read; a long number is refused, and said to be one.
   */
  @Test
  void aLongKeyIsReadAndALongNumberIsNamedAsSuch() {
    String key = "x".repeat(100_000);
    DaemonReader.Result r = read("{\"" + key + "\": 1, \"icc\": false}");
    assertEquals(List.of(), r.problems());
    assertTrue(r.config().get(key) != null);
    assertEquals("1:2-1:100004", r.config().get(key).keySpan().toString());
    assertTrue(r.config().get("icc").isFalse());
    DaemonReader.Result n = read("{\"mtu\": " + "1".repeat(2000) + "}");
    assertEquals(1, n.problems().size(), problems(n));
    assertFalse(n.problems().get(0).message().contains("nested"), problems(n));
    assertTrue(n.problems().get(0).message().contains("number"), problems(n));
  }
}
