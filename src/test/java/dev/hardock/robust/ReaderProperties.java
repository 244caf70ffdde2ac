package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.Baseline;
import dev.hardock.engine.Config;
import dev.hardock.model.LineIndex;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.source.compose.DotEnv;
import dev.hardock.source.compose.Interpolation;
import dev.hardock.source.config.ConfigReader;
import dev.hardock.source.dockerfile.DockerfileReader;
import dev.hardock.source.shell.ShellParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The readers that {@link LintProperties} does not reach through a single file (the .env reader, compose
 * interpolation, the .hardock.yaml reader, the baseline reader), and the round trips the models allow: a
 * Dockerfile's instruction ranges plus its comments and blank space are the whole file, and every shell word's
 * span holds exactly the word's source text.
 */
class ReaderProperties {
  static Path dir;

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("hardock-reader-props");
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  static Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  // ---------------------------------------------------------------- .env

  @Property(tries = 200)
  void dotEnvNeverThrowsAndIsDeterministic(@ForAll("envBytes") byte[] bytes) throws IOException {
    Map<String, String> a = DotEnv.read(write(".env", bytes));
    Map<String, String> b = DotEnv.read(write(".env", bytes));
    assertEquals(a, b);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertEquals(DotEnv.parse(text), DotEnv.parse(text));
  }

  @Provide
  Arbitrary<byte[]> envBytes() {
    return Gen.anyBytesFor(Gen.dotEnv());
  }

  // ---------------------------------------------------------------- interpolation

  @Property(tries = 300)
  void interpolationNeverThrowsAndIsDeterministic(
      @ForAll("interpolated") String value, @ForAll("envText") String env) {
    Map<String, String> vars = DotEnv.parse(env);
    String a = Interpolation.expand(value, vars::get);
    assertEquals(a, Interpolation.expand(value, vars::get));
    if (value.indexOf('$') < 0) assertEquals(value, a);
  }

  @Provide
  Arbitrary<String> envText() {
    return Gen.dotEnv();
  }

  @Provide
  Arbitrary<String> interpolated() {
    Arbitrary<String> piece =
        Arbitraries.of(
            "$",
            "$$",
            "${",
            "}",
            "IMG",
            "${IMG}",
            "${IMG:-d}",
            "${IMG-d}",
            "${X:?err}",
            "${X?}",
            "${IMG:+alt}",
            "${A:-${B:-c}}",
            "${",
            "${:-}",
            "${IMG:-${",
            "$IMG",
            "$1",
            "$_",
            "é",
            "😀",
            "\\$",
            ":",
            "-",
            " ");
    return Arbitraries.oneOf(piece.list().ofMaxSize(12).map(Gen::join), Gen.unicode());
  }

  // ---------------------------------------------------------------- .hardock.yaml

  /** The config reader reports a Problem inside the text, or returns values whose spans lie inside it. */
  @Property(tries = 250)
  void configReaderThrowsOnlyProblemsInsideTheText(@ForAll("configText") String text) {
    LineIndex lines = new LineIndex(text);
    try {
      ConfigReader.Value v = ConfigReader.read(text);
      checkValue(v, lines, text);
    } catch (ConfigReader.Problem p) {
      assertNotNull(p.getMessage());
      LintProperties.assertInside(p.span, lines, text, p.getMessage());
    }
  }

  static void checkValue(ConfigReader.Value v, LineIndex lines, String text) {
    LintProperties.assertInside(v.span(), lines, text, "value " + v.value());
    LintProperties.assertInside(v.keySpan(), lines, text, "key of " + v.value());
    if (v.value() instanceof List<?> l)
      for (Object o : l) checkValue((ConfigReader.Value) o, lines, text);
    if (v.value() instanceof Map<?, ?> m)
      for (Object o : m.values()) checkValue((ConfigReader.Value) o, lines, text);
  }

  /** A .hardock.yaml on disk, any bytes: loaded, or refused with Config.Invalid, never another exception. */
  @Property(tries = 200)
  void configLoadRefusesOnlyWithInvalid(@ForAll("configBytes") byte[] bytes) throws IOException {
    Path p = write(".hardock.yaml", bytes);
    String first;
    try {
      // compiled globs and the rule registry print as Object does: their identity hashes differ
      // between loads
      first = Config.load(p).toString().replace(p.toString(), "").replaceAll("@[0-9a-f]+", "@");
    } catch (Config.Invalid e) {
      first = "invalid " + e.getMessage();
      assertTrue(
          !e.getMessage().isBlank() && !e.getMessage().contains("Input length"), e::getMessage);
    }
    String second;
    try {
      second = Config.load(p).toString().replace(p.toString(), "").replaceAll("@[0-9a-f]+", "@");
    } catch (Config.Invalid e) {
      second = "invalid " + e.getMessage();
    }
    assertEquals(first, second);
  }

  @Provide
  Arbitrary<String> configText() {
    return Arbitraries.oneOf(Gen.config(), Gen.config(), Gen.unicode());
  }

  @Provide
  Arbitrary<byte[]> configBytes() {
    return Gen.anyBytesFor(Gen.config());
  }

  // ---------------------------------------------------------------- baseline

  /** A baseline file of any bytes: read, or refused with an IOException that names the file. */
  @Property(tries = 200)
  void baselineRefusesOnlyWithIoException(@ForAll("baselineBytes") byte[] bytes)
      throws IOException {
    Path p = write("baseline.json", bytes);
    try {
      Baseline.read(p);
    } catch (IOException e) {
      assertTrue(
          e.getMessage() != null
              && e.getMessage().contains("baseline.json")
              && e.getMessage().contains("not a hardock baseline"),
          e::toString);
    }
  }

