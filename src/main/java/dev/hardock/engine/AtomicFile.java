package dev.hardock.engine;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Every file hardock writes (the {@code -o} report, the baseline, later fixed sources) is written this way:
 * the content goes to a new temporary file in the target's folder, which then replaces the target by an
 * atomic rename ({@code ATOMIC_MOVE}; {@code REPLACE_EXISTING} where the file system cannot). A linted tree
 * may be hostile: a committed {@code hardock.sarif -> ~/.bashrc} must not make the job truncate a file it
 * can write. A rename never follows a symbolic link at the target: it replaces the link itself, and the
 * file it pointed to is untouched. A target that is a directory or a special file (device, FIFO, socket) is
 * refused ({@link Refused}), and so is a link to one ({@code -o /dev/stdout}: replacing that link broke the
 * container's stdout). Readers never see a half-written file. When an existing regular file is
 * replaced its permission bits are kept (a fixed script stays executable); a new file gets {@code rw-r--r--}.
 * Folders above the target are taken as named (they are the caller's choice, not the tree's), except that a
 * symbolic link among them below the working directory (the checkout, in CI) is refused.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** The content of the file, written to the temporary file. */
  public interface Content {
    void writeTo(Writer w) throws IOException;
  }

  /** The target cannot be replaced by a file (a directory, a device, a FIFO, a socket). */
  public static final class Refused extends FileSystemException {
    Refused(Path file, String reason) {
      super(file.toString(), null, reason);
    }
  }

  /**
   * The first folder of {@code folder} (absolute, as named) below the working directory that is a symbolic
   * link, or null. In CI the working directory is the checkout, which the pull request wrote: its committed
   * {@code reports -> /elsewhere} must not carry {@code -o reports/hardock.sarif} out of it. Folders at or
   * above the working directory are the caller's (macOS's {@code /tmp} is a link).
   */
  static Path linkInWorkingDirectory(Path folder) {
    Path cwd = Path.of("").toAbsolutePath();
    if (!folder.startsWith(cwd)) return null;
    Path at = cwd;
    for (Path part : cwd.relativize(folder)) {
      if (part.toString().isEmpty()) continue;
      at = at.resolve(part);
      if (Files.isSymbolicLink(at)) return at;
    }
    return null;
  }

  private static final Set<PosixFilePermission> NEW_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  /** Writes {@code content} as UTF-8 to {@code target}, replacing what is there (see the class comment). */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    if (folder == null || absolute.getFileName() == null)
      throw new Refused(target, "not a file name");
    Set<PosixFilePermission> mode = NEW_FILE;
    BasicFileAttributes existing = null;
    try {
      existing =
          Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      // a new file
    }
    if (existing != null) {
      if (existing.isDirectory()) throw new Refused(target, "is a directory");
      if (existing.isOther()) throw new Refused(target, "is not a regular file");
      if (existing.isSymbolicLink() && Files.exists(absolute) && !Files.isRegularFile(absolute)) {
        // -o /dev/stdout: a link to what is not a file is the caller's way to a stream, never
        // replaced by a file
        throw new Refused(target, "is a link to a device, FIFO or folder");
      }
      if (existing.isRegularFile()) {
        PosixFileAttributeView posix =
            Files.getFileAttributeView(
                absolute, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) mode = posix.readAttributes().permissions();
      }
    }
    if (!Files.isDirectory(folder)) throw new Refused(target, "its folder does not exist");
    Path link = linkInWorkingDirectory(folder);
    if (link != null)
      throw new Refused(
          target,
          "its folder "
              + link
              + " is a symbolic link (not written through one inside the working directory)");
    String name = absolute.getFileName().toString();
    Path tmp;
    try {
      int cut =
          Math.min(
              name.length(), 100); // room for the random part within the file system's name limit
      if (cut < name.length() && Character.isLowSurrogate(name.charAt(cut))) cut--;
      tmp = Files.createTempFile(folder, "." + name.substring(0, cut) + ".", ".tmp");
    } catch (FileSystemException e) {
      String why =
          e instanceof java.nio.file.AccessDeniedException
              ? "permission denied"
              : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
      throw new FileSystemException(
          target.toString(), null, "cannot create a file in its folder (" + why + ")");
    }
    boolean moved = false;
    try {
      try (FileOutputStream out = new FileOutputStream(tmp.toFile());
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        content.writeTo(w);
        w.flush();
        out.getFD().sync();
      }
      PosixFileAttributeView posix = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
      if (posix != null) posix.setPermissions(mode);
      try {
        Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) Files.deleteIfExists(tmp);
    }
  }
}
