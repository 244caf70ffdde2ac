package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.cli.MainTest;
import dev.hardock.cli.MainTest.Run;
import dev.hardock.report.Formats;
import dev.hardock.report.Visible;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's tree attacks the output and the files hardock writes (issue 11, section 3 and parts of 4
 * and 5): one case per attack, each asserting the safe outcome for every output format. Names with newlines
 * or ESC are made in a temporary folder; cases a file can hold are under {@code testdata/hostile/output/}.
 */
class HostileOutputTest {
  static final Path CASES = Path.of("testdata/hostile/output");

  static Run run(String... args) {
    return MainTest.run(args);
  }

  /** Every format's output (and stderr) for the paths, by format name. */
  static List<Run> everyFormat(String... paths) {
    List<Run> runs = new ArrayList<>();
    for (String format : Formats.NAMES) {
      List<String> args = new ArrayList<>(List.of("-f", format, "--no-color"));
      args.addAll(List.of(paths));
      runs.add(run(args.toArray(String[]::new)));
    }
    return runs;
  }

  /** The first character no output may hold raw (anything {@link Visible} escapes except a line break), or -1. */
  static int firstUnsafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') continue;
      if (Visible.unsafe(c)) return i;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) i++;
      else if (Character.isSurrogate(c)) return i;
    }
    return -1;
  }

  static void assertClean(List<Run> runs) {
    for (int k = 0; k < runs.size(); k++) {
      Run r = runs.get(k);
      String format = Formats.NAMES.get(k);
      assertTrue(r.code() == 0 || r.code() == 1, format + " exit " + r.code() + ": " + r.err());
      assertEquals(
          -1, firstUnsafe(r.out()), format + ": raw control or bidi character in\n" + r.out());
      assertEquals(
          -1,
          firstUnsafe(r.err()),
          format + ": raw control or bidi character on stderr\n" + r.err());
      for (String line : (r.out() + r.err()).split("\n")) {
        // only the github format writes workflow commands, one per finding, each on its own line;
        // the runner
        // finds one after leading white space (.NET's TrimStart, NBSP too), and the old syntax
        // ##[error] anywhere
        boolean command =
            format.equals("github") && line.matches("::(error|warning|notice) file=[^:]*::.*");
        if (!command) {
          assertFalse(commandStart(line), format + ": line starts a workflow command: " + line);
          assertFalse(line.contains("##["), format + ": old-syntax workflow command in: " + line);
        }
      }
    }
  }

  /** Whether the GitHub runner reads the line as a workflow command in the {@code ::name::} syntax. */
  static boolean commandStart(String line) {
    int i = 0;
    while (i < line.length()
        && (Character.isWhitespace(line.charAt(i)) || Character.isSpaceChar(line.charAt(i)))) i++;
    return line.startsWith("::", i);
  }

  @TempDir Path dir;

  @Test
  void aFolderNamedWithANewlineCannotForgeWorkflowCommandsOrDriveTheTerminal() throws IOException {
    Path folder =
        dir.resolve("x\n::error file=a,line=1::forged\n::add-mask::\u001b[2J\u001b]0;t\u0007");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("Dockerfile"), "FROM node\n");
    List<Run> runs = everyFormat(dir.toString());
    assertClean(runs);
    for (Run r : runs) assertFalse(r.out().isEmpty());
    Run gnu = runs.get(Formats.NAMES.indexOf("gnu"));
    for (String line : gnu.out().split("\n"))
      assertTrue(line.startsWith(dir + "/x\\n::error"), line); // one finding, one line
    assertTrue(
        gnu.out()
            .contains(
                "\\n::error file=a,line=1::forged\\n::add-mask::\\x1b[2J\\x1b]0;t\\x07/Dockerfile:1:6:"),
        gnu.out());
  }

  /** A run that lints {@code text} from stdin under the name {@code name} (shown as given: a relative path). */
  static Run runStdin(String name, String text, String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--stdin-filename", name, "-"));
    int code =
        dev.hardock.cli.Main.run(
            all.toArray(String[]::new),
            new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
            false);
    return new Run(
        code,
        out.toString(java.nio.charset.StandardCharsets.UTF_8),
        err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aFolderNamedAsAWorkflowCommandCannotStartALine() {
    // no control character needed: the text report's file header and every gnu line start with the
    // path
    for (String name :
        List.of(
            "::error::forged",
            "::stop-commands::tok",
            " ::warning::x",
            "\u00a0::add-mask::y",
            "\u3000::error::z")) {
      List<Run> runs = new ArrayList<>();
      for (String format : Formats.NAMES)
        runs.add(runStdin(name + "/Dockerfile", "FROM node\n", "-f", format, "--no-color"));
      assertClean(runs);
      String gnu = runs.get(Formats.NAMES.indexOf("gnu")).out();
      assertTrue(
          gnu.startsWith("./" + name + "/Dockerfile:1:6: "),
          gnu); // still a path that leads to the file
    }
  }

  @Test
  void oldSyntaxWorkflowCommandsAnywhereInALineAreBroken() throws IOException {
    // the runner still parses `##[error]text` (and add-mask, stop-commands) anywhere in a line
    Path folder = Files.createDirectories(dir.resolve("##[error]path"));
    Files.writeString(
        folder.resolve("Dockerfile"),
        "FROM node ##[error]frame\nRUN curl http://x/##[add-mask]msg | sh\n");
    List<Run> runs = everyFormat(dir.toString());
    assertClean(runs);
    String text = runs.get(0).out();
    assertTrue(text.contains("1 | FROM node ##\\x5berror]frame"), text);
    assertTrue(text.contains("##\\x5berror]path/Dockerfile"), text);
    String json = runs.get(Formats.NAMES.indexOf("json")).out();
    assertTrue(json.contains("##\\u005berror]path/Dockerfile\""), json); // decodes to the same text
    String github = runs.get(Formats.NAMES.indexOf("github")).out();
    assertTrue(
        github.contains("/##[error]path/Dockerfile,line=1,"),
        github); // the annotation names the real file
  }

  @Test
  void controlAndBidiCharactersInSourceAndMessagesAreShownEscaped() throws IOException {
    // ESC, BEL, a C1 CSI, DEL and the Trojan Source overrides in an image name that HD201 quotes,
    // and in a
    // line that a code frame shows; a tab keeps the underline aligned
    Files.writeString(
        dir.resolve("Dockerfile"),
        "FROM node\u001b[31m\u0007\u009b\u007f\u202e\u2066\u200f\u061c\n\tRUN\tcurl http://x/\u202egnp.sh | sh\n");
    List<Run> runs = everyFormat(dir.resolve("Dockerfile").toString());
    assertClean(runs);
    String text = runs.get(0).out();
    assertTrue(
        text.contains("FROM node\\x1b[31m\\x07\\x9b\\x7f\\u202e\\u2066\\u200f\\u061c"), text);
  }

  @Test
  void configurationKeysAreEscapedOnStderr() throws IOException {
    Files.writeString(dir.resolve(".hardock.yaml"), "\"x\\e[2J\\n::error::forged\\u202e\": 1\n");
    Files.writeString(dir.resolve("Dockerfile"), "FROM node:1\n");
    Run r = run(dir.resolve("Dockerfile").toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(-1, firstUnsafe(r.err()), r.err());
    for (String line : r.err().split("\n")) assertFalse(line.startsWith("::"), r.err());
    assertTrue(r.err().contains("x\\x1b[2J\\n::error::forged\\u202e"), r.err());
  }

  @Test
  void reportAndBaselineReplaceACommittedSymlinkInsteadOfWritingThroughIt() throws IOException {
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "precious\n");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("Dockerfile"), "FROM node\n");
    Path sarif = Files.createSymbolicLink(tree.resolve("hardock.sarif"), victim);
    Path baseline = Files.createSymbolicLink(tree.resolve("baseline.json"), victim);

    Run report = run("-f", "sarif", "-o", sarif.toString(), tree.resolve("Dockerfile").toString());
    assertEquals(1, report.code(), report.err());
    Run record =
        run(
            "--baseline",
            baseline.toString(),
            "--write-baseline",
            tree.resolve("Dockerfile").toString());
    assertEquals(0, record.code(), record.err());

    assertEquals("precious\n", Files.readString(victim));
    for (Path p : List.of(sarif, baseline)) {
      assertFalse(Files.isSymbolicLink(p), p + " is still a link");
      assertTrue(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    }
    assertTrue(Files.readString(sarif).contains("\"HD201\""));
    assertTrue(Files.readString(baseline).contains("\"rule\" : \"HD201\""));
    try (var leftovers = Files.list(tree)) {
      assertEquals(
          List.of(), leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
  }

  @Test
  void aCommittedSymlinkedFolderOnTheOutputPathIsRefused() throws IOException {
    // the checkout is the working directory in CI: `reports -> /elsewhere` committed by the pull
    // request must
    // not carry `-o reports/hardock.sarif` or the baseline out of it (folders outside it are the
    // caller's)
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path victim = Files.writeString(outside.resolve("hardock.sarif"), "precious\n");
    Files.writeString(dir.resolve("Dockerfile"), "FROM node\n");
    Path tree =
        Files.createDirectories(
            Path.of(
                "target", "hostile-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
    try {
      Files.createSymbolicLink(tree.resolve("reports"), outside.toAbsolutePath());
      Path target = tree.resolve("reports").resolve("hardock.sarif");
      Run report =
          run("-f", "sarif", "-o", target.toString(), dir.resolve("Dockerfile").toString());
      assertEquals(2, report.code(), report.err());
      assertTrue(report.err().contains("is a symbolic link"), report.err());
      Run baseline =
          run(
              "--baseline",
              target.toString(),
              "--write-baseline",
              dir.resolve("Dockerfile").toString());
      assertEquals(2, baseline.code(), baseline.err());
      Run absolute =
          run("-o", target.toAbsolutePath().toString(), dir.resolve("Dockerfile").toString());
      assertEquals(2, absolute.code(), absolute.err());
      assertEquals("precious\n", Files.readString(victim));
      try (var files = Files.list(outside)) {
        assertEquals(1, files.count());
      }
      // a folder outside the working directory is taken as named, also through a link (macOS: /tmp)
      Path link = Files.createSymbolicLink(dir.resolve("link"), outside);
      assertEquals(
          1,
          run("-o", link.resolve("other.txt").toString(), dir.resolve("Dockerfile").toString())
              .code());
      assertTrue(Files.isRegularFile(outside.resolve("other.txt")));
    } finally {
      Files.deleteIfExists(tree.resolve("reports"));
      Files.deleteIfExists(tree);
    }
  }

  @Test
  void aDirectoryOrFifoAtTheOutputIsRefusedWithExit2() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM node\n");
    Path folder = Files.createDirectories(dir.resolve("out.sarif"));
    Path fifo = dir.resolve("fifo.json");
    PathologicalInputTest.mkfifo(fifo);
    Run toFolder = run("-o", folder.toString(), dir.resolve("Dockerfile").toString());
    assertEquals(2, toFolder.code());
    assertTrue(toFolder.err().contains("is a directory"), toFolder.err());
    Run toFifo =
        run(
            "--baseline",
            fifo.toString(),
            "--write-baseline",
            dir.resolve("Dockerfile").toString());
    assertEquals(2, toFifo.code());
    assertTrue(toFifo.err().contains("not a regular file"), toFifo.err());
    assertTrue(Files.isDirectory(folder));
    // a link to a device or FIFO (-o /dev/stdout is /proc/self/fd/1): refused, not replaced by a
    // file (as root,
    // in a container, replacing /dev/stdout broke the rest of the job's output)
    Path toDevice = Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/dev/null"));
    Path toPipe = Files.createSymbolicLink(dir.resolve("pipe"), fifo);
    for (Path link : List.of(toDevice, toPipe)) {
      Run viaLink = run("-o", link.toString(), dir.resolve("Dockerfile").toString());
      assertEquals(2, viaLink.code(), viaLink.err());
      assertTrue(viaLink.err().contains("is a link to a device, FIFO or folder"), viaLink.err());
      assertTrue(Files.isSymbolicLink(link));
    }
    Run nowhere =
        run(
            "-o",
            dir.resolve("missing/out.sarif").toString(),
            dir.resolve("Dockerfile").toString());
    assertEquals(2, nowhere.code());
    assertTrue(
        nowhere.err().contains("missing/out.sarif: its folder does not exist"), nowhere.err());
  }

  @Test
  void replacingAnExistingFileKeepsItsMode() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM node\n");
    Path out = dir.resolve("report.txt");
    Files.writeString(out, "old\n");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-x---"));
    assertEquals(1, run("-o", out.toString(), dir.resolve("Dockerfile").toString()).code());
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertTrue(Files.readString(out).contains("HD201"));
  }

  @Test
  void manyFindingsOnOneLongLinePrintBoundedFrames() throws IOException {
    // one 60 KB line of `docker run --privileged` commands: hundreds of findings on the same line
    StringBuilder line = new StringBuilder();
    while (line.length() < 60_000) line.append("docker run --privileged -v /:/host app:1; ");
    Files.writeString(dir.resolve("run.sh"), line + "\n");
    Run r = run("--no-color", dir.resolve("run.sh").toString());
    assertEquals(1, r.code(), r.err());
    int findings = r.out().split("\n  \\S+ HD\\d{3} ", -1).length - 1;
    assertTrue(findings > 1000, "findings: " + findings);
    int longest = 0;
    for (String l : r.out().split("\n"))
      if (!l.startsWith("  ") || !l.contains(" HD")) longest = Math.max(longest, l.length());
    // a frame line is the gutter plus at most the window (120 characters and two cut marks)
    assertTrue(longest <= 140, "longest frame line: " + longest);
    // bytes, not time: bounded per finding, so linear in the input (it was the whole line per
    // finding)
    assertTrue(
        r.out().length() < findings * 600L,
        r.out().length() + " bytes for " + findings + " findings");
  }

  /** Every secret value in the hostile cases: none may appear in any output, with HD401 and HD403 off. */
  static final List<String> SECRETS =
      List.of(
          "HOSTILEBODYLINEONE",
          "HOSTILEBODYLINETWO",
          "HostilePw1",
          "HostilePw2",
          "HostilePw3",
          "HostilePw4",
          "HostilePw5",
          "HostilePw6",
          "HostilePw7",
          // password-shapes.sh, quoted-commands.compose.yaml: attached and clustered options, HTTP
          // auth headers,
          // commands inside quoted strings and exec-form lists, a tab before the colon, an
          // assignment as an option value
          "HostilePw8",
          "HostilePw9",
          "HostilePwA",
          "HostilePwB",
          "HostilePwC",
          "HostilePwD",
          "HostilePwE",
          "HostilePwF",
          "HostilePwG",
          "HostilePwH",
          "HostilePwI",
          "HostilePwJ",
          "HostilePwK",
          "HostilePwL",
          "HostilePwM",
          "HostilePwN",
          "HostilePwP",
          "HostilePwR",
          "HostilePwT",
          "HostilePwO");

  @Test
  void secretsInCodeFramesAreMaskedByWhatTheyAreNotByTheRuleThatFired() throws IOException {
    // the code frames must show the lines that hold the secrets, or the case proves nothing
    String every = "";
    for (Run r : everyFormat(CASES.toString())) {
      assertTrue(r.code() == 0 || r.code() == 1, r.err());
      for (String s : SECRETS) assertFalse(r.out().contains(s), s + " printed in\n" + r.out());
      every += r.out();
    }
    Run text = run("--no-color", CASES.toString());
    assertTrue(
        text.out().contains("curl -u admin:********** https://example.com/x -o /tmp/x"),
        text.out());
    assertTrue(text.out().contains("docker login -p ********** registry"), text.out());
    assertTrue(text.out().contains("docker login --password=********** registry"), text.out());
    assertTrue(text.out().contains("DB_PASSWORD: &pw **********"), text.out());
    assertTrue(
        text.out().contains("curl -H \"Authorization: Bearer **********\" https://example.com/x"),
        text.out());
    assertTrue(
        text.out().contains("\"curl\", \"-u\", \"admin:**********\", \"http://x\""), text.out());
    assertTrue(text.out().contains("docker login -p********** registry"), text.out());
    assertTrue(
        text.out().contains("environment: [DB_PASSWORD=**********]}"),
        text.out()); // no prefix: 10 characters
    assertTrue(every.length() > 0);
  }

  @Test
  void everyLineOfAPrivateKeyBodyIsMaskedInAnyFrameThatShowsIt() throws IOException {
    for (String name : List.of("pem-heredoc.Dockerfile", "pem-block.compose.yaml")) {
      String text = Files.readString(CASES.resolve(name));
      String[] lines = text.split("\n");
      for (int line = 1; line <= lines.length; line++) {
        // any finding (here HD201's, which knows nothing of secrets) whose frame shows the line,
        // also a
        // multi-line span that ends there
        var rule = dev.hardock.rule.RuleRegistry.builtIn().find("HD201");
        var f =
            new dev.hardock.rule.Finding(
                rule,
                rule.severity(),
                name,
                new dev.hardock.model.Span(1, 1, line, 3),
                "m",
                dev.hardock.model.SourceKind.DOCKERFILE);
        var r =
            new dev.hardock.engine.FileResult(
                name, dev.hardock.model.SourceKind.DOCKERFILE, List.of(f), text, name, List.of());
        java.io.StringWriter out = new java.io.StringWriter();
        Formats.of("text", false, true)
            .write(List.of(r), dev.hardock.report.Summary.of(List.of(r), 0), out);
        for (String s : SECRETS) assertFalse(out.toString().contains(s), s + " printed in\n" + out);
        if (lines[line - 1].contains("END"))
          assertTrue(out.toString().contains("-----END"), out.toString());
      }
    }
  }
}
