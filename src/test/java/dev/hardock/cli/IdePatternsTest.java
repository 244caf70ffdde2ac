package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardock.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IDE set-ups documented in README.md (VS Code problem matcher, IntelliJ output filter), applied to our
 * gnu output exactly as written there: every line parses, and file, line, column, severity, message and rule
 * equal the JSON report's.
 */
class IdePatternsTest {
  static final String FIXTURE = "testdata/ide";
  // IntelliJ's RegexpFilter (com.intellij.execution.filters): what its macros stand for
  static final String IJ_FILE_PATH = "(?<file>(?:\\p{Alpha}\\:)?[0-9 a-z_A-Z\\-\\\\./]+)";
  static final String IJ_LINE = "(?<line>[0-9]+)";
  static final String IJ_COLUMN = "(?<column>[0-9]+)";

  record Expected(
      String file, int line, int column, String severity, String message, String rule) {}

  static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }

  /** The findings of the JSON report of the fixture, and the gnu lines of the same run. */
  static List<Expected> expected() throws IOException {
    Run json = MainTest.run("--format", "json", "--fail-on", "none", FIXTURE);
    assertEquals(0, json.code(), json.err());
    List<Expected> out = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(json.out()).get("findings")) {
      out.add(
          new Expected(
              f.get("file").asText(),
              f.get("line").asInt(),
              f.get("column").asInt(),
              f.get("severity").asText(),
              f.get("message").asText(),
              f.get("ruleId").asText()));
    }
    Set<String> severities = new HashSet<>();
    for (Expected e : out) severities.add(e.severity());
    assertEquals(
        Set.of("error", "warning", "info", "style"),
        severities,
        "the fixture shows every severity");
    assertTrue(
        out.stream().anyMatch(e -> e.file().contains(" ")), "the fixture has a path with a space");
    return out;
  }

  static List<String> gnuLines() {
    Run gnu = MainTest.run("--format", "gnu", "--fail-on", "none", FIXTURE);
    assertEquals(0, gnu.code(), gnu.err());
    return gnu.out().lines().toList();
  }

  /** VS Code's ProblemMatcher severity: error, warning/warn, info; hint and note as info; else the default. */
  static String vscodeSeverity(String value, String matcherDefault) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "error", "e" -> "error";
      case "warning", "warn", "w" -> "warning";
      case "info", "i", "hint", "note" -> "info";
      default -> matcherDefault;
    };
  }

  @Test
  void vscodeProblemMatcherFromTheReadmeParsesEveryGnuLine() throws IOException {
    String readme = readme();
    Matcher block =
        Pattern.compile("```json\\n(\\{\\n  \"version\": \"2\\.0\\.0\".*?)```", Pattern.DOTALL)
            .matcher(readme);
    assertTrue(block.find(), "no tasks.json block in README.md");
    JsonNode task = new ObjectMapper().readTree(block.group(1)).get("tasks").get(0);
    JsonNode matcher = task.get("problemMatcher");
    JsonNode pattern = matcher.get("pattern");
    assertNotNull(pattern);
    String matcherDefault = matcher.get("severity").asText();
    assertEquals("info", matcherDefault);
    assertTrue(
        task.get("args").toString().contains("\"gnu\""), "the task does not ask for --format gnu");
    Pattern regexp = Pattern.compile(pattern.get("regexp").asText());

    List<Expected> expected = expected();
    List<String> lines = gnuLines();
    assertEquals(expected.size(), lines.size());
    List<Expected> parsed = new ArrayList<>();
    for (String line : lines) {
      Matcher m = regexp.matcher(line);
      assertTrue(m.find(), "the VS Code pattern does not match: " + line);
      parsed.add(
          new Expected(
              m.group(pattern.get("file").asInt()),
              Integer.parseInt(m.group(pattern.get("line").asInt())),
              Integer.parseInt(m.group(pattern.get("column").asInt())),
              m.group(pattern.get("severity").asInt()),
              m.group(pattern.get("message").asInt()),
              m.group(pattern.get("code").asInt())));
    }
    assertEquals(Set.copyOf(expected), Set.copyOf(parsed));
    for (Expected p : parsed) {
      String shown = vscodeSeverity(p.severity(), matcherDefault);
      String want = p.severity().equals("style") ? "info" : p.severity();
      assertEquals(want, shown, "VS Code severity of " + p);
    }
  }

  @Test
  void intellijOutputFilterFromTheReadmeLinksEveryGnuLine() throws IOException {
    Matcher row = Pattern.compile("\\| Output filters \\| `([^`]+)` \\|").matcher(readme());
    assertTrue(row.find(), "no Output filters row in README.md");
    String filter = row.group(1);
    assertEquals("$FILE_PATH$:$LINE$:$COLUMN$", filter);
    Pattern p =
        Pattern.compile(
            filter
                .replace("$FILE_PATH$", IJ_FILE_PATH)
                .replace("$LINE$", IJ_LINE)
                .replace("$COLUMN$", IJ_COLUMN));

    List<Expected> expected = expected();
    List<String> lines = gnuLines();
    assertEquals(expected.size(), lines.size());
    Set<String> want = new HashSet<>();
    for (Expected e : expected) want.add(e.file() + "|" + e.line() + "|" + e.column());
    Set<String> got = new HashSet<>();
    for (String line : lines) {
      Matcher m = p.matcher(line);
      assertTrue(m.find(), "the IntelliJ filter does not match: " + line);
      assertEquals(0, m.start(), "the link does not start at the path: " + line);
      got.add(m.group("file") + "|" + m.group("line") + "|" + m.group("column"));
    }
    assertEquals(want, got);
  }
}
