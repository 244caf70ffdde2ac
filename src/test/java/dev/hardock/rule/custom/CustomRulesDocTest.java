package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.Config;
import dev.hardock.engine.Discovery;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked policies of docs/custom-rules.md, tested as the doc writes them: each {@code ### ID} heading's YAML
 * block is the configuration, {@code testdata/custom-rules/ID/} the files it lints. The findings of that rule
 * must be exactly those {@code testdata/custom-rules/ID/expect.txt} lists ({@code FILE LINE:COL ID}, the file
 * relative to the folder), and no finding may say that the rule could not be evaluated.
 */
class CustomRulesDocTest {
  static final Path DOC = Path.of("docs/custom-rules.md");
  private static final Pattern POLICY =
      Pattern.compile(
          "(?m)^### (ACME\\d+)[^\\n]*\\n(?:(?!^### )[\\s\\S])*?```yaml\\n([\\s\\S]*?)```");

  /** The worked policies: id to YAML, in the doc's order. */
  static Map<String, String> policies() throws IOException {
    String doc = Files.readString(DOC);
    String worked = doc.substring(doc.indexOf("## Worked policies"));
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = POLICY.matcher(worked);
    while (m.find()) out.put(m.group(1), m.group(2));
    return out;
  }

  @Test
  void theDocHasTheWorkedPoliciesTheIssueAsksFor() throws IOException {
    Map<String, String> p = policies();
    assertTrue(p.size() >= 8, p.keySet().toString());
    String all = String.join("\n", p.values());
    for (String needle :
        List.of(
            "registry.acme.io",
            "org.opencontainers.image",
            "digest",
            "NET_ADMIN",
            "image.user",
            "deploy/",
            "\"ADD\"",
            "1024")) {
      assertTrue(all.contains(needle), needle);
    }
  }

  @TestFactory
  Stream<DynamicTest> eachPolicyOnItsFixtures(@TempDir Path tmp) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, String> e : policies().entrySet()) {
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue(), tmp)));
    }
    return tests.stream();
  }

  private static void check(String id, String yaml, Path tmp) throws Exception {
    Path cfg = tmp.resolve(id + ".hardock.yaml");
    Files.writeString(cfg, yaml);
    Config config = Config.load(cfg);
    assertEquals(id, config.rules().custom().get(0).meta().id());
    Path dir = Path.of("testdata/custom-rules", id);
    assertTrue(Files.isDirectory(dir), dir.toString());
    List<Target> targets = Discovery.find(List.of(dir.toString()), null).targets();
    List<FileResult> results = new Linter(config.settings(Set.of(), Set.of())).lint(targets, 1);
    List<String> expected =
        Files.readAllLines(dir.resolve("expect.txt")).stream()
            .filter(l -> !l.isBlank())
            .sorted()
            .toList();
    List<String> actual = new ArrayList<>();
    Set<String> clean = new java.util.TreeSet<>();
    for (int i = 0; i < targets.size(); i++) {
      String rel =
          dir.toRealPath()
              .relativize(targets.get(i).path().toRealPath())
              .toString()
              .replace('\\', '/');
      boolean found = false;
      for (Finding f : results.get(i).findings()) {
        assertFalse(f.message().contains("could not be evaluated"), rel + ": " + f.message());
        if (!f.rule().id().equals(id)) continue;
        actual.add(rel + " " + f.span().line() + ":" + f.span().column() + " " + id);
        found = true;
      }
      if (!found) clean.add(rel);
    }
    actual.sort(null);
    assertEquals(expected, actual, id);
    assertFalse(expected.isEmpty(), id + ": no bad fixture");
    assertFalse(clean.isEmpty(), id + ": no good fixture");
  }
}
