package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleOptions;
import dev.hardock.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every reader and every rule together, in-process, per host format: bytes as a file on disk can hold them
 * (structured near-valid input damaged with CRLF/CR line ends, BOMs, invalid UTF-8 and NUL bytes, or plain
 * arbitrary unicode and bytes) go through the product's own loader (decoding, BOM, binary probe), the reader,
 * all rules (opt-in ones too) and the suppression-comment parser. Properties: nothing throws (an exception
 * would surface as an "internal error" HD001), every reported and every suppressed finding lies inside the
 * decoded text, and linting the same bytes twice gives the same findings.
 *
 * <p>Coverage is checked too: structured input must reach rules past HD001 in a fair share of tries, so the
 * properties exercise the readers' deep paths and not only their first syntax error.
 */
class LintProperties {
  static final Path DIR = Path.of("no-such-folder-for-hardock-robust-tests");
  static final Linter ALL_RULES =
      new Linter(
          new LintSettings(
              RuleRegistry.builtIn().metas().stream().map(RuleMeta::id).collect(Collectors.toSet()),
              Set.of(),
              Map.of(),
              RuleOptions.NONE));

  static FileResult lint(String name, SourceKind kind, byte[] bytes) {
    return ALL_RULES.lint(new Target(DIR.resolve(name), name, kind), bytes);
  }

  static String describe(Finding f) {
    return f.rule().id() + " " + f.severity() + " " + f.file() + ":" + f.span() + " " + f.message();
  }

  /** The checks shared by every format; returns whether a rule other than HD001 spoke. */
  static boolean check(String name, SourceKind kind, byte[] bytes) {
    FileResult r = lint(name, kind, bytes);
    String text = r.text() == null ? "" : r.text();
    LineIndex lines = new LineIndex(text);
    List<Finding> all = new ArrayList<>(r.findings());
    for (FileResult.Suppressed s : r.suppressed()) all.add(s.finding());
    boolean deep = false;
    for (Finding f : all) {
      assertTrue(
          !f.message().contains("internal error"), () -> describe(f) + "\n--- input:\n" + text);
      if (!f.file().equals(name)) continue; // a compose include or .env names its own file
      assertInside(f.span(), lines, text, describe(f));
      deep |= !f.rule().id().equals("HD001");
    }
    FileResult again = lint(name, kind, bytes);
    assertEquals(
        r.findings().stream().map(LintProperties::describe).toList(),
        again.findings().stream().map(LintProperties::describe).toList(),
        "same bytes, same findings");
    assertEquals(
        r.suppressed().stream()
            .map(s -> describe(s.finding()) + " " + s.kind() + " " + s.justification())
            .toList(),
        again.suppressed().stream()
            .map(s -> describe(s.finding()) + " " + s.kind() + " " + s.justification())
            .toList());
    return deep;
  }

  /** Inside the text: line within the lines, each column within its line (end column at most one past it). */
  static void assertInside(Span s, LineIndex lines, String text, String what) {
    String[] texts = lines.texts(text);
    assertTrue(
        s.line() >= 1 && s.endLine() <= texts.length,
        () -> what + ": lines 1.." + texts.length + "\n" + text);
    assertTrue(
        s.column() <= texts[s.line() - 1].length() + 1,
        () -> what + ": column past line " + s.line() + "\n" + text);
    assertTrue(
        s.endColumn() <= texts[s.endLine() - 1].length() + 1,
        () -> what + ": end column past line " + s.endLine() + "\n" + text);
  }