  @Provide
  Arbitrary<byte[]> baselineBytes() {
    return Gen.anyBytesFor(Gen.baseline());
  }

  // ---------------------------------------------------------------- Dockerfile round trip

  static int offset(LineIndex lines, int line, int column) {
    return lines.lineStart(line) + column - 1;
  }

  /**
   * Instruction ranges are ordered, disjoint, start with their keyword, and what lies outside them is only
   * blank space, comment lines and parser directives: concatenating the ranges gives the file's non-comment text.
   */
  @Property(tries = 300)
  void dockerfileInstructionRangesCoverTheNonCommentText(@ForAll("dockerfileText") String text) {
    SourceFile file =
        SourceFile.of(Path.of("Dockerfile"), "Dockerfile", text, SourceKind.DOCKERFILE);
    DockerfileReader.Result r = DockerfileReader.read(file);
    LineIndex lines = file.lines();
    boolean[] covered = new boolean[text.length()];
    int previousEnd = 0;
    for (Instruction i : r.build().instructions()) {
      Span s = i.span();
      LintProperties.assertInside(s, lines, text, i.keyword());
      int from = offset(lines, s.line(), s.column());
      int to = offset(lines, s.endLine(), s.endColumn());
      assertTrue(from >= previousEnd, () -> "overlap at " + s + "\n" + text);
      previousEnd = to;
      assertTrue(
          text.regionMatches(true, from, i.keyword(), 0, i.keyword().length()),
          () ->
              i.keyword()
                  + " at "
                  + s
                  + " reads "
                  + text.substring(from, Math.min(text.length(), from + 12)));
      for (int k = from; k < to; k++) covered[k] = true;
    }
    // an instruction whose arguments do not parse is a HD001 and not in the model: check coverage
    // without them
    boolean clean = r.problems().isEmpty();
    net.jqwik.api.statistics.Statistics.label("without problems").collect(clean);
    net.jqwik.api.statistics.Statistics.label("without problems")
        .coverage(k -> k.check(true).percentage(p -> p >= 25));
    if (!clean) return;
    String[] texts = lines.texts(text);
    for (int l = 1; l <= texts.length; l++) {
      String t = texts[l - 1].strip();
      int start = lines.lineStart(l);
      for (int c = 0; c < texts[l - 1].length(); c++) {
        char ch = texts[l - 1].charAt(c);
        // a line continuation at the end of the file belongs to no instruction
        boolean lastContinuation =
            (ch == '\\' || ch == '`') && texts[l - 1].substring(c + 1).isBlank();
        if (covered[start + c]
            || Character.isWhitespace(ch)
            || t.startsWith("#")
            || lastContinuation) continue;
        int line = l;
        int col = c + 1;
        throw new AssertionError(
            "text outside every instruction at "
                + line
                + ":"
                + col
                + " ("
                + texts[line - 1]
                + ")\nproblems: "
                + r.problems()
                + "\n"
                + text);
      }
    }
  }

  @Provide
  Arbitrary<String> dockerfileText() {
    return Arbitraries.oneOf(Gen.dockerfile(), Gen.validDockerfile());
  }

  // ---------------------------------------------------------------- shell words round trip

  /** Every word's span holds exactly its source text, its parts lie inside it, and the parse is deterministic. */
  @Property(tries = 300)
  void shellWordSpansHoldTheirSourceText(@ForAll("shellText") String text) {
    ShellScript s = ShellParser.parse(text);
    LineIndex lines = new LineIndex(text);
    for (ShellCommand c : s.commands()) {
      List<Word> words = new ArrayList<>(c.assignments());
      words.addAll(c.words());
      c.redirects().forEach(r -> words.add(r.target()));
      for (Word w : words) {
        Span span = w.span();
        String source =
            text.substring(
                offset(lines, span.line(), span.column()),
                offset(lines, span.endLine(), span.endColumn()));
        assertEquals(w.raw(), source, () -> "word at " + span + " in\n" + text);
        for (WordPart p : w.parts()) {
          boolean startsInside =
              p.span().line() > span.line()
                  || p.span().line() == span.line() && p.span().column() >= span.column();
          assertTrue(
              startsInside
                  && (p.span().endLine() < span.endLine()
                      || p.span().endLine() == span.endLine()
                          && p.span().endColumn() <= span.endColumn()),
              () -> p + " outside " + span);
        }
      }
    }
    assertEquals(summary(ShellParser.parse(text)), summary(s));
  }

  static String summary(ShellScript s) {
    StringBuilder b = new StringBuilder();
    for (ShellCommand c : s.commands()) {
      b.append(c.span()).append(' ').append(c.nesting()).append(' ').append(c.operatorAfter());
      for (Word w : c.assignments()) b.append(" =").append(w.value()).append('@').append(w.span());
      for (Word w : c.words()) b.append(' ').append(w.value()).append('@').append(w.span());
      c.redirects().forEach(r -> b.append(" >").append(r.span()).append(r.target().value()));
      b.append('\n');
    }
    s.problems().forEach(p -> b.append(p).append('\n'));
    return b.toString();
  }

  @Provide
  Arbitrary<String> shellText() {
    return Gen.shellLine().list().ofMinSize(1).ofMaxSize(4).map(ls -> String.join("\n", ls));
  }
}
