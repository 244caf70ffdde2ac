package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree written by an attacker (a pull request), one case per attack, each linted by the CLI as a separate
 * process with a time limit and standard input left open (so a read of /dev/stdin would block), with a secret
 * in its environment. Every case asserts the safe outcome: no byte outside the project is read or printed, no
 * environment value reaches the output, nothing blocks, a reference that is not read is one HD005 at the
 * reference and the rest is linted; and nothing Docker would use is skipped without a notice.
 *
 * <p>Layout: {@code case/project/} is the folder named on the command line (no .git: it is the project root);
 * {@code case/outside/} beside it holds a secret and a privileged service that must never be read.
 */
class HostileTreeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long TIMEOUT_SECONDS = 30;
  static final String ENV_SECRET = "env-secret-7f3a9c";
  static final String FILE_SECRET = "file-secret-51d2e8";

  @TempDir Path tmp;
  Path project;
  Path outside;

  record Outcome(int code, String stdout, String stderr, JsonNode report) {
    List<String> brief(String fileSuffix) {
      List<String> out = new ArrayList<>();
      if (report == null) return out;
      for (JsonNode f : report.get("findings")) {
        if (f.get("file").asText().endsWith(fileSuffix)) {
          out.add(
              f.get("ruleId").asText()
                  + " "
                  + f.get("line").asInt()
                  + ":"
                  + f.get("column").asInt()
                  + "-"
                  + f.get("endColumn").asInt());
        }
      }
      return out;
    }

    boolean has(String rule) {
      for (JsonNode f : report.get("findings"))
        if (f.get("ruleId").asText().equals(rule)) return true;
      return false;
    }

    void assertNoSecret() {
      for (String s : new String[] {ENV_SECRET, FILE_SECRET}) {
        assertFalse(stdout.contains(s), "secret in stdout: " + stdout);
        assertFalse(stderr.contains(s), "secret in stderr: " + stderr);
      }
      if (report != null) {
        for (JsonNode f : report.get("findings")) {
          assertFalse(
              f.get("file").asText().contains("outside"),
              "a finding in a file outside the project: " + f);
        }
      }
    }
  }

  @BeforeEach
  void layout() throws IOException {
    project = Files.createDirectories(tmp.resolve("case/project"));
    outside = Files.createDirectories(tmp.resolve("case/outside"));
    write(outside.resolve("secret.env"), "LEAK=" + FILE_SECRET + "\n");
    write(
        outside.resolve("base.yaml"),
        "services:\n  base:\n    image: alpine:3.20\n    privileged: true\n"
            + "    cgroup_parent: "
            + FILE_SECRET
            + "\n");
    write(outside.resolve("Dockerfile"), "FROM alpine:3.20\nRUN echo " + FILE_SECRET + "\n");
  }

  static Path write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  static void link(Path link, Path target) throws IOException {
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, target);
  }

  /** The CLI in a child JVM, JSON on stdout, standard input an open pipe nobody writes to. */
  Outcome cli(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                PathologicalInputTest.javaBin(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hardock.cli.Main",
                "--no-color"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(tmp.resolve("case").toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("HARDOCK_TEST_SECRET", ENV_SECRET);
    pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
    Process p = pb.start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            "hardock blocked (no end within "
                + TIMEOUT_SECONDS
                + " s): "
                + List.of(args)
                + "; stderr: "
                + Files.readString(err));
      }
    } finally {
      p.getOutputStream().close();
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    JsonNode json = stdout.startsWith("{") ? JSON.readTree(stdout) : null;
    assertFalse(stderr.contains("internal error") || stderr.contains("Exception"), stderr);
    return new Outcome(p.exitValue(), stdout, stderr, json);
  }

  Outcome json(String... paths) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("-f", "json"));
    args.addAll(List.of(paths));
    return cli(args.toArray(String[]::new));
  }

  // ---- section 1: confinement ----

  /** include env_file: /proc/self/environ printed every CI secret in a HD128 message. */
  @Test
  void includeEnvFileProcSelfEnviron() throws Exception {
    write(
        project.resolve("compose.yaml"),
        "include:\n  - path: ./inc/compose.yaml\n    env_file: /proc/self/environ\n");
    write(
        project.resolve("inc/compose.yaml"),
        "services:\n  app:\n    image: alpine:3.20\n"
            + "    cgroup_parent: ${HARDOCK_TEST_SECRET:-fallback-group}\n");
    Outcome o = json("project/compose.yaml");
    o.assertNoSecret();
    assertEquals(
        List.of("HD005 3:15-33"),
        o.brief("compose.yaml").stream().filter(s -> s.startsWith("HD005")).toList());
    assertTrue(
        o.stdout.contains("/proc/self/environ is not read: it is missing or outside the project"),
        o.stdout);
    assertTrue(o.has("HD128"), "the included project is still linted: " + o.stdout);
  }

  /** env_file: ../../x (outside), .git/config (the checkout's token) and a missing file: one HD005 each. */
  @Test
  void includeEnvFileOutsideInGitAndMissing() throws Exception {
    write(
        project.resolve(".git/config"),
        "[http]\n\textraheader = AUTHORIZATION: basic " + FILE_SECRET + "\n");
    write(
        project.resolve("compose.yaml"),
        "include:\n  - path: ./inc/compose.yaml\n    env_file:\n"
            + "      - ../outside/secret.env\n      - .git/config\n      - ./nope.env\n");
    write(
        project.resolve("inc/compose.yaml"),
        "services:\n  app:\n    image: alpine:3.20\n    cgroup_parent: x${LEAK}\n");
    Outcome o = json("project/compose.yaml");
    o.assertNoSecret();
    assertEquals(
        List.of("HD005 4:9-30", "HD005 5:9-20", "HD005 6:9-19"),
        o.brief("project/compose.yaml").stream().filter(s -> s.startsWith("HD005")).toList());
    assertTrue(
        o.stdout.contains(".git/config is not read: it is inside the .git folder"), o.stdout);
    // the outside path and the missing one get the same words: nothing tells which one exists
    assertTrue(
        o.stdout.contains("secret.env is not read: it is missing or outside the project"),
        o.stdout);
    assertTrue(
        o.stdout.contains("nope.env is not read: it is missing or outside the project"), o.stdout);
  }

  /** A .env that is a link out of the project is not followed. */
  @Test
  void dotEnvLinkedOutside() throws Exception {
    link(project.resolve(".env"), outside.resolve("secret.env"));
    write(
        project.resolve("compose.yaml"),
        "services:\n  app:\n    image: alpine:3.20\n    cgroup_parent: x${LEAK}\n");
    Outcome o = json("project/compose.yaml");
    o.assertNoSecret();
    assertTrue(o.brief("compose.yaml").contains("HD005 1:1-1"), o.stdout);
    assertTrue(o.has("HD128"), o.stdout);
  }

  /** .env -> /dev/stdin, env_file: /dev/tty and a FIFO: never opened, so nothing blocks. */
  @Test
  void devicesAndFifosNeverBlock() throws Exception {
    link(project.resolve(".env"), Path.of("/dev/stdin"));
    write(
        project.resolve("compose.yaml"),
        "include:\n  - path: ./inc/compose.yaml\n    env_file: /dev/tty\n"
            + "  - path: ./fifo/compose.yaml\n    env_file: ./fifo/pipe.env\nservices:\n  app:\n    image: alpine:3.20\n");
    write(
        project.resolve("inc/compose.yaml"),
        "services:\n  inc:\n    image: alpine:3.20\n    privileged: true\n");
    write(project.resolve("fifo/compose.yaml"), "services:\n  fifo:\n    image: alpine:3.20\n");
    PathologicalInputTest.mkfifo(project.resolve("fifo/pipe.env"));
    PathologicalInputTest.mkfifo(project.resolve("fifo/.env"));
    PathologicalInputTest.mkfifo(project.resolve("fifo/Dockerfile"));
    Outcome o = json("project");
    assertTrue(
        o.stderr.contains("fifo/Dockerfile: not linted: it is not a regular file"), o.stderr);
    o.assertNoSecret();
    List<String> hd005 =
        o.brief("project/compose.yaml").stream().filter(s -> s.startsWith("HD005")).toList();
    assertEquals(List.of("HD005 1:1-1", "HD005 3:15-23", "HD005 5:15-30"), hd005, o.stdout);
    assertTrue(o.stdout.contains("pipe.env is not read: it is not a regular file"), o.stdout);
    assertTrue(o.has("HD101"), "the rest is linted: " + o.stdout);
  }

  /**
   * Links to devices named on the command line, as a pre-commit hook or the action passes a tree's files: a
   * repository can commit a link to /dev/tty or /dev/stdin (here an open pipe), never a FIFO of its own, so
   * such a named path is not read as a stream (only a pipe the user made, as in hardock <(cat Dockerfile), is).
   */
  @Test
  void namedLinksToDevicesNeverBlock() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("case/repo"));
    Files.createDirectories(repo.resolve(".git"));
    link(repo.resolve("Dockerfile"), Path.of("/dev/tty"));
    link(repo.resolve("stdin.Dockerfile"), Path.of("/dev/stdin"));
    Outcome o = json("repo/Dockerfile", "repo/stdin.Dockerfile");
    assertEquals(List.of("HD001 1:1-1"), o.brief("repo/Dockerfile"), o.stdout);
    assertEquals(List.of("HD001 1:1-1"), o.brief("repo/stdin.Dockerfile"), o.stdout);
  }

  /** extends.file, include, build context and dockerfile outside the project, directly or through a link. */
  @Test
  void referencesOutsideDirectlyAndThroughLinks() throws Exception {
    link(project.resolve("linked-base.yaml"), outside.resolve("base.yaml"));
    link(project.resolve("app/Dockerfile"), outside.resolve("Dockerfile"));
    write(
        project.resolve("compose.yaml"),
        """
        include:
          - ../outside/base.yaml
          - ./linked-base.yaml
        services:
          a:
            image: alpine:3.20
            extends: {file: ../outside/base.yaml, service: base}
          b:
            image: alpine:3.20
            extends: {file: ./linked-base.yaml, service: base}
          c:
            build: ../outside
          d:
            build: {context: ./app}
          e:
            build: {context: ., dockerfile: ../outside/Dockerfile}
        """);
    Outcome o = json("project/compose.yaml");
    o.assertNoSecret();
    assertEquals(
        List.of(
            "HD005 2:5-25",
            "HD005 3:5-23",
            "HD005 7:21-41",
            "HD005 10:21-39",
            "HD005 12:12-22",
            "HD005 14:22-27",
            "HD005 16:37-58"),
        o.brief("compose.yaml").stream().filter(s -> s.startsWith("HD005")).toList());
    assertFalse(o.has("HD101"), "the outside service was read: " + o.stdout);
    // the link's target exists, the plain outside path too: the same words as for a missing file
    assertFalse(o.stdout.contains("not a regular file"), o.stdout);
  }

  /**
   * include a/compose.yaml where a is a link to a folder outside: whether that folder holds a .env must not
   * show (the .env beside an included file was looked for through the link, and a HD005 named it only when
   * it existed out there).
   */
  @Test
  void existenceOutsideIsNotToldThroughAFolderLink() throws Exception {
    write(outside.resolve("with/.env"), "LEAK=" + FILE_SECRET + "\n");
    Files.createDirectories(outside.resolve("without"));
    link(project.resolve("a"), outside.resolve("with"));
    link(project.resolve("b"), outside.resolve("without"));
    write(project.resolve("compose.yaml"), "include:\n  - a/compose.yaml\n  - b/compose.yaml\n");
    Outcome o = json("project/compose.yaml");
    o.assertNoSecret();
    // the same findings for both links: one HD005 each, for the compose file that is not read
    assertEquals(List.of("HD005 2:5-19", "HD005 3:5-19"), o.brief("compose.yaml"), o.stdout);
    assertFalse(o.stdout.contains(".env"), o.stdout);
  }

  /** An override file that is a link out of the project is not merged. */
  @Test
  void overrideLinkedOutside() throws Exception {
    write(project.resolve("compose.yaml"), "services:\n  base:\n    image: alpine:3.20\n");
    link(project.resolve("compose.override.yaml"), outside.resolve("base.yaml"));
    Outcome o = json("project");
    o.assertNoSecret();
    assertFalse(o.has("HD101"), o.stdout);
    assertTrue(o.brief("project/compose.yaml").contains("HD005 1:1-1"), o.stdout);
    assertTrue(
        o.stderr.contains(
            "compose.override.yaml: not linted: a symbolic link, and what it leads to is missing or outside the project"),
        o.stderr);
  }

  /** --use-env: a value taken from the process environment never appears in a message. */
  @Test
  void useEnvValuesAreMasked() throws Exception {
    write(
        project.resolve("compose.yaml"),
        "services:\n  app:\n    image: alpine:3.20\n    cgroup_parent: ${HARDOCK_TEST_SECRET}\n");
    Outcome o = cli("-f", "json", "--use-env", "project/compose.yaml");
    o.assertNoSecret();
    assertTrue(o.stdout.contains("<value from the environment>"), o.stdout);
    Outcome text = cli("--use-env", "project/compose.yaml");
    text.assertNoSecret();
    assertTrue(text.stdout.contains("HD128"), text.stdout);
  }

  /** Outside a repository, a .hardock.yaml above the named folder does not configure the run. */
  @Test
  void configurationAboveTheNamedFolderIsNotTaken() throws Exception {
    write(tmp.resolve("case/.hardock.yaml"), "exclude: ['**']\nrules:\n  HD101: off\n");
    write(
        project.resolve("compose.yaml"),
        "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n");
    Outcome o = json("project");
    assertTrue(o.has("HD101"), o.stdout);
  }

  // ---- section 2: nothing skipped silently ----

  /** Links to a compose file and a Dockerfile inside the project are linted under the link's path. */
  @Test
  void linksInsideTheProjectAreLintedUnderTheirOwnPath() throws Exception {
    write(
        project.resolve("real/docker-compose.yml"),
        "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n");
    write(project.resolve("real/app.txt"), "FROM node\n");
    link(project.resolve("deploy/compose.yaml"), Path.of("../real/docker-compose.yml"));
    link(project.resolve("Dockerfile"), Path.of("real/app.txt"));
    link(
        project.resolve("loop/Dockerfile"),
        Path.of("Dockerfile")); // a link to itself: no loop, a notice
    Outcome o = json("project");
    assertTrue(o.brief("project/deploy/compose.yaml").contains("HD101 4:5-21"), o.stdout);
    assertTrue(o.brief("project/Dockerfile").contains("HD201 1:6-10"), o.stdout);
    assertTrue(o.stderr.contains("loop/Dockerfile: not linted: a symbolic link"), o.stderr);
  }

  /** A folder named on the command line that is a link is walked, its files shown under the link. */
  @Test
  void namedFolderThatIsALink() throws Exception {
    write(project.resolve("real/Dockerfile"), "FROM node\n");
    link(tmp.resolve("case/alias"), project.resolve("real"));
    Outcome o = json("alias");
    assertEquals(
        List.of("HD201 1:6-10"),
        o.brief("alias/Dockerfile").stream().filter(s -> s.startsWith("HD201")).toList(),
        o.stdout);
  }

  /** Folders deeper than the walk goes are a notice on stderr and counted in the text summary. */
  @Test
  void tooDeepIsANotice() throws Exception {
    Path deep = project;
    for (int i = 0; i < 66; i++) deep = deep.resolve("d");
    write(deep.resolve("Dockerfile"), "FROM node\n");
    write(project.resolve("Dockerfile"), "FROM node\n");
    Outcome o = cli("project");
    assertEquals(
        1,
        o.stderr
            .lines()
            .filter(l -> l.contains("not linted: a folder deeper than 64 levels"))
            .count(),
        o.stderr);
    assertTrue(o.stdout.contains("1 not linted (see the notices)"), o.stdout);
  }

  /** docker run inside more than 4 nested shells: a notice naming the place, not silence. */
  @Test
  void shellsNestedTooDeepAreANotice() throws Exception {
    String script = "docker run --privileged alpine";
    for (int i = 0; i < 5; i++) script = "sh -c '" + script.replace("'", "'\\''") + "'";
    write(project.resolve("deploy.sh"), script + "\n");
    Outcome o = cli("project");
    assertTrue(o.stderr.contains("deploy.sh: 1:"), o.stderr);
    assertTrue(o.stderr.contains("nested more than 4 shells deep"), o.stderr);
    assertTrue(o.stdout.contains("not linted"), o.stdout);
  }

  /** COMPOSE_FILE in .env: the files it names are one project, linted even with a name Compose would not pick. */
  @Test
  void composeFileFromDotEnv() throws Exception {
    write(
        project.resolve(".env"), "COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=stack.yml;ops/more.yml\n");
    write(project.resolve("stack.yml"), "services:\n  app:\n    image: alpine:3.20\n");
    write(project.resolve("ops/more.yml"), "services:\n  app:\n    privileged: true\n");
    Outcome o = json("project");
    assertEquals(
        List.of("HD101 3:5-21"),
        o.brief("ops/more.yml").stream().filter(s -> s.startsWith("HD101")).toList(),
        o.stdout);
    assertTrue(o.has("HD101"));
    // the first file of the list is linted as the project (its service is privileged through the
    // second file)
    assertFalse(o.brief("project/stack.yml").isEmpty(), o.stdout);
  }

  /**
   * COMPOSE_FILE naming a file twice (stack.yml:stack.yml): the file became its own override, and an override
   * whose base is linted in the same run reports nothing, so its privileged service vanished with exit 0.
   */
  @Test
  void composeFileNamingAFileTwice() throws Exception {
    write(project.resolve(".env"), "COMPOSE_FILE=stack.yml:stack.yml:compose.yaml:compose.yaml\n");
    write(
        project.resolve("stack.yml"),
        "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n");
    write(project.resolve("compose.yaml"), "services:\n  app:\n    pid: host\n");
    Outcome o = json("project");
    assertEquals(
        List.of("HD101 4:5-21"),
        o.brief("project/stack.yml").stream().filter(s -> s.startsWith("HD101")).toList(),
        o.stdout);
    assertTrue(o.brief("project/compose.yaml").contains("HD107 3:5-14"), o.stdout);
    assertEquals(1, o.code(), o.stdout);
  }

  /**
   * An include inside an included file: Compose loads it, so its privileged service is linted (it was never
   * read); an include cycle is one problem, not a loop.
   */
  @Test
  void nestedIncludesAreFollowed() throws Exception {
    write(
        project.resolve("compose.yaml"),
        "include:\n  - a/inc.yml\nservices:\n  x:\n    image: alpine:3.20\n");
    write(
        project.resolve("a/inc.yml"),
        "include:\n  - b/stack.yml\n  - ../compose.yaml\nservices:\n  y:\n    image: alpine:3.20\n");
    write(
        project.resolve("a/b/stack.yml"),
        "services:\n  z:\n    image: alpine:3.20\n    privileged: true\n");
    Outcome o = json("project");
    assertEquals(
        List.of("HD101 4:5-21"),
        o.brief("a/b/stack.yml").stream().filter(s -> s.startsWith("HD101")).toList(),
        o.stdout);
    assertTrue(o.stdout.contains("include forms a cycle"), o.stdout);
  }

  /**
   * Each file including the next one 30 times, 12 deep: every file is read and merged once (30^10 merges
   * otherwise), the level past the limit is a problem at its include.
   */
  @Test
  void manyIncludesOfTheSameFileAreReadOnce() throws Exception {
    write(
        project.resolve("compose.yaml"),
        "include:\n" + "  - f0.yml\n".repeat(30) + "services:\n  x:\n    image: alpine:3.20\n");
    for (int i = 0; i < 12; i++) {
      String next = i + 1 < 12 ? "include:\n" + ("  - f" + (i + 1) + ".yml\n").repeat(30) : "";
      write(
          project.resolve("f" + i + ".yml"),
          next + "services:\n  s" + i + ":\n    image: alpine:3.20\n    privileged: true\n");
    }
    Outcome o = json("project/compose.yaml");
    assertEquals(
        List.of("HD101 35:5-21"),
        o.brief("project/f8.yml").stream().filter(s -> s.startsWith("HD101")).toList(),
        o.stdout);
    assertTrue(o.stdout.contains("include goes deeper than 10 files"), o.stdout);
  }

  /** Files git tracks are linted although .gitignore matches them; the index is read for versions 2, 3 and 4. */
  @Test
  void trackedButIgnoredFilesAreLinted() throws Exception {
    for (String version : new String[] {"2", "3", "4"}) {
      Path repo = Files.createDirectories(tmp.resolve("case/repo" + version));
      write(repo.resolve(".gitignore"), "ignored/\n*.Dockerfile\n");
      write(repo.resolve("ignored/deep/Dockerfile"), "FROM node\n");
      write(repo.resolve("tracked.Dockerfile"), "FROM node\n");
      write(repo.resolve("untracked.Dockerfile"), "FROM node\n");
      write(repo.resolve("Dockerfile"), "FROM node:22\n");
      git(repo, "init", "-q");
      git(
          repo,
          "add",
          "-f",
          "ignored/deep/Dockerfile",
          "tracked.Dockerfile",
          "Dockerfile",
          ".gitignore");
      git(repo, "update-index", "--index-version", version);
      Outcome o = json("repo" + version);
      assertFalse(o.brief("ignored/deep/Dockerfile").isEmpty(), "v" + version + ": " + o.stdout);
      assertFalse(o.brief("tracked.Dockerfile").isEmpty(), "v" + version + ": " + o.stdout);
      assertTrue(o.brief("untracked.Dockerfile").isEmpty(), "v" + version + ": " + o.stdout);
    }
  }

  /**
   * A .env that .gitignore matches but git tracks (git add -f): Compose reads it in every checkout, so the file
   * its COMPOSE_FILE names is linted (it was skipped without a word, its privileged service unseen).
   */
  @Test
  void composeFileFromATrackedButIgnoredDotEnv() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("case/repo"));
    write(repo.resolve(".gitignore"), ".env\n");
    write(repo.resolve(".env"), "COMPOSE_FILE=stack.yml\n");
    write(
        repo.resolve("stack.yml"),
        "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n");
    git(repo, "init", "-q");
    git(repo, "add", "-f", ".env", ".gitignore", "stack.yml");
    Outcome o = json("repo");
    assertTrue(o.brief("repo/stack.yml").contains("HD101 4:5-21"), o.stdout);
  }

  /**
   * Dockerfiles that a compose file builds are linted whatever their name or folder: dockerfile: ops/Buildfile
   * and a build context under vendor/ (a folder the walk skips) were read for their USER only, never linted.
   * A compose file named alone (as pre-commit passes staged files) brings in nothing else.
   */
  @Test
  void dockerfilesThatComposeBuildsAreLinted() throws Exception {
    write(
        project.resolve("compose.yaml"),
        "services:\n  a:\n    build: {context: ., dockerfile: ops/Buildfile}\n"
            + "  b:\n    build: vendor/app\n");
    String dockerfile = "FROM alpine:3.20\nUSER app\nADD http://example.com/x /x\n";
    write(project.resolve("ops/Buildfile"), dockerfile);
    write(project.resolve("vendor/app/Dockerfile"), dockerfile);
    Outcome o = json("project");
    assertEquals(List.of("HD304 3:5-25"), o.brief("project/ops/Buildfile"), o.stdout);
    assertEquals(List.of("HD304 3:5-25"), o.brief("project/vendor/app/Dockerfile"), o.stdout);
    Outcome named = json("project/compose.yaml");
    assertTrue(
        named.brief("Buildfile").isEmpty() && named.brief("app/Dockerfile").isEmpty(),
        named.stdout);
  }

  /**
   * Dockerfiles and compose files that git tracks under a folder hardock always skips (vendor/, node_modules/):
   * one notice per such folder, not silence; a skipped folder without them says nothing.
   */
  @Test
  void trackedFilesUnderSkippedFoldersAreANotice() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("case/repo"));
    write(
        repo.resolve("node_modules/x/compose.yaml"),
        "services:\n  app:\n    image: alpine:3.20\n    privileged: true\n");
    write(repo.resolve("vendor/lib/code.go"), "package lib\n");
    write(repo.resolve("Dockerfile"), "FROM node:22\n");
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    Outcome o = cli("repo");
    assertEquals(
        List.of(
            "hardock: notice: repo/node_modules: not linted: git tracks Dockerfiles or compose files below it,"
                + " but hardock skips node_modules folders (name the folder on the command line to lint it)"),
        o.stderr.lines().toList(),
        o.stderr);
    assertTrue(o.stdout.contains("1 not linted"), o.stdout);
  }

  /**
   * A git index a pull request can shape: 4,000 tracked names each about 2,000 folders deep (16 MB). Every
   * folder of every name was kept as a string, the square of each name's length: gigabytes, and the run died
   * of OutOfMemoryError. The CLI runs here with a 128 MB heap.
   */
  @Test
  void deepNamesInTheGitIndexStayLinear() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("case/repo"));
    git(repo, "init", "-q");
    write(repo.resolve(".gitignore"), "ignored/\n");
    write(repo.resolve("ignored/Dockerfile"), "FROM node\n");
    java.io.ByteArrayOutputStream entries = new java.io.ByteArrayOutputStream();
    List<String> names = new ArrayList<>();
    String deep = "a/".repeat(1990);
    for (int i = 0; i < 4000; i++) names.add(String.format("%05d/%sDockerfile", i, deep));
    names.add("ignored/Dockerfile");
    names.sort(null);
    for (String name : names) {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      byte[] e = new byte[(62 + n.length + 8) & ~7];
      e[60] = (byte) (Math.min(n.length, 0xFFF) >> 8);
      e[61] = (byte) Math.min(n.length, 0xFFF);
      System.arraycopy(n, 0, e, 62, n.length);
      entries.write(e);
    }
    java.nio.ByteBuffer head =
        java.nio.ByteBuffer.allocate(12)
            .put("DIRC".getBytes(StandardCharsets.US_ASCII))
            .putInt(2)
            .putInt(names.size());
    java.io.ByteArrayOutputStream index = new java.io.ByteArrayOutputStream();
    index.write(head.array());
    entries.writeTo(index);
    Files.write(repo.resolve(".git/index"), index.toByteArray());
    Outcome o = json("repo");
    assertTrue(o.brief("repo/ignored/Dockerfile").contains("HD201 1:6-10"), o.stdout + o.stderr);
  }

  static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
  }
}
