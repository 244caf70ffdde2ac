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
 *
 * <p>A compose file's findings may stand in another file of its project (an override, an {@code extends} or
 * {@code include} file: {@link dev.hardock.model.Span#file()}), and so do their fixes' edits. Those are applied
 * to that file in one round (its text as read for the lint, checked again on disk; the project's lint cannot
 * be run on an edited copy of it), kept only when the file still reads as well as before (linted alone), and
 * come out as an {@link Outcome} of their own ({@link Outcome#others()}), written or diffed as any other. An
 * override linted alone (through its base) is fixed that way too.
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
      String error,
      List<Outcome> others) {
    public Outcome {
      others = List.copyOf(others);
    }

    public Outcome(
        Target target,
        byte[] originalBytes,
        String before,
        String after,
        FileResult result,
        int fixed,
        List<String> rejected,
        String error) {
      this(target, originalBytes, before, after, result, fixed, rejected, error, List.of());
    }

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
  // the fixes applied so far to each other file of the run (two projects that extend one base file
  // each fix it: the second outcome holds both, or the first one's fixes were lost)
  private final java.util.Map<Path, Applied> fixedElsewhere;
  // whether another file of a project may be edited (file, root): not one the configuration
  // excludes
  private final java.util.function.BiPredicate<Path, Path> editable;

  /**
   * The fixes applied so far to a file that is not a target, and the name it was first met by (a file met
   * again by another name, through a linked folder, is written by that one).
   */
  public record Applied(dev.hardock.model.SourceFile file, List<Fix> fixes) {}

  /** {@code baseline}: what the run does to a file's result before reporting it (the baseline), else identity. */
  public Fixer(Linter linter, boolean unsafe, UnaryOperator<FileResult> baseline) {
    this(linter, unsafe, baseline, new java.util.HashMap<>(), (file, root) -> true);
  }

  /**
   * {@code elsewhere}: shared by the fixers of one run, the fixes applied so far to each file that is not a
   * target (see {@link #withOthers}, which keeps the last outcome of such a file); {@code editable}: whether
   * such a file (path, project root) may be edited: a file the configuration excludes is not (its findings
   * stay reported), as ruff never fixes a file it does not lint.
   */
  public Fixer(
      Linter linter,
      boolean unsafe,
      UnaryOperator<FileResult> baseline,
      java.util.Map<Path, Applied> elsewhere,
      java.util.function.BiPredicate<Path, Path> editable) {
    this.linter = linter;
    this.unsafe = unsafe;
    this.baseline = baseline;
    this.fixedElsewhere = elsewhere;
    this.editable = editable;
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
    // an override linted alone is read through its base: linting its new text would not be the same
    // lint, so it is fixed as a file of the project is, once
    boolean relintable = stdin != null || !throughBase(target);
    for (int round = 0; round < MAX_ROUNDS && relintable; round++) {
      List<Fix> fixes = new ArrayList<>();
      for (Finding f : result.findings())
        if (applies(f, unsafe) && inFile(f.fix(), target.path())) fixes.add(f.fix());
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
    if (stdin != null) {
      return new Outcome(target, bytes, first.text(), text, result, fixed, rejected, null);
    }
    // the fixes whose edits stand in another file of the project (or, for an override linted
    // alone, in the override itself), by that file
    java.util.Map<Path, List<Finding>> elsewhere = new java.util.LinkedHashMap<>();
    java.util.Map<Path, dev.hardock.model.SourceFile> files = new java.util.HashMap<>();
    // whether the configuration lets each other file be edited, looked up once per file
    java.util.Map<Path, Boolean> mayEdit = new java.util.HashMap<>();
    for (Finding f : result.findings()) {
      if (!applies(f, unsafe)) continue;
      dev.hardock.model.SourceFile in = fileOf(f.fix());
      if (in == null) continue;
      Path p = normal(in.path());
      boolean isTarget = p.equals(normal(target.path()));
      if (relintable && isTarget) continue;
      if (!isTarget && !mayEdit.computeIfAbsent(p, k -> editable.test(in.path(), target.root())))
        continue;
      elsewhere.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
      files.putIfAbsent(p, in);
    }
    if (elsewhere.isEmpty()) {
      return new Outcome(target, bytes, first.text(), text, result, fixed, rejected, null);
    }
    List<Outcome> others = new ArrayList<>();
    java.util.Set<Fix> done =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Outcome own = null;
    for (var e : elsewhere.entrySet()) {
      Outcome o = other(target, files.get(e.getKey()), e.getValue(), done);
      if (!relintable && e.getKey().equals(normal(target.path()))) own = o;
      else others.add(o);
    }
    // what was fixed there is no longer left to report
    List<Finding> left = new ArrayList<>();
    for (Finding f : result.findings()) if (f.fix() == null || !done.contains(f.fix())) left.add(f);
    result =
        new FileResult(
            result.displayPath(),
            result.kind(),
            left,
            result.text(),
            result.uri(),
            result.suppressed());
    if (own != null) {
      return new Outcome(
          target,
          own.originalBytes(),
          own.before(),
          own.after(),
          result,
          own.fixed(),
          own.rejected(),
          own.error(),
          others);
    }
    return new Outcome(target, bytes, first.text(), text, result, fixed, rejected, null, others);
  }

  /**
   * Applies to another file of the project the fixes of findings that stand in it: read again (inside the
   * project root, no link followed) and checked to hold the text that was linted, one round of edits, and kept
   * only when the file linted alone has no more parse errors than before.
   */
  private Outcome other(
      Target owner,
      dev.hardock.model.SourceFile in,
      List<Finding> findings,
      java.util.Set<Fix> done) {
    // the fixes an earlier project of the run applied to this file (by its real path) first: this
    // outcome replaces theirs, under the name they met it by
    Applied earlierOnes = fixedElsewhere.get(real(in.path()));
    if (earlierOnes != null && earlierOnes.file().text().equals(in.text())) in = earlierOnes.file();
    List<Fix> earlier = earlierOnes == null ? List.of() : earlierOnes.fixes();
    Target t = new Target(in.path(), in.displayPath(), in.kind(), owner.root(), true);
    FileResult empty = new FileResult(in.displayPath(), in.kind(), List.of());
    FileAccess.Read r = new DiskAccess(owner.root()).read(in.path(), SourceLoader.MAX_BYTES);
    if (!r.ok()) return failed(t, empty, new byte[0], "cannot read the file: " + r.reason());
    String text;
    try {
      text = r.strictText();
    } catch (CharacterCodingException e) {
      return failed(t, empty, r.bytes(), "not UTF-8 text: left unchanged");
    }
    if (!text.equals(in.text()))
      return failed(t, empty, r.bytes(), "the file changed while it was linted: left unchanged");
    List<Fix> fixes = new ArrayList<>(earlier);
    for (Finding f : findings) fixes.add(f.fix());
    FixApplier.Round round = FixApplier.apply(text, fixes);
    List<String> rejected = new ArrayList<>();
    String after = round.text();
    String fixedEarlier = FixApplier.apply(text, earlier).text();
    if (!after.equals(fixedEarlier)
        && parseErrors(linter.lint(t, after.getBytes(StandardCharsets.UTF_8)))
            > parseErrors(linter.lint(t, fixedEarlier.getBytes(StandardCharsets.UTF_8)))) {
      for (Fix f : round.applied()) if (!earlier.contains(f)) rejected.add(f.title());
      return new Outcome(t, r.bytes(), text, fixedEarlier, empty, earlier.size(), rejected, null);
    }
    done.addAll(round.applied());
    fixedElsewhere.put(real(in.path()), new Applied(in, round.applied()));
    return new Outcome(t, r.bytes(), text, after, empty, round.applied().size(), rejected, null);
  }

  /**
   * The outcomes of a run with those of other files after them, each file once: a file fixed as a target of
   * its own, or by an earlier target's project, is not fixed a second time (the second write would find it
   * changed on disk).
   */
  public static List<Outcome> withOthers(List<Outcome> outcomes) {
    List<Outcome> out = new ArrayList<>(outcomes);
    java.util.Set<Path> taken = new java.util.HashSet<>();
    // a target that is a symbolic link is never written (Fixer.write): it takes no file from others
    for (Outcome o : outcomes)
      taken.add(
          Files.isSymbolicLink(o.target().path())
              ? normal(o.target().path())
              : real(o.target().path()));
    // a file fixed by several projects: its last outcome holds the fixes of the earlier ones too
    java.util.Map<Path, Outcome> others = new java.util.LinkedHashMap<>();
    for (Outcome o : outcomes)
      for (Outcome other : o.others())
        if (!taken.contains(real(other.target().path())))
          others.put(real(other.target().path()), other);
    out.addAll(others.values());
    return out;
  }

  /** The one file all of a fix's edits stand in, or null (the linted file, or several files). */
  private static dev.hardock.model.SourceFile fileOf(Fix fix) {
    dev.hardock.model.SourceFile in = null;
    for (Edit e : fix.edits()) {
      dev.hardock.model.SourceFile f = e.span().file();
      if (f == null
          || f.path() == null
          || (in != null && !normal(in.path()).equals(normal(f.path())))) return null;
      in = f;
    }
    return in;
  }

  /** A file's real path (one file by two names, through a linked folder, is one), else its normal path. */
  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | RuntimeException e) {
      return normal(p);
    }
  }

  private static Path normal(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /** Whether every edit of a fix stands in the linted file (a span of no file is the linted file's). */
  private static boolean inFile(Fix fix, Path file) {
    for (Edit e : fix.edits()) {
      dev.hardock.model.SourceFile f = e.span().file();
      if (f != null && f.path() != null && !normal(f.path()).equals(normal(file))) return false;
    }
    return true;
  }

  /** An override that the linter reads through its base (so that its own new text cannot be linted as such). */
  private static boolean throughBase(Target t) {
    return t.kind() == dev.hardock.model.SourceKind.COMPOSE
        && dev.hardock.source.compose.ComposeReader.baseOf(t.path(), new DiskAccess(t.root()))
            != null;
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
