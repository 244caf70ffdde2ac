package dev.hardock.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command-line test over a project of its own: a temporary folder holding a repository ({@code repo/.git}), with
 * the user configuration looked up in an empty folder of it rather than the real home.
 */
abstract class ProjectTest {
  @TempDir Path dir;

  @BeforeEach
  void isolate() throws IOException {
    Files.createDirectories(dir.resolve("repo/.git"));
    LintRun.env = Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
  }

  @AfterEach
  void restore() {
    LintRun.env = System.getenv();
  }

  /** Writes a file of the project (folders made as needed). */
  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }
}
