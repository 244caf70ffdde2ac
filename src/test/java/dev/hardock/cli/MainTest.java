package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: options, formats, exit codes, error messages. */
public class MainTest {
  public record Run(int code, String out, String err) {}

  public static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void versionAndHelp() {
    Run v = run("--version");
    assertEquals(0, v.code);
    assertTrue(v.out.startsWith("hardock "), v.out);
    Run h = run("--help");
    assertEquals(0, h.code);
    assertTrue(h.out.contains("usage: hardock [options] [PATH...]"), h.out);
    assertTrue(h.out.contains("--fail-on"), h.out);
  }

  @Test
  void usageErrorsExitTwoWithOneLineAndNoStackTrace() {
    Run r = run("--no-such-option");
    assertEquals(2, r.code);
    assertTrue(r.err.startsWith("hardock: Unrecognized option: --no-such-option"), r.err);
    assertFalse(r.err.contains("at dev.hardock"), r.err);
    assertEquals(2, run("--format", "xml", ".").code);
    assertEquals(2, run("--fail-on", "sometimes", ".").code);
    assertEquals(2, run("--jobs", "0", ".").code);
    Run missing = run(dir.resolve("nope").toString());
    assertEquals(2, missing.code);
    assertTrue(missing.err.contains("no such file or directory"), missing.err);
  }

  @Test
  void findingsLineFormatAndExitCodes() throws IOException {
    Path df = write("Dockerfile", "FROM node\nUSER node\n");
    Run r = run("--format", "gnu", df.toString());
    assertEquals(1, r.code);
    assertEquals(df + ":1:6: warning: image node has no tag [HD201 latest-tag]\n", r.out);
    assertEquals(0, run("--fail-on", "error", df.toString()).code);
    assertEquals(0, run("--fail-on", "none", df.toString()).code);
    assertEquals(0, run("--disable", "latest-tag", df.toString()).code);
    Run typo = run("--disable", "latest-tags", df.toString());
    assertEquals(2, typo.code);
    assertTrue(typo.err.contains("did you mean HD201 latest-tag?"), typo.err);
    Path clean = write("ok/Dockerfile", "FROM node:22-alpine\nUSER node\n");
    Run ok = run("--format", "gnu", clean.toString());
    assertEquals(0, ok.code);
    assertEquals("", ok.out);
  }

  @Test
  void directoriesAreWalkedAndNamesRecognised() throws IOException {
    write("app/Dockerfile", "FROM a\nUSER x\n");
    write("app/web.Dockerfile", "FROM b\nUSER x\n");
    write("app/Dockerfile.dev", "FROM c\nUSER x\n");
    write("app/Containerfile", "FROM d\nUSER x\n");
    write("app/README.md", "FROM e\n");
    write("node_modules/x/Dockerfile", "FROM f\n");
    write("app/ignored/Dockerfile", "FROM g\n");
    write(".gitignore", "ignored/\n");
    Run r = run("--format", "gnu", dir.toString());
    assertEquals(1, r.code);
    List<String> images =
        r.out.lines().map(l -> l.replaceAll(".*image (\\w+) .*", "$1")).sorted().toList();
    assertEquals(List.of("a", "b", "c", "d"), images, r.out);
  }

  @Test
  void jsonShapeIsStableAndSecretsAreRedacted() throws IOException {
    Path df =
        write(
            "Dockerfile",
            "FROM alpine:3.20\nENV DB_PASSWORD=correct-horse-battery-staple\nUSER app\n");
    Run r = run("--format", "json", df.toString());
    assertEquals(1, r.code);
    assertFalse(r.out.contains("correct-horse-battery-staple"), r.out);
    JsonNode root = new ObjectMapper().readTree(r.out);
    assertTrue(root.get("version").isTextual());
    JsonNode f = root.get("findings").get(0);
    assertEquals("HD401", f.get("ruleId").asText());
    assertEquals("secret-in-env", f.get("slug").asText());
    assertEquals("error", f.get("severity").asText());
    assertEquals(df.toString(), f.get("file").asText());
    assertEquals(2, f.get("line").asInt());
    assertEquals(5, f.get("column").asInt());
    assertEquals(2, f.get("endLine").asInt());
    assertEquals(45, f.get("endColumn").asInt());
    assertEquals("dockerfile", f.get("source").asText());
    assertTrue(f.get("message").asText().contains("corr****"), f.get("message").asText());
    JsonNode s = root.get("summary");
    assertEquals(1, s.get("files").asInt());
    assertEquals(1, s.get("findings").asInt());
    assertEquals(1, s.get("error").asInt());
  }

  @Test
  void explainAndListRules() {
    Run e = run("--explain", "latest-tag");
    assertEquals(0, e.code);
    assertTrue(e.out.startsWith("HD201 latest-tag (warning)"), e.out);
    assertTrue(e.out.contains("## Why it matters"), e.out);
    assertEquals(e.out, run("--explain", "hd201").out);
    Run bad = run("--explain", "HD999");
    assertEquals(2, bad.code);
    Run l = run("--list-rules");
    assertEquals(0, l.code);
    assertTrue(
        l.out
            .lines()
            .anyMatch(
                x -> x.matches("HD201 +latest-tag +warning +dockerfile,compose,run +Image .*")),
        l.out);
  }

  @Test
  void unreadableAndBinaryFilesAreReportedAndOthersStillLinted() throws IOException {
    Path bin = dir.resolve("Dockerfile.bin");
    Files.write(bin, new byte[] {0x46, 0x52, 0, 1, 2});
    Path good = write("Dockerfile", "FROM node\nUSER node\n");
    Run r = run("--format", "gnu", bin.toString(), good.toString());
    assertEquals(1, r.code);
    assertTrue(r.out.contains(bin + ":1:1: error: the file is binary"), r.out);
    assertTrue(r.out.contains(good + ":1:6: warning: image node has no tag"), r.out);
  }

  @Test
  void daemonJsonIsFoundByNameAndReadWithTypeDaemon() throws IOException {
    String json = "{\n  \"icc\": true\n}\n";
    Path named = write("etc/docker/daemon.json", json);
    write("etc/docker/prod.daemon.json", json);
    Path other = write("cfg/settings.txt", json);
    Run r = run("--format", "gnu", "--disable", "HD502,HD503,HD504,HD508,HD509", dir.toString());
    assertEquals(1, r.code);
    assertEquals(2, r.out.lines().filter(l -> l.contains("icc is true")).count(), r.out);
    assertTrue(r.out.contains(named + ":2:10:"), r.out);
    Run typed = run("--format", "gnu", "--type", "daemon", other.toString());
    assertTrue(typed.out.contains(other + ":2:10:") && typed.out.contains("HD501"), typed.out);
    Run bad = run("--type", "yaml", other.toString());
    assertEquals(2, bad.code);
    assertTrue(bad.err.contains("unknown type 'yaml'") && bad.err.contains("daemon"), bad.err);
  }
}
