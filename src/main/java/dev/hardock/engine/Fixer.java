package dev.hardock.engine;

import dev.hardock.io.DiskAccess;
import dev.hardock.io.FileAccess;
import dev.hardock.rule.Edit;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Fix;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code --fix}, {@code --diff}: the fixes of a file's reported findings (suppressed and baselined ones are not
 * reported, so never fixed), applied in rounds by {@link FixApplier}, the file linted again after each round,
 * until nothing changes or {@link #MAX_ROUNDS}. A round whose result has more parse errors (HD001) than before is
 * undone and its fixes tried one by one: a fix that breaks the file is never applied (and is a bug). Writing is
 * {@link #write}: atomic, the BOM kept, and nothing written when the file changed since it was read.
 */
public final class Fixer {
  public static final int MAX_ROUNDS = 5;

  /** How one file came out: the text before and after (BOM-less), what is left to report, and counts. */
  public record Outcome(
      Target target,
      byte[] originalBytes,
      String before,
      String after,
      FileResult result,
      int fixed,
      List<String> rejected,
      String error) {
    public boolean changed() {
      return error == null && !before.equals(after);
    }

    /** The text as it will be written: the BOM the file had is kept. */
    public String written() {
      return bom(originalBytes) ? "\uFEFF" + after : after;
    }

    public String writtenBefore() {
      return bom(originalBytes) ? "\uFEFF" + before : before;
    }
  }

  private final Linter linter;
  private final boolean unsafe;
  private final UnaryOperator<FileResult> baseline;

  /** {@code baseline}: what the run does to a file's result before reporting it (the baseline), else identity. */
  public Fixer(Linter linter, boolean unsafe, UnaryOperator<FileResult> baseline) {
    this.linter = linter;
    this.unsafe = unsafe;
    this.baseline = baseline;
  }

  /** Whether a finding's fix is applied under these settings. */
  public static boolean applies(Finding f, boolean unsafe) {
    return f.fix() != null && (unsafe || f.fix().applicability() == Fix.Applicability.SAFE);
  }

  /**
   * Fixes one file that was linted as {@code first}; {@code stdin} holds the bytes read from standard input, else
   * the file is read again (and must still hold the text that was linted).
   */
  public Outcome fix(Target target, FileResult first, byte[] stdin) {
    byte[] bytes = stdin;
    if (first.text() == null)
      return new Outcome(target, new byte[0], "", "", first, 0, List.of(), null);
    if (bytes == null) {
      FileAccess.Read r = new DiskAccess(target.root()).read(target.path(), SourceLoader.MAX_BYTES);
      if (!r.ok()) return failed(target, first, new byte[0], "cannot read the file: " + r.reason());
      bytes = r.bytes();
    }
    String text;
    try {
      text = new FileAccess.Read(bytes, null, null).strictText();
    } catch (CharacterCodingException e) {
      return failed(target, first, bytes, "not UTF-8 text: left unchanged");
    }
    if (!text.equals(first.text()))
      return failed(target, first, bytes, "the file changed while it was linted: left unchanged");
    FileResult result = first;
    int fixed = 0;
    List<String> rejected = new ArrayList<>();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Fix> fixes = new ArrayList<>();
      for (Finding f : result.findings())
        if (applies(f, unsafe) && inFile(f.fix(), result.displayPath())) fixes.add(f.fix());
      if (fixes.isEmpty()) break;
      FixApplier.Round r = FixApplier.apply(text, fixes);
      if (r.text().equals(text)) break;
      FileResult next = relint(target, r.text());
      int applied = r.applied().size();
      String newText = r.text();
      if (parseErrors(next) > parseErrors(result)) {
        // one fix at a time, in order, keeping each that leaves the file readable
        newText = text;
        FileResult kept = result;
        applied = 0;
        for (Fix f : r.applied()) {
          FixApplier.Round one = FixApplier.apply(newText, List.of(f));
          if (one.text().equals(newText)) continue;
          FileResult n = relint(target, one.text());
          if (parseErrors(n) > parseErrors(kept)) {
            rejected.add(f.title());
            continue;
          }
          newText = one.text();
          kept = n;
          applied++;
          break; // the other fixes' spans are stale now: the next round lints again
        }
        if (newText.equals(text)) break;
        next = kept;
      }
      fixed += applied;
      text = newText;
      result = next;
    }
    return new Outcome(target, bytes, first.text(), text, result, fixed, rejected, null);
  }

  private static boolean inFile(Fix fix, String file) {
    for (Edit e : fix.edits()) if (!e.file().equals(file)) return false;
    return true;
  }

  private FileResult relint(Target target, String text) {
    return baseline.apply(linter.lint(target, text.getBytes(StandardCharsets.UTF_8)));
  }

  private static int parseErrors(FileResult r) {
    int n = 0;
    for (Finding f : r.findings()) if (f.rule().id().equals("HD001")) n++;
    for (FileResult.Suppressed s : r.suppressed()) if (s.finding().rule().id().equals("HD001")) n++;
    return n;
  }

  private static Outcome failed(Target target, FileResult first, byte[] bytes, String why) {
    String t = first.text() == null ? "" : first.text();
    return new Outcome(target, bytes, t, t, first, 0, List.of(), why);
  }

  static boolean bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  /** A file that cannot be written, and why (one line for the user). */
  public static final class NotWritten extends IOException {
    public NotWritten(String message) {
      super(message);
    }
  }

  /** A file without its owner's write bit is read-only by choice, even to root (who could rename over it). */
  private static boolean readOnlyMode(Path p) throws IOException {
    var posix =
        Files.getFileAttributeView(
            p, java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    return posix != null
        && !posix
            .readAttributes()
            .permissions()
            .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  /**
   * Writes a fixed file in place: refused for a symbolic link (never written through, nor replaced), a file
   * outside the project root, a read-only file, or a file whose bytes are no longer those that were fixed.
   */
  public static void write(Outcome o) throws IOException {
    Path p = o.target().path();
    if (Files.isSymbolicLink(p)) throw new NotWritten("it is a symbolic link: not written through");
    // a file named through a linked folder is read where it leads (the caller named it), but its
    // path is resolved:
    // the folder as named must not be a link the tree holds below the working directory (as
    // AtomicFile refuses)
    Path named = Path.of(o.target().displayPath()).toAbsolutePath().normalize().getParent();
    Path link = named == null ? null : AtomicFile.linkInWorkingDirectory(named);
    if (link != null)
      throw new NotWritten("its folder " + link + " is a symbolic link: not written through");
    DiskAccess access = new DiskAccess(o.target().root());
    FileAccess.Refusal why = access.check(p);
    if (why != null) throw new NotWritten("not written: " + why.reason());
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
      throw new NotWritten("it is not a regular file");
    if (!Files.isWritable(p) || readOnlyMode(p))
      throw new NotWritten("the file is read-only: left unchanged");
    FileAccess.Read now = access.read(p, SourceLoader.MAX_BYTES);
    if (!now.ok() || !Arrays.equals(now.bytes(), o.originalBytes())) {
      throw new NotWritten("the file changed on disk since it was read: left unchanged");
    }
    String content = o.written();
    AtomicFile.write(p, w -> w.write(content));
  }
}
