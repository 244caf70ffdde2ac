package dev.hardock.model.secret;

import java.util.Locale;
import java.util.Set;

/**
 * The value half of the secret decision: what a value would be if no variable were set, and whether that
 * is a real literal secret. Package-private: rules go through {@link SecretNames}.
 *
 * <p>Decisions (each has a test):
 * <ul>
 *   <li>References are not literal secrets: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:?err}},
 *       {@code ${VAR?err}}, {@code $(cmd)}, backticks; also a value that mixes text and a reference
 *       ({@code Bearer $TOKEN}): the secret comes from outside. A default that is itself literal
 *       ({@code ${DB_PASSWORD:-hunter2}}, also {@code -}, {@code :+}, {@code +}) is a hardcoded secret; an
 *       empty default or a default that is another reference is not. {@code $$} (compose) and {@code \$}
 *       (Dockerfile, shell) are escaped dollars, i.e. literal text.</li>
 *   <li>Secret-file paths are not secrets: anything under {@code /run/secrets/} or
 *       {@code /var/run/secrets/}; other absolute paths only when the name says so (see
 *       {@link SecretNames#isLiteralSecretValue(String, String)}).</li>
 *   <li>Switches are not secrets: {@code true false yes no on off} (any case) and {@code 0 1}
 *       ({@code MYSQL_ALLOW_EMPTY_PASSWORD=yes}, {@code REDIS_AUTH=0}). Other numbers are flagged:
 *       {@code PASSWORD=123456} is a weak hardcoded password.</li>
 *   <li>Null words are not secrets: {@code null nil none undefined ~}.</li>
 *   <li>Placeholders that cannot work as they stand are not flagged: {@code <password>},
 *       {@code {{ .Values.token }}}, {@code your-password-here}, {@code YOUR_API_KEY}, {@code *_HERE},
 *       masks like {@code xxx}, {@code ***}, {@code ...}, {@code XXXX-XXXX}.</li>
 *   <li>Weak defaults that do work as they stand ARE flagged: {@code changeme}, {@code CHANGE_ME},
 *       {@code password}, {@code secret}, {@code admin}. Such images run in production with the default;
 *       that is exactly the risk.</li>
 * </ul>
 */
public final class SecretValues {
  private SecretValues() {}

  private static final Set<String> SWITCHES =
      Set.of("true", "false", "yes", "no", "on", "off", "0", "1");
  private static final Set<String> NULL_WORDS = Set.of("null", "nil", "none", "undefined", "~");

  /**
   * The literal secret a value stands for (defaults substituted, escapes removed), or null when the value
   * is empty, a reference, a placeholder, a switch or a secret-file path.
   */
  public static String literal(String value) {
    if (value == null) return null;
    String v = unquote(value.strip());
    String resolved = resolve(v, 0);
    if (resolved == null) return null;
    resolved = resolved.strip();
    if (resolved.isEmpty()) return null;
    String lower = resolved.toLowerCase(Locale.ROOT);
    if (SWITCHES.contains(lower) || NULL_WORDS.contains(lower)) return null;
    if (isPlaceholder(resolved, lower)) return null;
    if (lower.startsWith("/run/secrets/") || lower.startsWith("/var/run/secrets/")) return null;
    return resolved;
  }

  /** Removes one pair of matching surrounding quotes. */
  static String unquote(String v) {
    if (v.length() >= 2) {
      char f = v.charAt(0);
      if ((f == '"' || f == '\'') && v.charAt(v.length() - 1) == f)
        return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /**
   * Resolves {@code v} as if no variable were set: references with a literal default become the default,
   * escapes become their character. Returns null if any part depends on an unset variable or a command.
   * One pass, brace depth counted, so linear in the length (nesting is bounded by the recursion guard).
   */
  static String resolve(String v, int depth) {
    if (depth > 8) return null;
    StringBuilder out = new StringBuilder(v.length());
    int n = v.length();
    int i = 0;
    while (i < n) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < n && v.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '`') {
        return null;
      } else if (c != '$' || i + 1 >= n) {
        out.append(c);
        i++;
      } else {
        char d = v.charAt(i + 1);
        if (d == '$') {
          out.append('$');
          i += 2;
        } else if (d == '(') {
          return null;
        } else if (d == '{') {
          int close = matchingBrace(v, i + 1);
          if (close < 0) { // unclosed: the rest is text; stopping here keeps the scan linear
            out.append(v, i, n);
            break;
          }
          String fallback = defaultOf(v.substring(i + 2, close));
          if (fallback == null) return null;
          String resolved = resolve(fallback, depth + 1);
          if (resolved == null || resolved.isEmpty()) return null;
          out.append(resolved);
          i = close + 1;
        } else if (Character.isLetterOrDigit(d) || d == '_') {
          return null;
        } else {
          out.append(c);
          i++;
        }
      }
    }
    return out.toString();
  }

