package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.Fixer;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --fix and --diff on real files: git apply of the diff, exit codes, and input that must not be written. */
class FixCliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The fixture files that show every host format, copied into {@code dir}. */
  static void project(Path dir) throws IOException {
    Files.copy(Path.of("testdata/fixes/HD105/mounts.compose.yaml"), dir.resolve("compose.yaml"));
    Files.copy(Path.of("testdata/fixes/HD320/crlf.Dockerfile"), dir.resolve("Dockerfile"));
    Files.copy(
        Path.of("testdata/fixes/HD320/bom-no-final-newline.Dockerfile"),
        dir.resolve("bom.Dockerfile"));
    Files.copy(Path.of("testdata/fixes/HD126/ports.md"), dir.resolve("README.md"));
    Files.copy(Path.of("testdata/fixes/HD116/Makefile"), dir.resolve("Makefile"));
    Files.copy(Path.of("testdata/fixes/HD501/missing.daemon.json"), dir.resolve("daemon.json"));
    Files.writeString(
        dir.resolve("clean.Dockerfile"), "FROM alpine:3.20\nUSER 65534\nHEALTHCHECK NONE\n");
  }

  static int git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.email=t@example.com",
                "-c",
                "user.name=t",
                "-c",
                "core.autocrlf=false",
                "-c",
                "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().transferTo(System.err);
    assertTrue(
        p.waitFor(60, TimeUnit.SECONDS), "git " + String.join(" ", args) + " did not finish");
    return p.exitValue();
  }

  static boolean hasGit() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void theDiffAppliesWithGitAndGivesWhatFixWrites() throws Exception {
    assumeTrue(hasGit(), "git not installed");
    Path repo = tmp.resolve("repo");
    Path copy = tmp.resolve("copy");
    Files.createDirectories(repo);
    Files.createDirectories(copy);
    project(repo);
    project(copy);
    assertEquals(0, git(repo, "init", "-q", "."));
    assertEquals(0, git(repo, "add", "-A"));
    assertEquals(0, git(repo, "commit", "-q", "-m", "before"));
    Run diff = run("--diff", "--unsafe-fixes", repo.toString());
    assertEquals(1, diff.code(), diff.err());
    assertTrue(diff.out().contains("--- a/compose.yaml\n+++ b/compose.yaml\n"), diff.out());
    assertTrue(
        diff.out().contains("\\ No newline at end of file"),
        "the BOM file has no final newline: " + diff.out());
    Files.writeString(tmp.resolve("fix.diff"), diff.out());
    assertEquals(0, git(repo, "apply", "--check", tmp.resolve("fix.diff").toString()));
    assertEquals(0, git(repo, "apply", tmp.resolve("fix.diff").toString()));
    Run fix = run("--fix", "--unsafe-fixes", "-q", copy.toString());
    assertTrue(fix.code() <= 1, fix.err());
    for (String name :
        List.of(
            "compose.yaml",
            "Dockerfile",
            "bom.Dockerfile",
            "README.md",
            "Makefile",
            "daemon.json",
            "clean.Dockerfile")) {
      assertArrayEquals(
          Files.readAllBytes(copy.resolve(name)), Files.readAllBytes(repo.resolve(name)), name);
    }
    // the BOM and CRLF survive
    assertEquals((byte) 0xEF, Files.readAllBytes(repo.resolve("bom.Dockerfile"))[0]);
    assertTrue(Files.readString(repo.resolve("Dockerfile")).contains("authors=\"Jane Doe\"\r\n"));
    // nothing left to fix: the diff is empty and says so with exit 0
    Run again = run("--diff", "--unsafe-fixes", repo.toString());
    assertEquals(0, again.code(), again.out() + again.err());
    assertEquals("", again.out());
  }

  @Test
  void theDiffShowsNoSecretAsContextAndStillApplies() throws Exception {
    assumeTrue(hasGit(), "git not installed");
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    String before =
        "FROM alpine:3.20\nENV DB_PASSWORD=Sup3rS3cretValue99\nMAINTAINER x@example.com\n"
            + "RUN echo a\nRUN echo b\nRUN echo c\nARG GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"
            + "RUN echo d\nMAINTAINER y@example.com\nUSER 65534\n";
    Files.writeString(repo.resolve("Dockerfile"), before);
    assertEquals(0, git(repo, "init", "-q", "."));
    assertEquals(0, git(repo, "add", "-A"));
    assertEquals(0, git(repo, "commit", "-q", "-m", "before"));
    Run diff = run("--diff", repo.toString());
    assertEquals(1, diff.code(), diff.err());
    assertTrue(
        diff.out().contains("+LABEL org.opencontainers.image.authors=\"x@example.com\""),
        diff.out());
    assertTrue(
        !diff.out().contains("Sup3rS3cretValue99"),
        "a secret on the line above a fix: " + diff.out());
    assertTrue(!diff.out().contains("ghp_abcdefghij"), "a secret between two fixes: " + diff.out());
    Files.writeString(tmp.resolve("fix.diff"), diff.out());
    assertEquals(0, git(repo, "apply", tmp.resolve("fix.diff").toString()));
    Run fix = run("--fix", "-q", repo.resolve("Dockerfile").toString());
    assertTrue(fix.code() <= 1, fix.err());
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    Files.writeString(copy.resolve("Dockerfile"), before);
    run("--fix", "-q", copy.resolve("Dockerfile").toString());
    assertEquals(
        Files.readString(copy.resolve("Dockerfile")), Files.readString(repo.resolve("Dockerfile")));
  }

  @Test
  void theDiffShowsNoControlBidiOrLogCommandAsContext() throws Exception {
    assumeTrue(hasGit(), "git not installed");
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    String before =
        "# Run\n::error file=x::forged by the tree\n```sh\ndocker run -p 8080:80 nginx:1.27\n```\n"
            + "Text with \u202e reversed and \u001b[31m red.\n##[error]old command\n";
    Files.writeString(repo.resolve("README.md"), before);
    assertEquals(0, git(repo, "init", "-q", "."));
    assertEquals(0, git(repo, "add", "-A"));
    assertEquals(0, git(repo, "commit", "-q", "-m", "before"));
    Run diff = run("--diff", "--unsafe-fixes", repo.toString());
    assertEquals(1, diff.code(), diff.err());
    assertTrue(diff.out().contains("+docker run"), diff.out());
    assertTrue(
        !diff.out().contains("::error")
            && !diff.out().contains("##[")
            && !diff.out().contains("\u202e")
            && !diff.out().contains("\u001b"),
        diff.out());
    Files.writeString(tmp.resolve("fix.diff"), diff.out());
    assertEquals(0, git(repo, "apply", tmp.resolve("fix.diff").toString()));
    assertTrue(Files.readString(repo.resolve("README.md")).contains("127.0.0.1:8080:80"));
  }

  @Test
  void aDiffThatWouldShowASecretIsWithheld() throws IOException {
    // HD004 removes the unused directive from the line that holds the password: the diff would
    // print it
    Path changed = tmp.resolve("changed.Dockerfile");
    Files.writeString(
        changed,
        "FROM alpine:3.20\nUSER 65534\n"
            + "RUN curl -u admin:Sup3rS3cretValue99 https://example.com/x -o /tmp/x  # hardock-ignore HD320: old\n"
            + "RUN echo hi\n");
    Run diff = run("--diff", changed.toString());
    assertEquals(2, diff.code(), diff.err());
    assertEquals("", diff.out());
    assertTrue(
        diff.err().contains("changed.Dockerfile: diff not shown: it would print a secret in full"),
        diff.err());
    // a secret right after the change is the one context line git apply needs there
    Path after = tmp.resolve("after.Dockerfile");
    Files.writeString(
        after,
        "FROM alpine:3.20\nMAINTAINER x@example.com\nENV DB_PASSWORD=Sup3rS3cretValue99\nUSER 65534\n");
    Run next = run("--diff", after.toString());
    assertEquals(2, next.code(), next.err());
    assertEquals("", next.out());
    // --fix writes the file as usual
    Run fix = run("--fix", "-q", changed.toString());
    assertTrue(fix.code() <= 1, fix.err());
    assertTrue(
        Files.readString(changed).contains("-o /tmp/x\nRUN echo hi"), Files.readString(changed));
  }

  @Test
  void hostileFileNamesAreQuotedInTheDiffAsGitQuotesThem() throws Exception {
    assumeTrue(hasGit(), "git not installed");
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    String before = "FROM alpine:3.20\nMAINTAINER x@example.com\nUSER 65534\n";
    List<String> names =
        List.of(
            "a\tb.Dockerfile", "c\nd.Dockerfile", "e\u202ef.Dockerfile", "\u00fc \"q\\.Dockerfile");
    for (String n : names) Files.writeString(repo.resolve(n), before);
    assertEquals(0, git(repo, "init", "-q", "."));
    assertEquals(0, git(repo, "add", "-A"));
    assertEquals(0, git(repo, "commit", "-q", "-m", "before"));
    Run diff = run("--diff", repo.toString());
    assertEquals(1, diff.code(), diff.err());
    for (String line : diff.out().split("\n")) {
      if (!line.startsWith("---") && !line.startsWith("+++")) continue;
      assertTrue(
          line.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
          "a raw control, bidi or other character: " + line);
    }
    assertTrue(diff.out().contains("--- \"a/c\\nd.Dockerfile\"\n"), diff.out());
    Files.writeString(tmp.resolve("fix.diff"), diff.out());
    assertEquals(0, git(repo, "apply", tmp.resolve("fix.diff").toString()));
    for (String n : names)
      assertTrue(Files.readString(repo.resolve(n)).contains("LABEL org.opencontainers"), n);
  }

  @Test
  void fixKeepsTheModeAndReportsWhatIsLeft() throws IOException {
    Path script = tmp.resolve("run.sh");
    Files.writeString(script, "#!/bin/sh\ndocker run --rm -p 8080:80 nginx:1.27\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Run r = run("--fix", "--unsafe-fixes", "-f", "json", script.toString());
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
    assertTrue(Files.readString(script).contains("-p 127.0.0.1:8080:80"), Files.readString(script));
    assertTrue(
        !r.out().contains("\"ruleId\" : \"HD126\""), "the fixed finding is gone: " + r.out());
    assertTrue(r.err().contains("hardock: fixed "), r.err());
    // safe only: the unsafe fix of a second port stays a suggestion
    Files.writeString(script, "docker run --rm -p 9090:90 nginx:1.27\n");
    Run safe = run("--fix", script.toString());
    assertEquals("docker run --rm -p 9090:90 nginx:1.27\n", Files.readString(script));
    assertTrue(safe.out().contains("unsafe fix: Publish on 127.0.0.1 only"), safe.out());
  }

  @Test
  void aReadOnlyFileIsNotWritten() throws IOException {
    Path f = tmp.resolve("Dockerfile");
    String before = "FROM alpine:3.20\nMAINTAINER x@example.com\nUSER 65534\n";
    Files.writeString(f, before);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
    Run r = run("--fix", f.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("not fixed: the file is read-only"), r.err());
    assertEquals(before, Files.readString(f));
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aSymbolicLinkIsNotWrittenThrough() throws IOException {
    Path real = tmp.resolve("real.Dockerfile");
    String before = "FROM alpine:3.20\nMAINTAINER x@example.com\nUSER 65534\n";
    Files.writeString(real, before);
    Path link = tmp.resolve("Dockerfile");
    Files.createSymbolicLink(link, real.getFileName());
    Run r = run("--fix", link.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("symbolic link"), r.err());
    assertEquals(before, Files.readString(real));
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void aLinkedFolderBelowTheWorkingDirectoryIsNotWrittenThrough() throws IOException {
    // the tree (here: target/, below the working directory) holds sub -> a folder elsewhere
    Path outside = tmp.resolve("outside");
    Files.createDirectories(outside);
    String before = "FROM alpine:3.20\nMAINTAINER x@example.com\nUSER 65534\n";
    Files.writeString(outside.resolve("Dockerfile"), before);
    Path tree = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "fixlink");
    try {
      Path sub = Files.createSymbolicLink(tree.resolve("sub"), outside);
      Path named = Path.of("").toAbsolutePath().relativize(sub.resolve("Dockerfile"));
      Run r = run("--fix", named.toString());
      assertEquals(2, r.code(), r.out() + r.err());
      assertTrue(r.err().contains("is a symbolic link: not written through"), r.err());
      assertEquals(before, Files.readString(outside.resolve("Dockerfile")));
    } finally {
      Files.deleteIfExists(tree.resolve("sub"));
      Files.deleteIfExists(tree);
    }
  }

  @Test
  void aFileNamedTwiceIsFixedOnce() throws IOException {
    Path f = tmp.resolve("Dockerfile");
    Files.writeString(
        f, "FROM alpine:3.20\nMAINTAINER x@example.com\nUSER 65534\nHEALTHCHECK NONE\n");
    Run r = run("--fix", tmp.toString(), f.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(!r.err().contains("not fixed"), r.err());
    assertEquals(
        "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"x@example.com\"\nUSER 65534\nHEALTHCHECK NONE\n",
        Files.readString(f));
  }

  @Test
  void stdinNeedsAName() {
    Run r = run("--fix", "-");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--fix with - needs --stdin-filename NAME"), r.err());
    Run d = run("--diff", "-");
    assertEquals(2, d.code());
    assertTrue(d.err().contains("--diff with - needs --stdin-filename"), d.err());
  }

  @Test
  void aFileChangedSinceItWasReadIsLeftAlone() throws IOException {
    Path f = tmp.resolve("Dockerfile");
    Files.writeString(f, "FROM alpine:3.20\nMAINTAINER x@example.com\nUSER 65534\n");
    Linter linter = new Linter(LintSettings.DEFAULT);
    Target t = new Target(f, "Dockerfile", SourceKind.DOCKERFILE);
    FileResult first = linter.lint(t, null);
    // changed between the lint and the fix
    Files.writeString(f, "FROM alpine:3.21\nMAINTAINER x@example.com\nUSER 65534\n");
    Fixer.Outcome o = new Fixer(linter, false, r -> r).fix(t, first, null);
    assertEquals("the file changed while it was linted: left unchanged", o.error());
    // changed between the fix and the write
    FileResult second = linter.lint(t, null);
    Fixer.Outcome o2 = new Fixer(linter, false, r -> r).fix(t, second, null);
    assertTrue(o2.changed());
    Files.writeString(f, "FROM alpine:3.22\nMAINTAINER x@example.com\nUSER 65534\n");
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Fixer.write(o2));
    assertTrue(e.getMessage().contains("changed on disk"), e.getMessage());
    assertEquals("FROM alpine:3.22\nMAINTAINER x@example.com\nUSER 65534\n", Files.readString(f));
    // deleted before the write
    Files.delete(f);
    assertThrows(o2);
    assertTrue(!Files.exists(f), "a deleted file is not written back");
  }

  private static void assertThrows(Fixer.Outcome o) {
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Fixer.write(o));
  }

  @Test
  void invalidUtf8IsNotFixed() throws IOException {
    Path f = tmp.resolve("Dockerfile");
    byte[] bytes =
        "FROM alpine:3.20\nMAINTAINER x\u00ff@example.com\nUSER 65534\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(f, bytes);
    Run r = run("--fix", f.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("not UTF-8"), r.err());
    assertArrayEquals(bytes, Files.readAllBytes(f));
  }

  /** A compose project whose override sets what rules fix: the fixes edit the override. */
  private static void overrideProject(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  web:\n    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n");
    Files.writeString(
        dir.resolve("compose.override.yaml"),
        "services:\n  web:\n    restart: always\n    ports:\n      - \"8080:80\"\n");
  }

  private static final String FIXED_OVERRIDE =
      "services:\n  web:\n    restart: on-failure:5\n    ports:\n      - \"127.0.0.1:8080:80\"\n";

  @Test
  void fixesOfFindingsInAnOverrideEditTheOverrideAndTheDiffAppliesWithGit() throws Exception {
    assumeTrue(hasGit(), "git not installed");
    Path repo = tmp.resolve("repo");
    Path copy = tmp.resolve("copy");
    Files.createDirectories(repo);
    Files.createDirectories(copy);
    overrideProject(repo);
    overrideProject(copy);
    assertEquals(0, git(repo, "init", "-q", "."));
    assertEquals(0, git(repo, "add", "-A"));
    assertEquals(0, git(repo, "commit", "-q", "-m", "before"));
    Run diff = run("--diff", "--unsafe-fixes", repo.toString());
    assertEquals(1, diff.code(), diff.err());
    assertTrue(
        diff.out().contains("--- a/compose.override.yaml\n+++ b/compose.override.yaml\n"),
        diff.out());
    assertTrue(diff.out().contains("+    restart: on-failure:5\n"), diff.out());
    assertTrue(!diff.out().contains("+++ b/compose.yaml"), "nothing to fix there: " + diff.out());
    Files.writeString(tmp.resolve("fix.diff"), diff.out());
    assertEquals(0, git(repo, "apply", tmp.resolve("fix.diff").toString()));
    assertEquals(FIXED_OVERRIDE, Files.readString(repo.resolve("compose.override.yaml")));
    Run fix = run("--fix", "--unsafe-fixes", copy.toString());
    assertTrue(fix.code() <= 1, fix.err());
    assertTrue(fix.err().contains("fixed 2 findings in 1 file"), fix.err());
    assertEquals(FIXED_OVERRIDE, Files.readString(copy.resolve("compose.override.yaml")));
    assertEquals(
        Files.readString(repo.resolve("compose.yaml")),
        Files.readString(copy.resolve("compose.yaml")));
    // what was fixed is not reported as left
    assertTrue(!fix.out().contains("HD124") && !fix.out().contains("HD126"), fix.out());
    // the override named alone (a pre-commit hook's staged file) is fixed the same way
    overrideProject(copy);
    Run alone = run("--fix", "--unsafe-fixes", copy.resolve("compose.override.yaml").toString());
    assertTrue(alone.code() <= 1, alone.err());
    assertEquals(FIXED_OVERRIDE, Files.readString(copy.resolve("compose.override.yaml")));
    Run again = run("--diff", "--unsafe-fixes", copy.toString());
    assertEquals(0, again.code(), again.out() + again.err());
  }

  @Test
  void aFindingInAnExtendsBaseIsFixedThere() throws Exception {
    Path dir = tmp.resolve("p");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  web:\n    extends:\n      file: common.yml\n      service: base\n"
            + "    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n");
    Files.writeString(dir.resolve("common.yml"), "services:\n  base:\n    restart: always\n");
    Run diff = run("--diff", "--unsafe-fixes", dir.toString());
    assertEquals(1, diff.code(), diff.err());
    assertTrue(diff.out().contains("--- a/"), diff.out());
    assertTrue(diff.out().contains("common.yml\n@@ -1,3 +1,3 @@\n"), diff.out());
    Run fix = run("--fix", "--unsafe-fixes", dir.toString());
    assertTrue(fix.code() <= 1, fix.err());
    assertEquals(
        "services:\n  base:\n    restart: on-failure:5\n",
        Files.readString(dir.resolve("common.yml")));
  }

  @Test
  void twoProjectsThatExtendOneBaseBothHaveTheirFixesInIt() throws Exception {
    // a/ extends service x of common.yml and b/ service y: each project fixes its own service there
    Path dir = tmp.resolve("p");
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(
        dir.resolve("common.yml"),
        "services:\n  x:\n    restart: always\n  y:\n    restart: always\n");
    for (String[] p : new String[][] {{"a", "x"}, {"b", "y"}})
      Files.writeString(
          dir.resolve(p[0]).resolve("compose.yaml"),
          "services:\n  web:\n    extends:\n      file: ../common.yml\n      service: "
              + p[1]
              + "\n    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n");
    String fixed = "services:\n  x:\n    restart: on-failure:5\n  y:\n    restart: on-failure:5\n";
    Run diff = run("--diff", "--unsafe-fixes", dir.toString());
    assertEquals(1, diff.code(), diff.err());
    assertTrue(
        diff.out()
            .contains(
                "-    restart: always\n+    restart: on-failure:5\n   y:\n-    restart: always\n+    restart: on-failure:5\n"),
        diff.out());
    assertTrue(diff.err().contains("would fix 2 findings in 1 file"), diff.err());
    Run fix = run("--fix", "--unsafe-fixes", "--format", "gnu", dir.toString());
    assertEquals(fixed, Files.readString(dir.resolve("common.yml")));
    assertTrue(fix.err().contains("fixed 2 findings in 1 file"), fix.err());
    assertTrue(!fix.out().contains("HD124"), fix.out());
    Run again = run("--format", "gnu", dir.toString());
    assertTrue(!again.out().contains("HD124"), again.out());
  }

  @Test
  void aBaseFileMetByTwoNamesIsFixedOnceUnderTheFirst() throws Exception {
    // b/ names common.yml through lnk -> . : one file, one diff that applies, both fixes written
    Path dir = tmp.resolve("p");
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Files.createSymbolicLink(dir.resolve("lnk"), Path.of("."));
    Files.writeString(
        dir.resolve("common.yml"),
        "services:\n  x:\n    restart: always\n  y:\n    restart: always\n");
    for (String[] p : new String[][] {{"a", "../common.yml", "x"}, {"b", "../lnk/common.yml", "y"}})
      Files.writeString(
          dir.resolve(p[0]).resolve("compose.yaml"),
          "services:\n  web:\n    extends:\n      file: "
              + p[1]
              + "\n      service: "
              + p[2]
              + "\n    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n");
    Run diff = run("--diff", "--unsafe-fixes", dir.toString());
    assertEquals(1, diff.code(), diff.err());
    assertEquals(1, diff.out().split("\n\\+\\+\\+ ", -1).length - 1, diff.out());
    Run fix = run("--fix", "--unsafe-fixes", dir.toString());
    assertTrue(fix.code() <= 1, fix.err());
    assertEquals(
        "services:\n  x:\n    restart: on-failure:5\n  y:\n    restart: on-failure:5\n",
        Files.readString(dir.resolve("common.yml")));
    assertTrue(Files.isSymbolicLink(dir.resolve("lnk")));
  }

  @Test
  void aTargetThatLinksToABaseFileDoesNotKeepTheBaseFromBeingFixed() throws Exception {
    // docker-compose.yml -> common.yml is named too: it is not written through, common.yml is
    Path dir = tmp.resolve("p");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("common.yml"), "services:\n  base:\n    restart: always\n");
    Files.createSymbolicLink(dir.resolve("docker-compose.yml"), Path.of("common.yml"));
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  web:\n    extends:\n      file: common.yml\n      service: base\n"
            + "    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n");
    Run fix =
        run(
            "--fix",
            "--unsafe-fixes",
            dir.resolve("compose.yaml").toString(),
            dir.resolve("docker-compose.yml").toString());
    assertEquals(2, fix.code(), fix.err());
    assertTrue(fix.err().contains("symbolic link"), fix.err());
    assertTrue(Files.isSymbolicLink(dir.resolve("docker-compose.yml")));
    assertEquals(
        "services:\n  base:\n    restart: on-failure:5\n",
        Files.readString(dir.resolve("common.yml")));
  }

  @Test
  void anExtendsBaseTheConfigurationExcludesIsNotFixed() throws Exception {
    Path dir = tmp.resolve("p");
    Files.createDirectories(dir.resolve("vendor"));
    Files.writeString(dir.resolve(".hardock.yaml"), "exclude:\n  - vendor/\n");
    String base = "services:\n  base:\n    restart: always\n";
    Files.writeString(dir.resolve("vendor/base.yml"), base);
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n  web:\n    extends:\n      file: vendor/base.yml\n      service: base\n"
            + "    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n");
    Run diff = run("--diff", "--unsafe-fixes", dir.resolve("compose.yaml").toString());
    assertEquals(0, diff.code(), diff.out() + diff.err());
    assertEquals("", diff.out());
    Run fix = run("--fix", "--unsafe-fixes", "--format", "gnu", dir.toString());
    assertEquals(base, Files.readString(dir.resolve("vendor/base.yml")));
    // still reported where it stands
    assertTrue(fix.out().contains("vendor/base.yml:3:5: info: restart policy"), fix.out());
  }

  @Test
  void anOverrideThatIsASymbolicLinkIsNotWrittenThrough() throws IOException {
    Path dir = tmp.resolve("p");
    Path elsewhere = tmp.resolve("elsewhere.yaml");
    Files.createDirectories(dir);
    overrideProject(dir);
    Files.move(dir.resolve("compose.override.yaml"), elsewhere);
    Files.createSymbolicLink(dir.resolve("compose.override.yaml"), elsewhere);
    String before = Files.readString(elsewhere);
    Run fix = run("--fix", "--unsafe-fixes", dir.toString());
    assertEquals(before, Files.readString(elsewhere));
    assertTrue(Files.isSymbolicLink(dir.resolve("compose.override.yaml")));
    assertTrue(fix.code() != 0, fix.err());
  }
}
