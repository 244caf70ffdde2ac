package dev.hardock.source.compose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.EnvVar;
import dev.hardock.model.LineIndex;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.model.container.PortMapping;
import dev.hardock.model.container.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Properties of the compose reader over generated input: it never throws and every span lies inside the file. */
class ComposeReaderPropertiesTest {
  static ComposeReader.Result read(String text) {
    // a path in a folder that does not exist: no .env, no overrides, no Dockerfiles are found
    Path p = Path.of("no-such-folder-for-hardock-tests", "compose.yaml");
    return ComposeReader.read(
        SourceFile.of(p, "compose.yaml", text, SourceKind.COMPOSE), ComposeReader.Options.DEFAULT);
  }

  static void assertInside(Span s, LineIndex lines, String text) {
    Span end = lines.span(text.length(), text.length());
    assertTrue(s.line() >= 1 && s.column() >= 1, s::toString);
    assertTrue(
        s.endLine() < end.endLine()
            || (s.endLine() == end.endLine() && s.endColumn() <= end.endColumn()),
        () -> s + " beyond end " + end + " in " + text);
  }

  static void check(String text) {
    ComposeReader.Result r = read(text);
    LineIndex lines = new LineIndex(text);
    List<Span> spans = new ArrayList<>();
    for (ParseProblem p : r.problems()) spans.add(p.span());
    for (SourceText t : r.texts()) spans.add(t.span());
    for (ContainerSpec c : r.containers()) {
      spans.add(c.span());
      if (c.image() != null) spans.add(c.image().span());
      for (Setting<?> s :
          List.of(c.capAdd(), c.securityOpts(), c.devices(), c.links()).stream()
              .flatMap(List::stream)
              .toList()) {
        spans.add(s.span());
      }
      for (Setting<?> s :
          new Setting<?>[] {
            c.privileged(),
            c.user(),
            c.networkMode(),
            c.memory(),
            c.cpus(),
            c.restart(),
            c.healthcheckDisabled(),
            c.readOnlyRootfs()
          }) {
        if (s != null) spans.add(s.span());
      }
      for (Mount m : c.mounts()) {
        spans.add(m.span());
        if (m.source() != null) spans.add(m.source().span());
        if (m.target() != null) spans.add(m.target().span());
      }
      for (PortMapping p : c.ports()) spans.add(p.span());
      for (EnvVar e : c.env()) spans.add(e.span());
    }
    for (Span s : spans) assertInside(s, lines, text);
  }

  @Property(tries = 500)
  void composeLikeTextNeverThrowsAndStaysInside(@ForAll("composeLike") String text) {
    check(text);
  }

  @Property(tries = 300)
  void arbitraryUnicodeNeverThrows(@ForAll @StringLength(max = 300) String text) {
    check(text);
  }

  @Provide
  Arbitrary<String> composeLike() {
    return Arbitraries.of(
            "services:",
            "\n",
            "\n  ",
            "\n    ",
            "  ",
            "a:",
            "web:",
            "image: ",
            "nginx",
            ":latest",
            "privileged: true",
            "privileged: ",
            "- ",
            "/:/host",
            "volumes:",
            "ports:",
            "\"8080:80\"",
            "environment:",
            "A=b",
            "{",
            "}",
            "[",
            "]",
            ",",
            "&a ",
            "*a",
            "<<: ",
            "${X:-y}",
            "$$",
            "\"",
            "'",
            "\uD83D\uDE00",
            "\u00e9",
            ":",
            "#",
            "\t",
            "|",
            ">",
            "build:",
            "extends:",
            "deploy:",
            "limits:",
            "memory: 1g",
            "---",
            "\r\n",
            "true",
            "null",
            "~")
        .list()
        .ofMaxSize(60)
        .map(l -> String.join("", l));
  }
}
