package dev.hardock.model;

/** How far apart two names are, for "did you mean" hints (instructions, flags, rules, stages). */
public final class Spelling {
  private Spelling() {}

  /** Levenshtein distance: insertions, deletions and substitutions of single characters. */
  public static int distance(CharSequence a, CharSequence b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * The candidate closest to {@code name}, when it is close enough to be a misspelling of it (at most
   * max(2, length / 3) edits, as for run flags), else null. Ties go to the first candidate. A candidate whose
   * length is further from the name's than that is never the answer (the distance is at least the difference
   * of the lengths) and is not compared: a hostile name of a million characters costs nothing.
   */
  public static String closest(CharSequence name, Iterable<String> candidates) {
    int allowed = Math.max(2, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (Math.abs(name.length() - c.length()) > allowed) continue;
      int d = distance(name, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= allowed ? best : null;
  }

  /**
   * A name read from input, fit to be quoted in a message: control and format characters (bidi overrides,
   * zero-width) shown as {@code ?}, and at most 60 characters.
   */
  public static String shown(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length() && b.length() < 60; i++) {
      char c = name.charAt(i);
      int t = Character.getType(c);
      b.append(
          Character.isISOControl(c)
                  || t == Character.FORMAT
                  || t == Character.SURROGATE
                  || t == Character.UNASSIGNED
                  || t == Character.LINE_SEPARATOR
                  || t == Character.PARAGRAPH_SEPARATOR
              ? '?'
              : c);
    }
    return b.length() < name.length() ? b + "..." : b.toString();
  }
}
