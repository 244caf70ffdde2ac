package dev.hardock.rule.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.engine.Config;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DirectEval compares the view's texts without masking them where masking cannot change the answer
 * (ModelView.Masked#is): the answers are those of the masked texts, as cel-java gives them, also where a text
 * holds a secret and the constant is the secret itself or its masked form.
 */
class DirectEvalMaskedTest {
  @TempDir Path tmp;

  @Test
  void textsHoldingSecretsCompareMasked() throws Exception {
    Path dockerfile = tmp.resolve("Dockerfile");
    Files.writeString(
        dockerfile,
        "FROM registry.acme.io/base:1\n"
            + "RUN curl -u admin:hunter2222 https://x.io/a && echo AKIAIOSFODNN7EXAMPLE"
            + " && apt-get install -y curl && mysql -phunter2222\n"
            + "ENV DB_PASSWORD=hunter2222 OTHER=plainvalue1\n");
    String masked = ModelView.maskedText("AKIAIOSFODNN7EXAMPLE");
    String yaml =
        "custom-rules:\n"
            + rule("M01", "instruction.commands.exists(c, \\\"AKIAIOSFODNN7EXAMPLE\\\" in c.args)")
            + rule("M02", "instruction.commands.exists(c, \\\"" + masked + "\\\" in c.args)")
            + rule(
                "M03",
                "instruction.commands.exists(c, c.args.exists(a, a == \\\"AKIAIOSFODNN7EXAMPLE\\\"))")
            + rule(
                "M04",
                "instruction.commands.exists(c, c.args.exists(a, \\\"" + masked + "\\\" == a))")
            + rule(
                "M05",
                "instruction.commands.exists(c, c.args.exists(a, a != \\\"admin:hunter2222\\\"))")
            + rule("M06", "instruction.commands.exists(c, \\\"admin:hunter2222\\\" in c.args)")
            + rule(
                "M07",
                "instruction.commands.exists(c, c.name == \\\"apt-get\\\" && \\\"install\\\" in c.args)")
            + rule("M08", "instruction.commands.exists(c, c.name in [\\\"mysql\\\", \\\"psql\\\"])")
            + rule("M09", "instruction.commands.exists(c, \\\"-phunter2222\\\" in c.args)")
            + rule(
                "M10",
                "instruction.commands.exists(c, c.args.exists(a, a.startsWith(\\\"-p\\\") && a == \\\"-p**********\\\"))")
            + rule(
                "M11",
                "instruction.keyword == \\\"FROM\\\" && instruction.image.name == \\\"registry.acme.io/base\\\"")
            + rule("M12", "instruction.commands.exists(c, c.args.exists(a, [a] == [\\\"curl\\\"]))")
            + rule(
                "M13",
                "instruction.commands.exists(c, c.args.exists(a, a.startsWith(\\\"AKIA\\\")))")
            + rule(
                "M14",
                "instruction.commands.exists(c, c.args.exists(a, a.endsWith(\\\"EXAMPLE\\\")))")
            + rule(
                "M15",
                "instruction.commands.exists(c, c.args.exists(a, a.startsWith(\\\"AKIAIOSF\\\")))")
            + rule(
                "M16", "instruction.commands.exists(c, c.args.exists(a, a.endsWith(\\\"****\\\")))")
            + rule("M17", "instruction.commands.exists(c, c.name.endsWith(\\\"-get\\\"))")
            + rule(
                "M18",
                "instruction.keyword == \\\"ENV\\\" && instruction.pairs.exists(p, p.value == \\\"hunter2222\\\")")
            + rule(
                "M19",
                "instruction.keyword == \\\"ENV\\\" && instruction.pairs.exists(p, p.value == \\\"plainvalue1\\\")")
            + rule(
                "M20",
                "instruction.keyword == \\\"ENV\\\" && instruction.pairs.exists(p, p.value.startsWith(\\\"hunter\\\") || p.value in [\\\"hunter2222\\\"])");
    List<String> direct = bothWays(dockerfile, yaml, "M");
    List<String> ids = direct.stream().map(s -> s.substring(0, 3)).distinct().sorted().toList();
    // the secrets are not seen (M01, M03, M06, M09); their masked forms are (M02, M04)
    assertEquals(
        List.of("M02", "M04", "M05", "M07", "M08", "M10", "M11", "M12", "M13", "M16", "M17", "M19"),
        ids,
        direct.toString());
  }

  @Test
  void lazyNodesAndRedactedValuesAnswerAsCelJavaDoes() throws Exception {
    // the file node (its path made when read), instructions that answer has(commands) unmade,
    // commands known by their name, and values redacted whole (a secret's name, in any case) or
    // masked when read: of any length, empty, astral, shorter than a redaction's prefix
    Path dockerfile = tmp.resolve("Dockerfile");
    String emoji = "\uD83D\uDE00";
    Files.writeString(
        dockerfile,
        "FROM registry.acme.io/base:1\n"
            + "RUN curl -u admin:hunter2222 https://x.io/a\n"
            + "ENV DB_PASSWORD=hunter2222 OTHER=plainvalue1 API_TOKEN=longsecretvalue123"
            + " SHORT_SECRET=abc\n"
            + "ENV Password=\u00e9\u00e9\u00e9\u00e9\u00e9 PASSWD=\"\" my_secret="
            + emoji.repeat(3)
            + " GITHUB_TOKEN="
            + emoji.repeat(12)
            + "\n"
            + "COPY a b\n"
            + "HEALTHCHECK NONE\n");
    String[] when = {
      "dyn(file) == {'path': 'Dockerfile', 'kind': 'dockerfile'}",
      "size(dyn(file)) == 2 && has(file.path) && 'path' in dyn(file)",
      "dyn(file).exists(k, k == 'path') && file.path.endsWith('Dockerfile')",
      "has(instruction.commands) || has(instruction.form) || 'form' in dyn(instruction)",
      "dyn(instruction).exists(k, k == 'commands')",
      "has(instruction.commands) && instruction.commands.exists(c, size(dyn(c)) == 3"
          + " && dyn(c).exists(k, k == 'args') && c.name.startsWith('cu'))",
      "has(instruction.commands) && instruction.commands.exists(c, dyn(c) == {'name': 'curl',"
          + " 'args': ['-u', 'admin:**********', 'https://x.io/a'], 'span': c.span})",
      "has(instruction.commands) && instruction.commands.exists(c, c.args.exists(a,"
          + " a.startsWith('admin:hun') || a.endsWith('2222')))",
      "has(instruction.pairs) && instruction.pairs.exists(p, p.value == '****')",
      "has(instruction.pairs) && instruction.pairs.exists(p, p.value.startsWith('hunt')"
          + " || p.value.endsWith('2222') || p.value in ['hunter2222', 'abc'])",
      "has(instruction.pairs) && instruction.pairs.exists(p, p.value == 'long****'"
          + " && p.value.startsWith('long') && p.value.endsWith('****') && size(p.value) == 8)",
      "has(instruction.pairs) && instruction.pairs.exists(p, p.value.startsWith('longs'))",
      "has(instruction.pairs) && instruction.pairs.exists(p, p.value == ''"
          + " && p.value.startsWith('') && p.value.endsWith(''))",
      "has(instruction.pairs) && instruction.pairs.exists(p, p.value == '"
          + "\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9' || p.value == '"
          + "\\U0001F600\\U0001F600\\U0001F600')",
      "has(instruction.pairs) && instruction.pairs.exists(p, p.value == '"
          + "\\U0001F600\\U0001F600\\U0001F600\\U0001F600****'"
          + " && p.value.startsWith('\\U0001F600\\U0001F600\\U0001F600\\U0001F600'))",
      "has(instruction.pairs) && instruction.pairs.exists(p, p.value == 'plainvalue1'"
          + " && p.value.startsWith('plain') && size(p.value) == 11)",
    };
    StringBuilder yaml = new StringBuilder("custom-rules:\n");
    for (int i = 0; i < when.length; i++) {
      String id = String.format("L%02d", i);
      yaml.append("  - {id: ")
          .append(id)
          .append(", slug: s-")
          .append(id.toLowerCase())
          .append(", on: instruction, when: \"")
          .append(when[i])
          .append(
              "\", message: '{{has(instruction.pairs) ? instruction.pairs.map(p, p.value) : []}}'}\n");
    }
    List<String> direct = bothWays(dockerfile, yaml.toString(), "L");
    List<String> ids = direct.stream().map(s -> s.substring(0, 3)).distinct().sorted().toList();
    // L07, L09, L11: secrets are seen masked or redacted; L13: a secret's short value is ****
    assertEquals(
        List.of("L00", "L01", "L02", "L03", "L04", "L05", "L06", "L08", "L10", "L12", "L14", "L15"),
        ids,
        direct.toString());
    // the messages show the values as redacted (or masked): never a secret's value
    for (String f : direct) {
      for (String secret : List.of("hunter2222", "longsecretvalue123", "abc", emoji.repeat(5)))
        assertEquals(-1, f.indexOf(secret), f);
    }
  }

  /** The custom rules' findings of a lint of {@code file} (the view custom rules read: texts masked when read). */
  /** The findings of rules {@code ids}... with DirectEval, which must be cel-java's (DirectEval off). */
  private List<String> bothWays(Path file, String yaml, String ids) throws Exception {
    boolean was = CelExpressions.directly;
    try {
      CelExpressions.directly = true;
      List<String> direct = lint(file, yaml, ids);
      CelExpressions.directly = false;
      assertEquals(lint(file, yaml, ids), direct);
      return direct;
    } finally {
      CelExpressions.directly = was;
    }
  }

  private List<String> lint(Path file, String yaml, String ids) throws Exception {
    Config c = Config.parse(tmp.resolve(".hardock.yaml"), yaml);
    dev.hardock.engine.FileResult r =
        new Linter(c.settings(java.util.Set.of(), java.util.Set.of()))
            .lint(new Target(file, "Dockerfile", SourceKind.DOCKERFILE), Files.readAllBytes(file));
    c.ready();
    return r.findings().stream()
        .filter(f -> f.rule().id().startsWith(ids))
        .map(f -> f.rule().id() + " " + f.span() + " " + f.message())
        .toList();
  }

  private static String rule(String id, String when) {
    return "  - {id: "
        + id
        + ", slug: s-"
        + id.toLowerCase()
        + ", on: instruction, when: \""
        + (when.startsWith("instruction.keyword") ? "" : "has(instruction.commands) && ")
        + when
        + "\", message: 'x'}\n";
  }
}
