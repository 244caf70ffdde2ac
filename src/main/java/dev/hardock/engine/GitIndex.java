package dev.hardock.engine;

import dev.hardock.io.DiskAccess;
import dev.hardock.io.FileAccess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The paths git tracks in a repository, read from its index file ({@code .git/index}, the DIRCACHE format,
 * versions 2, 3 and 4) without running git. A file that is tracked is linted whatever {@code .gitignore} says:
 * CI checks it out and Compose uses it. The read is bounded (the index is read whole up to 64 MiB, each entry
 * checked against the bytes left) and a damaged or unknown index gives what was read before the damage.
 * The object names are SHA-1 (20 bytes) or, in SHA-256 repositories, 32 bytes: each entry's name length (in
 * its flags) tells which reading is right.
 */
final class GitIndex {
  static final GitIndex EMPTY = new GitIndex(Set.of());
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  /** Longer names are damage (no file system checks such a path out): it also bounds v4's prefix copies. */
  private static final int MAX_NAME = 4096;

  private static final int SHA1 = 20;
  private static final int SHA256 = 32;

  private final Set<String> files;

  /**
   * The same names, sorted: "is something tracked below this folder" is one ceiling lookup. (A set of every
   * folder on every path cost the square of a path's length: 4,000 names 2,000 folders deep, a 16 MB index a
   * pull request can shape, filled gigabytes.)
   */
  private final java.util.TreeSet<String> sorted;

  /** Whether the entries did not parse to the end: the rest is dropped (or the object names have another size). */
  private final boolean damaged;

  private GitIndex(Set<String> files) {
    this(files, false);
  }

  private GitIndex(Set<String> files, boolean damaged) {
    this.files = files;
    this.sorted = new java.util.TreeSet<>(files);
    this.damaged = damaged;
  }

  private static GitIndex damaged(Set<String> files) {
    return new GitIndex(files, true);
  }

  /** The index of the repository whose root is {@code root} (a folder holding .git), or EMPTY. */
  static GitIndex of(Path root) {
    Path git = root.resolve(".git");
    Path dir;
    if (Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
      dir = git;
    } else if (Files.isRegularFile(git, LinkOption.NOFOLLOW_LINKS)) {
      // a worktree or a submodule: ".git" is a file saying "gitdir: PATH"
      String t;
      // outside FileAccess: .git is refused there; this is a regular file (checked without
      // following links)
      try (var ch =
              Files.newByteChannel(
                  git,
                  java.util.Set.of(
                      java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
          var in = java.nio.channels.Channels.newInputStream(ch)) {
        t = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      } catch (java.io.IOException | SecurityException e) {
        return EMPTY;
      }
      if (!t.startsWith("gitdir:")) return EMPTY;
      try {
        dir = root.resolve(t.substring(7).strip()).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        return EMPTY;
      }
    } else {
      return EMPTY;
    }
    FileAccess.Read r = new DiskAccess(dir).read(dir.resolve("index"), MAX_BYTES);
    return r.ok() ? parse(r.bytes()) : EMPTY;
  }

  /** Parses an index file's bytes; what follows damage is dropped. */
  static GitIndex parse(byte[] b) {
    GitIndex sha1 = parse(b, SHA1);
    if (!sha1.damaged) return sha1;
    GitIndex sha256 = parse(b, SHA256);
    return sha256.damaged && sha256.files.size() <= sha1.files.size() ? sha1 : sha256;
  }

  private static GitIndex parse(byte[] b, int hash) {
    Set<String> files = new HashSet<>();
    if (b.length < 12 || b[0] != 'D' || b[1] != 'I' || b[2] != 'R' || b[3] != 'C') return EMPTY;
    int version = int32(b, 4);
    if (version < 2 || version > 4) return EMPTY;
    long count = int32(b, 8) & 0xFFFFFFFFL;
    int at = 12;
    byte[] previous = new byte[0];
    for (long i = 0; i < count; i++) {
      int start = at;
      // ctime, mtime (8 bytes each), dev, ino, mode, uid, gid, size (4 bytes each), the object
      // name, flags
      int flagsAt = at + 40 + hash;
      if (flagsAt + 2 > b.length) return damaged(files);
      int flags = ((b[flagsAt] & 0xFF) << 8) | (b[flagsAt + 1] & 0xFF);
      at = flagsAt + 2;
      if (version >= 3 && (flags & 0x4000) != 0) at += 2; // extended flags
      if (at > b.length) return damaged(files);
      byte[] name;
      if (version == 4) {
        // the name is the previous one less N trailing bytes, plus a NUL-terminated suffix; no
        // padding
        long strip = 0;
        int c;
        if (at >= b.length) return damaged(files);
        c = b[at++] & 0xFF;
        strip = c & 0x7F;
        while ((c & 0x80) != 0) {
          if (at >= b.length || strip > b.length) return damaged(files);
          c = b[at++] & 0xFF;
          strip = ((strip + 1) << 7) | (c & 0x7F);
        }
        if (strip > previous.length) return damaged(files);
        int nul = indexOf(b, at);
        if (nul < 0) return damaged(files);
        int keep = previous.length - (int) strip;
        if (keep + nul - at > MAX_NAME) return damaged(files);
        name = new byte[keep + nul - at];
        System.arraycopy(previous, 0, name, 0, keep);
        System.arraycopy(b, at, name, keep, nul - at);
        at = nul + 1;
      } else {
        int nul = indexOf(b, at);
        if (nul < 0) return damaged(files);
        name = java.util.Arrays.copyOfRange(b, at, nul);
        // entries are padded with 1 to 8 NULs to a multiple of 8 bytes
        int length = nul + 1 - start;
        at = start + ((length + 7) & ~7);
      }
      int nameLength = flags & 0xFFF;
      if (nameLength < 0xFFF && nameLength != name.length)
        return damaged(files); // another hash size?
      previous = name;
      int stage = (flags >> 12) & 0x3;
      if (stage > 1) continue; // the other sides of a merge conflict: the same path
      String path = new String(name, StandardCharsets.UTF_8);
      files.add(path);
    }
    return new GitIndex(files);
  }

  /** Whether git tracks the file at this path (relative to the repository root, with {@code /}). */
  boolean tracks(String path) {
    return files.contains(path);
  }

  /** Whether git tracks a file below this folder (relative to the repository root, with {@code /}). */
  boolean tracksBelow(String folder) {
    return below(sorted, folder);
  }

  private static boolean below(java.util.NavigableSet<String> names, String folder) {
    String prefix = folder + "/";
    String next = names.ceiling(prefix);
    return next != null && next.startsWith(prefix);
  }

  /**
   * Whether git tracks a file below this folder whose name passes {@code fileName}; the names that pass are
   * sorted once per predicate object, so asking about many folders stays cheap.
   */
  java.util.function.Predicate<String> tracksBelowWhere(
      java.util.function.Predicate<String> fileName) {
    java.util.TreeSet<String> passing = new java.util.TreeSet<>();
    for (String f : files) {
      int slash = f.lastIndexOf('/');
      if (slash > 0 && fileName.test(f.substring(slash + 1))) passing.add(f);
    }
    return folder -> below(passing, folder);
  }

  boolean isEmpty() {
    return files.isEmpty();
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) if (b[i] == 0) return i;
    return -1;
  }

  private static int int32(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }
}
