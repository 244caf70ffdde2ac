package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom rules are compiled beside the run (engine.CustomRuleCompilation: on a thread of their own, awaited where
 * a custom rule is first needed and before anything is reported): what a user sees is what compiling them as
 * the configuration was read gave. An error stops the run with its position and exit 2, the first in the file
 * wins whatever thread met it, no finding is printed, nothing is fixed or written, and no thread is left.
 */
class CustomRulesCompilationTest {
  @TempDir Path dir;
  private String out;
  private String err;

  @BeforeEach
  void isolate() {
    LintRun.env = Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
  }

  @AfterEach
  void restore() {
    LintRun.env = System.getenv();
  }

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            false);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  /** Twenty rules on instructions, one a line (rule i on line i + 1); {@code when} replaces some conditions. */
  private static List<String> rules(Map<Integer, String> when) {
    List<String> lines = new ArrayList<>();
    lines.add("custom-rules:");
    for (int i = 1; i <= 20; i++) {
      String w = when.getOrDefault(i, "instruction.keyword == \"RUN\"");
      lines.add(
          "  - {id: ACME%03d, slug: rule-%d, on: instruction, when: '%s', message: 'm {{instruction.keyword}}'}"
              .formatted(i, i, w));
    }
    return lines;
  }

  private Path config(List<String> lines) throws Exception {
    Path c = dir.resolve("rules.yaml");
    Files.writeString(c, String.join("\n", lines) + "\n");
    return c;
  }

  /** Files that every rule set here judges, with findings of built-in rules too. */
  private Path tree(int files) throws Exception {
    Path t = dir.resolve("tree");
    for (int i = 0; i < files; i++) {
      Path d = t.resolve("d" + (i % 10));
      Files.createDirectories(d);
      Files.writeString(
          d.resolve("Dockerfile." + i),
          "FROM ubuntu\nMAINTAINER x@example.com\nRUN apt-get update\n");
    }
    return t;
  }

  private static String at(List<String> lines, int line, String word) {
    return ":" + line + ":" + (lines.get(line - 1).indexOf(word) + 1) + ": ";
  }

  private static boolean compilerThreadAlive() {
    for (Thread t : Thread.getAllStackTraces().keySet())
      if (t.getName().equals("hardock-custom-rules") && t.isAlive()) return true;
    return false;
  }

  @Test
  void anErrorInTheTwentiethRuleStopsARunOfManyFilesWithItsPositionAndNoFinding() throws Exception {
    Path tree = tree(200);
    List<String> lines = rules(Map.of(20, "instruction.keyword == \"RUN\" && instruction.nope"));
    Path c = config(lines);
    for (String format : List.of("text", "json", "sarif")) {
      assertEquals(2, run("-f", format, "-c", c.toString(), tree.toString()), err);
      assertEquals(
          "hardock: "
              + c
              + at(lines, 21, "nope")
              + "ACME020: undefined field 'nope' of instruction",
          err.strip());
      assertEquals("", out, "no finding is printed");
      assertFalse(compilerThreadAlive(), "no compiling thread outlives the run");
    }
    // the same with the configuration found beside the files
    Files.writeString(tree.resolve(".hardock.yaml"), String.join("\n", lines) + "\n");
    assertEquals(2, run(tree.toString()), err);
    assertEquals(
        "hardock: "
            + tree.resolve(".hardock.yaml")
            + at(lines, 21, "nope")
            + "ACME020: undefined field 'nope' of instruction",
        err.strip());
    assertEquals("", out);
    assertFalse(compilerThreadAlive());
  }

  @Test
  void theFirstErrorInTheFileWinsWhicheverThreadMetIt() throws Exception {
    Path tree = tree(40);
    List<String> lines = rules(Map.of(3, "instruction.first ==", 19, "instruction.second"));
    Path c = config(lines);
    for (int i = 0; i < 5; i++) {
      assertEquals(2, run("-c", c.toString(), tree.toString()), err);
      assertTrue(err.startsWith("hardock: " + c + ":4:"), err);
      assertTrue(err.contains("ACME003: "), err);
      assertEquals("", out);
    }
    // a mistake the reader meets after an error in an expression comes after it, as before
    List<String> laterKey = rules(Map.of(2, "instruction.nope"));
    laterKey.set(18, laterKey.get(18).replace("on: instruction", "on: instruction, bogus: 1"));
    c = config(laterKey);
    assertEquals(2, run("-c", c.toString(), tree.toString()), err);
    assertEquals(
        "hardock: "
            + c
            + at(laterKey, 3, "nope")
            + "ACME002: undefined field 'nope' of instruction",
        err.strip());
    List<String> laterRules = rules(Map.of(20, "instruction.nope"));
    laterRules.add("rules:");
    laterRules.add("  NOPE123: off");
    c = config(laterRules);
    assertEquals(2, run("-c", c.toString(), tree.toString()), err);
    assertEquals(
        "hardock: "
            + c
            + at(laterRules, 21, "nope")
            + "ACME020: undefined field 'nope' of instruction",
        err.strip());
    // and the mistake alone is reported as it was
    laterRules.set(
        20, laterRules.get(20).replace("instruction.nope", "instruction.keyword == \"RUN\""));
    c = config(laterRules);
    assertEquals(2, run("-c", c.toString(), tree.toString()), err);
    assertTrue(err.startsWith("hardock: " + c + ":23:"), err);
    assertFalse(compilerThreadAlive());
  }

  @Test
  void nothingIsFixedOrWrittenUnderAConfigurationWithAnError() throws Exception {
    Path tree = tree(20);
    Path one = tree.resolve("d0/Dockerfile.0");
    String before = Files.readString(one);
    Path c = config(rules(Map.of(20, "instruction.nope")));
    assertEquals(2, run("--fix", "-c", c.toString(), tree.toString()), err);
    assertEquals(before, Files.readString(one), "not fixed");
    assertEquals("", out);
    Path baseline = dir.resolve("baseline.json");
    assertEquals(
        2,
        run(
            "--baseline",
            baseline.toString(),
            "--write-baseline",
            "-c",
            c.toString(),
            tree.toString()),
        err);
    assertFalse(Files.exists(baseline), "no baseline written");
    // the same rules without the error: the run goes on, the rules' findings included
    Path good = config(rules(Map.of()));
    assertEquals(1, run("-f", "gnu", "-c", good.toString(), tree.toString()), err);
    assertEquals(
        20, out.lines().filter(l -> l.contains("ACME001") && l.contains("m RUN")).count(), out);
    assertTrue(run("--fix", "-q", "-c", good.toString(), tree.toString()) <= 1, err);
    assertTrue(Files.readString(one).contains("LABEL"), "fixed: " + Files.readString(one));
    assertFalse(compilerThreadAlive());
  }

  @Test
  void listExplainAndEnableWaitForTheRules() throws Exception {
    Path c = config(rules(Map.of(20, "instruction.nope")));
    assertEquals(2, run("--list-rules", "-c", c.toString()), err);
    assertTrue(err.contains("ACME020: undefined field 'nope' of instruction"), err);
    assertEquals("", out);
    Path good = config(rules(Map.of()));
    assertEquals(0, run("--list-rules", "-c", good.toString()), err);
    assertTrue(out.contains("ACME020"), out);
    assertEquals(0, run("--explain", "ACME020", "-c", good.toString()), err);
    assertTrue(out.contains("instruction.keyword == \"RUN\""), out);
    assertFalse(compilerThreadAlive());
  }
}
