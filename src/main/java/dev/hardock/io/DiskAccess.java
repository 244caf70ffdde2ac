package dev.hardock.io;

import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * {@link FileAccess} on the file system, confined to one project root. A path is judged lexically first (a
 * path that names a place outside the root is refused without touching the file system, so nothing is told
 * about what exists there), then by its real path (symbolic links resolved: a link inside the tree that
 * leads out is refused the same way), then by the file's own type, read without following links: only a
 * regular file is opened, so a FIFO or a device is never opened and nothing blocks. The file is opened
 * without following links, so a link swapped in after the check is not followed either.
 */
public final class DiskAccess implements FileAccess {
  private static final Set<OpenOption> READ_NOFOLLOW =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  private final Path root;
  private final Path realRoot;

  public DiskAccess(Path root) {
    this.root = root.toAbsolutePath().normalize();
    Path real;
    try {
      real = this.root.toRealPath();
    } catch (IOException | SecurityException e) {
      real = this.root;
    }
    this.realRoot = real;
  }

  /** Access confined to the project that encloses a path (see {@link ProjectRoot#of}). */
  public static DiskAccess forPath(Path named) {
    return new DiskAccess(ProjectRoot.of(named));
  }

  @Override
  public Path root() {
    return realRoot;
  }

  @Override
  public Refusal check(Path file) {
    Checked c = checked(file);
    return c.refusal;
  }

  /**
   * Whether a path named on the command line is a pipe the user made ({@code hardock <(cat Dockerfile)},
   * {@code /dev/fd/63}): a FIFO, and not a link inside a git repository (a tree can commit a link to a device
   * or to {@code /dev/stdin}, never a FIFO). Only such a path is read as a stream, outside the confinement.
   */
  public static boolean isUserPipe(Path named) {
    try {
      Object mode = Files.getAttribute(named, "unix:mode");
      boolean fifo = mode instanceof Integer m && (m & 0170000) == 0010000;
      if (!fifo) return false;
      if (!Files.isSymbolicLink(named)) return true;
      Path parent = ProjectRoot.real(named).getParent();
      return parent == null || ProjectRoot.gitRoot(parent) == null;
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | SecurityException e) {
      return false;
    }
  }

  @Override
  public boolean exists(Path file) {
    try {
      Path abs = file.toAbsolutePath().normalize();
      if (!abs.startsWith(root) && !abs.startsWith(realRoot)) return false;
      if (abs.equals(root) || abs.equals(realRoot)) return true;
      Path parent = abs.getParent();
      if (parent == null || abs.getFileName() == null) return false;
      // the folders on the way are resolved first: through a link that leads out (a -> /etc, then
      // a/.env) the
      // answer would tell whether a path outside the project exists
      Path realParent = parent.toRealPath();
      if (!realParent.startsWith(realRoot)) return false;
      return Files.exists(realParent.resolve(abs.getFileName()), LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | InvalidPathException | IOError | SecurityException e) {
      return false;
    }
  }

  private record Checked(Path real, long size, Refusal refusal) {}

  private Checked checked(Path file) {
    Path abs;
    try {
      abs = file.toAbsolutePath().normalize();
    } catch (InvalidPathException | IOError | SecurityException e) {
      return new Checked(null, 0, Refusal.ABSENT);
    }
    if (!abs.startsWith(root) && !abs.startsWith(realRoot))
      return new Checked(null, 0, Refusal.ABSENT);
    Path real;
    try {
      real = abs.toRealPath();
    } catch (NoSuchFileException e) {
      return new Checked(null, 0, Refusal.ABSENT);
    } catch (IOException | SecurityException e) {
      // a loop of links, a path through a file: nothing to read, and nothing more to tell
      return new Checked(null, 0, Refusal.ABSENT);
    }
    if (!real.startsWith(realRoot)) return new Checked(null, 0, Refusal.ABSENT);
    for (Path part : realRoot.relativize(real)) {
      if (part.toString().equals(".git")) return new Checked(null, 0, Refusal.GIT);
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | SecurityException e) {
      return new Checked(null, 0, Refusal.UNREADABLE);
    }
    if (!a.isRegularFile()) return new Checked(null, 0, Refusal.SPECIAL);
    return new Checked(real, a.size(), null);
  }

  @Override
  public Read read(Path file, long maxBytes) {
    return read(file, maxBytes, false);
  }

  @Override
  public Read head(Path file, int maxBytes) {
    return read(file, maxBytes, true);
  }

  private Read read(Path file, long maxBytes, boolean head) {
    Checked c = checked(file);
    if (c.refusal != null) return Read.refused(c.refusal);
    if (c.size > maxBytes && !head) return Read.refused(Refusal.TOO_LARGE);
    try (SeekableByteChannel ch = Files.newByteChannel(c.real, READ_NOFOLLOW);
        InputStream in = Channels.newInputStream(ch)) {
      byte[] b =
          in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, head ? maxBytes : maxBytes + 1));
      if (b.length > maxBytes) return Read.refused(Refusal.TOO_LARGE);
      return new Read(b, null, null);
    } catch (java.nio.file.AccessDeniedException e) {
      return new Read(null, Refusal.UNREADABLE, "permission denied");
    } catch (NoSuchFileException e) {
      return Read.refused(Refusal.ABSENT);
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return new Read(null, Refusal.UNREADABLE, e.getClass().getSimpleName());
    }
  }
}
