package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.io.DiskAccess;
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
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The readers of dev containers, Quadlet and systemd units never throw, and every span they give lies inside
 * the input; JSON with comments keeps each string character at its offset.
 */
class ContainerSourcePropertiesTest {
  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\"image\"",
            "\"runArgs\"",
            "\"privileged\"",
            "\"mounts\"",
            "\"capAdd\"",
            "\"containerEnv\"",
            "\"appPort\"",
            "\"build\"",
            "\"dockerfile\"",
            "\"dockerComposeFile\"",
            "\"--privileged\"",
            "\"-v\"",
            "\"/:/h\"",
            "\"type=bind,source=/x,target=/y\"",
            "\"source\"",
            "\"target\"",
            "true",
            "false",
            "null",
            "8080",
            "-1",
            "1e5",
            "\"a\\\"b\"",
            "\"\\u0041\"",
            "\"\\x\"",
            "// c\n",
            "/* c */",
            "/*",
            "\n",
            " ",
            "\t",
            "\r\n",
            "\uD800",
            "\u0000",
            "\"${localEnv:X}\"");
    Arbitrary<String> shaped = tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    return Arbitraries.oneOf(shaped, shaped, shaped, Arbitraries.strings().ofMaxLength(80));
  }

  @Property(tries = 300)
  void devContainersNeverThrowAndSpansStayInside(@ForAll("jsonish") String text) {
    SourceFile file = SourceFile.of(null, "devcontainer.json", text, SourceKind.DEVCONTAINER);
    DevContainerReader.Result r =
        DevContainerReader.read(file, new DiskAccess(Path.of(".").toAbsolutePath()));
    inside(text, r.run());
  }

  @Provide
  Arbitrary<String> unitish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "[Container]\n",
            "[Service]\n",
            "[",
            "]",
            "Image=",
            "Image=a:1",
            "Network=host",
            "AddCapability=",
            "SYS_ADMIN ",
            "\"a b\"",
            "Environment=",
            "A=1 ",
            "PodmanArgs=",
            "--privileged",
            "Volume=",
            "/:/h",
            "%h/x:/y",
            "SecurityLabelDisable=true",
            "NoNewPrivileges=",
            "MemoryMax=",
            "ExecStart=",
            "ExecStartPre=-",
            "@",
            "+",
            "!!",
            "docker run ",
            "podman run ",
            "-v /:/h ",
            "$X",
            "%i",
            "\\\n",
            "\n",
            "\r\n",
            "# c\n",
            "; c\n",
            " ",
            "\t",
            "=",
            "'",
            "\"",
            "\uD800",
            "\u0000");
    Arbitrary<String> shaped = tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    return Arbitraries.oneOf(shaped, shaped, shaped, Arbitraries.strings().ofMaxLength(80));
  }

  @Property(tries = 300)
  void unitsNeverThrowAndSpansStayInside(@ForAll("unitish") String text) {
    LineIndex lines = new LineIndex(text);
    inside(text, QuadletReader.read(text, lines, "a.container"));
    inside(text, RunLineReader.read(text, lines, RunBlocks.Format.SYSTEMD));
  }

  @Provide
  Arbitrary<String> ansibleish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "- name: x\n",
            "  docker_container:\n",
            "  containers.podman.podman_container:\n",
            "    image: a:1\n",
            "    privileged: yes\n",
            "    privileged: \"{{ p }}\"\n",
            "    volumes:\n",
            "      - /:/h\n",
            "    mounts:\n",
            "      - source: /etc\n",
            "        target: /x\n",
            "        read_only: true\n",
            "    env:\n",
            "      A: \"b\"\n",
            "    published_ports: [\"80:80\"]\n",
            "    state: absent\n",
            "{",
            "}",
            "[",
            "]",
            ": ",
            "- ",
            "  ",
            "\n",
            "'",
            "\"",
            "&a ",
            "*a",
            "<<: ",
            "\t",
            "\uD800",
            "\u0000",
            "{{ x }}");
    Arbitrary<String> shaped = tokens.list().ofMaxSize(40).map(l -> String.join("", l));
    return Arbitraries.oneOf(shaped, shaped, shaped, Arbitraries.strings().ofMaxLength(80));
  }

  @Property(tries = 300)
  void ansibleNeverThrowsAndSpansStayInside(@ForAll("ansibleish") String text) {
    inside(text, AnsibleReader.read(text, new LineIndex(text)));
  }

  @Example
  void jsoncStringsKeepTheirOffsets() throws Jsonc.Problem {
    String text = "{ // c\n  \"k\": \"a\\\"b\\u0041\", /* x */ \"n\": [1, true,],\n}";
    Jsonc.Obj o = (Jsonc.Obj) Jsonc.parse(text);
    Jsonc.Str s = (Jsonc.Str) o.get("k");
    assertEquals("a\"bA", s.value());
    assertEquals(text.indexOf("a\\"), s.text().originalOffset(0));
    assertEquals(text.indexOf("\\\"b"), s.text().originalOffset(1));
    assertEquals(text.indexOf("\\u0041"), s.text().originalOffset(3));
    assertEquals(2, ((Jsonc.Arr) o.get("n")).items().size());
  }

  /** Every span of a reader's result lies inside the text. */
  static void inside(String text, RunLineReader.Result r) {
    LineIndex lines = new LineIndex(text);
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
          s.line() >= 1
              && s.column() >= 1
              && s.compareTo(end) <= 0
              && (s.endLine() < end.endLine()
                  || s.endLine() == end.endLine() && s.endColumn() <= end.endColumn()),
          s + " past " + end);
    }
  }
}
