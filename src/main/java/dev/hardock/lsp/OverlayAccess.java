package dev.hardock.lsp;

import dev.hardock.io.DiskAccess;
import dev.hardock.io.FileAccess;
import dev.hardock.io.ProjectRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link FileAccess} for the language server: the text of the documents open in the editor (unsaved buffers)
 * in front of the disk. Confinement is {@link DiskAccess}'s: a buffer is served only for a path inside the
 * project root and outside {@code .git}, whose folder lies inside the root once its links are resolved, and that
 * on disk is either absent (a new file) or a regular file; everything else is the disk's answer.
 */
final class OverlayAccess implements FileAccess {
  private final DiskAccess disk;
  private final Path root;
  private final Function<Path, String> buffers;

  /** {@code buffers}: an open document's text by its absolute normalised path, or null. */
  OverlayAccess(Path root, Function<Path, String> buffers) {
    this.disk = new DiskAccess(root);
    this.root = root.toAbsolutePath().normalize();
    this.buffers = buffers;
  }

  /** The open buffers as a map (the server's), one access per project root. */
  static OverlayAccess over(Path root, Map<Path, String> buffers) {
    return new OverlayAccess(root, buffers::get);
  }

  @Override
  public Path root() {
    return disk.root();
  }

  /** The buffer for a path, when one is open and the path may be served; else null. */
  private String buffer(Path file) {
    Path abs;
    try {
      abs = file.toAbsolutePath().normalize();
    } catch (RuntimeException | java.io.IOError e) {
      return null;
    }
    String text = buffers.apply(abs);
    if (text == null) text = buffers.apply(ProjectRoot.real(abs));
    if (text == null) return null;
    if (!abs.startsWith(root) && !abs.startsWith(disk.root())) return null;
    Path real = ProjectRoot.real(abs);
    if (!real.startsWith(disk.root())) return null;
    for (Path part : disk.root().relativize(real)) if (part.toString().equals(".git")) return null;
    if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
      Refusal why = disk.check(real);
      if (why != null && why != Refusal.TOO_LARGE) return null;
    }
    return text;
  }

  @Override
  public Read read(Path file, long maxBytes) {
    String text = buffer(file);
    if (text == null) return disk.read(file, maxBytes);
    // a UTF-16 char is at most 3 UTF-8 bytes: a buffer too large is refused before it is encoded
    if (text.length() > maxBytes) return Read.refused(Refusal.TOO_LARGE);
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return b.length > maxBytes ? Read.refused(Refusal.TOO_LARGE) : new Read(b, null, null);
  }

  @Override
  public Read head(Path file, int maxBytes) {
    String text = buffer(file);
    if (text == null) return disk.head(file, maxBytes);
    byte[] b =
        (text.length() > maxBytes ? text.substring(0, maxBytes) : text)
            .getBytes(StandardCharsets.UTF_8);
    return new Read(b.length > maxBytes ? Arrays.copyOf(b, maxBytes) : b, null, null);
  }

  @Override
  public Refusal check(Path file) {
    return buffer(file) != null ? null : disk.check(file);
  }

  @Override
  public boolean exists(Path file) {
    return buffer(file) != null || disk.exists(file);
  }
}
