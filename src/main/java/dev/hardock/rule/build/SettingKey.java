package dev.hardock.rule.build;

/**
 * A configuration setting written under a dotted key prefix ({@code http.sslVerify}, {@code yum.repos.d/x.gpgcheck}).
 * The setting regexes match the bare name only; {@link #start} widens a match back over its prefix. A prefix in the
 * regex itself ({@code (?:[\w.]+\.)?sslverify}) made find() try every start and scan to the end (CWE-1333).
 */
final class SettingKey {
  private SettingKey() {}

  /**
   * Where the match that found the bare setting name at {@code nameStart} starts once its key prefix is included:
   * a run of characters of the key that ends with '.' right before the name, starting after a character that is
   * no word character or '-', never before {@code floor} (the end of the previous match).
   * @param keyChars characters a key may hold besides letters, digits and '_' (for example ".*-" or ".*:/-")
   */
  static int start(CharSequence text, int nameStart, int floor, String keyChars) {
    if (nameStart - 2 < floor
        || text.charAt(nameStart - 1) != '.'
        || !isKey(text.charAt(nameStart - 2), keyChars)) {
      return nameStart;
    }
    int q = nameStart - 2;
    while (q - 1 >= floor && isKey(text.charAt(q - 1), keyChars)) q--;
    for (int p = q; p <= nameStart - 2; p++) {
      if (p == 0 || !isWordOrDash(text.charAt(p - 1))) return p;
    }
    return nameStart;
  }

  private static boolean isKey(char c, String keyChars) {
    return isWordOrDash(c) && c != '-' || keyChars.indexOf(c) >= 0;
  }

  private static boolean isWordOrDash(char c) {
    return c == '_' || c == '-' || (c < 128 && Character.isLetterOrDigit(c));
  }
}
