package dev.hardock.engine;

import java.nio.file.Path;

/**
 * Paths as a repository knows them: relative to the nearest enclosing folder with a {@code .git}, with
 * {@code /} separators. SARIF uploads and fingerprints use them, so they do not depend on where hardock was
 * started from or how the path was spelled on the command line.
 */
public final class RepoPaths {
  private RepoPaths() {}

  /** The repository root enclosing {@code dir} (a folder with .git), or null. */
  public static Path root(Path dir) {
    return dev.hardock.io.ProjectRoot.gitRoot(dir);
  }

  /** The file's path relative to its repository root, or to the working directory outside any repository. */
  public static String uri(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Path root = parent == null ? null : root(parent);
    if (root == null) root = Path.of("").toAbsolutePath();
    if (!abs.startsWith(root)) {
      // walked files carry their real path: the working directory may be spelled through a link
      try {
        Path real = root.toRealPath();
        if (abs.startsWith(real)) root = real;
      } catch (java.io.IOException | SecurityException e) {
        // keep the absolute path
      }
    }
    Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
    return normalise(rel.toString());
  }

  static String normalise(String path) {
    // only Windows separates with a backslash: elsewhere it is a character of a file name (git
    // apply must find the file)
    String p = java.io.File.separatorChar == '\\' ? path.replace('\\', '/') : path;
    while (p.startsWith("./")) p = p.substring(2);
    return p;
  }
}
