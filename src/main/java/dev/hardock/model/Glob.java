package dev.hardock.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path glob as .gitignore and {@code exclude} write them: {@code *} (any characters but {@code /}),
 * {@code ?} (one character but {@code /}), {@code **} (across {@code /}; {@code **}{@code /} is zero or more
 * whole folders), {@code [abc]}, {@code [a-z]}, {@code [!a]} or {@code [^a]} (one character but {@code /}) and
 * {@code \x} (x itself). Matching is dynamic programming over the pattern's tokens, so it reads the text at
 * most (tokens + 1) times whatever the pattern: a glob such as {@code *a*a*a*a*b} cannot backtrack
 * exponentially, as it does once translated to a java.util.regex pattern.
 */
public final class Glob {
  /** A pattern that cannot be read; {@link #index} is the offending character's position in it. */
  public static final class Invalid extends Exception {
    public final int index;

    Invalid(int index, String message) {
      super(message);
      this.index = index;
    }
  }

  /** Brace groups a pattern may expand into at most (past it the configuration is refused, not truncated). */
  public static final int MAX_ALTERNATIVES = 64;

  private static final byte LITERAL = 0;
  private static final byte ONE = 1;
  private static final byte STAR = 2;
  private static final byte ANY_DEPTH = 3;
  private static final byte FOLDERS = 4;
  private static final byte SET = 5;

  private final byte[] kinds;
  private final char[] chars; // LITERAL: the character
  private final char[][] sets; // SET: inclusive ranges, pairs of characters
  private final boolean[] negated; // SET: [!...]
  private final String pattern;

  private Glob(String pattern, byte[] kinds, char[] chars, char[][] sets, boolean[] negated) {
    this.pattern = pattern;
    this.kinds = kinds;
    this.chars = chars;
    this.sets = sets;
    this.negated = negated;
  }

  /** The pattern as written (a configuration shows its exclude globs by it, the same on every load). */
  @Override
  public String toString() {
    return pattern;
  }

