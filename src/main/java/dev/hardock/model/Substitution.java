package dev.hardock.model;

import java.util.function.Function;

/**
 * Expands {@code $VAR}, {@code ${VAR}} and the {@code ${VAR:-default}} family as a Dockerfile, a shell or
 * Compose would, with variables taken from a lookup. A variable the lookup does not know makes the whole
 * result unknown (null) unless a default applies: rules never guess at values they cannot see.
 */
public final class Substitution {
  private Substitution() {}

  /** @return the expanded text, or null when it depends on a variable whose value is unknown */
  public static String expand(String s, Function<String, String> lookup) {
    return expand(s, lookup, '\\');
  }

  public static String expand(String s, Function<String, String> lookup, char escape) {
    return expand(s, lookup, escape, 0);
  }

  /**
   * Defaults nest ({@code ${A:-${B:-x}}}) no deeper than this; a deeper one is unknown. Each level scans the rest
   * of the text for its closing brace: 100,000 levels took seconds (and could overflow the stack).
   */
  static final int MAX_NESTING = 16;

  private static String expand(String s, Function<String, String> lookup, char escape, int depth) {
    if (s.indexOf('$') < 0) return s;
    if (depth > MAX_NESTING) return null;
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == escape && i + 1 < n && s.charAt(i + 1) == '$') {
        out.append('$');
        i++;
      } else if (c != '$' || i + 1 >= n) {
        out.append(c);
      } else if (s.charAt(i + 1) == '{') {
        int close = matchingBrace(s, i + 1);
        if (close < 0) return null;
        String v = braced(s.substring(i + 2, close), lookup, depth);
        if (v == null || !ExpansionBudget.charge(lookup, v.length())) return null;
        out.append(v);
        i = close;
      } else if (isNameStart(s.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && isNamePart(s.charAt(j))) j++;
        String v = lookup.apply(s.substring(i + 1, j));
        if (v == null || !ExpansionBudget.charge(lookup, v.length())) return null;
        out.append(v);
        i = j - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int matchingBrace(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') depth++;
      else if (c == '}' && --depth == 0) return i;
    }
    return -1;
  }

  private static String braced(String body, Function<String, String> lookup, int depth) {
    int j = 0;
    while (j < body.length() && isNamePart(body.charAt(j))) j++;
    if (j == 0) return null;
    String name = body.substring(0, j);
    String op = body.substring(j);
    String value = lookup.apply(name);
    if (op.isEmpty()) return value;
    String arg = op.length() > 1 ? op.substring(op.startsWith(":") ? 2 : 1) : "";
    if (op.startsWith(":-"))
      return value == null || value.isEmpty() ? expand(arg, lookup, '\\', depth + 1) : value;
    if (op.startsWith("-")) return value == null ? expand(arg, lookup, '\\', depth + 1) : value;
    if (op.startsWith(":+"))
      return value == null ? null : value.isEmpty() ? "" : expand(arg, lookup, '\\', depth + 1);
    if (op.startsWith("+")) return value == null ? null : expand(arg, lookup, '\\', depth + 1);
    if (op.startsWith(":?") || op.startsWith("?")) return value;
    if (value == null) return null;
    if (op.startsWith("##")
        || op.startsWith("%%")
        || op.startsWith("#")
        || op.startsWith("%")
        || op.startsWith("/")) {
      if (arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0) return null;
      return op.startsWith("/") && !ExpansionBudget.charge(lookup, replacedLength(value, op))
          ? null
          : trim(value, op);
    }
    return null;
  }

  /** The length of ${VAR//pat/rep} before it is built: a long rep over many matches multiplies the value. */
  private static long replacedLength(String value, String op) {
    String spec = op.substring(op.startsWith("//") ? 2 : 1);
    int slash = spec.indexOf('/');
    String pat = slash < 0 ? spec : spec.substring(0, slash);
    long rep = slash < 0 ? 0 : spec.length() - slash - 1;
    if (pat.isEmpty() || rep <= pat.length()) return value.length();
    long n = 0;
    for (int at = value.indexOf(pat);
        at >= 0 && op.startsWith("//");
        at = value.indexOf(pat, at + pat.length())) n++;
    return value.length() + Math.max(n, 1) * (rep - pat.length());
  }

  private static String trim(String value, String op) {
    if (op.startsWith("/")) {
      String spec = op.substring(op.startsWith("//") ? 2 : 1);
      int slash = spec.indexOf('/');
      String pat = slash < 0 ? spec : spec.substring(0, slash);
      String rep = slash < 0 ? "" : spec.substring(slash + 1);
      if (pat.isEmpty()) return value;
      return op.startsWith("//")
          ? value.replace(pat, rep)
          : value.replaceFirst(
              java.util.regex.Pattern.quote(pat), java.util.regex.Matcher.quoteReplacement(rep));
    }
    String pat = op.replaceFirst("^(##|%%|#|%)", "");
    if (op.startsWith("#")) return value.startsWith(pat) ? value.substring(pat.length()) : value;
    return value.endsWith(pat) ? value.substring(0, value.length() - pat.length()) : value;
  }

  public static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  public static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
