package dev.hardock.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of src/main, from what each file names (imports, static imports and names written out in full):
 * {@code model <- source <- engine}, {@code model <- rule <- engine <- report <- cli}, {@code io} below
 * {@code source} and {@code engine}. Nothing names a layer above its own, and {@code cli} reaches the readers
 * only through the engine. Inside {@code rule}, a group ({@code rule.runtime}, {@code rule.secret}...) names no
 * other group, and nothing but {@code RuleRegistry} names a group from outside it: what two groups or a report
 * share is a domain fact, and lives in {@code model}.
 */
class LayeringTest {
  /** What each top-level package may name besides itself. */
  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "io", Set.of(),
          "model", Set.of(),
          "source", Set.of("model", "io"),
          "rule", Set.of("model"),
          "engine", Set.of("rule", "source", "model", "io"),
          "report", Set.of("engine", "rule", "model", "io"),
          "lsp", Set.of("report", "engine", "rule", "model", "io"),
          "cli", Set.of("lsp", "report", "engine", "rule", "model", "io"));

  static final Set<String> RULE_GROUPS =
      Set.of("build", "daemon", "image", "meta", "runtime", "secret");
  static final Pattern NAME = Pattern.compile("\\bdev\\.hardock\\.([a-z]+)(?:\\.([a-z]+))?");
  static final Path MAIN = Path.of("src/main/java/dev/hardock");

  @Test
  void noPackageNamesALayerAboveItOrARuleGroupItDoesNotOwn() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : sources()) {
      Path rel = MAIN.relativize(file);
      String layer = rel.getName(0).toString();
      String group =
          layer.equals("rule") && rel.getNameCount() > 2 ? rel.getName(1).toString() : null;
      String code = withoutComments(Files.readString(file));
      int lineNo = 0;
      for (String line : code.split("\n", -1)) {
        lineNo++;
        if (line.startsWith("package ")) continue;
        Matcher m = NAME.matcher(line);
        while (m.find()) {
          String to = m.group(1);
          String toGroup =
              to.equals("rule") && m.group(2) != null && RULE_GROUPS.contains(m.group(2))
                  ? m.group(2)
                  : null;
          String where =
              "src/main/java/dev/hardock/"
                  + rel.toString().replace('\\', '/')
                  + ":"
                  + lineNo
                  + " names "
                  + m.group();
          if (!to.equals(layer) && !ALLOWED.getOrDefault(layer, Set.of()).contains(to)) {
            problems.add(where + " (" + layer + " may name only " + ALLOWED.get(layer) + ")");
          } else if (toGroup != null
              && !toGroup.equals(group)
              && !rel.toString().equals("rule/RuleRegistry.java")
              && !rel.toString().equals("rule\\RuleRegistry.java")) {
            problems.add(where + " (rule groups share nothing but rule and model)");
          }
        }
      }
    }
    if (!problems.isEmpty())
      fail(problems.size() + " layering problems:\n- " + String.join("\n- ", problems));
  }

  @Test
  void theTestSeesEveryLayerAndCatchesAnUpwardName() throws IOException {
    List<String> layers = new ArrayList<>();
    try (Stream<Path> s = Files.list(MAIN)) {
      s.filter(Files::isDirectory).forEach(p -> layers.add(p.getFileName().toString()));
    }
    assertEquals(
        ALLOWED.keySet(), Set.copyOf(layers), "a new top-level package needs its place in ALLOWED");
    String sample =
        "import dev.hardock.cli.Main; // dev.hardock.report.X\n/* dev.hardock.engine.Y */ String s = \"dev.hardock.rule.Z\";";
    String code = withoutComments(sample);
    assertTrue(NAME.matcher(code).find() && code.contains("dev.hardock.cli.Main"), code);
    assertTrue(
        !code.contains("report") && !code.contains("engine") && !code.contains("rule.Z"), code);
  }

  static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The code without comments and string literals (a Javadoc link upward is still a name, but prose is not). */
  static String withoutComments(String text) {
    StringBuilder b = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        for (int j = i; j < end; j++) if (text.charAt(j) == '\n') b.append('\n');
        i = end;
      } else if (c == '"' || c == '\'') {
        boolean block = c == '"' && text.startsWith("\"\"\"", i);
        String close = block ? "\"\"\"" : String.valueOf(c);
        int j = i + close.length();
        while (j < n && !text.startsWith(close, j)) {
          if (text.charAt(j) == '\\') j++;
          if (j < n && text.charAt(j) == '\n') b.append('\n');
          j++;
        }
        b.append(close).append(close);
        i = Math.min(n, j + close.length());
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }
}
