package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A generated project (Dockerfiles, a compose file with its .env, override and the Dockerfile it builds, scripts,
 * Markdown, CI YAML, daemon.json) linted by the whole CLI with one job and with several: the reports are
 * byte-for-byte the same, in every output format that lists findings, and so is the exit code.
 */
class ParallelDeterminismProperties {
  record Project(List<String> names, List<byte[]> contents) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < names.size(); i++) {
        b.append("--- ")
            .append(names.get(i))
            .append('\n')
            .append(new String(contents.get(i), StandardCharsets.UTF_8))
            .append('\n');
      }
      return b.toString();
    }
  }

  record Run(int code, String out, String err) {}

  static Run cli(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    // the text summary says how long the run took: the one thing allowed to differ
    String report = out.toString(StandardCharsets.UTF_8).replaceAll("\\(\\d+ ms\\)", "(N ms)");
    return new Run(code, report, err.toString(StandardCharsets.UTF_8));
  }

  @Property(tries = 15)
  void oneJobOrManyGiveTheSameReport(
      @ForAll("projects") Project project, @ForAll("formats") String format) throws IOException {
    Path dir = Files.createTempDirectory("hardock-parallel");
    try {
      for (int i = 0; i < project.names().size(); i++) {
        Path p = dir.resolve(project.names().get(i));
        Files.createDirectories(p.getParent());
        Files.write(p, project.contents().get(i));
      }
      Run one = cli(List.of("-f", format, "--no-color", "-j", "1", dir.toString()));
      Run many = cli(List.of("-f", format, "--no-color", "-j", "4", dir.toString()));
      assertTrue(one.code() == 0 || one.code() == 1, () -> "exit " + one.code() + ": " + one.err());
      assertEquals(one, many);
      assertTrue(!one.out().contains("internal error"), one::out);
      // the same run again: nothing depends on the order threads finish in, nor on state left by a
      // previous run
      assertEquals(many, cli(List.of("-f", format, "--no-color", "-j", "4", dir.toString())));
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  @Provide
  Arbitrary<String> formats() {
    return Arbitraries.of("json", "gnu", "sarif", "text");
  }

  @Provide
  Arbitrary<Project> projects() {
    Arbitrary<List<byte[]>> dockerfiles =
        Gen.anyBytesFor(Gen.dockerfile()).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<byte[]> compose = Gen.damaged(Gen.compose());
    Arbitrary<byte[]> override = Gen.damaged(Gen.compose());
    Arbitrary<byte[]> env = Gen.damaged(Gen.dotEnv());
    Arbitrary<List<byte[]>> runs =
        Combinators.combine(
                Gen.damaged(Gen.shellScript()),
                Gen.damaged(Gen.markdown()),
                Gen.damaged(Gen.githubWorkflow()),
                Gen.damaged(Gen.gitlabCi()),
                Gen.damaged(Gen.makefile()))
            .as(List::of);
    Arbitrary<byte[]> daemon = Gen.anyBytesFor(Gen.daemonJson());
    return Combinators.combine(dockerfiles, compose, override, env, runs, daemon)
        .as(
            (ds, c, o, e, rs, d) -> {
              List<String> names = new ArrayList<>();
              List<byte[]> contents = new ArrayList<>();
              for (int i = 0; i < ds.size(); i++) {
                names.add(i == 0 ? "Dockerfile" : "svc" + i + "/Dockerfile");
                contents.add(ds.get(i));
              }
              names.addAll(
                  List.of(
                      "compose.yaml",
                      "compose.override.yaml",
                      ".env",
                      "deploy.sh",
                      "README.md",
                      ".github/workflows/ci.yml",
                      ".gitlab-ci.yml",
                      "Makefile",
                      "daemon.json"));
              contents.addAll(List.of(c, o, e));
              contents.addAll(rs);
              contents.add(d);
              return new Project(names, contents);
            });
  }
}
