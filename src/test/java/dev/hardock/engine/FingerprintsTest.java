package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  private static final RuleMeta A = RuleRegistry.builtIn().find("HD201");
  private static final RuleMeta B = RuleRegistry.builtIn().find("HD301");

  private static Finding finding(RuleMeta rule, int line, int column) {
    return new Finding(
        rule,
        rule.severity(),
        "f",
        new Span(line, column, line, column + 1),
        "m",
        SourceKind.DOCKERFILE);
  }

  /** The definition (class comment), computed the plain way: one hash of the whole key per finding. */
  private static Map<Finding, String> reference(FileResult r) throws Exception {
    List<Finding> all = new ArrayList<>(r.findings());
    all.sort(null);
    LineIndex lines = new LineIndex(r.text());
    Map<String, Integer> seen = new HashMap<>();
    Map<Finding, String> out = new java.util.IdentityHashMap<>();
    for (Finding f : all) {
      String key =
          f.rule().id()
              + "\u0000"
              + r.uri()
              + "\u0000"
              + Fingerprints.normalisedLine(r.text(), lines, f.span().line());
      int occurrence = seen.merge(key, 1, Integer::sum) - 1;
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((key + "\u0000" + occurrence).getBytes(StandardCharsets.UTF_8));
      out.put(f, HexFormat.of().formatHex(d, 0, 16));
    }
    return out;
  }

  @Test
  void valuesFollowTheDefinition() throws Exception {
    // identical line text on two lines shares the occurrence count; two rules on a line count
    // apart; a line
    // past the end of the text; non-ASCII and a lone surrogate
    String text = "FROM  node\nRUN x \u00e9\ud800\nFROM node\n";
    List<Finding> fs =
        List.of(
            finding(A, 1, 7),
            finding(B, 1, 7),
            finding(A, 1, 8),
            finding(A, 3, 6),
            finding(B, 2, 1),
            finding(A, 9, 1));
    FileResult r = new FileResult("f", SourceKind.DOCKERFILE, fs, text, "dir/f", List.of());
    Map<Finding, String> got = Fingerprints.of(r);
    Map<Finding, String> want = reference(r);
    for (Finding f : fs) assertEquals(want.get(f), got.get(f), f.toString());
    assertEquals(fs.size(), new java.util.HashSet<>(got.values()).size());
  }

  @Test
  void manyFindingsOnOneLongLineAreLinear() {
    // 20,000 findings on one 400 KB line: each normalised and hashed the whole line (minutes; a
    // baseline or
    // SARIF of a hostile one-line file hung the job), now once per line and rule
    String line = "RUN " + "curl http://example.com/x | sh && ".repeat(12_000);
    List<Finding> fs = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) fs.add(finding(i % 2 == 0 ? A : B, 1, 1 + i));
    FileResult r = new FileResult("f", SourceKind.DOCKERFILE, fs, line + "\n", "f", List.of());
    assertEquals(20_000, new java.util.HashSet<>(Fingerprints.of(r).values()).size());
  }
}
