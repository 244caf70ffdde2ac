package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output options: the text view, --quiet, --output with and without --output-format. */
class MainOutputTest {
  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void textIsTheDefaultWithFrameFixAndSummary() throws IOException {
    Path df = write("Dockerfile", "FROM node\nUSER node\n");
    Run r = MainTest.run(df.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("  1 | FROM node\n    |      ^^^^\n"), r.out());
    assertTrue(r.out().contains("warning HD201 latest-tag: image node has no tag\n"), r.out());
    assertTrue(
        r.out()
            .contains(
                "= help: pin a version, ideally with its digest (node:<version>@sha256:<digest>)"),
        r.out());
    assertEquals(
        r.out().indexOf("pin a version"),
        r.out().lastIndexOf("pin a version"),
        "the advice is shown once");
    assertTrue(r.out().contains("Found 1 finding (1 warning) in 1 of 1 file scanned ("), r.out());
    Run quiet = MainTest.run("--quiet", df.toString());
    assertFalse(quiet.out().contains("Found"), quiet.out());
    Run clean = MainTest.run(write("ok/Dockerfile", "FROM node:22-alpine\nUSER node\n").toString());
    assertTrue(clean.out().startsWith("No findings in 1 file scanned"), clean.out());
    assertEquals("", MainTest.run("-q", dir.resolve("ok").toString()).out());
  }

  @Test
  void outputWritesOneFormatWhileStdoutKeepsAnother() throws IOException {
    Path df = write("Dockerfile", "FROM node\nUSER node\n");
    Path sarif = dir.resolve("out.sarif");
    Run both =
        MainTest.run(
            "-f", "gnu", "--output", sarif.toString(), "--output-format", "sarif", df.toString());
    assertEquals(1, both.code());
    assertTrue(both.out().startsWith(df + ":1:6: warning:"), both.out());
    assertTrue(Files.readString(sarif).contains("\"ruleId\" : \"HD201\""));
    Path json = dir.resolve("out.json");
    Run only = MainTest.run("-f", "json", "-o", json.toString(), df.toString());
    assertEquals("", only.out());
    assertTrue(Files.readString(json).contains("\"findings\""));
    assertEquals(2, MainTest.run("--output-format", "sarif", df.toString()).code());
    assertEquals(
        2, MainTest.run("-o", json.toString(), "--output-format", "yaml", df.toString()).code());
  }
}
