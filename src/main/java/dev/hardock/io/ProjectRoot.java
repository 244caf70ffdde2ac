package dev.hardock.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project root of a path named on the command line: the git repository root enclosing it (the nearest
 * folder, from the path's real location upwards, that holds a {@code .git}), else the folder named (for a
 * named file: its folder). Nothing outside it is read ({@link DiskAccess}).
 */
public final class ProjectRoot {
  private static final ConcurrentHashMap<Path, Path> GIT_ROOTS = new ConcurrentHashMap<>();
  private static final Path NONE = Path.of("");

  private ProjectRoot() {}

  public static Path of(Path named) {
    Path abs = named.toAbsolutePath().normalize();
    Path folder;
    if (Files.isDirectory(abs)) {
      try {
        folder = abs.toRealPath();
      } catch (IOException | SecurityException e) {
        folder = abs;
      }
    } else {
      folder = real(abs).getParent();
    }
    if (folder == null) folder = abs;
    Path git = gitRoot(folder);
    return git != null ? git : folder;
  }

  /**
   * The path with every folder on the way resolved to its real location, the last name kept as it is (a link
   * stays a link): compose files resolve relative paths from the folder they sit in.
   */
  public static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || abs.getFileName() == null) return abs;
    try {
      return parent.toRealPath().resolve(abs.getFileName());
    } catch (IOException | SecurityException e) {
      return abs;
    }
  }

  /** The repository root enclosing {@code dir} (a folder with .git), or null. */
  public static Path gitRoot(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    Path r =
        GIT_ROOTS.computeIfAbsent(
            abs,
            d -> {
              for (Path p = d; p != null; p = p.getParent()) {
                if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) return p;
              }
              return NONE;
            });
    return r == NONE ? null : r;
  }
}
