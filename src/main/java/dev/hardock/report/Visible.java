package dev.hardock.report;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The one place that decides which characters from input may reach a terminal or a CI log, and how the
 * others are shown. Everything a linted tree controls (file names, messages quoting it, source lines,
 * configuration keys) passes through here before a human-readable format or stderr prints it, so that a
 * file named {@code "x\n::error::forged"} cannot start a line of its own (a GitHub workflow command,
 * {@code ::add-mask::}), {@code ESC [} cannot drive the terminal and a bidi override cannot reorder what a
 * reviewer reads (Trojan Source, CVE-2021-42574).
 *
 * <p>Escaped: C0 controls (also newline and tab: a format adds its own line breaks), DEL, C1 controls, the
 * bidi embedding, override and isolate controls and marks (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069), the line and paragraph separators (U+2028, U+2029: some viewers break lines there) and
 * unpaired surrogates. They show as {@code \n}, {@code \r}, {@code \t}, {@code \x1b} (up to U+00FF) or
 * {@code \\u202e}. A backslash is not doubled: the human-readable output stays readable for Windows paths and
 * shell continuations, and the machine formats (JSON, SARIF, XML) carry the exact text.
 */
public final class Visible {
  private Visible() {}

  /** True for a character that is never printed as it is. */
  public static boolean unsafe(char c) {
    if (c < 0x20 || c == 0x7f) return true;
    if (c < 0x80) return false;
    if (c < 0xa0) return true;
    return c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029;
  }

  /** The visible form of one unsafe character, e.g. {@code \x1b}. */
  public static String escape(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> (c <= 0xff ? "\\x" + hex(c, 2) : "\\u" + hex(c, 4));
    };
  }

  private static String hex(char c, int digits) {
    String h = Integer.toHexString(c);
    return "0".repeat(digits - h.length()) + h;
  }

  /**
   * {@code s} as one line: every unsafe character (newlines and tabs too) and unpaired surrogate escaped, and
   * the old workflow-command syntax broken ({@link #OLD_COMMAND}).
   */
  public static String line(String s) {
    return breakOldCommands(characters(s));
  }

  /**
   * The GitHub runner still reads the old workflow-command syntax {@code ##[name props]data} (error, warning,
   * add-mask, stop-commands, ...) ANYWHERE in a line of the log, not only at its start (actions/runner,
   * ActionCommand.TryParse). Text shown to people has its {@code [} after {@code ##} escaped as {@code \x5b}.
   */
  public static final String OLD_COMMAND = "##[";

  static String breakOldCommands(String s) {
    return s.contains(OLD_COMMAND) ? s.replace(OLD_COMMAND, "##\\x5b") : s;
  }

  /**
   * A relative path that begins a line of output (the text report's file header, each gnu line): the runner
   * reads a line whose text after leading white space starts with {@code ::} as a workflow command
   * ({@code ::error::}, {@code ::add-mask::}, {@code ::stop-commands::}), so such a path is written
   * {@code ./::error::x/Dockerfile}: the same file, and not a command. Escaped as {@link #line}.
   */
  public static String pathAtLineStart(String path) {
    String s = line(path);
    int i = 0;
    while (i < s.length()
        && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i)))) i++;
    return s.startsWith(":", i) ? "./" + s : s;
  }

  /** {@code s} with every unsafe character (newlines and tabs too) and unpaired surrogate escaped. */
  public static String characters(String s) {
    if (s == null) return "null";
    int i = firstUnsafe(s);
    if (i < 0) return s;
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (unsafe(c) || Character.isSurrogate(c)) {
        b.append(Character.isSurrogate(c) ? "\\u" + hex(c, 4) : escape(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Index of the first character {@link #line} would change, or -1. */
  private static int firstUnsafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c)) return i;
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) i++;
        else return i;
      }
    }
    return -1;
  }

  /**
   * A stream for diagnostics (stderr) that escapes everything printed through its {@code print} and
   * {@code println} methods, each call as one line: whoever adds a message later cannot forget it. Only
   * {@code println}'s own line break passes. (Raw {@code write} of bytes is not filtered: nothing uses it.)
   */
  public static PrintStream stream(PrintStream target) {
    return target instanceof EscapingStream ? target : new EscapingStream(target);
  }

  private static final class EscapingStream extends PrintStream {
    EscapingStream(OutputStream target) {
      super(target, true, StandardCharsets.UTF_8);
    }

    @Override
    public void print(String s) {
      super.print(line(s));
    }

    @Override
    public void print(Object o) {
      print(String.valueOf(o));
    }

    @Override
    public void print(char c) {
      print(String.valueOf(c));
    }

    @Override
    public void print(char[] s) {
      print(new String(s));
    }
  }
}
