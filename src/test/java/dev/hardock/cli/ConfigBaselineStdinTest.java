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
import org.junit.jupiter.api.Test;

/** .hardock.yaml discovery and errors, the baseline, stdin. */
class ConfigBaselineStdinTest extends ProjectTest {
  static MainTest.Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new MainTest.Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void nearestConfigGovernsAndFlagsWin() throws IOException {
    Path df = write("repo/app/Dockerfile", "FROM node\nUSER root\n");
    write("repo/.hardock.yaml", "rules:\n  latest-tag: off\n  HD302: error\nfail-on: error\n");
    MainTest.Run r = run("", "-f", "gnu", df.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(df + ":2:6: error: the final stage runs as root [HD302 user-root]\n", r.out());
    assertEquals(0, run("", "-f", "gnu", "--fail-on", "none", df.toString()).code());
    assertTrue(
        run("", "-f", "gnu", "--enable", "HD201", df.toString())
            .out()
            .contains("[HD201 latest-tag]"));
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
    assertTrue(
        run("", "-f", "gnu", "--config", explicit.toString(), df.toString())
            .out()
            .contains(": error: image node"));
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
      {
        "require-suppression-reason: maybe\n",
        ":1:29: require-suppression-reason must be true or false"
      },
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
    Files.writeString(
        df, "# a comment moves everything down\nFROM node\nUSER root\nFROM python\nUSER root\n");
    MainTest.Run r = run("", "-f", "gnu", "--baseline", base.toString(), df.toString());
    assertEquals(df + ":4:6: warning: image python has no tag [HD201 latest-tag]\n", r.out());
    MainTest.Run sarif = run("", "-f", "sarif", "--baseline", base.toString(), df.toString());
    assertTrue(sarif.out().contains("\"kind\" : \"external\""), sarif.out());
    assertEquals(2, run("", "--write-baseline", df.toString()).code());
  }

  @Test
  void stdinIsReadAndReportedUnderTheGivenName() throws IOException {
    write("repo/.hardock.yaml", "rules:\n  HD302: off\n");
    String name = dir.resolve("repo/web.Dockerfile").toString();
    MainTest.Run r = run("FROM node\nUSER root\n", "-f", "gnu", "--stdin-filename", name, "-");
    assertEquals(name + ":1:6: warning: image node has no tag [HD201 latest-tag]\n", r.out());
    assertEquals(2, run("", "--stdin-filename", "x", ".").code());
  }

  /** A stdin name that names no file, and an --env-file that is not there: usage errors, one line, exit 2. */
  @Test
  void aStdinNameThatIsNoFileAndAMissingEnvFileAreUsageErrors() throws IOException {
    for (String name : new String[] {"/", "", "dir/", "a\u0000b"}) {
      MainTest.Run r = run("FROM node\n", "--stdin-filename", name, "-");
      assertEquals(2, r.code(), name + ": " + r.err());
      assertTrue(
          r.err().startsWith("hardock: --stdin-filename") && r.err().lines().count() == 1, r.err());
    }
    Path compose = write("repo/compose.yaml", "services:\n  web:\n    image: nginx:1\n");
    String missing = dir.resolve("repo/nope.env").toString();
    MainTest.Run r = run("", "--env-file", missing, compose.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("hardock: --env-file " + missing + ": no such file\n", r.err());
    assertEquals("", r.out());
    MainTest.Run folder = run("", "--env-file", dir.resolve("repo").toString(), compose.toString());
    assertEquals(2, folder.code());
    assertTrue(folder.err().endsWith(": not a regular file\n"), folder.err());
    Path env = write("repo/ok.env", "TAG=1\n");
    assertEquals(
        0, run("", "--fail-on", "none", "--env-file", env.toString(), compose.toString()).code());
  }

  /** A pull request's own .hardock.yaml can switch the check off: every run says which files it used and what they turned off. */
  @Test
  void theConfigurationFilesUsedAndWhatTheyTurnOffAreShown() throws IOException {
    write(
        "repo/.hardock.yaml",
        "fail-on: none\nexclude: ['deploy/**', \"x\\ec\"]\nrules:\n  latest-tag: off\n  HD120: off\n  HD302: error\n");
    Path df = write("repo/Dockerfile", "FROM node\n");
    write("repo/deploy/Dockerfile", "FROM node\n");
    String shown =
        "config: "
            + dev.hardock.engine.RepoPaths.uri(dir.resolve("repo/.hardock.yaml"))
            + " (disables HD120, HD201; excludes 'deploy/**', 'x\\x1bc'; fail-on none)";
    MainTest.Run text = run("", "--no-color", dir.resolve("repo").toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().endsWith(")\n" + shown + "\n"), text.out());
    assertEquals("", text.err());
    // a format without a place for it: stderr, stdout stays the format's own
    MainTest.Run gnu = run("", "-f", "gnu", "--enable", "HD201", df.toString());
    assertEquals("hardock: " + shown + "\n", gnu.err());
    assertTrue(gnu.out().contains("[HD201 latest-tag]"), gnu.out());
    // SARIF: the run's properties; JSON: a top-level field; nothing on stderr
    MainTest.Run sarif = run("", "-f", "sarif", df.toString());
    assertEquals("", sarif.err());
    com.fasterxml.jackson.databind.JsonNode props =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(sarif.out())
            .get("runs")
            .get(0)
            .get("properties")
            .get("hardock")
            .get("configFiles")
            .get(0);
    assertEquals("[\"HD120\",\"HD201\"]", props.get("disabledRules").toString());
    assertEquals("[\"deploy/**\",\"x\\u001Bc\"]", props.get("excludes").toString());
    assertEquals("none", props.get("failOn").asText());
    MainTest.Run json = run("", "-f", "json", df.toString());
    assertEquals("", json.err());
    assertEquals(
        props,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(json.out())
            .get("configs")
            .get(0));
    // no configuration file: no line, no field
    Files.delete(dir.resolve("repo/.hardock.yaml"));
    assertTrue(run("", "-f", "json", df.toString()).out().indexOf("\"configs\"") < 0);
    assertTrue(!run("", "--no-color", df.toString()).out().contains("config:"));
  }

  /** A pull request's .hardock.yaml that lowers a rule below fail-on, or narrows it by a setting, is named too. */
  @Test
  void loweredSeveritiesAndRuleSettingsAreShown() throws IOException {
    write(
        "low/.hardock.yaml",
        "rules:\n  curl-pipe-shell: style\n  HD201: {severity: info}\n  HD101: error\n"
            + "  HD203: {trusted-registries: [evil.example]}\n");
    Path df =
        write(
            "low/Dockerfile",
            "FROM node:20\nUSER node\nRUN curl -fsSL https://x.example/i.sh | sh\n");
    MainTest.Run text = run("", "--no-color", df.toString());
    // HD305 at style no longer fails the check, HD203's registry list decides what it flags: both
    // are said
    assertTrue(
        text.out().endsWith("(lowers HD201 to info, HD305 to style; sets options of HD203)\n"),
        text.out());
    com.fasterxml.jackson.databind.JsonNode c =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(run("", "-f", "sarif", df.toString()).out())
            .get("runs")
            .get(0)
            .get("properties")
            .get("hardock")
            .get("configFiles")
            .get(0);
    assertEquals("{\"HD201\":\"info\",\"HD305\":\"style\"}", c.get("loweredRules").toString());
    assertEquals("[\"HD203\"]", c.get("ruleSettings").toString());
  }
}
