package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.SourceFile;
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
import org.junit.jupiter.api.Test;

/**
 * The suppression step on its own, source by source: findings are made up (at given lines), so the comment
 * syntax of shell, compose, CI YAML and Markdown is tested whatever readers exist.
 */
class SuppressionsTest {
  static Finding at(String rule, int line, int col) {
    RuleMeta m = RuleRegistry.builtIn().find(rule);
    return new Finding(
        m, m.severity(), "f", new Span(line, col, line, col + 1), "m", SourceKind.RUN);
  }

  /** Kept findings as "RULE@line" plus "/" and the suppressed ones. */
  static String apply(
      String name, SourceKind kind, String text, LintSettings settings, Finding... findings) {
    SourceFile file = SourceFile.of(Path.of(name), name, text, kind);
    // a comment covers findings of its own file: the made-up findings are in the file under test
    List<Finding> in = new ArrayList<>();
    for (Finding f : findings) in.add(f.withFile(name));
    Suppressions.Applied a = Suppressions.apply(file, in, settings);
    List<String> kept =
        a.kept().stream()
            .map(f -> f.rule().id() + "@" + f.span().line() + ":" + f.span().column())
            .toList();
    List<String> gone =
        a.suppressed().stream()
            .map(
                s ->
                    s.finding().rule().id()
                        + "@"
                        + s.finding().span().line()
                        + "("
                        + s.justification()
                        + ")")
            .toList();
    return String.join(" ", kept) + " / " + String.join(" ", gone);
  }

  static String apply(String name, SourceKind kind, String text, Finding... findings) {
    return apply(name, kind, text, LintSettings.DEFAULT, findings);
  }

  @Test
  void shellLineAboveCoversTheContinuedCommandAndTrailingCoversItsLine() {
    String sh =
        "#!/bin/sh\n"
            + "# hardock-ignore HD201, hardcoded-credential: demo only\n"
            + "docker run \\\n"
            + "  -e T=x nginx\n"
            + "docker run nginx # hardock-ignore latest-tag: trailing\n"
            + "docker run nginx\n";
    assertEquals(
        "HD201@6:12 / HD201@4(demo only) HD403@3(demo only) HD201@5(trailing)",
        apply(
            "run.sh",
            SourceKind.RUN,
            sh,
            at("HD201", 4, 11),
            at("HD403", 3, 1),
            at("HD201", 5, 12),
            at("HD201", 6, 12)));
  }

  @Test
  void composeKeyCoversItsIndentedBlock() {
    String yaml =
        "services:\n"
            + "  web:\n"
            + "    # hardock-ignore HD401: local test database\n"
            + "    environment:\n"
            + "      - DB_PASSWORD=x\n"
            + "      - API_TOKEN=y\n"
            + "    image: nginx  # hardock-ignore HD201: trailing in YAML\n"
            + "  db:\n"
            + "    environment: [PASSWORD=z]\n";
    assertEquals(
        "HD401@9:19 / HD401@5(local test database) HD401@6(local test database) HD201@7(trailing in YAML)",
        apply(
            "compose.yaml",
            SourceKind.COMPOSE,
            yaml,
            at("HD401", 5, 9),
            at("HD401", 6, 9),
            at("HD201", 7, 12),
            at("HD401", 9, 19)));
  }

  @Test
  void ciYamlRunBlockIsCoveredFromTheKeyAbove() {
    String yaml =
        "jobs:\n  t:\n    steps:\n      # hardock-ignore HD201: demo\n      - run: |\n          docker run nginx\n          docker run redis\n      - run: docker run busybox\n";
    assertEquals(
        "HD201@8:25 / HD201@6(demo) HD201@7(demo)",
        apply(
            "ci.gitlab-ci.yml",
            SourceKind.RUN,
            yaml,
            at("HD201", 6, 22),
            at("HD201", 7, 22),
            at("HD201", 8, 25)));
  }

