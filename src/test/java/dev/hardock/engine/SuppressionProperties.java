package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The suppression pass over what the readers record, against a reference that knows the generated file's
 * structure: Dockerfiles and compose files built from statements of every shape (continued lines with a comment
 * line inside, heredocs, YAML flow collections over two lines, block scalars, block sequences), each with or
 * without a directive above it (sometimes after another comment, sometimes with a blank line between), and a
 * made-up finding somewhere inside some statements. Expected: a finding is silenced exactly when a directive
 * stands right above its statement (only comment lines between) or above the service that holds it (the first
 * directive in the file wins), and every directive that silenced nothing is reported (HD004) at the rule's name
 * inside it.
 */
class SuppressionProperties {
  private static final RuleMeta HD201 = RuleRegistry.builtIn().find("HD201");
  private static final RuleMeta HD302 = RuleRegistry.builtIn().find("HD302");

  /** What a generated file should give. */
  private static final class Expected {
    final StringBuilder text = new StringBuilder();
    int lines;
    final List<Finding> findings = new ArrayList<>();
    final TreeSet<String> kept = new TreeSet<>();
    final TreeSet<String> silenced = new TreeSet<>();

    int add(String line) {
      text.append(line).append('\n');
      return ++lines;
    }

    void finding(RuleMeta rule, int line, boolean silence, String file) {
      findings.add(
          new Finding(
              rule, rule.severity(), file, new Span(line, 1, line, 2), "m", SourceKind.DOCKERFILE));
      (silence ? silenced : kept).add(rule.id() + "@" + line);
    }

    void unused(int line, int column) {
      kept.add("HD004@" + line + ":" + column);
    }
  }

  /**
   * The directive prefix of a statement: 0 none, 1 a directive, 2 a directive then a plain comment, 3 a
   * directive then a blank line (it covers the blank line: nothing), 4 a plain comment. Returns the line of
   * the directive, or 0.
   */
  private static int prefix(Expected e, int kind, String indent) {
    int at = 0;
    if (kind >= 1 && kind <= 3) at = e.add(indent + "# hardock-ignore HD201: generated");
    if (kind == 2 || kind == 4) e.add(indent + "# a plain comment");
    if (kind == 3) e.add("");
    return at;
  }

  private static String check(String name, SourceKind kind, Expected e) {
    SourceFile file = SourceFile.of(Path.of(name), name, e.text.toString(), kind);
    Suppressions.Applied a =
        Suppressions.apply(file, new ArrayList<>(e.findings), LintSettings.DEFAULT);
    TreeSet<String> kept = new TreeSet<>();
    for (Finding f : a.kept()) {
      kept.add(
          f.rule().id()
              + "@"
              + f.span().line()
              + (f.rule().id().equals("HD004") ? ":" + f.span().column() : ""));
    }
    TreeSet<String> gone = new TreeSet<>();
    for (FileResult.Suppressed s : a.suppressed())
      gone.add(s.finding().rule().id() + "@" + s.finding().span().line());
    return kept + " / " + gone;
  }

  @Property(tries = 300)
  void dockerfileDirectivesCoverExactlyTheNextInstruction(
      @ForAll @Size(max = 14) List<@IntRange(min = 0, max = 999) Integer> plan,
      @ForAll boolean fileWide) {
    Expected e = new Expected();
    if (fileWide) e.add("# hardock-ignore-file HD302: generated");
    e.add("FROM alpine:3.20");
    int last = 0;
    for (int n : plan) {
      int directive = prefix(e, (n / 5) % 5, "");
      List<Integer> own = new ArrayList<>();
      switch (n % 5) {
        case 0 -> own.add(e.add("RUN echo a"));
        case 1 -> {
          own.add(e.add("RUN echo a \\"));
          if (n % 2 == 0) e.add("  # a comment line inside the continuation");
          own.add(e.add("  && echo b"));
        }
        case 2 -> {
          own.add(e.add("RUN <<EOF"));
          own.add(e.add("echo body \\"));
          own.add(e.add("EOF"));
        }
        case 3 -> own.add(e.add("USER root"));
        default -> {
          own.add(e.add("COPY <<-X /a"));
          own.add(e.add("\tline"));
          own.add(e.add("\tX"));
        }
      }
      int where = (n / 25) % 4;
      boolean covered = directive > 0 && (n / 5) % 5 != 3;
      if (where > 0) {
        int line =
            where == 1
                ? own.get(0)
                : where == 2 ? own.get(own.size() - 1) : own.get(own.size() / 2);
        e.finding(HD201, line, covered, "Dockerfile");
      }
      if (directive > 0 && !(covered && where > 0)) e.unused(directive, 18);
      last = own.get(0);
    }
    if (last > 0) e.finding(HD302, last, fileWide, "Dockerfile");
    else if (fileWide) e.unused(1, 23);
    assertEquals(
        e.kept + " / " + e.silenced,
        check("Dockerfile", SourceKind.DOCKERFILE, e),
        e.text::toString);
  }

  @Property(tries = 300)
  void composeDirectivesCoverTheNextEntryOrService(
      @ForAll @Size(min = 1, max = 14) List<@IntRange(min = 0, max = 9999) Integer> plan) {
    Expected e = new Expected();
    e.add("services:");
    int services = 0;
    int serviceDirective = 0;
    boolean serviceUsed = false;
    for (int k = 0; k < plan.size(); k++) {
      int n = plan.get(k);
      if (k == 0 || (n / 100) % 4 == 0) {
        if (serviceDirective > 0 && !serviceUsed) e.unused(serviceDirective, 20);
        serviceDirective = prefix(e, (n / 400) % 2, "  ");
        serviceUsed = false;
        e.add("  s" + services++ + ":");
      }
      int directive = prefix(e, (n / 5) % 5, "    ");
      List<Integer> own = new ArrayList<>();
      switch (n % 5) {
        case 0 -> own.add(e.add("    image: nginx:1"));
        case 1 -> {
          own.add(e.add("    environment: [A=1,"));
          own.add(e.add("      B=2]"));
        }
        case 2 -> {
          own.add(e.add("    command: |"));
          own.add(e.add("      echo a # not a comment: the scalar's text"));
          own.add(e.add("      echo b"));
        }
        case 3 -> {
          own.add(e.add("    ports:"));
          own.add(e.add("      - \"80:80\""));
          own.add(e.add("      - \"81:81\""));
        }
        default -> own.add(e.add("    privileged: true"));
      }
      int where = (n / 25) % 4;
      boolean covered = directive > 0 && (n / 5) % 5 != 3;
      if (where > 0) {
        int line =
            where == 1
                ? own.get(0)
                : where == 2 ? own.get(own.size() - 1) : own.get(own.size() / 2);
        e.finding(HD201, line, covered || serviceDirective > 0, "compose.yaml");
        // directives are tried in file order: the service's, when there is one, silences the
        // finding
        if (serviceDirective > 0) serviceUsed = true;
      }
      if (directive > 0 && !(covered && where > 0 && serviceDirective == 0))
        e.unused(directive, 22);
    }
    if (serviceDirective > 0 && !serviceUsed) e.unused(serviceDirective, 20);
    assertEquals(
        e.kept + " / " + e.silenced,
        check("compose.yaml", SourceKind.COMPOSE, e),
        e.text::toString);
  }
}