  static void coverage(String label, boolean deep, double minPercent) {
    Statistics.label(label).collect(deep);
    Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p >= minPercent));
  }

  @Property(tries = 200)
  void dockerfile(@ForAll("dockerfileBytes") byte[] bytes) {
    coverage("rules past HD001", check("Dockerfile", SourceKind.DOCKERFILE, bytes), 30);
  }

  @Property(tries = 150)
  void compose(@ForAll("composeBytes") byte[] bytes) {
    coverage("rules past HD001", check("compose.yaml", SourceKind.COMPOSE, bytes), 20);
  }

  @Property(tries = 120)
  void shellScript(@ForAll("scriptBytes") byte[] bytes) {
    coverage("rules past HD001", check("run.sh", SourceKind.RUN, bytes), 30);
  }

  @Property(tries = 100)
  void makefile(@ForAll("makefileBytes") byte[] bytes) {
    coverage("rules past HD001", check("Makefile", SourceKind.RUN, bytes), 20);
  }

  @Property(tries = 100)
  void markdown(@ForAll("markdownBytes") byte[] bytes) {
    coverage("rules past HD001", check("README.md", SourceKind.RUN, bytes), 20);
  }

  @Property(tries = 100)
  void githubWorkflow(@ForAll("workflowBytes") byte[] bytes) {
    coverage("rules past HD001", check(".github/workflows/ci.yml", SourceKind.RUN, bytes), 20);
  }

  @Property(tries = 100)
  void gitlabCi(@ForAll("gitlabBytes") byte[] bytes) {
    coverage("rules past HD001", check(".gitlab-ci.yml", SourceKind.RUN, bytes), 15);
  }

  @Property(tries = 100)
  void daemonJson(@ForAll("daemonBytes") byte[] bytes) {
    coverage("rules past HD001", check("daemon.json", SourceKind.DAEMON, bytes), 10);
  }

  @Property(tries = 80)
  void devcontainer(@ForAll("devcontainerBytes") byte[] bytes) {
    coverage("rules past HD001", check("devcontainer.json", SourceKind.DEVCONTAINER, bytes), 10);
  }

  @Property(tries = 80)
  void quadlet(@ForAll("quadletBytes") byte[] bytes) {
    coverage("rules past HD001", check("web.container", SourceKind.QUADLET, bytes), 10);
  }

  @Property(tries = 80)
  void systemd(@ForAll("systemdBytes") byte[] bytes) {
    coverage("rules past HD001", check("app.service", SourceKind.SYSTEMD, bytes), 10);
  }

  @Property(tries = 80)
  void ansible(@ForAll("ansibleBytes") byte[] bytes) {
    coverage("rules past HD001", check("site.yml", SourceKind.ANSIBLE, bytes), 10);
  }

  // ---------------------------------------------------------------- metamorphic: line ends and a
  // leading line

  record Host(String name, SourceKind kind, String text) {
    @Override
    public String toString() {
      return name + ":\n" + text;
    }
  }

  @Provide
  Arbitrary<Host> hosts() {
    return net.jqwik.api.Arbitraries.oneOf(
        Gen.dockerfile().map(t -> new Host("Dockerfile", SourceKind.DOCKERFILE, t)),
        Gen.validDockerfile().map(t -> new Host("Dockerfile", SourceKind.DOCKERFILE, t)),
        Gen.compose().map(t -> new Host("compose.yaml", SourceKind.COMPOSE, t)),
        Gen.shellScript().map(t -> new Host("run.sh", SourceKind.RUN, t)),
        Gen.makefile().map(t -> new Host("Makefile", SourceKind.RUN, t)),
        Gen.markdown().map(t -> new Host("README.md", SourceKind.RUN, t)),
        Gen.githubWorkflow().map(t -> new Host(".github/workflows/ci.yml", SourceKind.RUN, t)),
        Gen.gitlabCi().map(t -> new Host(".gitlab-ci.yml", SourceKind.RUN, t)),
        Gen.daemonJson().map(t -> new Host("daemon.json", SourceKind.DAEMON, t)));
  }

  static List<String> findings(Host h, String text, int lineShift) {
    FileResult r = lint(h.name(), h.kind(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> out = new ArrayList<>();
    for (Finding f : r.findings()) {
      Span s = f.span();
      // a message may name a line ("already used by the stage on line 2") or the line break it met
      // (U+000D)
      String message =
          java.util.regex.Pattern.compile("\\bline (\\d+)")
              .matcher(f.message())
              .replaceAll(m -> "line " + (Integer.parseInt(m.group(1)) - lineShift))
              .replace("U+000D", "U+000A");
      out.add(
          f.rule().id()
              + " "
              + (s.line() - lineShift)
              + ":"
              + s.column()
              + "-"
              + (s.endLine() - lineShift)
              + ":"
              + s.endColumn()
              + " "
              + message);
    }
    return out;
  }

  /** CRLF line ends change no finding: same rules, same lines and columns, same messages. */
  @Property(tries = 120)
  void crlfGivesTheSameFindingsAsLf(@ForAll("hosts") Host h) {
    String lf = h.text().replace("\r", "");
    assertEquals(findings(h, lf, 0), findings(h, lf.replace("\n", "\r\n"), 0));
  }

  /** A comment line (a blank line in JSON) put in front moves every finding down one line and changes nothing else. */
  @Property(tries = 120)
  void aLeadingLineShiftsEveryFindingByOneLine(@ForAll("hosts") Host h) {
    String text = h.text();
    // a Dockerfile's parser directives and a script's shebang must stay first
    if (h.kind() == SourceKind.DOCKERFILE && text.startsWith("#") || text.startsWith("\uFEFF"))
      return;
    // an empty daemon.json is an empty configuration, reported at the start of the file wherever
    // that is
    if (h.kind() == SourceKind.DAEMON && text.isBlank()) return;
    String lead =
        h.kind() == SourceKind.DAEMON ? "\n" : h.name().endsWith(".md") ? "\n" : "# lead\n";
    List<String> before =
        findings(h, text, 0).stream().filter(f -> !f.startsWith("HD001 1:1-1:1 ")).toList();
    List<String> after =
        findings(h, lead + text, 1).stream().filter(f -> !f.startsWith("HD001 1:1-1:1 ")).toList();
    assertEquals(before, after);
  }

  /**
   * Positions are exact, not just inside the file: an image finding (HD201, HD202) points at the image as
   * written, in every format (continued lines, YAML flow style, emoji before it on the line), unless the image
   * came through a variable, where the message names the resolved value.
   */
  @Property(tries = 150)
  void imageFindingsPointAtTheImageText(@ForAll("hosts") Host h) {
    String text = h.text();
    FileResult r = lint(h.name(), h.kind(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    LineIndex lines = new LineIndex(r.text());
    boolean checked = false;
    java.util.regex.Pattern image =
        java.util.regex.Pattern.compile("^image (\\S+) (has no tag|is not pinned by digest)");
    for (Finding f : r.findings()) {
      java.util.regex.Matcher m = image.matcher(f.message());
      if (!m.find() || !f.file().equals(h.name())) continue;
      Span s = f.span();
      String at =
          r.text()
              .substring(
                  lines.lineStart(s.line()) + s.column() - 1,
                  lines.lineStart(s.endLine()) + s.endColumn() - 1);
      if (at.contains("$")) continue;
      String written =
          at.replaceAll(
              "[\"']", ""); // quoting ('nginx', 'ngi''nx') is the shell's, not the image's
      assertEquals(m.group(1), written, () -> describe(f) + "\n" + r.text());
      checked = true;
    }
    coverage("checked an image finding", checked, 10);
  }

  @Provide
  Arbitrary<byte[]> dockerfileBytes() {
    return Gen.anyBytesFor(Gen.dockerfile());
  }

  @Provide
  Arbitrary<byte[]> composeBytes() {
    return Gen.anyBytesFor(Gen.compose());
  }

  @Provide
  Arbitrary<byte[]> scriptBytes() {
    return Gen.anyBytesFor(Gen.shellScript());
  }

  @Provide
  Arbitrary<byte[]> makefileBytes() {
    return Gen.anyBytesFor(Gen.makefile());
  }

  @Provide
  Arbitrary<byte[]> markdownBytes() {
    return Gen.anyBytesFor(Gen.markdown());
  }

  @Provide
  Arbitrary<byte[]> workflowBytes() {
    return Gen.anyBytesFor(Gen.githubWorkflow());
  }

  @Provide
  Arbitrary<byte[]> gitlabBytes() {
    return Gen.anyBytesFor(Gen.gitlabCi());
  }

  @Provide
  Arbitrary<byte[]> daemonBytes() {
    return Gen.anyBytesFor(Gen.daemonJson());
  }

  @Provide
  Arbitrary<byte[]> devcontainerBytes() {
    return Gen.anyBytesFor(Gen.devcontainer());
  }

  @Provide
  Arbitrary<byte[]> quadletBytes() {
    return Gen.anyBytesFor(Gen.quadlet());
  }

  @Provide
  Arbitrary<byte[]> systemdBytes() {
    return Gen.anyBytesFor(Gen.systemdService());
  }

  @Provide
  Arbitrary<byte[]> ansibleBytes() {
    return Gen.anyBytesFor(Gen.ansible());
  }
}
