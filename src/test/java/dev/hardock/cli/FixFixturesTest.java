package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixture triples under {@code testdata/fixes/HDnnn/}: {@code NAME} (before), {@code NAME.safe} (what
 * {@code --fix} makes of it) and {@code NAME.unsafe} (with {@code --unsafe-fixes}), compared byte for byte,
 * through the real command line ({@code --fix -} with {@code --stdin-filename}, which prints the fixed file).
 * Only the folder's rule (and HD001) runs, so each triple shows that rule's fixes alone; HD004 runs with every
 * rule that has no fix. A second {@code --fix} of the result changes nothing. {@code -Dhardock.update=true}
 * writes the expected files (review them as a diff).
 */
class FixFixturesTest {
  static final Path ROOT = Path.of("testdata/fixes");
  private static final boolean UPDATE = Boolean.getBoolean("hardock.update");

  record Run(int code, byte[] out, String err) {}

  static Run fix(Path file, byte[] input, boolean unsafe, String disable) {
    List<String> args =
        new ArrayList<>(List.of("--fix", "-q", "--stdin-filename", file.toString()));
    if (unsafe) args.add("--unsafe-fixes");
    if (!disable.isEmpty()) args.addAll(List.of("--disable", disable));
    args.add("-");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(new String[0]),
            new ByteArrayInputStream(input),
            new PrintStream(out, true),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  /** Every rule but {@code id} and HD001 (for HD004: every rule that has fixes, but HD004). */
  static String others(String id) {
    Set<String> fixable = new TreeSet<>();
    try (Stream<Path> s = Files.list(ROOT)) {
      s.forEach(p -> fixable.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> off = new ArrayList<>();
    for (RuleMeta m : RuleRegistry.builtIn().metas()) {
      if (m.id().equals(id) || m.id().equals("HD001")) continue;
      if (id.equals("HD004") && !fixable.contains(m.id())) continue;
      off.add(m.id());
    }
    return String.join(",", off);
  }

  static List<Path> befores() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.toString().endsWith(".safe") && !p.toString().endsWith(".unsafe"))
          .sorted()
          .toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> triples() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path before : befores()) {
      String rule = ROOT.relativize(before).getName(0).toString();
      for (boolean unsafe : new boolean[] {false, true}) {
        Path expected = Path.of(before + (unsafe ? ".unsafe" : ".safe"));
        tests.add(
            DynamicTest.dynamicTest(
                ROOT.relativize(expected).toString(),
                () -> {
                  byte[] input = Files.readAllBytes(before);
                  String disable = others(rule);
                  Run r = fix(before, input, unsafe, disable);
                  assertTrue(r.code() == 0 || r.code() == 1, "exit " + r.code() + ": " + r.err());
                  assertFalse(
                      r.err().contains("not applied") || r.err().contains("not fixed"), r.err());
                  if (UPDATE) Files.write(expected, r.out());
                  assertTrue(
                      Files.exists(expected),
                      "missing " + expected + " (run with -Dhardock.update=true)");
                  assertEquals(
                      new String(Files.readAllBytes(expected), StandardCharsets.UTF_8),
                      new String(r.out(), StandardCharsets.UTF_8));
                  assertArrayEquals(Files.readAllBytes(expected), r.out());
                  Run again = fix(before, r.out(), unsafe, disable);
                  assertArrayEquals(r.out(), again.out(), "a second --fix changed the file");
                }));
      }
    }
    return tests.stream();
  }

  /** Each rule with fixes has a fixture folder whose triples show at least one fix, and safe ones show a safe fix. */
  @Test
  void everyFixtureFixesSomething() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> changedSafe = new TreeSet<>();
    Set<String> changedUnsafe = new TreeSet<>();
    for (Path before : befores()) {
      String rule = ROOT.relativize(before).getName(0).toString();
      byte[] input = Files.readAllBytes(before);
      Path safe = Path.of(before + ".safe");
      Path unsafe = Path.of(before + ".unsafe");
      if (!Files.exists(safe) || !Files.exists(unsafe)) continue;
      if (!java.util.Arrays.equals(input, Files.readAllBytes(safe))) changedSafe.add(rule);
      if (!java.util.Arrays.equals(input, Files.readAllBytes(unsafe))) changedUnsafe.add(rule);
    }
    try (Stream<Path> s = Files.list(ROOT)) {
      for (Path dir : s.sorted().toList()) {
        String rule = dir.getFileName().toString();
        if (!changedUnsafe.contains(rule))
          problems.add(rule + ": no fixture is changed by --fix --unsafe-fixes");
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(changedUnsafe.size() >= 12, "rules with fixes: " + changedUnsafe);
    assertTrue(changedSafe.size() >= 5, "rules with safe fixes: " + changedSafe);
  }
}