  @Test
  void markdownDirectivesInsideQuotesListsAndIndentedBlocks() {
    String md =
        "Intro.\n\n"
            + "> <!-- hardock-ignore HD201: quoted example -->\n" // 3
            + "> ```sh\n"
            + "> docker run nginx\n" // 5: covered by the comment above the quoted fence
            + "> docker run redis\n" // 6: covered too
            + "> ```\n"
            + "\n"
            + "- a step:\n" // 9
            + "  ```sh\n"
            + "  # hardock-ignore HD201: list item\n" // 11
            + "  docker run busybox\n" // 12: covered
            + "  docker run alpine\n" // 13: not covered
            + "  ```\n"
            + "\n"
            + "<!-- hardock-ignore HD201: indented block -->\n" // 16
            + "\n"
            + "    $ docker run httpd\n" // 18: covered (the block opens here)
            + "    $ docker run caddy\n" // 19: covered
            + "\n"
            + "    $ docker run traefik\n" // 21: same block after a blank line, covered
            + "\n"
            + "After.\n"
            + "\n"
            + "```sh\n"
            + "docker run postgres\n"; // 26: not covered, unterminated fence
    assertEquals(
        "HD201@13:14 HD201@26:12 / HD201@5(quoted example) HD201@6(quoted example) HD201@12(list item)"
            + " HD201@18(indented block) HD201@19(indented block) HD201@21(indented block)",
        apply(
            "README.md",
            SourceKind.RUN,
            md,
            at("HD201", 5, 14),
            at("HD201", 6, 14),
            at("HD201", 12, 14),
            at("HD201", 13, 14),
            at("HD201", 18, 18),
            at("HD201", 19, 18),
            at("HD201", 21, 18),
            at("HD201", 26, 12)));
  }

  @Test
  void markdownCommentOnAListMarkerLineCoversTheItemsBlockAndOneAtTheEndIsUnused() {
    String md =
        "1. <!-- hardock-ignore HD201: demo -->\n"
            + "   ```sh\n"
            + "   docker run nginx\n" // 3: covered
            + "   ```\n"
            + "- second\n"
            + "<!-- hardock-ignore HD101: nothing after it -->\n";
    assertEquals(
        "HD004@6:21 / HD201@3(demo)", apply("README.md", SourceKind.RUN, md, at("HD201", 3, 15)));
  }

  @Test
  void markdownHtmlCommentCoversTheNextCodeBlockAndHashWorksInsideBlocks() {
    String md =
        "# Title: hardock-ignore HD201 is a heading here, not a directive\n\n"
            + "<!-- hardock-ignore HD201: the docs show the simplest form -->\n\n"
            + "```sh\n"
            + "docker run nginx\n"
            + "```\n"
            + "```sh\n"
            + "# hardock-ignore HD201: inside a block\n"
            + "docker run redis\n"
            + "docker run busybox\n"
            + "```\n";
    assertEquals(
        "HD201@11:12 / HD201@6(the docs show the simplest form) HD201@10(inside a block)",
        apply(
            "README.md",
            SourceKind.RUN,
            md,
            at("HD201", 6, 12),
            at("HD201", 10, 12),
            at("HD201", 11, 12)));
  }

  @Test
  void fileWideAndDockerfileHeredocAndEscapeDirective() {
    String df =
        "# escape=`\nFROM node\n# hardock-ignore-file HD201: all pinned by the build system\n"
            + "# hardock-ignore HD403: heredoc\nRUN echo a `\n  && cat <<EOF\nsecret\nEOF\nUSER root\n";
    assertEquals(
        "HD302@9:6 / HD201@2(all pinned by the build system) HD403@7(heredoc)",
        apply(
            "Dockerfile",
            SourceKind.DOCKERFILE,
            df,
            at("HD201", 2, 6),
            at("HD403", 7, 1),
            at("HD302", 9, 6)));
  }

  @Test
  void invalidAndUnusedSuppressionsAreReported() {
    String sh =
        "# hardock-ignore HD201, nope: x\ndocker run nginx:1\n# hardock-ignore\ndocker run a\n"
            + "# hardock-ignore HD201\ndocker run b\n";
    LintSettings strict =
        new LintSettings(
            Set.of(),
            Set.of(),
            Map.of(),
            new RuleOptions(Map.of("HD003", Map.of(Config.REQUIRE_REASON, "true"))));
    assertEquals(
        "HD004@1:18 HD003@1:25 HD003@3:3 HD003@5:3 / HD201@6(" + ")",
        apply("a.sh", SourceKind.RUN, sh, strict, at("HD201", 6, 12)));
    // a disabled rule's suppression is not "unused"; JSON has no comments at all
    LintSettings off = new LintSettings(Set.of(), Set.of("HD201"), Map.of(), RuleOptions.NONE);
    assertEquals(" / ", apply("b.sh", SourceKind.RUN, "# hardock-ignore HD201: x\necho\n", off));
    assertEquals(
        "HD001@1:1 / ",
        apply(
            "daemon.json",
            SourceKind.DAEMON,
            "{\"a\": 1} # hardock-ignore HD001: x\n",
            at("HD001", 1, 1)));
  }
}
