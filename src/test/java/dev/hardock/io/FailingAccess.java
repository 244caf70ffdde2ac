package dev.hardock.io;

import java.nio.file.Path;

/**
 * The disk, except that reading a file in a folder named {@code broken} throws, as a bug of hardock would:
 * for the tests of internal errors (they are reported as such, never as a problem of the user's file).
 */
public record FailingAccess(FileAccess disk) implements FileAccess {
  public FailingAccess(Path root) {
    this(new DiskAccess(root));
  }

  @Override
  public Path root() {
    return disk.root();
  }

  @Override
  public Read read(Path file, long maxBytes) {
    Path folder = file.getParent();
    if (folder != null
        && folder.getFileName() != null
        && folder.getFileName().toString().equals("broken")) {
      throw new IllegalStateException("a bug");
    }
    return disk.read(file, maxBytes);
  }

  @Override
  public Read head(Path file, int maxBytes) {
    return disk.head(file, maxBytes);
  }

  @Override
  public Refusal check(Path file) {
    return disk.check(file);
  }

  @Override
  public boolean exists(Path file) {
    return disk.exists(file);
  }
}
