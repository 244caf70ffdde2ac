package dev.hardock.engine;

import dev.hardock.io.DiskAccess;
import dev.hardock.io.FileAccess;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Reads a file's text safely: a size cap so huge inputs cannot exhaust memory, binary files refused, a BOM
 * dropped (editors do not count it as a column), invalid UTF-8 replaced rather than fatal.
 */
final class SourceLoader {
  static final long MAX_BYTES = 4L * 1024 * 1024;

  record Loaded(SourceFile file, ParseProblem problem) {}

  private SourceLoader() {}

  static Loaded load(Target t, byte[] stdinBytes, FileAccess access) {
    byte[] bytes;
    try {
      if (stdinBytes != null) {
        bytes = stdinBytes;
      } else if (t.named() && !Files.isRegularFile(t.path()) && DiskAccess.isUserPipe(t.path())) {
        // a pipe the user named (hardock <(cat Dockerfile)): read as a stream, never stat'ed for a
        // size
        // (outside FileAccess: the user chose this file on the command line; nothing found in a
        // tree comes here)
        try (InputStream in = Files.newInputStream(t.path())) {
          bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
      } else {
        FileAccess.Read r = access.read(t.path(), MAX_BYTES);
        if (r.refusal() == FileAccess.Refusal.TOO_LARGE) {
          // an editor's unsaved buffer (the language server's access) may have no file on disk to
          // size
          long size;
          try {
            size = Files.size(t.path());
          } catch (IOException e) {
            size = -1;
          }
          return problem(
              t,
              "the file is too large to lint ("
                  + (size < 0 ? "" : size / (1024 * 1024) + " MiB; ")
                  + "the limit is "
                  + MAX_BYTES / (1024 * 1024)
                  + " MiB)");
        }
        // the file was found inside the project: missing now means it went away since
        if (r.refusal() == FileAccess.Refusal.ABSENT
            && !Files.exists(t.path(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          return problem(t, "cannot read the file: no such file");
        }
        if (!r.ok()) return problem(t, "cannot read the file: " + r.reason());
        bytes = r.bytes();
      }
    } catch (IOException | SecurityException e) {
      return problem(t, "cannot read the file: " + describe(e));
    }
    if (bytes.length > MAX_BYTES) {
      return problem(
          t, "the file is too large to lint (the limit is " + MAX_BYTES / (1024 * 1024) + " MiB)");
    }
    int probe = Math.min(bytes.length, 8192);
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0)
        return problem(t, "the file is binary (it contains NUL bytes), not a text file");
    }
    String text = decode(bytes);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    return new Loaded(SourceFile.of(t.path(), t.displayPath(), text, t.kind()), null);
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Loaded problem(Target t, String message) {
    SourceFile empty = SourceFile.of(t.path(), t.displayPath(), "", t.kind());
    return new Loaded(empty, new ParseProblem(Span.START, message));
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    String kind =
        e instanceof java.nio.file.NoSuchFileException
            ? "no such file"
            : e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : e.getClass().getSimpleName();
    return m == null || kind.equals("no such file") || kind.equals("permission denied")
        ? kind
        : kind + " (" + m + ")";
  }
}
