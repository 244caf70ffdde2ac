package dev.hardock.report;

import dev.hardock.model.secret.SecretMask;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code --diff}) that {@code git apply} and {@code patch -p1} take: {@code a/} and {@code b/}
 * prefixes, three lines of context, lines kept with their own line ends (a CRLF line stays CRLF), and
 * {@code \ No newline at end of file} where the last line has none. Lines are matched by Myers' algorithm, with
 * its work bounded: past {@link #MAX_D} differing lines the changed middle becomes one hunk (still correct).
 * Secrets are never printed in full, and a diff cannot mask or escape what it shows (it would no longer apply):
 * a kept line that must not be printed as it is (a secret {@link SecretMask} finds on it, a control or bidi
 * character {@link Visible} escapes elsewhere, tab and line end aside, or a CI log command: {@code ::} at its
 * start, {@code ##[}) is never shown as context. The context stops before it and a hunk is split at it:
 * {@code git apply} takes a hunk without leading context, but one without trailing context only at the end of
 * the file. Such a changed line, or such a line right after a change (the one context line git needs), cannot
 * be left out: {@link Diff#withheld} says so, and the caller withholds the diff.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  static final int MAX_D = 500;

  private UnifiedDiff() {}

  /**
   * A file's diff; {@code withheld}: a removed or added line, or the line right after a change, must not be
   * printed as it is (see the class comment), so {@code text} shows one (or would not apply with
   * {@code git apply}) and is not to be printed.
   */
  public record Diff(String text, boolean withheld) {}

  /** The diff of one file, or "" when the texts are equal. {@code path}: with {@code /} separators. */
  public static String of(String path, String before, String after) {
    return diff(path, before, after).text();
  }

  /** The diff of one file (see {@link Diff}), with "" when the texts are equal. */
  public static Diff diff(String path, String before, String after) {
    if (before.equals(after)) return new Diff("", false);
    String[] a = lines(before);
    String[] b = lines(after);
    boolean[] secretA = secretLines(before, a);
    boolean[] secretB = secretLines(after, b);
    // common head and tail first: fixes are local, so the middle Myers sees is small
    int head = 0;
    while (head < a.length && head < b.length && a[head].equals(b[head])) head++;
    int tail = 0;
    while (tail < a.length - head
        && tail < b.length - head
        && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) tail++;
    boolean[] delA = new boolean[a.length];
    boolean[] addB = new boolean[b.length];
    if (!myers(a, head, a.length - tail, b, head, b.length - tail, delA, addB)) {
      for (int i = head; i < a.length - tail; i++) delA[i] = true;
      for (int j = head; j < b.length - tail; j++) addB[j] = true;
    }
    // walk both files in step, producing (kind, index) ops
    List<int[]> ops = new ArrayList<>(); // {0 keep,1 del,2 add, i, j}
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && delA[i]) {
        ops.add(new int[] {1, i++, j});
      } else if (j < b.length && addB[j]) {
        ops.add(new int[] {2, i, j++});
      } else {
        ops.add(new int[] {0, i++, j++});
      }
    }
    boolean withheld = false;
    for (int[] op : ops) withheld |= op[0] == 1 ? secretA[op[1]] : op[0] == 2 && secretB[op[2]];
    StringBuilder out = new StringBuilder();
    out.append("--- ")
        .append(quoted("a/" + path))
        .append('\n')
        .append("+++ ")
        .append(quoted("b/" + path))
        .append('\n');
    int k = 0;
    int done = 0; // the ops up to here are in a hunk already
    while (k < ops.size()) {
      while (k < ops.size() && ops.get(k)[0] == 0) k++;
      if (k >= ops.size()) break;
      // leading context: up to CONTEXT kept lines after the last hunk, none that is not to be shown
      int start = k;
      while (start > Math.max(k - CONTEXT, done) && !secretA[ops.get(start - 1)[1]]) start--;
      // extend the hunk while the next change is within 2 * CONTEXT kept lines, none of them hidden
      int end = k;
      int kept = 0;
      for (int m = k; m < ops.size(); m++) {
        if (ops.get(m)[0] == 0) {
          kept++;
          if (kept > 2 * CONTEXT || secretA[ops.get(m)[1]]) break;
        } else {
          kept = 0;
          end = m;
        }
      }
      int stop = end + 1;
      while (stop < Math.min(ops.size(), end + 1 + CONTEXT) && !secretA[ops.get(stop)[1]]) stop++;
      if (stop == end + 1 && stop < ops.size())
        withheld = true; // no trailing context: git would not apply it
      int aStart = ops.get(start)[1];
      int bStart = ops.get(start)[2];
      int aCount = 0;
      int bCount = 0;
      for (int m = start; m < stop; m++) {
        int kind = ops.get(m)[0];
        if (kind != 2) aCount++;
        if (kind != 1) bCount++;
      }
      out.append("@@ -")
          .append(range(aStart, aCount))
          .append(" +")
          .append(range(bStart, bCount))
          .append(" @@\n");
      for (int m = start; m < stop; m++) {
        int[] op = ops.get(m);
        String line = op[0] == 2 ? b[op[2]] : a[op[1]];
        out.append(op[0] == 0 ? ' ' : op[0] == 1 ? '-' : '+').append(line);
        if (!line.endsWith("\n")) out.append("\n\\ No newline at end of file\n");
      }
      k = stop;
      done = stop;
    }
    return new Diff(out.toString(), withheld);
  }

  /**
   * Which lines are not to be printed as they are: a secret as {@link SecretMask} finds it (a PEM key's body
   * across lines too), a character {@link Visible} escapes (but a tab and the line end), a CI log command.
   */
  private static boolean[] secretLines(String text, String[] lines) {
    String[] masked = lines.clone();
    boolean[] all = new boolean[lines.length];
    java.util.Arrays.fill(all, true);
    SecretMask.mask(text, masked, all);
    boolean[] secret = new boolean[lines.length];
    for (int i = 0; i < lines.length; i++)
      secret[i] = !masked[i].equals(lines[i]) || unprintable(lines[i]);
    return secret;
  }

  private static boolean unprintable(String line) {
    int end =
        line.endsWith("\r\n")
            ? line.length() - 2
            : line.endsWith("\n") ? line.length() - 1 : line.length();
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (c != '\t' && Visible.unsafe(c)) return true;
      if (Character.isSurrogate(c)) {
        // a pair is a character; a lone half is not
        if (Character.isHighSurrogate(c)
            && i + 1 < end
            && Character.isLowSurrogate(line.charAt(i + 1))) i++;
        else return true;
      }
    }
    String t = line.strip();
    return t.startsWith("::") || line.contains(Visible.OLD_COMMAND);
  }

  /**
   * A path as git writes it in a diff header: as it is when it is printable ASCII, else in double quotes with C
   * escapes and the bytes of other characters in octal (git's {@code core.quotePath}), which {@code git apply}
   * reads back. A file name is the tree's: a line end in it would end the header, a control or bidi character
   * would reach the terminal.
   */
  static String quoted(String path) {
    boolean plain = true;
    for (int i = 0; i < path.length() && plain; i++) {
      char c = path.charAt(i);
      plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    }
    if (plain) return path;
    StringBuilder b = new StringBuilder(path.length() + 8).append('"');
    for (byte x : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        default -> {
          if (c >= 0x20 && c < 0x7f) b.append((char) c);
          else
            b.append('\\')
                .append((char) ('0' + (c >> 6)))
                .append((char) ('0' + ((c >> 3) & 7)))
                .append((char) ('0' + (c & 7)));
        }
      }
    }
    return b.append('"').toString();
  }

  private static String range(int start, int count) {
    // an empty range names the line before it, as diff(1) does
    int first = count == 0 ? start : start + 1;
    return count == 1 ? Integer.toString(first) : first + "," + count;
  }

  /** Lines with their line ends ({@code \n}, {@code \r\n}; a lone {@code \r} stays inside its line, as git reads it). */
  static String[] lines(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', from)) {
      out.add(text.substring(from, i + 1));
      from = i + 1;
    }
    if (from < text.length()) out.add(text.substring(from));
    return out.toArray(new String[0]);
  }

  /**
   * Marks the lines of a[aFrom, aTo) deleted and of b[bFrom, bTo) added along a shortest edit script; false
   * when it needs more than {@link #MAX_D} edits.
   */
  private static boolean myers(
      String[] a,
      int aFrom,
      int aTo,
      String[] b,
      int bFrom,
      int bTo,
      boolean[] delA,
      boolean[] addB) {
    int n = aTo - aFrom;
    int m = bTo - bFrom;
    int max = Math.min(n + m, MAX_D);
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x =
            k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                ? v[offset + k + 1]
                : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a[aFrom + x].equals(b[bFrom + y])) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    if (found < 0) return false;
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] pv = trace.get(d);
      int k = x - y;
      int prevK = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]) ? k + 1 : k - 1;
      int prevX = pv[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        x--;
        y--;
      }
      if (x == prevX) addB[bFrom + prevY] = true;
      else delA[aFrom + prevX] = true;
      x = prevX;
      y = prevY;
    }
    return true;
  }
}
