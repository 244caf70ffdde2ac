package dev.hardock.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.io.FileAccess.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confined reader: what it reads, and the refusal for each thing it must not read. */
class DiskAccessTest {
  @TempDir Path tmp;
  Path root;
  Path outside;
  DiskAccess access;

  @BeforeEach
  void tree() throws IOException {
    root = Files.createDirectories(tmp.resolve("project"));
    outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.writeString(root.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve(".git/config"), "token");
    access = new DiskAccess(root);
  }

  Refusal refusal(String path) {
    return access.read(root.resolve(path), 1024).refusal();
  }

  @Test
  void readsARegularFileInsideTheRoot() {
    FileAccess.Read r = access.read(root.resolve("Dockerfile"), 1024);
    assertTrue(r.ok());
    assertEquals("FROM alpine:3.20\n", r.text());
    assertNull(access.check(root.resolve("sub/../Dockerfile")));
  }

  @Test
  void outsideAndMissingAreOneRefusal() throws IOException {
    assertEquals(Refusal.ABSENT, refusal("../secret.txt"));
    assertEquals(Refusal.ABSENT, refusal("../no-such-file"));
    assertEquals(Refusal.ABSENT, refusal("nope"));
    assertEquals(Refusal.ABSENT, access.read(Path.of("/etc/passwd"), 1024).refusal());
    assertEquals(Refusal.ABSENT, access.read(Path.of("/proc/self/environ"), 1024).refusal());
    Files.createSymbolicLink(root.resolve("out"), outside);
    Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("no-such-file"));
    assertEquals(Refusal.ABSENT, refusal("out"));
    assertEquals(Refusal.ABSENT, refusal("dangling"));
    assertEquals(Refusal.ABSENT.reason(), access.read(root.resolve("out"), 1024).reason());
  }

  @Test
  void linksInsideTheRootAreFollowed() throws IOException {
    Files.createDirectories(root.resolve("a"));
    Files.createSymbolicLink(root.resolve("a/Dockerfile"), Path.of("../Dockerfile"));
    assertTrue(access.read(root.resolve("a/Dockerfile"), 1024).ok());
    Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
    assertEquals(Refusal.ABSENT, refusal("loop"));
  }

  @Test
  void nothingInsideGit() throws IOException {
    assertEquals(Refusal.GIT, refusal(".git/config"));
    Files.createSymbolicLink(root.resolve("config"), Path.of(".git/config"));
    assertEquals(Refusal.GIT, refusal("config"));
  }

  @Test
  void specialFilesAreNeverOpened() throws Exception {
    Path fifo = root.resolve("pipe.env");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, mk.waitFor());
    // opening a FIFO with no writer would block: the type is checked first, so this returns
    assertEquals(Refusal.SPECIAL, refusal("pipe.env"));
    assertEquals(Refusal.SPECIAL, access.head(fifo, 10).refusal());
    Files.createSymbolicLink(root.resolve("stdin"), Path.of("/dev/stdin"));
    assertEquals(Refusal.ABSENT, refusal("stdin"));
    assertEquals(Refusal.SPECIAL, refusal("."));
  }

  @Test
  void sizeIsCappedButHeadReadsTheStart() throws IOException {
    byte[] big = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
    Files.write(root.resolve("big"), big);
    assertEquals(Refusal.TOO_LARGE, refusal("big"));
    assertArrayEquals(
        java.util.Arrays.copyOf(big, 100), access.head(root.resolve("big"), 100).bytes());
  }

  @Test
  void existsNeverLooksOutside() throws IOException {
    assertTrue(access.exists(root.resolve("Dockerfile")));
    assertFalse(access.exists(outside));
    Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("no-such-file"));
    assertTrue(access.exists(root.resolve("dangling")));
  }

  @Test
  void projectRootIsTheRepositoryElseTheNamedFolder() throws IOException {
    Path sub = Files.createDirectories(root.resolve("a/b"));
    assertEquals(root.toRealPath(), ProjectRoot.of(sub));
    assertEquals(root.toRealPath(), ProjectRoot.of(root.resolve("Dockerfile")));
    Path plain = Files.createDirectories(tmp.resolve("plain/x"));
    Files.writeString(plain.resolve("compose.yaml"), "");
    assertEquals(plain.toRealPath(), ProjectRoot.of(plain));
    assertEquals(plain.toRealPath(), ProjectRoot.of(plain.resolve("compose.yaml")));
  }
}
