package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pathological inputs, each linted by the CLI as a separate process with a small heap (-Xmx64m) and a time
 * limit. Beside each one lies a small known-bad Dockerfile: its finding must still be reported, the
 * pathological file must get findings or a HD001, stderr must hold no stack trace, and the exit code must
 * follow the contract (1: findings; 2: a path that cannot be read).
 */
class PathologicalInputTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KNOWN_BAD = "FROM node\nUSER node\n"; // HD201 at 1:6
  static final long TIMEOUT_SECONDS = 20;

  @TempDir static Path tmp;

  record Outcome(int code, JsonNode report, String stderr) {
    List<JsonNode> findings(String fileSuffix) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode f : report.get("findings"))
        if (f.get("file").asText().endsWith(fileSuffix)) out.add(f);
      return out;
    }
  }

  /** Runs the CLI in a child JVM; the report goes to a file so stdout size never blocks the child. */
  static Outcome cli(Path workDir, List<String> args) throws IOException, InterruptedException {
    return finish(start(workDir, args));
  }

  record Child(Process process, List<String> args, Path report, Path err) {}

  static Child start(Path workDir, List<String> args) throws IOException {
    Path report = Files.createTempFile(tmp, "report", ".json");
    Path err = Files.createTempFile(tmp, "stderr", ".txt");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                javaBin(),
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hardock.cli.Main",
                "-f",
                "json",
                "--no-color"));
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectOutput(report.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    p.getOutputStream().close();
    return new Child(p, args, report, err);
  }

  static Outcome finish(Child c) throws IOException, InterruptedException {
    Process p = c.process();
    if (!p.waitFor(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(
          "hardock did not finish within " + TIMEOUT_SECONDS + " s: " + c.args());
    }
    String stderr = Files.readString(c.err(), StandardCharsets.UTF_8);
    String out = Files.readString(c.report(), StandardCharsets.UTF_8);
    JsonNode json =
        out.isBlank()
            ? JSON.createObjectNode().set("findings", JSON.createArrayNode())
            : JSON.readTree(out);
    return new Outcome(p.exitValue(), json, stderr);
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** One case: a folder holding the pathological file(s) and the known-bad Dockerfile `ok.Dockerfile`. */
  record Case(
      String name,
      Setup setup,
      String pathological,
      Predicate<List<JsonNode>> expectation,
      String expected) {}

  interface Setup {
    void create(Path dir) throws IOException;
  }

  static boolean hasRule(List<JsonNode> fs, String rule) {
    return fs.stream().anyMatch(f -> f.get("ruleId").asText().equals(rule));
  }

  static boolean hd001(List<JsonNode> fs, String messagePart) {
    return fs.stream()
        .anyMatch(
            f ->
                f.get("ruleId").asText().equals("HD001")
                    && f.get("message").asText().contains(messagePart));
  }

  static Predicate<List<JsonNode>> rule(String id) {
    return fs -> hasRule(fs, id);
  }

  static Predicate<List<JsonNode>> rule001(String part) {
    return fs -> hd001(fs, part);
  }

  /** Each of these rules found, and no HD001 at all (neither the memory fallback nor a parse error). */
  static Predicate<List<JsonNode>> realFindings(String... rules) {
    return fs ->
        !hasRule(fs, "HD001") && java.util.Arrays.stream(rules).allMatch(r -> hasRule(fs, r));
  }

  static Predicate<List<JsonNode>> findingsOrHd001() {
    return fs -> !fs.isEmpty();
  }

  static void write(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }

  static void repeat(Path p, String head, String line, int times, String tail) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < times; i++) out.write(b);
      out.write(tail.getBytes(StandardCharsets.UTF_8));
    }
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(
        new Case(
            "20 MB Dockerfile",
            d ->
                repeat(
                    d.resolve("Dockerfile"),
                    "FROM node\n",
                    "RUN echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
                    20 * 1024 * 1024 / 60,
                    ""),
            "Dockerfile",
            rule001("too large"),
            "HD001 too large"));
    // These two fit in 64 MB since the readers keep no whole-file token list or parse tree and
    // plain shell words
    // share their strings: the memory fallback (HD001 "not enough memory") counts as a failure for
    // them.
    c.add(
        new Case(
            "100,000 continuation lines",
            d ->
                repeat(
                    d.resolve("Dockerfile"),
                    "FROM node\nRUN echo \\\n",
                    "  a \\\n",
                    100_000,
                    "  end\n"),
            "Dockerfile",
            realFindings("HD201", "HD301"),
            "HD201 and HD301, no HD001"));
    c.add(
        new Case(
            "RUN with 10,000 &&",
            d ->
                repeat(
                    d.resolve("Dockerfile"),
                    "FROM node\nRUN true",
                    " && apt-get install -y curl",
                    10_000,
                    "\n"),
            "Dockerfile",
            realFindings("HD201", "HD311"),
            "HD201 and HD311, no HD001"));
    c.add(
        new Case(
            "RUN with 10,000 && on continued lines",
            d ->
                repeat(
                    d.resolve("Dockerfile"),
                    "FROM node\nRUN true",
                    " \\\n  && echo $HOME",
                    10_000,
                    "\n"),
            "Dockerfile",
            rule("HD201"),
            "HD201"));
    c.add(
        new Case(
            "YAML bomb (billion laughs)",
            d -> {
              StringBuilder y =
                  new StringBuilder(
                      "x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
              for (char k = 'b'; k <= 'j'; k++) {
                char prev = (char) (k - 1);
                y.append("x-").append(k).append(": &").append(k).append(" [");
                for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ",").append('*').append(prev);
                y.append("]\n");
              }
              y.append(
                  "services:\n  web:\n    image: nginx:latest\n    privileged: true\n    command: *j\n");
              write(d.resolve("compose.yaml"), y.toString());
            },
            "compose.yaml",
            findingsOrHd001(),
            "findings or HD001"));
    c.add(
        new Case(
            "10,000-deep YAML nesting (flow)",
            d ->
                repeat(
                    d.resolve("compose.yaml"),
                    "services:\n  web:\n    image: nginx:latest\n    labels: ",
                    "[",
                    10_000,
                    "]".repeat(10_000) + "\n"),
            "compose.yaml",
            findingsOrHd001(),
            "findings or HD001"));
    c.add(
        new Case(
            "10,000-deep YAML nesting (block)",
            d -> {
              StringBuilder y =
                  new StringBuilder("services:\n  web:\n    image: nginx:latest\n    x-deep:\n");
              for (int i = 0; i < 10_000; i++) y.append(" ".repeat(6 + i)).append("k:\n");
              y.append(" ".repeat(10_006)).append("v\n");
              write(d.resolve("compose.yaml"), y.toString());
            },
            "compose.yaml",
            findingsOrHd001(),
            "findings or HD001"));
    c.add(
        new Case(
            "10,000-deep JSON in daemon.json",
            d ->
                repeat(
                    d.resolve("daemon.json"),
                    "{\"icc\": true, \"x\": ",
                    "[",
                    10_000,
                    "]".repeat(10_000) + "}\n"),
            "daemon.json",
            findingsOrHd001(),
            "findings or HD001"));
    c.add(
        new Case(
            "1 MB single line (Dockerfile)",
            d ->
                repeat(
                    d.resolve("Dockerfile"), "FROM node\nRUN echo ", "a\"b'c${d:-", 100_000, "\n"),
            "Dockerfile",
            rule("HD201"),
            "HD201"));
    c.add(
        new Case(
            "1 MB single line (script)",
            d ->
                repeat(
                    d.resolve("run.sh"),
                    "#!/bin/sh\ndocker run --privileged nginx ",
                    "-e A=1 ",
                    130_000,
                    "\n"),
            "run.sh",
            findingsOrHd001(),
            "findings or HD001"));
    c.add(
        new Case(
            "1 MB single line (Markdown)",
            d ->
                repeat(
                    d.resolve("README.md"),
                    "```sh\ndocker run --privileged nginx ",
                    "`x ",
                    330_000,
                    "\n```\n"),
            "README.md",
            findingsOrHd001(),
            "findings or HD001"));
    c.add(
        new Case(
            "symlink loop",
            d -> {
              Files.createDirectories(d.resolve("a/b"));
              Files.createSymbolicLink(d.resolve("a/b/loop"), d.resolve("a"));
              Files.createSymbolicLink(d.resolve("a/self"), Path.of("."));
              write(d.resolve("a/b/Dockerfile"), "FROM node\n");
            },
            "a/b/Dockerfile",
            rule("HD201"),
            "HD201"));
    c.add(
        new Case(
            "binary file",
            d -> {
              byte[] b = new byte[64 * 1024];
              new java.util.Random(7).nextBytes(b);
              Files.write(d.resolve("Dockerfile"), b);
            },
            "Dockerfile",
            rule001("binary"),
            "HD001 binary"));
    c.add(
        new Case(
            "invalid UTF-8",
            d ->
                Files.write(
                    d.resolve("Dockerfile"),
                    bytes(
                        "FROM node\nRUN echo \u00ff",
                        new byte[] {
                          (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, (byte) 0x82
                        },
                        "\nENV A=\u00e9\n")),
            "Dockerfile",
            rule("HD201"),
            "HD201"));
    c.add(
        new Case(
            "CR-only line ends",
            d -> write(d.resolve("Dockerfile"), "FROM node\rRUN apt-get install curl\rUSER root\r"),
            "Dockerfile",
            findingsOrHd001(),
            "findings or HD001"));
    c.add(
        new Case(
            "BOM",
            d ->
                Files.write(
                    d.resolve("Dockerfile"),
                    bytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "FROM node\n")),
            "Dockerfile",
            fs ->
                fs.stream()
                    .anyMatch(
                        f ->
                            f.get("ruleId").asText().equals("HD201")
                                && f.get("column").asInt() == 6),
            "HD201 at column 6"));
    c.add(
        new Case(
            "NUL bytes after the binary probe",
            d ->
                repeat(
                    d.resolve("Dockerfile"),
                    "FROM node\n",
                    "RUN echo a\n",
                    1_000,
                    "RUN echo \0\0\0\nENV A=\0\n"),
            "Dockerfile",
            rule("HD201"),
            "HD201"));
    c.add(
        new Case(
            "NUL bytes in compose and daemon.json",
            d -> {
              write(
                  d.resolve("compose.yaml"),
                  "services:\n  web:\n    image: nginx:latest\n    command: \"a\0b\"\n\0\n");
              write(d.resolve("daemon.json"), "{\"icc\": true, \0 }");
            },
            "compose.yaml",
            findingsOrHd001(),
            "findings or HD001"));
    c.add(
        new Case(
            "dangling symlink named Dockerfile",
            d -> {
              Files.createDirectories(d.resolve("gone"));
              Files.createSymbolicLink(d.resolve("gone/Dockerfile"), d.resolve("gone/nowhere"));
            },
            null,
            null,
            "nothing (skipped)"));
    return c;
  }

  static byte[] bytes(String head, byte[] middle, String tail) {
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[h.length + middle.length + t.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(middle, 0, out, h.length, middle.length);
    System.arraycopy(t, 0, out, h.length + middle.length, t.length);
    return out;
  }

  @TestFactory
  Stream<DynamicTest> eachPathologicalInputBesideAKnownBadFile() {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      Path dir =
                          Files.createDirectories(
                              tmp.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
                      c.setup().create(dir);
                      write(dir.resolve("ok.Dockerfile"), KNOWN_BAD);
                      Outcome o = cli(dir, List.of("."));
                      assertNoStackTrace(o);
                      assertEquals(
                          1,
                          o.code(),
                          "exit code (findings) for " + c.name() + "; stderr: " + o.stderr());
                      assertTrue(
                          hasRule(o.findings("ok.Dockerfile"), "HD201"),
                          "the known-bad file beside it was linted: " + o.report());
                      if (c.pathological() != null) {
                        List<JsonNode> fs = o.findings(c.pathological());
                        assertTrue(
                            c.expectation().test(fs),
                            "expected "
                                + c.expected()
                                + " for "
                                + c.pathological()
                                + ", got "
                                + fs);
                      }
                    }));
  }

  static void assertNoStackTrace(Outcome o) {
    assertFalse(
        o.stderr().contains("\tat ") || o.stderr().contains("Exception in thread"),
        "stack trace on stderr:\n" + o.stderr());
    assertFalse(
        o.stderr().contains("OutOfMemoryError") || o.stderr().contains("StackOverflowError"),
        o.stderr());
    for (JsonNode f : o.report().get("findings")) {
      assertFalse(
          f.get("message").asText().contains("internal error"), "internal error finding: " + f);
    }
  }

  @org.junit.jupiter.api.Test
  void unreadableFileIsHd001AndTheOthersAreLinted() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("unreadable"));
    Path locked = dir.resolve("Dockerfile");
    write(locked, "FROM node\n");
    write(dir.resolve("ok.Dockerfile"), KNOWN_BAD);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      Outcome o = cli(dir, List.of("."));
      assertNoStackTrace(o);
      assertEquals(1, o.code(), o.stderr());
      assertTrue(hasRule(o.findings("ok.Dockerfile"), "HD201"), o.report().toString());
      // root reads a mode-000 file anyway: then the file is simply linted and there is nothing to
      // assert
      if (!Files.isReadable(locked)) {
        assertTrue(
            hd001(
                o.findings("/Dockerfile").stream()
                    .filter(f -> !f.get("file").asText().contains("ok."))
                    .toList(),
                "permission denied"),
            o.report().toString());
      }
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @org.junit.jupiter.api.Test
  void pathsNamedOnTheCommandLineThatCannotBeReadExitTwoAndTheOthersAreStillReported()
      throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("named"));
    Files.createSymbolicLink(dir.resolve("Dockerfile"), dir.resolve("nowhere"));
    write(dir.resolve("ok.Dockerfile"), KNOWN_BAD);
    Outcome o = cli(dir, List.of("Dockerfile", "ok.Dockerfile", "missing/compose.yaml"));
    assertNoStackTrace(o);
    assertEquals(2, o.code(), o.stderr());
    assertTrue(o.stderr().contains("Dockerfile: broken symbolic link"), o.stderr());
    assertTrue(o.stderr().contains("missing/compose.yaml: no such file or directory"), o.stderr());
    assertTrue(hasRule(o.findings("ok.Dockerfile"), "HD201"), o.report().toString());
  }

  /** A file deleted between discovery and reading: a HD001 for it, the file read before it is linted as usual. */
  @org.junit.jupiter.api.Test
  void fileThatVanishesBetweenDiscoveryAndReadIsHd001() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("vanish"));
    write(dir.resolve("ok.Dockerfile"), KNOWN_BAD);
    write(dir.resolve("Dockerfile"), "FROM node\n");
    var found = dev.hardock.engine.Discovery.find(List.of(dir.toString()), null);
    assertEquals(2, found.targets().size(), found.toString());
    Files.delete(dir.resolve("Dockerfile"));
    for (int jobs : new int[] {1, 2}) {
      var results =
          new dev.hardock.engine.Linter(dev.hardock.engine.LintSettings.DEFAULT)
              .lint(found.targets(), jobs);
      for (var r : results) {
        List<String> ids =
            r.findings().stream().map(f -> f.rule().id() + " " + f.message()).toList();
        if (r.displayPath().endsWith("ok.Dockerfile")) {
          assertTrue(ids.stream().anyMatch(s -> s.startsWith("HD201")), ids.toString());
        } else {
          assertEquals(List.of("HD001 cannot read the file: no such file"), ids);
        }
      }
    }
  }

  static void mkfifo(Path p) throws IOException, InterruptedException {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertEquals(0, mk.waitFor(), "mkfifo " + p);
  }

  /**
   * Opens a FIFO for writing, which returns once the child has opened it for reading; if the child never does,
   * the child is killed and the open is released by opening the FIFO for reading here.
   */
  static OutputStream openWriter(Path fifo, Child child) throws Exception {
    var pending =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return (OutputStream) new java.io.FileOutputStream(fifo.toFile());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      return pending.get(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      child.process().destroyForcibly().waitFor();
      try (var release = new java.io.FileInputStream(fifo.toFile())) {
        pending.get(5, java.util.concurrent.TimeUnit.SECONDS).close();
      }
      throw new AssertionError(
          "hardock never opened " + fifo + "; stderr: " + Files.readString(child.err()));
    }
  }

  /**
   * A file that vanishes mid-scan, in a -Xmx64m child process, made deterministic with a FIFO: the FIFO is named
   * first and read first (-j 1 reads in order), so once the child opens it, discovery has found every file; the
   * test then deletes gone.Dockerfile and only after that lets the child read the FIFO. The vanished file is a
   * HD001 naming the cause, the others are linted, and the exit code is 1 (findings: a file found and then gone
   * is a finding of the run, not a path the user named that does not exist, which would be exit 2).
   */
  @org.junit.jupiter.api.Test
  void fileThatVanishesMidScanInASubprocess() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("vanish-subprocess"));
    write(dir.resolve("ok.Dockerfile"), KNOWN_BAD);
    write(dir.resolve("gone.Dockerfile"), "FROM node\nUSER root\n");
    Path gate = dir.resolve("gate.Dockerfile");
    mkfifo(gate);
    Child child =
        start(dir, List.of("-j", "1", "gate.Dockerfile", "gone.Dockerfile", "ok.Dockerfile"));
    try (OutputStream w = openWriter(gate, child)) {
      Files.delete(dir.resolve("gone.Dockerfile"));
      w.write("FROM node:22.11-bookworm-slim\nUSER node\n".getBytes(StandardCharsets.UTF_8));
    }
    Outcome o = finish(child);
    assertNoStackTrace(o);
    assertEquals("", o.stderr());
    assertEquals(1, o.code());
    assertEquals(
        List.of("HD001 1:1 cannot read the file: no such file"),
        brief(o.findings("gone.Dockerfile")));
    assertTrue(hasRule(o.findings("ok.Dockerfile"), "HD201"), o.report().toString());
    assertFalse(
        hasRule(o.findings("gate.Dockerfile"), "HD001"),
        "the FIFO's text was linted: " + o.findings("gate.Dockerfile"));
    assertFalse(
        hasRule(o.findings("gate.Dockerfile"), "HD301"),
        "USER node was read from the FIFO: " + o.findings("gate.Dockerfile"));
  }

  /**
   * hardock <(cat Dockerfile): a pipe named on the command line without a telling name. Discovery peeked at its
   * first 128 bytes for a shebang, which consumed them: the Dockerfile was "no instructions" (through bash's
   * /dev/fd) or the run hung (a named FIFO, opened a second time with no writer left).
   */
  @org.junit.jupiter.api.Test
  void pipeNamedOnTheCommandLineIsReadOnce() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("pipe"));
    Path pipe = dir.resolve("input");
    mkfifo(pipe);
    Child child = start(dir, List.of("input"));
    try (OutputStream w = openWriter(pipe, child)) {
      w.write(KNOWN_BAD.getBytes(StandardCharsets.UTF_8));
    }
    Outcome o = finish(child);
    assertNoStackTrace(o);
    assertEquals(1, o.code(), o.stderr());
    assertEquals(
        List.of("HD201 1:6 image node has no tag"),
        brief(
            o.findings("input").stream()
                .filter(f -> !f.get("ruleId").asText().equals("HD307"))
                .toList()));
  }

  static List<String> brief(List<JsonNode> fs) {
    return fs.stream()
        .map(
            f ->
                f.get("ruleId").asText()
                    + " "
                    + f.get("line").asInt()
                    + ":"
                    + f.get("column").asInt()
                    + " "
                    + f.get("message").asText())
        .toList();
  }
}
