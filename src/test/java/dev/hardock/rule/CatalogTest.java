package dev.hardock.rule;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import dev.hardock.report.RuleTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One test over the whole catalog that lists every problem at once: rules sorted and unique, classes named
 * after their slugs, a doc per rule whose front matter equals the annotation and which has every heading,
 * Bad and Good examples that behave, a fixture folder with bad and good fixtures, and the README table in
 * sync (run with -Dhardock.update=true to rewrite it).
 */
class CatalogTest {
  static final List<String> HEADINGS =
      List.of("## What it flags", "## Why it matters", "## Bad", "## Good", "## When to ignore it");
  static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

  @Test
  void catalogIsConsistent() throws IOException {
    List<String> problems = new ArrayList<>();
    String previous = "";
    for (Supplier<Rule> s : RuleRegistry.ALL) {
      Rule rule = s.get();
      RuleMeta m = rule.meta();
      if (m.id().compareTo(previous) <= 0)
        problems.add(m.id() + " is not after " + previous + " in RuleRegistry");
      previous = m.id();
      if (!m.id().matches("HD\\d{3}")) problems.add(m.id() + ": id must be HDnnn");
      if (!m.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"))
        problems.add(m.id() + ": slug must be kebab-case");
      String expectedClass = camel(m.slug());
      if (!rule.getClass().getSimpleName().equals(expectedClass)) {
        problems.add(
            m.id()
                + ": class "
                + rule.getClass().getSimpleName()
                + " should be named "
                + expectedClass);
      }
      Path doc = Path.of("rules", m.docFileName());
      if (!Files.exists(doc)) {
        problems.add(m.id() + ": missing doc " + doc);
      } else {
        checkDoc(m, RuleDoc.parse(Files.readString(doc)), problems);
        // the Markdown default of the rules about an absent setting is part of what they flag
        boolean saysMarkdown =
            Files.readString(doc).contains("In Markdown files this rule is silent by default");
        if (rule instanceof MissingSetting != saysMarkdown) {
          problems.add(
              m.id()
                  + ": doc "
                  + (saysMarkdown ? "says" : "does not say")
                  + " that the rule is silent in Markdown by default"
                  + (saysMarkdown
                      ? ", the class is no MissingSetting"
                      : ", as a MissingSetting rule is"));
        }
      }
      Path fixtures = Path.of("testdata/rules", m.id());
      {
        try (Stream<Path> f = Files.isDirectory(fixtures) ? Files.list(fixtures) : Stream.empty()) {
          List<String> names = f.map(p -> p.getFileName().toString()).toList();
          if (names.stream().noneMatch(n -> n.startsWith("bad")))
            problems.add(m.id() + ": no bad fixture in " + fixtures);
          if (names.stream().noneMatch(n -> n.startsWith("good")))
            problems.add(m.id() + ": no good fixture in " + fixtures);
        }
      }
    }
    try (Stream<Path> docs = Files.list(Path.of("rules"))) {
      for (Path d : docs.toList()) {
        String id = d.getFileName().toString().substring(0, 5);
        RuleMeta m = RuleRegistry.builtIn().find(id);
        if (m == null || !m.docFileName().equals(d.getFileName().toString()))
          problems.add(d + " documents no registered rule");
      }
    }
    Path readme = Path.of("README.md");
    String text = Files.readString(readme);
    int a = text.indexOf(RuleTable.START);
    int b = text.indexOf(RuleTable.END);
    if (a < 0 || b < a) {
      problems.add("README.md has no rule table markers");
    } else {
      String table = RuleTable.markdown();
      String current = text.substring(a + RuleTable.START.length(), b).strip() + "\n";
      if (!current.equals(table)) {
        if (Boolean.getBoolean("hardock.update")) {
          Files.writeString(
              readme,
              text.substring(0, a + RuleTable.START.length()) + "\n" + table + text.substring(b));
        } else {
          problems.add("README.md rule table is out of date: run mvn test -Dhardock.update=true");
        }
      }
    }
    if (!problems.isEmpty())
      fail(problems.size() + " catalog problems:\n- " + String.join("\n- ", problems));
  }

  private static void checkDoc(RuleMeta m, RuleDoc doc, List<String> problems) throws IOException {
    Map<String, String> f = doc.front();
    check(problems, m, "id", m.id(), f.get("id"));
    check(problems, m, "slug", m.slug(), f.get("slug"));
    check(problems, m, "severity", m.severity().id(), f.get("severity"));
    String applies = String.join(", ", m.appliesTo().stream().map(SourceKind::id).toList());
    check(problems, m, "applies-to", applies, f.get("applies-to"));
    if (f.getOrDefault("summary", "").isBlank()) problems.add(m.id() + ": doc has no summary");
    if (!f.containsKey("references")) problems.add(m.id() + ": doc has no references line");
    int at = 0;
    for (String h : HEADINGS) {
      int i = doc.body().indexOf("\n" + h + "\n");
      if (i < 0 && !doc.body().startsWith(h + "\n"))
        problems.add(m.id() + ": doc lacks heading '" + h + "'");
      else if (i >= 0 && i < at) problems.add(m.id() + ": heading '" + h + "' out of order");
      else at = Math.max(at, i);
    }
    // the optional "## Fix" section stands between Good and When to ignore it, and opens with the
    // applicability
    int fix = doc.body().indexOf("\n## Fix\n");
    if (fix >= 0) {
      int good = doc.body().indexOf("\n## Good\n");
      int ignore = doc.body().indexOf("\n## When to ignore it\n");
      if (fix < good || (ignore >= 0 && fix > ignore))
        problems.add(
            m.id() + ": heading '## Fix' out of order (after Good, before When to ignore it)");
      String text = doc.section("Fix");
      if (!text.startsWith("**Safe") && !text.startsWith("**Unsafe")) {
        problems.add(
            m.id()
                + ": the Fix section does not open with its applicability (**Safe.** or **Unsafe.**, and why)");
      }
    }
    if (m.id().equals("HD001")) return;
    runExample(m, doc, "## Bad", true, problems);
    runExample(m, doc, "## Good", false, problems);
  }

  private static void runExample(
      RuleMeta m, RuleDoc doc, String heading, boolean mustFire, List<String> problems)
      throws IOException {
    String body = doc.body();
    int h = body.indexOf(heading + "\n");
    if (h < 0) return;
    int next = body.indexOf("\n## ", h + heading.length());
    String section = body.substring(h, next < 0 ? body.length() : next);
    Matcher fence = FENCE.matcher(section);
    int n = 0;
    while (fence.find()) {
      SourceKind kind = kindOfFence(fence.group(1));
      if (kind == null) continue; // a reader for this language comes with a later source
      n++;
      Path tmp = Files.createTempFile("hardock-doc", "." + fence.group(1));
      try {
        Files.writeString(tmp, fence.group(2));
        RuleOptions options =
            FixtureOptions.parse(m.id(), doc.front().getOrDefault("example-options", ""));
        LintSettings settings = new LintSettings(Set.of(m.id()), Set.of(), Map.of(), options);
        FileResult r = new Linter(settings).lint(new Target(tmp, tmp.toString(), kind), null);
        boolean fired = r.findings().stream().anyMatch(x -> x.rule().id().equals(m.id()));
        // a fix the rule offers is documented, with its applicability, in the doc's Fix section
        String fixDoc = doc.section("Fix");
        for (var x : r.findings()) {
          if (!x.rule().id().equals(m.id()) || x.fix() == null) continue;
          String word =
              x.fix().applicability() == dev.hardock.rule.Fix.Applicability.SAFE
                  ? "Safe"
                  : "Unsafe";
          if (!fixDoc.contains(word))
            problems.add(
                m.id()
                    + ": offers a "
                    + word.toLowerCase(Locale.ROOT)
                    + " fix that the doc's Fix section does not describe");
        }
        boolean parseError = r.findings().stream().anyMatch(x -> x.rule().id().equals("HD001"));
        if (fired != mustFire)
          problems.add(
              m.id()
                  + ": the "
                  + heading.substring(3)
                  + " example "
                  + (mustFire ? "does not trigger" : "triggers")
                  + " the rule");
        if (parseError)
          problems.add(m.id() + ": the " + heading.substring(3) + " example does not parse");
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    if (n == 0
        && mustFire
        && kindOfFence("dockerfile") != null
        && m.appliesTo().equals(List.of(SourceKind.DOCKERFILE))) {
      problems.add(m.id() + ": the Bad section has no example to run");
    }
  }

  static SourceKind kindOfFence(String lang) {
    return switch (lang.toLowerCase(Locale.ROOT)) {
      case "dockerfile", "docker" -> SourceKind.DOCKERFILE;
      case "json" -> SourceKind.DAEMON;
      case "sh", "bash", "shell", "console" -> SourceKind.RUN;
      case "yaml", "yml" -> SourceKind.COMPOSE;
      default -> null;
    };
  }

  private static void check(
      List<String> problems, RuleMeta m, String key, String expected, String actual) {
    if (!expected.equals(actual))
      problems.add(
          m.id() + ": doc " + key + " is '" + actual + "', the rule says '" + expected + "'");
  }

  static String camel(String slug) {
    StringBuilder b = new StringBuilder();
    for (String part : slug.split("-"))
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    return b.toString();
  }
}
