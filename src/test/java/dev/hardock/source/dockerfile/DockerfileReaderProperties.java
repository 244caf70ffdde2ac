package dev.hardock.source.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.LineIndex;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Properties of the Dockerfile reader over generated input. */
class DockerfileReaderProperties {
  static DockerfileReader.Result read(String text) {
    return DockerfileReader.read(
        SourceFile.of(Path.of("Dockerfile"), "Dockerfile", text, SourceKind.DOCKERFILE));
  }

  static void assertInside(Span s, LineIndex lines, String text) {
    Span end = lines.span(text.length(), text.length());
    assertTrue(s.line() >= 1 && s.column() >= 1, s::toString);
    assertTrue(
        s.compareTo(Span.point(end.endLine(), end.endColumn())) <= 0 || s.line() <= end.endLine(),
        s::toString);
    assertTrue(
        s.endLine() < end.endLine()
            || (s.endLine() == end.endLine() && s.endColumn() <= end.endColumn()),
        () -> s + " beyond end " + end);
  }

  /** Any text: the reader never throws, and every position it reports lies inside the input. */
  @Property(tries = 400)
  void neverThrowsAndStaysInside(@ForAll("dockerfileLike") String text) {
    DockerfileReader.Result r = read(text);
    LineIndex lines = new LineIndex(text);
    for (ParseProblem p : r.problems()) assertInside(p.span(), lines, text);
    for (Instruction i : r.build().instructions()) {
      assertInside(i.span(), lines, text);
      assertInside(i.head().keywordSpan(), lines, text);
      if (i instanceof Instruction.From f) assertInside(f.image().span(), lines, text);
      if (i instanceof Instruction.Env e)
        for (KeyValue kv : e.pairs()) assertInside(kv.span(), lines, text);
    }
  }

  @Property(tries = 300)
  void arbitraryUnicodeNeverThrows(@ForAll @StringLength(max = 300) String text) {
    DockerfileReader.Result r = read(text);
    LineIndex lines = new LineIndex(text);
    for (ParseProblem p : r.problems()) assertInside(p.span(), lines, text);
  }

  /** Instruction spans come in file order and do not overlap. */
  @Property(tries = 300)
  void instructionSpansAreOrderedAndDisjoint(@ForAll("dockerfileLike") String text) {
    List<Instruction> all = read(text).build().instructions();
    for (int k = 1; k < all.size(); k++) {
      Span a = all.get(k - 1).span();
      Span b = all.get(k).span();
      assertTrue(
          a.endLine() < b.line() || (a.endLine() == b.line() && a.endColumn() <= b.column()),
          a + " / " + b);
    }
  }

  /** Parsing is deterministic. */
  @Property(tries = 100)
  void deterministic(@ForAll("dockerfileLike") String text) {
    assertEquals(
        read(text).toString().replaceAll("@[0-9a-f]+", ""),
        read(text).toString().replaceAll("@[0-9a-f]+", ""));
  }

  /** Splitting a RUN between words with a backslash-newline leaves the command text as BuildKit joins it. */
  @Property(tries = 200)
  void continuationKeepsValues(
      @ForAll("words") List<String> words, @ForAll("splitPoint") int split) {
    int at = Math.min(split, words.size());
    String joined = String.join(" ", words);
    String continued =
        String.join(" ", words.subList(0, at))
            + " \\\n"
            + String.join(" ", words.subList(at, words.size()));
    Instruction.Run one =
        (Instruction.Run) read("FROM a:1\nRUN " + joined + "\n").build().instructions().get(1);
    Instruction.Run two =
        (Instruction.Run) read("FROM a:1\nRUN " + continued + "\n").build().instructions().get(1);
    assertEquals(
        one.command().shell().value().replaceAll(" +", " "),
        two.command().shell().value().replaceAll(" +", " ").strip());
  }

  /** A word after a continuation points at its own line. */
  @Property(tries = 100)
  void envValueAfterContinuationKeepsItsLine(
      @ForAll("ident") String name, @ForAll("ident") String value) {
    String text = "FROM a:1\nENV A=1 \\\n    " + name + "=" + value + "\n";
    Instruction.Env env = (Instruction.Env) read(text).build().instructions().get(1);
    Text v = env.pairs().get(1).value();
    assertEquals(value, v.value());
    assertEquals(new Span(3, 6 + name.length(), 3, 6 + name.length() + value.length()), v.span());
  }

  @Provide
  Arbitrary<String> dockerfileLike() {
    Arbitrary<String> piece =
        Arbitraries.of(
            "FROM ",
            "RUN ",
            "ENV ",
            "ARG ",
            "COPY ",
            "USER ",
            "CMD ",
            "ONBUILD ",
            "HEALTHCHECK ",
            "LABEL ",
            "# escape=`\n",
            "#",
            "\\",
            "`",
            "\n",
            "\r\n",
            "\r",
            " ",
            "\t",
            "<<EOF",
            "<<-'X'",
            "EOF",
            "X",
            "\"",
            "'",
            "[",
            "]",
            "\"a\"",
            ",",
            "=",
            "$",
            "${A:-b}",
            "--from=",
            "--mount=type=secret,id=x",
            "AS ",
            "a",
            "node",
            ":latest",
            "\u00e9",
            "\uFEFF",
            "\u0000");
    return piece.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<String>> words() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(1)
        .ofMaxLength(6)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<Integer> splitPoint() {
    return Arbitraries.integers().between(1, 8);
  }

  @Provide
  Arbitrary<String> ident() {
    return Combinators.combine(
            Arbitraries.chars().range('A', 'Z'),
            Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8))
        .as((c, s) -> c + s);
  }
}
