package dev.hardock.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one way hardock reads a file that a linted tree names: the linted files, the files they reference
 * (include, extends, override files, Dockerfiles a compose build uses, env files), .gitignore and
 * configuration. A tree may be written by an attacker (a pull request), so an implementation reads only
 * regular files whose real path (every symbolic link resolved) lies inside the project root and outside its
 * {@code .git} folder, up to a size, and never opens anything that could block (a FIFO, a device). The disk
 * implementation is {@link DiskAccess}; the language server can put unsaved buffers in front of it.
 */
public interface FileAccess {
  /** The project root: nothing outside it is read. */
  Path root();

  /** The file's bytes, at most {@code maxBytes}, or why it was not read. */
  Read read(Path file, long maxBytes);

  /** The first bytes of a file, at most {@code maxBytes}, whatever its size; or why it was not read. */
  Read head(Path file, int maxBytes);

  /** Why the file would not be read, without reading it; null when it would be. */
  Refusal check(Path file);

  /**
   * Whether something is at a path inside the project root (a link counts, wherever it points); false for a
   * path outside it, which is never looked at.
   */
  boolean exists(Path file);

  /** Why a file was not read. The messages never say whether a path outside the project exists. */
  enum Refusal {
    /** Missing, or outside the project root (resolved through symbolic links): not told apart on purpose. */
    ABSENT("it is missing or outside the project"),
    SPECIAL("it is not a regular file"),
    GIT("it is inside the .git folder"),
    TOO_LARGE("it is too large"),
    UNREADABLE("it cannot be read");

    private final String reason;

    Refusal(String reason) {
      this.reason = reason;
    }

    /** Why, as the end of a sentence: "it is missing or outside the project". */
    public String reason() {
      return reason;
    }
  }

  /**
   * A read: the bytes, or the refusal ({@code detail}: the operating system's reason for an unreadable file
   * inside the project, such as "permission denied"; null otherwise).
   */
  record Read(byte[] bytes, Refusal refusal, String detail) {
    public static Read refused(Refusal r) {
      return new Read(null, r, null);
    }

    /** Why it was not read, as the end of a sentence. */
    public String reason() {
      return detail != null ? detail : refusal.reason();
    }

    public boolean ok() {
      return refusal == null;
    }

    /** The bytes as UTF-8 text (invalid sequences replaced), a leading BOM dropped; null when refused. */
    public String text() {
      if (bytes == null) return null;
      String t = new String(bytes, StandardCharsets.UTF_8);
      return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }

    /** The bytes as strict UTF-8, a leading BOM dropped; throws when they are not UTF-8. */
    public String strictText() throws CharacterCodingException {
      String t =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }
  }
}
