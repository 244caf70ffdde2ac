package dev.hardock.cli;

/**
 * Text from the linted tree (a path, a message naming a value) made safe for a terminal or a CI log: control
 * characters (C0, DEL, C1) and bidirectional overrides are shown as {@code \\uXXXX} escapes, so a file name
 * cannot start a new log line (a forged {@code ::error::}) or drive the terminal.
 */
final class Printable {
  private Printable() { }

  static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
      if (bad) {
        if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
        b.append(String.format("\\u%04X", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
