package dev.hardock.engine;

import dev.hardock.io.FileAccess;
import dev.hardock.model.Glob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The common subset of .gitignore: blank lines and comments, {@code !} negation, a trailing {@code /} for
 * directories only, a leading or inner {@code /} anchoring to the .gitignore's folder, and the wildcards of
 * {@link Glob} (the matcher {@code exclude} uses too: linear, no regular expressions over user patterns).
 */
final class GitIgnore {
  private record Pattern(Glob glob, boolean negate, boolean dirOnly, boolean anchored) {}

  private static final long MAX_BYTES = 1024 * 1024;
  private static final GitIgnore EMPTY = new GitIgnore(null, List.of());
  private final Path base;
  private final List<Pattern> patterns;

  private GitIgnore(Path base, List<Pattern> patterns) {
    this.base = base;
    this.patterns = patterns;
  }

  static GitIgnore load(Path dir, FileAccess access) {
    FileAccess.Read r = access.read(dir.resolve(".gitignore"), MAX_BYTES);
    if (!r.ok()) return EMPTY;
    try {
      List<Pattern> ps = new ArrayList<>();
      for (String line : r.text().split("\r?\n", -1)) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) continue;
        boolean negate = l.startsWith("!");
        if (negate) l = l.substring(1);
        boolean dirOnly = l.endsWith("/");
        if (dirOnly) l = l.substring(0, l.length() - 1);
        boolean anchored = l.contains("/");
        if (l.startsWith("/")) l = l.substring(1);
        if (l.isEmpty()) continue;
        try {
          ps.add(new Pattern(Glob.of(l), negate, dirOnly, anchored));
        } catch (Glob.Invalid e) {
          // git matches nothing with a pattern it cannot read ('[' unclosed): neither do we
        }
      }
      return new GitIgnore(dir, ps);
    } catch (RuntimeException e) {
      return EMPTY;
    }
  }

  /** TRUE ignored, FALSE re-included, null when no pattern speaks of the path. */
  Boolean matches(Path p, boolean isDir) {
    if (patterns.isEmpty() || !p.startsWith(base)) return null;
    String rel = base.relativize(p).toString().replace('\\', '/');
    String name = p.getFileName() == null ? rel : p.getFileName().toString();
    Boolean verdict = null;
    for (Pattern pt : patterns) {
      if (pt.dirOnly && !isDir) continue;
      boolean hit = pt.glob.matches(pt.anchored ? rel : name);
      if (hit) verdict = !pt.negate;
    }
    return verdict;
  }
}