  /** Globs compiled alike are equal (a configuration read twice is the same configuration). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Glob g
        && java.util.Arrays.equals(kinds, g.kinds)
        && java.util.Arrays.equals(chars, g.chars)
        && java.util.Arrays.deepEquals(sets, g.sets)
        && java.util.Arrays.equals(negated, g.negated);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(kinds) + java.util.Arrays.hashCode(chars);
  }

  public static Glob of(String pattern) throws Invalid {
    int n = pattern.length();
    byte[] kinds = new byte[n];
    char[] chars = new char[n];
    char[][] sets = new char[n][];
    boolean[] negated = new boolean[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < n && pattern.charAt(i + 1) == '*') {
          while (i + 1 < n && pattern.charAt(i + 1) == '*') i++;
          if (i + 1 < n && pattern.charAt(i + 1) == '/') {
            i++;
            kinds[k++] = FOLDERS;
          } else {
            kinds[k++] = ANY_DEPTH;
          }
        } else if (k == 0 || kinds[k - 1] != STAR) {
          kinds[k++] = STAR;
        }
      } else if (c == '?') {
        kinds[k++] = ONE;
      } else if (c == '[') {
        int close = set(pattern, i, sets, negated, k);
        kinds[k++] = SET;
        i = close;
      } else {
        if (c == '\\') {
          if (++i >= n) throw new Invalid(i - 1, "'\\' at the end escapes nothing");
          c = pattern.charAt(i);
        }
        kinds[k] = LITERAL;
        chars[k++] = c;
      }
    }
    return new Glob(
        pattern,
        Arrays.copyOf(kinds, k),
        Arrays.copyOf(chars, k),
        Arrays.copyOf(sets, k),
        Arrays.copyOf(negated, k));
  }

  /** Reads {@code [...]} opening at {@code open} into sets[k]; returns the index of its closing bracket. */
  private static int set(String p, int open, char[][] sets, boolean[] negated, int k)
      throws Invalid {
    int i = open + 1;
    if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
      negated[k] = true;
      i++;
    }
    StringBuilder ranges = new StringBuilder();
    boolean first = true;
    for (; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == ']' && !first) {
        sets[k] = ranges.toString().toCharArray();
        return i;
      }
      first = false;
      if (c == '\\' && i + 1 < p.length()) c = p.charAt(++i);
      char hi = c;
      if (i + 2 < p.length() && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
        hi = p.charAt(i + 2);
        if (hi == '\\' && i + 3 < p.length()) hi = p.charAt(++i + 2);
        if (hi < c) throw new Invalid(i, "range '" + c + "-" + hi + "' runs backwards");
        i += 2;
      }
      ranges.append(c).append(hi);
    }
    throw new Invalid(open, "'[' without a closing ']'");
  }

  /**
   * The patterns a {@code {a,b}} group stands for ({@code *.{yml,yaml}}), as a Java path glob reads them;
   * groups do not nest, and a pattern standing for more than {@link #MAX_ALTERNATIVES} is refused.
   */
  public static List<String> alternatives(String pattern) throws Invalid {
    List<String> out = new ArrayList<>(List.of(""));
    int i = 0;
    int n = pattern.length();
    StringBuilder lit = new StringBuilder();
    while (i < n) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < n) {
        lit.append(c).append(pattern.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '}') throw new Invalid(i, "'}' without an opening '{'");
      if (c != '{') {
        lit.append(c);
        i++;
        continue;
      }
      List<String> options = new ArrayList<>();
      StringBuilder option = new StringBuilder();
      int j = i + 1;
      for (; j < n && pattern.charAt(j) != '}'; j++) {
        char d = pattern.charAt(j);
        if (d == '{') throw new Invalid(j, "'{' groups do not nest");
        if (d == '\\' && j + 1 < n) {
          option.append(d).append(pattern.charAt(++j));
        } else if (d == ',') {
          options.add(option.toString());
          option.setLength(0);
        } else {
          option.append(d);
        }
      }
      if (j >= n) throw new Invalid(i, "'{' without a closing '}'");
      options.add(option.toString());
      if ((long) out.size() * options.size() > MAX_ALTERNATIVES) {
        throw new Invalid(i, "'{' groups stand for more than " + MAX_ALTERNATIVES + " patterns");
      }
      List<String> next = new ArrayList<>();
      for (String head : out) for (String o : options) next.add(head + lit + o);
      out = next;
      lit.setLength(0);
      i = j + 1;
    }
    List<String> done = new ArrayList<>(out.size());
    for (String head : out) done.add(head + lit);
    return done;
  }

  /** Whether the whole text matches. */
  public boolean matches(CharSequence text) {
    boolean[] ends = run(text);
    return ends != null && ends[text.length()];
  }

  /** Whether the text, or one of the folders it lies in (a prefix ending before a {@code /}), matches. */
  public boolean matchesOrIsUnder(CharSequence text) {
    boolean[] ends = run(text);
    if (ends == null) return false;
    int n = text.length();
    if (ends[n]) return true;
    for (int j = 1; j < n; j++) if (ends[j] && text.charAt(j) == '/') return true;
    return false;
  }

  /** ends[j]: the pattern matches text[0, j); null when it matches no prefix. */
  private boolean[] run(CharSequence text) {
    int tl = text.length();
    boolean[] prev = new boolean[tl + 1];
    boolean[] cur = new boolean[tl + 1];
    prev[0] = true;
    for (int t = 0; t < kinds.length; t++) {
      boolean alive = false;
      switch (kinds[t]) {
        case FOLDERS -> {
          boolean seen = false;
          for (int j = 0; j <= tl; j++) {
            cur[j] = prev[j] || seen && text.charAt(j - 1) == '/';
            seen |= prev[j];
            alive |= cur[j];
          }
        }
        case ANY_DEPTH, STAR -> {
          boolean any = false;
          boolean crosses = kinds[t] == ANY_DEPTH;
          for (int j = 0; j <= tl; j++) {
            if (!crosses && j > 0 && any && text.charAt(j - 1) == '/') any = false;
            any |= prev[j];
            cur[j] = any;
            alive |= any;
          }
        }
        default -> {
          cur[0] = false;
          for (int j = 1; j <= tl; j++) {
            cur[j] = prev[j - 1] && one(t, text.charAt(j - 1));
            alive |= cur[j];
          }
        }
      }
      if (!alive) return null;
      boolean[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev;
  }

  private boolean one(int t, char c) {
    if (kinds[t] == LITERAL) return c == chars[t];
    if (c == '/') return false;
    if (kinds[t] == ONE) return true;
    char[] ranges = sets[t];
    boolean in = false;
    for (int r = 0; r < ranges.length && !in; r += 2) in = c >= ranges[r] && c <= ranges[r + 1];
    return in != negated[t];
  }
}
