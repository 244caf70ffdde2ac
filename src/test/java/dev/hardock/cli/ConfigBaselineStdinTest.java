package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .hardock.yaml discovery and errors, the baseline, stdin. */
class ConfigBaselineStdinTest {
  @TempDir
  Path dir;

  @BeforeEach
  void isolate() throws IOException {
    Files.createDirectories(dir.resolve("repo/.git"));
    LintRun.env = Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
  }

  @AfterEach
  void restore() {
    LintRun.env = System.getenv();
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  static MainTest.Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new MainTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void nearestConfigGovernsAndFlagsWin() throws IOException {
    Path df = write("repo/app/Dockerfile", "FROM node\nUSER root\n");
    write("repo/.hardock.yaml", "rules:\n  latest-tag: off\n  HD302: error\nfail-on: error\n");
    MainTest.Run r = run("", "-f", "gnu", df.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(df + ":2:6: error: the final stage runs as root: switch to a non-root USER after the steps that need root [HD302 user-root]\n", r.out());
    assertEquals(0, run("", "-f", "gnu", "--fail-on", "none", df.toString()).code());
    assertTrue(run("", "-f", "gnu", "--enable", "HD201", df.toString()).out().contains("[HD201 latest-tag]"));
    // a nearer file wins; one above the repository root is never read
    write("repo/app/.hardock.yaml", "exclude: [Dockerfile]\n");
    write(".hardock.yaml", "bad: [\n");
    MainTest.Run excluded = run("", "-f", "gnu", df.toString());
    assertEquals(0, excluded.code(), excluded.err());
    assertEquals("", excluded.out());
  }

  @Test
  void userConfigIsTheFallbackAndConfigFlagOverridesDiscovery() throws IOException {
    Path df = write("repo/Dockerfile", "FROM node\nUSER node\n");
    write("xdg/hardock/config.yaml", "rules:\n  HD201: off\n");
    assertEquals("", run("", "-f", "gnu", df.toString()).out());
    Path explicit = write("other.yaml", "rules:\n  HD201:\n    severity: error\n");
    assertTrue(run("", "-f", "gnu", "--config", explicit.toString(), df.toString()).out().contains(": error: image node"));
  }

  @Test
  void invalidConfigIsAnErrorWithPosition() throws IOException {
    Path df = write("repo/Dockerfile", "FROM node\n");
    Path cfg = dir.resolve("repo/.hardock.yaml");
    String[][] cases = {
        {"rules:\n  HD999: off\n", ":2:3: unknown rule 'HD999'"},
        {"fail-on: sometimes\n", ":1:10: fail-on must be"},
        {"rules:\n  HD201: [a]\n", ":2:10: HD201: expected on, off"},
        {"colour: red\n", ":1:1: unknown key 'colour'"},
        {"rules: [\n", ":2:1: invalid YAML"},
        {"exclude:\n  - {a: b}\n", ":2:5: exclude must be a list of strings"},
        {"require-suppression-reason: maybe\n", ":1:29: require-suppression-reason must be true or false"},
    };
    for (String[] c : cases) {
      Files.writeString(cfg, c[0]);
      MainTest.Run r = run("", df.toString());
      assertEquals(2, r.code(), c[0]);
      assertTrue(r.err().startsWith("hardock: " + cfg + c[1]), c[0] + " -> " + r.err());
    }
  }

  @Test
  void baselineHidesKnownFindingsEvenAfterLinesMove() throws IOException {
    Path df = write("repo/Dockerfile", "FROM node\nUSER root\n");
    Path base = dir.resolve("repo/hardock-baseline.json");
    MainTest.Run w = run("", "--baseline", base.toString(), "--write-baseline", df.toString());
    assertEquals(0, w.code(), w.err());
    assertTrue(Files.readString(base).contains("\"rule\" : \"HD201\""));
    Files.writeString(df, "# a comment moves everything down\nFROM node\nUSER root\nFROM python\nUSER root\n");
    MainTest.Run r = run("", "-f", "gnu", "--baseline", base.toString(), df.toString());
    assertEquals(df + ":4:6: warning: image python has no tag: pin a version, ideally with its digest (python:<version>@sha256:<digest>), so every pull gets the same image [HD201 latest-tag]\n", r.out());
    MainTest.Run sarif = run("", "-f", "sarif", "--baseline", base.toString(), df.toString());
    assertTrue(sarif.out().contains("\"kind\" : \"external\""), sarif.out());
    assertEquals(2, run("", "--write-baseline", df.toString()).code());
  }

  @Test
  void stdinIsReadAndReportedUnderTheGivenName() throws IOException {
    write("repo/.hardock.yaml", "rules:\n  HD302: off\n");
    String name = dir.resolve("repo/web.Dockerfile").toString();
    MainTest.Run r = run("FROM node\nUSER root\n", "-f", "gnu", "--stdin-filename", name, "-");
    assertEquals(name + ":1:6: warning: image node has no tag: pin a version, ideally with its digest (node:<version>@sha256:<digest>), so every pull gets the same image [HD201 latest-tag]\n", r.out());
    assertEquals(2, run("", "--stdin-filename", "x", ".").code());
  }
}
