package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardock.engine.Baseline;
import dev.hardock.engine.Config;
import dev.hardock.engine.FileResult;
import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import dev.hardock.source.config.ConfigReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs the robustness properties found product bugs with, each kept as an exact example. */
class PropertyRegressionsTest {
  static List<String> findings(String name, SourceKind kind, String text, String rule) {
    FileResult r = LintProperties.lint(name, kind, text.getBytes(StandardCharsets.UTF_8));
    return r.findings().stream()
        .filter(f -> f.rule().id().equals(rule))
        .map(PropertyRegressionsTest::at)
        .toList();
  }

  static String at(Finding f) {
    return f.span() + " " + f.message();
  }

  /**
   * An emoji whose surrogate pair straddles snakeyaml-engine's 1,024-character read buffer, inside a quoted
   * scalar: its StreamReader read past its buffer (IndexOutOfBoundsException), an internal error on a valid
   * compose file, Ansible playbook or .hardock.yaml. Every offset around the buffer's end, every YAML reader.
   */
  @Test
  void anEmojiAcrossTheYamlReadBuffersEnd() throws Exception {
    String emoji = "\uD83D\uDE00";
    for (int pad = 940; pad < 1040; pad++) {
      String x = "x".repeat(pad);
      for (String[] c :
          new String[][] {
            {"compose.yaml", "services:\n  web:\n    image: nginx\n    labels: {\"a\": \"%s\"}\n"},
            {
              "site.yml",
              "- hosts: all\n  tasks:\n    - docker_container: {name: \"%s\", image: nginx}\n"
            },
            {".gitlab-ci.yml", "job:\n  script:\n    - \"echo %s\"\n"}
          }) {
        SourceKind kind =
            c[0].equals("compose.yaml")
                ? SourceKind.COMPOSE
                : c[0].equals("site.yml") ? SourceKind.ANSIBLE : SourceKind.RUN;
        int before = LintProperties.ALL_RULES.failures().size();
        LintProperties.lint(
            c[0], kind, String.format(c[1], x + emoji).getBytes(StandardCharsets.UTF_8));
        assertEquals(
            before,
            LintProperties.ALL_RULES.failures().size(),
            c[0] + " with " + pad + " characters before the emoji");
      }
      ConfigReader.read("rules: {HD101: \"" + x + emoji + "\"}\n");
    }
  }

  /** An offset at the '\n' of a CRLF is the start of the next line, as after an LF; it was a column past its line. */
  @Test
  void offsetInsideCrlfIsTheNextLineStart() {
    LineIndex lines = new LineIndex("ab\r\ncd");
    assertEquals(new Span(2, 1, 2, 1), lines.span(3, 3));
    assertEquals(new Span(1, 1, 2, 1), lines.span(0, 3));
    assertEquals(new LineIndex("ab\ncd").span(0, 3), lines.span(0, 3));
    assertEquals(1, lines.column(3));
    assertEquals(new Span(2, 1, 2, 2), lines.span(4, 5));
    // a lone CR and LF are untouched
    assertEquals(new Span(2, 1, 2, 1), new LineIndex("ab\rcd").span(3, 3));
  }

  /**
   * A GitLab block scalar whose shell quote does not close, in a CRLF file: the end of input was at 7:32, past
   * the line; now the quote itself, 7:30, as in the LF file. The same for a folded GitHub step whose heredoc never ends.
   */
  @Test
  void unterminatedQuoteAtTheEndOfACrlfBlockScalar() {
    String text =
        "stages: [build]\r\nbuild:\r\n  script:\r\n  - |\r\n      docker run node\r\n  - |\r\n"
            + "      apt-get install -y A=1 \"\r\n";
    String quote =
        "7:30-7:31 unterminated \" quote: the shell finds no closing \" and fails with a syntax error";
    assertEquals(List.of(quote), findings(".gitlab-ci.yml", SourceKind.RUN, text, "HD001"));
    assertEquals(
        List.of(quote),
        findings(".gitlab-ci.yml", SourceKind.RUN, text.replace("\r\n", "\n"), "HD001"));
    String workflow =
        "on: push\r\njobs:\r\n  b:\r\n    steps:\r\n      - run: >-\r\n          cat <<EOF\r\n          docker run --privileged x\r\n          EOF\r\n";
    assertEquals(
        List.of("9:1-9:1 here-document not terminated by `EOF`"),
        findings(".github/workflows/ci.yml", SourceKind.RUN, workflow, "HD001"));
    assertEquals(
        List.of("9:1-9:1 here-document not terminated by `EOF`"),
        findings(
            ".github/workflows/ci.yml", SourceKind.RUN, workflow.replace("\r\n", "\n"), "HD001"));
  }

  /** An alias inside the value it names never ended: a StackOverflowError ("internal error") from .hardock.yaml. */
  @Test
  void configAliasThatContainsItself() {
    ConfigReader.Problem p =
        assertThrows(ConfigReader.Problem.class, () -> ConfigReader.read("exclude: &a [*a]\n"));
    assertEquals(
        "1:10-1:10 an alias refers to a value that contains it", p.span + " " + p.getMessage());
    ConfigReader.Problem deep =
        assertThrows(
            ConfigReader.Problem.class,
            () -> ConfigReader.read("exclude: " + "[".repeat(100) + "]".repeat(100) + "\n"));
    assertEquals("values nested more than 64 levels deep", deep.getMessage());
  }

  /** A .hardock.yaml that is not UTF-8 was refused with the decoder's "Input length = 1". */
  @Test
  void configThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path f =
        Files.write(
            dir.resolve(".hardock.yaml"),
            new byte[] {'f', 'a', 'i', 'l', '-', 'o', 'n', ':', ' ', (byte) 0xC3, '\n'});
    Config.Invalid e = assertThrows(Config.Invalid.class, () -> Config.load(f));
    assertEquals(f + ":1:1: cannot read the configuration: it is not UTF-8 text", e.getMessage());
  }

  /** A baseline that is not UTF-8 said only "Input length = 1"; one with a BOM was "not a hardock baseline". */
  @Test
  void baselineThatIsNotUtf8OrStartsWithABom(@TempDir Path dir) throws Exception {
    Path bad = Files.write(dir.resolve("bad.json"), new byte[] {(byte) 0xC3, '{', '}'});
    assertEquals(
        bad + ": not a hardock baseline: not UTF-8 text",
        assertThrows(java.io.IOException.class, () -> Baseline.read(bad)).getMessage());
    Path bom =
        Files.write(
            dir.resolve("bom.json"),
            ("\uFEFF{\"findings\": [{\"fingerprint\": \"x\"}]}").getBytes(StandardCharsets.UTF_8));
    Baseline.read(bom);
  }
}
