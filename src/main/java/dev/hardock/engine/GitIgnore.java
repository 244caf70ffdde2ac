package dev.hardock.engine;

import dev.hardock.io.FileAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The common subset of .gitignore: blank lines and comments, {@code !} negation, a trailing {@code /} for
 * directories only, a leading or inner {@code /} anchoring to the .gitignore's folder, and the wildcards
 * {@code *}, {@code ?} and {@code **}. Matching is linear (no regular expressions over user patterns).
 */
final class GitIgnore {
  private record Pattern(String glob, boolean negate, boolean dirOnly, boolean anchored) { }

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
        if (!l.isEmpty()) ps.add(new Pattern(l, negate, dirOnly, anchored));
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
      boolean hit = pt.anchored ? glob(pt.glob, rel) : glob(pt.glob, name);
      if (hit) verdict = !pt.negate;
    }
    return verdict;
  }

  /** Wildcard match with '*' (not across '/'), '?' and '**' (across '/'), by dynamic programming. */
  static boolean glob(String pattern, String text) {
    int pl = pattern.length();
    int tl = text.length();
    boolean[] prev = new boolean[tl + 1];
    boolean[] cur = new boolean[tl + 1];
    prev[0] = true;
    for (int i = 0; i < pl; i++) {
      char c = pattern.charAt(i);
      boolean doubleStar = c == '*' && i + 1 < pl && pattern.charAt(i + 1) == '*';
      java.util.Arrays.fill(cur, false);
      if (doubleStar && i + 2 < pl && pattern.charAt(i + 2) == '/') {
        // "**/": zero or more whole path segments
        boolean seen = false;
        for (int j = 0; j <= tl; j++) {
          cur[j] = prev[j] || (seen && text.charAt(j - 1) == '/');
          seen |= prev[j];
        }
        i += 2;
      } else if (doubleStar) {
        boolean any = false;
        for (int j = 0; j <= tl; j++) {
          any |= prev[j];
          cur[j] = any;
        }
        i++;
      } else if (c == '*') {
        boolean any = false;
        for (int j = 0; j <= tl; j++) {
          if (j > 0 && text.charAt(j - 1) == '/') any = false;
          any |= prev[j];
          cur[j] = any;
        }
      } else {
        for (int j = 1; j <= tl; j++) {
          char t = text.charAt(j - 1);
          cur[j] = prev[j - 1] && (c == '?' ? t != '/' : t == c);
        }
      }
      boolean[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[tl];
  }
}
