package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git index reader on indexes git wrote (v2, v3 with extended flags, v4) and on damaged bytes. */
class GitIndexTest {
  @TempDir Path tmp;

  static void git(Path dir, String... args) throws Exception {
    java.util.List<String> cmd =
        new java.util.ArrayList<>(java.util.List.of("git", "-c", "init.defaultBranch=main"));
    cmd.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) throw new AssertionError(String.join(" ", cmd));
  }

  @Test
  void readsWhatGitWrote() throws Exception {
    for (String version : new String[] {"2", "3", "4"}) {
      Path repo = Files.createDirectories(tmp.resolve("r" + version));
      for (String f :
          new String[] {
            "a/b/Dockerfile",
            "a/b/compose.yaml",
            "a/c.sh",
            "z",
            "long/" + "n".repeat(200) + "/" + "m".repeat(200)
          }) {
        Files.createDirectories(repo.resolve(f).getParent());
        Files.writeString(repo.resolve(f), f);
      }
      git(repo, "init", "-q");
      git(repo, "add", ".");
      // an intent-to-add entry carries the extended flags of version 3
      Files.writeString(repo.resolve("a/new.Dockerfile"), "x");
      git(repo, "add", "-N", "a/new.Dockerfile");
      git(repo, "update-index", "--index-version", version);
      GitIndex index = GitIndex.of(repo);
      for (String f :
          new String[] {
            "a/b/Dockerfile",
            "a/b/compose.yaml",
            "a/c.sh",
            "z",
            "long/" + "n".repeat(200) + "/" + "m".repeat(200),
            "a/new.Dockerfile"
          }) {
        assertTrue(index.tracks(f), "v" + version + " " + f);
      }
      assertTrue(
          index.tracksBelow("a") && index.tracksBelow("a/b") && index.tracksBelow("long"),
          "v" + version);
      assertFalse(
          index.tracks("a/b") || index.tracks("missing") || index.tracksBelow("z"), "v" + version);
    }
  }

  @Test
  void readsASha256Repository() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("sha256"));
    Files.createDirectories(repo.resolve("a"));
    Files.writeString(repo.resolve("a/Dockerfile"), "FROM node\n");
    Files.writeString(repo.resolve("compose.yaml"), "services: {}\n");
    git(repo, "init", "-q", "--object-format=sha256");
    git(repo, "add", ".");
    GitIndex index = GitIndex.of(repo);
    assertTrue(
        index.tracks("a/Dockerfile") && index.tracks("compose.yaml") && index.tracksBelow("a"));
  }

  @Property(tries = 300)
  void damagedIndexNeverThrows(@ForAll byte[] tail, @ForAll int version, @ForAll int count) {
    byte[] head = "DIRC".getBytes(StandardCharsets.US_ASCII);
    byte[] b = new byte[12 + tail.length];
    System.arraycopy(head, 0, b, 0, 4);
    int v = 2 + Math.floorMod(version, 3);
    b[7] = (byte) v;
    b[8] = (byte) (count >>> 24);
    b[9] = (byte) (count >>> 16);
    b[10] = (byte) (count >>> 8);
    b[11] = (byte) count;
    System.arraycopy(tail, 0, b, 12, tail.length);
    GitIndex.parse(b).tracks("x");
  }
}
