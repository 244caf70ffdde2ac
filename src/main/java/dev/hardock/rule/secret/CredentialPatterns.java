package dev.hardock.rule.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds known credential shapes in arbitrary text (HD403). Hand-written scanners, no regular expressions:
 * each kind starts from an {@code indexOf} of its fixed prefix, checks a word boundary before it in O(1)
 * and then reads one run of allowed characters; the next search starts after that run. Every character is
 * therefore read a bounded number of times per kind: linear time on any input (CWE-1333).
 *
 * <p>Matches are sorted by start. A match that lies inside another one is dropped, and of two matches with
 * the same range the more specific kind (earlier in {@link Kind}) wins, so {@code https://u:ghp_...@host}
 * is reported once, as a GitHub token.
 */
public final class CredentialPatterns {
  private CredentialPatterns() {}

  /** Kinds of credentials, most specific first. */
  public enum Kind {
    PRIVATE_KEY("private key"),
    AWS_ACCESS_KEY_ID("AWS access key id"),
    GITHUB_TOKEN("GitHub token"),
    SLACK_TOKEN("Slack token"),
    GOOGLE_API_KEY("Google API key"),
    STRIPE_LIVE_KEY("Stripe live key"),
    JWT("JSON Web Token"),
    URL_PASSWORD("password in URL");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Human-readable name for messages. */
    public String label() {
      return label;
    }
  }

  /**
   * A credential at the half-open range [start, end) of the scanned text. For {@link Kind#URL_PASSWORD}
   * the range is the password alone, for the others the whole token (for a private key: its PEM header).
   */
  public record Match(int start, int end, Kind kind) {
    public Match {
      if (start < 0 || end < start) throw new IllegalArgumentException("bad range " + start + "-" + end);
      if (kind == null) throw new IllegalArgumentException("kind is null");
    }

    /** The matched text, to be passed through {@link Redaction#redact} before it is shown anywhere. */
    public String text(CharSequence scanned) {
      return scanned.subSequence(start, end).toString();
    }
  }

  private static final String[] GITHUB_PREFIXES = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
  private static final String[] PEM_TYPES = {"", "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED ", "PGP "};

  /** All credentials found in {@code text}, sorted by start; never null. */
  public static List<Match> find(CharSequence text) {
    String s = text.toString();
    List<Match> out = new ArrayList<>(0);
    if (s.indexOf("-----BEGIN ") >= 0) privateKeys(s, out);
    awsKeys(s, "AKIA", out);
    awsKeys(s, "ASIA", out);
    if (s.indexOf("gh") >= 0) {
      for (String p : GITHUB_PREFIXES) fixedToken(s, p, 36, ALNUM, Kind.GITHUB_TOKEN, out);
    }
    runToken(s, "github_pat_", 22, WORD, Kind.GITHUB_TOKEN, out);
    if (s.indexOf("xox") >= 0) slack(s, out);
    fixedToken(s, "AIza", 35, BASE64URL, Kind.GOOGLE_API_KEY, out);
    if (s.indexOf("_live_") >= 0) {
      runToken(s, "sk_live_", 24, ALNUM, Kind.STRIPE_LIVE_KEY, out);
      runToken(s, "rk_live_", 24, ALNUM, Kind.STRIPE_LIVE_KEY, out);
    }
    if (s.indexOf("eyJ") >= 0) jwts(s, out);
    if (s.indexOf("://") >= 0) urlPasswords(s, out);
    return out.size() <= 1 ? out : dropNested(out);
  }

  /** True if {@code text} contains any credential; same cost as {@link #find}. */
  public static boolean containsAny(CharSequence text) {
    return !find(text).isEmpty();
  }

  // ---- character classes ----

  private interface CharClass {
    boolean test(char c);
  }

  private static final CharClass ALNUM = CredentialPatterns::isAlnum;
  private static final CharClass WORD = c -> isAlnum(c) || c == '_';
  private static final CharClass BASE64URL = c -> isAlnum(c) || c == '_' || c == '-';
  private static final CharClass UPPER_ALNUM = c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isWord(char c) {
    return isAlnum(c) || c == '_';
  }

  /** No word character (letter, digit, underscore) right before {@code i}. */
  private static boolean boundaryBefore(String s, int i) {
    return i == 0 || !isWord(s.charAt(i - 1));
  }

  /** End of the run of {@code cls} characters starting at {@code from}. */
  private static int runEnd(String s, int from, CharClass cls) {
    int i = from;
    while (i < s.length() && cls.test(s.charAt(i))) i++;
    return i;
  }

  // ---- scanners ----

  /** {@code AKIA}/{@code ASIA} + exactly 16 of [A-Z0-9], word-bounded on both sides. */
  private static void awsKeys(String s, String prefix, List<Match> out) {
    for (int i = s.indexOf(prefix); i >= 0; i = s.indexOf(prefix, i + 1)) {
      if (!boundaryBefore(s, i)) continue;
      int end = i + prefix.length() + 16;
      if (end > s.length()) return;
      if (runEnd(s, i + prefix.length(), UPPER_ALNUM) < end) continue;
      if (end < s.length() && isWord(s.charAt(end))) continue;
      out.add(new Match(i, end, Kind.AWS_ACCESS_KEY_ID));
    }
  }

  /** Prefix + exactly {@code length} characters of {@code body}, word-bounded before, and not followed by more. */
  private static void fixedToken(String s, String prefix, int length, CharClass body, Kind kind, List<Match> out) {
    int from = 0;
    for (int i = s.indexOf(prefix); i >= 0; i = s.indexOf(prefix, from)) {
      int bodyStart = i + prefix.length();
      from = bodyStart;
      if (!boundaryBefore(s, i)) continue;
      int end = runEnd(s, bodyStart, body);
      from = end;
      if (end - bodyStart != length) continue;
      if (end < s.length() && isWord(s.charAt(end))) continue;
      out.add(new Match(i, end, kind));
    }
  }

  /** Prefix + at least {@code min} characters of {@code body}, word-bounded before. */
  private static void runToken(String s, String prefix, int min, CharClass body, Kind kind, List<Match> out) {
    int from = 0;
    for (int i = s.indexOf(prefix); i >= 0; i = s.indexOf(prefix, from)) {
      int bodyStart = i + prefix.length();
      from = bodyStart;
      if (!boundaryBefore(s, i)) continue;
      int end = runEnd(s, bodyStart, body);
      from = end;
      if (end - bodyStart >= min) out.add(new Match(i, end, kind));
    }
  }

  /**
   * {@code xox[abprs]-} + a run of [A-Za-z0-9-] at least 10 long that contains a digit (real tokens carry
   * numeric team and user ids; {@code xoxb-your-token-here} does not).
   */
  private static void slack(String s, List<Match> out) {
    int from = 0;
    for (int i = s.indexOf("xox"); i >= 0; i = s.indexOf("xox", from)) {
      from = i + 3;
      if (!boundaryBefore(s, i) || i + 5 > s.length()) continue;
      char t = s.charAt(i + 3);
      if ((t != 'a' && t != 'b' && t != 'p' && t != 'r' && t != 's') || s.charAt(i + 4) != '-') continue;
      int bodyStart = i + 5;
      int end = bodyStart;
      boolean digit = false;
      while (end < s.length()) {
        char c = s.charAt(end);
        if (c >= '0' && c <= '9') digit = true;
        else if (!isAlnum(c) && c != '-') break;
        end++;
      }
      from = end;
      while (end > bodyStart && s.charAt(end - 1) == '-') end--;
      if (end - bodyStart >= 10 && digit) out.add(new Match(i, end, Kind.SLACK_TOKEN));
    }
  }

  /** {@code -----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY-----} (PGP: {@code ... KEY BLOCK-----}). */
  private static void privateKeys(String s, List<Match> out) {
    String begin = "-----BEGIN ";
    for (int i = s.indexOf(begin); i >= 0; i = s.indexOf(begin, i + 1)) {
      int at = i + begin.length();
      for (String type : PEM_TYPES) {
        if (!s.startsWith(type, at)) continue;
        int k = at + type.length();
        String tail = type.equals("PGP ") ? "PRIVATE KEY BLOCK-----" : "PRIVATE KEY-----";
        if (s.startsWith(tail, k)) {
          out.add(new Match(i, k + tail.length(), Kind.PRIVATE_KEY));
          break;
        }
      }
    }
  }

  /**
   * Three base64url segments joined by dots, header and payload both JSON objects ({@code eyJ...}, i.e.
   * {@code {"}), each segment at least 10 characters, bounded by non-token characters.
   */
  private static void jwts(String s, List<Match> out) {
    int from = 0;
    for (int i = s.indexOf("eyJ"); i >= 0; i = s.indexOf("eyJ", from)) {
      from = i + 3;
      if (i > 0 && (BASE64URL.test(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) continue;
      int e1 = runEnd(s, i, BASE64URL);
      from = e1;
      if (e1 - i < 10 || e1 >= s.length() || s.charAt(e1) != '.') continue;
      if (!s.startsWith("eyJ", e1 + 1)) continue;
      int e2 = runEnd(s, e1 + 1, BASE64URL);
      from = e2;
      if (e2 - e1 - 1 < 10 || e2 >= s.length() || s.charAt(e2) != '.') continue;
      int e3 = runEnd(s, e2 + 1, BASE64URL);
      from = e3;
      if (e3 - e2 - 1 < 10 || (e3 < s.length() && s.charAt(e3) == '.')) continue;
      out.add(new Match(i, e3, Kind.JWT));
    }
  }

  /**
   * {@code scheme://user:password@host}: the authority ends at the first {@code / ? #}, whitespace, quote
   * or bracket; the userinfo ends at its last {@code @} (as URL parsers do for unencoded {@code @} in
   * passwords); the password is what follows the first {@code :} of the userinfo. The user may be empty
   * ({@code redis://:pw@host}); the password must be a literal (not {@code $VAR}, {@code ${VAR}}, empty or
   * a placeholder such as {@code ***}) and the host non-empty.
   */
  private static void urlPasswords(String s, List<Match> out) {
    int from = 0;
    for (int i = s.indexOf("://"); i >= 0; i = s.indexOf("://", from)) {
      from = i + 3;
      int schemeStart = i;
      while (schemeStart > 0 && i - schemeStart < 32 && isSchemeChar(s.charAt(schemeStart - 1))) schemeStart--;
      if (schemeStart == i || !isLetter(s.charAt(schemeStart))) continue;
      int authStart = i + 3;
      int authEnd = authStart;
      int lastAt = -1;
      while (authEnd < s.length() && !endsAuthority(s.charAt(authEnd))) {
        if (s.charAt(authEnd) == '@') lastAt = authEnd;
        authEnd++;
      }
      from = Math.max(from, authEnd - 1); // a ':' ending this authority may start the next "://"
      if (lastAt < 0 || lastAt + 1 >= authEnd) continue;
      int colon = authStart;
      while (colon < lastAt && s.charAt(colon) != ':') {
        // ${USER:-default} is one reference: its ':' does not split user from password
        if (s.charAt(colon) == '$' && colon + 1 < lastAt && s.charAt(colon + 1) == '{') {
          int close = s.indexOf('}', colon);
          colon = close < 0 || close >= lastAt ? lastAt : close + 1;
        } else {
          colon++;
        }
      }
      if (colon >= lastAt) continue;
      int pwStart = colon + 1;
      if (pwStart == lastAt) continue;
      String password = s.substring(pwStart, lastAt);
      // a password built from variables (even with a ${VAR:-fallback}) is not written in the file
      if (password.indexOf('$') >= 0 || SecretValues.literal(password) == null) continue;
      out.add(new Match(pwStart, lastAt, Kind.URL_PASSWORD));
    }
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSchemeChar(char c) {
    return isAlnum(c) || c == '+' || c == '-' || c == '.';
  }

  private static boolean endsAuthority(char c) {
    return c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<'
        || c == '>' || c == '(' || c == ')' || c == '\\';
  }

  /** Sorts by start (longer first, then more specific) and drops every match inside one kept before it. */
  private static List<Match> dropNested(List<Match> all) {
    all.sort(Comparator.comparingInt(Match::start)
        .thenComparing(Comparator.comparingInt(Match::end).reversed())
        .thenComparing(Match::kind));
    List<Match> kept = new ArrayList<>(all.size());
    int coveredTo = -1; // kept matches all start at or before the current one, so this decides containment
    for (Match m : all) {
      if (m.end() <= coveredTo) continue;
      kept.add(m);
      coveredTo = m.end();
    }
    return kept;
  }
}
