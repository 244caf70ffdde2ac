package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.EnvVar;
import dev.hardock.model.LineIndex;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.model.container.PortMapping;
import dev.hardock.model.container.Setting;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The run-line reader never throws, on scripts, Markdown and YAML alike, and every span lies inside the input. */
class RunLineReaderPropertiesTest {

  @Provide
  Arbitrary<String> runish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "docker",
            " run",
            " create",
            " container",
            "podman run",
            "sudo ",
            " -v",
            " /:/h",
            " -p",
            " 80:80",
            " [::1]:1:2/udp",
            " -e",
            " A=1",
            " --mount",
            " type=bind,src=/x,ro",
            " --privileged",
            " -itd",
            " -p80",
            " --",
            " --x=1",
            " --cap-add",
            " SYS_ADMIN,",
            " $X",
            " ${X:-a}",
            "X=1",
            "$(",
            ")",
            "`",
            "'",
            "\"",
            "\\\n",
            "\n",
            "\r\n",
            " ",
            "\t",
            "&&",
            "|",
            ";",
            "#",
            "$ ",
            "> ",
            "```",
            "```sh\n",
            "```console\n",
            "~~~",
            "<x>",
            "run: |\n",
            "  - run: ",
            "script:\n",
            "  ",
            ": ",
            "- ",
            "|",
            ">",
            "${{ a }}",
            "\t@",
            "$$",
            "\uD800",
            "\u0000",
            "\uD83D\uDE00",
            "C:\\d:/d",
            "::",
            ",,",
            "=",
            // Markdown containers, Makefile engines and inline recipes, workflow containers
            "    ",
            "1. ",
            "* ",
            "> > ",
            "~~~bash\n",
            ">\t",
            "````",
            "DOCKER ?= docker\n",
            "$(DOCKER)",
            "${DOCKER}",
            "a: ; ",
            "jobs:\n",
            "  j:\n",
            "    container: ",
            "    services:\n",
            "      s:\n",
            "        options: ",
            "        image: ",
            "        ports: [",
            "        env: {",
            "        volumes:\n",
            "          - ");
    Arbitrary<String> shaped = tokens.list().ofMaxSize(50).map(l -> String.join("", l));
    return Arbitraries.oneOf(shaped, shaped, shaped, Arbitraries.strings().ofMaxLength(80));
  }

  @Property(tries = 300)
  void neverThrowsAndSpansStayInside(@ForAll("runish") String text) {
    for (RunBlocks.Format f : RunBlocks.Format.values()) {
      LineIndex lines = new LineIndex(text);
      RunLineReader.Result r = RunLineReader.read(text, lines, f);
      Span end = lines.span(text.length(), text.length());
      List<Span> spans = new ArrayList<>();
      for (ParseProblem p : r.problems()) spans.add(p.span());
      for (ParseProblem p : r.unknownFlags()) spans.add(p.span());
      for (EnvVar e : r.env()) spans.add(e.span());
      for (SourceText t : r.texts()) spans.add(t.span());
      for (ContainerSpec c : r.containers()) {
        spans.add(c.span());
        if (c.image() != null) spans.add(c.image().span());
        for (Mount m : c.mounts()) {
          spans.add(m.span());
          if (m.source() != null) spans.add(m.source().span());
          if (m.target() != null) spans.add(m.target().span());
        }
        for (PortMapping p : c.ports()) spans.add(p.span());
        for (EnvVar e : c.env()) spans.add(e.span());
        for (Setting<String> s : c.capAdd()) spans.add(s.span());
        for (Setting<?> s :
            new Setting<?>[] {c.privileged(), c.user(), c.networkMode(), c.memory()}) {
          if (s != null) spans.add(s.span());
        }
      }
      for (Span s : spans) {
        assertTrue(
            s.compareTo(end) <= 0
                && (s.endLine() < end.endLine()
                    || s.endLine() == end.endLine() && s.endColumn() <= end.endColumn()),
            f + ": " + s + " past " + end);
      }
    }
  }
}