  /** Index of the brace closing the one at {@code open}, or -1. */
  private static int matchingBrace(String v, int open) {
    int depth = 0;
    for (int i = open; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '{') depth++;
      else if (c == '}' && --depth == 0) return i;
    }
    return -1;
  }

  /** The default text of a {@code ${...}} body ({@code VAR:-def}, {@code VAR-def}, {@code VAR:+alt}), or null. */
  private static String defaultOf(String body) {
    int i = 0;
    while (i < body.length()
        && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) i++;
    if (i == 0 || i == body.length()) return null;
    int op = body.charAt(i) == ':' ? i + 1 : i;
    if (op >= body.length()) return null;
    char o = body.charAt(op);
    return o == '-' || o == '+' ? body.substring(op + 1) : null;
  }

  static boolean isPlaceholder(String v, String lower) {
    int n = v.length();
    if (n >= 2 && v.charAt(0) == '<' && v.charAt(n - 1) == '>') return true;
    // a Markdown run line's <placeholder>, made a shell word by the reader
    // (MarkdownShell.appendLine)
    if (n >= 1 && v.charAt(0) == '\u2039') return true; // also <db password>, cut at the space
    if (v.contains("{{") && v.contains("}}")) return true;
    // a systemd specifier (%i, %I: the unit's instance), filled in when the unit starts
    if (n == 2 && v.charAt(0) == '%' && Character.isLetter(v.charAt(1))) return true;
    if (lower.startsWith("your")
        && (lower.length() == 4
            || !Character.isLetter(lower.charAt(4))
            || Character.isUpperCase(v.charAt(4)))) {
      return true;
    }
    if (lower.endsWith("_here") || lower.endsWith("-here") || lower.endsWith(" here")) return true;
    int mask = 0;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c == 'x' || c == 'X' || c == '*' || c == '.' || c == '#' || c == '\u2022') mask++;
      else if (c != '-' && c != '_') return false;
    }
    return mask >= 3;
  }

  /** Extensions of the files that hold keys and credentials, which a relative path names. */
  private static final Set<String> FILE_EXTENSIONS =
      Set.of(
          "json",
          "pem",
          "key",
          "crt",
          "cer",
          "der",
          "p12",
          "pfx",
          "jks",
          "keystore",
          "p8",
          "ppk",
          "asc",
          "gpg",
          "pub",
          "yaml",
          "yml",
          "txt",
          "conf",
          "cfg",
          "ini",
          "env",
          "keytab",
          "token");

  /**
   * A file path, absolute ({@link #isAbsolutePath}) or relative: {@code ./x}, {@code ../x}, or path characters
   * ending in a key or credential file's extension ({@code sa.json}, {@code certs/server.key}). A key that
   * merely holds slashes ({@code wJalrXUtnFEMI/K7MDENG/...}) has no such extension.
   */
  public static boolean isFilePath(String v) {
    if (isAbsolutePath(v)) return true;
    int start = v.startsWith("./") ? 2 : v.startsWith("../") ? 3 : 0;
    if (start < v.length() && !pathChars(v, start)) return false;
    if (start > 0) return v.length() > start;
    int dot = v.lastIndexOf('.');
    return dot > 0
        && dot > v.lastIndexOf('/')
        && FILE_EXTENSIONS.contains(v.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean pathChars(String v, int from) {
    for (int i = from; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(Character.isLetterOrDigit(c)
          || c == '/'
          || c == '\\'
          || c == '.'
          || c == '_'
          || c == '-'
          || c == '@'
          || c == '+')) {
        return false;
      }
    }
    return true;
  }

  /** An absolute file path: {@code /x/y}, {@code ~/x}, {@code C:\x}; no spaces. */
  static boolean isAbsolutePath(String v) {
    int n = v.length();
    int start;
    if (n >= 2 && v.charAt(0) == '/' && v.charAt(1) != '/') start = 1;
    else if (n >= 3 && v.charAt(0) == '~' && v.charAt(1) == '/') start = 2;
    else if (n >= 4
        && Character.isLetter(v.charAt(0))
        && v.charAt(1) == ':'
        && (v.charAt(2) == '\\' || v.charAt(2) == '/')) start = 3;
    else return false;
    return pathChars(v, start);
  }
}
