package dev.hardock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.io.FailingAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug met while linting a file (here: reading it throws) exits 2 with the file named on stderr, is never
 * reported as a parse error (HD001) of the user's file, and the other files are still linted and reported.
 */
class InternalErrorTest {
  @TempDir Path dir;

  @Test
  void anInternalErrorExitsTwoNamingTheFileAndTheOtherFilesAreLinted() throws IOException {
    Files.createDirectories(dir.resolve("broken"));
    Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:latest\n");
    Files.writeString(dir.resolve("broken/Dockerfile"), "FROM ubuntu:22.04\n");
    var saved = LintRun.fileAccess;
    LintRun.fileAccess = FailingAccess::new;
    try {
      MainTest.Run r = MainTest.run("--format", "gnu", "--no-color", "-j", "1", dir.toString());
      assertEquals(2, r.code(), r.err());
      String broken = dir.resolve("broken/Dockerfile").toString();
      assertTrue(
          r.err()
              .contains(
                  "hardock: "
                      + broken
                      + ": internal error while linting this file "
                      + "(java.lang.IllegalStateException): please report it"),
          r.err());
      assertFalse(r.out().contains("HD001"), r.out());
      assertFalse(r.out().contains(broken), r.out());
      assertTrue(r.out().contains(dir.resolve("Dockerfile") + ":1:6: warning: "), r.out());
    } finally {
      LintRun.fileAccess = saved;
    }
  }

  @Test
  void diffExitsTwoOnAnInternalError() throws IOException {
    // nothing to fix anywhere: without the broken file's failure counted, --diff said 0 (clean)
    Files.createDirectories(dir.resolve("broken"));
    Files.writeString(dir.resolve("broken/Dockerfile"), "FROM ubuntu:22.04\n");
    var saved = LintRun.fileAccess;
    LintRun.fileAccess = FailingAccess::new;
    try {
      MainTest.Run r = MainTest.run("--diff", "-j", "1", dir.toString());
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("internal error while linting this file"), r.err());
    } finally {
      LintRun.fileAccess = saved;
    }
  }
}
