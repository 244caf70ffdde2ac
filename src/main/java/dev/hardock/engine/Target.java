package dev.hardock.engine;

import dev.hardock.io.ProjectRoot;
import dev.hardock.model.SourceKind;
import java.nio.file.Path;

/**
 * A file to lint, how to show its path, which reader to use, the project root nothing outside of which is
 * read for it, and whether it was named on the command line ({@code named}: the user chose it, so it is read
 * even when it is a pipe, as in {@code hardock <(cat Dockerfile)}; files found in a walk must be regular files
 * inside the root).
 */
public record Target(Path path, String displayPath, SourceKind kind, Path root, boolean named) {
  /**
   * A file named on the command line, its project root found from its path; the path is taken with its folders
   * resolved to their real location, as Discovery gives it ({@code ../shared/x} where {@code ../shared} is a link
   * lies in the root found from the real location).
   */
  public Target(Path path, String displayPath, SourceKind kind) {
    this(ProjectRoot.real(path), displayPath, kind, ProjectRoot.of(path), true);
  }
}
