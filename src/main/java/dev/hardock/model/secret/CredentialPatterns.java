package dev.hardock.model.secret;

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
    PUTTY_PRIVATE_KEY("PuTTY private key"),
    AWS_ACCESS_KEY_ID("AWS access key id"),
    AWS_SECRET_ACCESS_KEY("AWS secret access key"),
    GITHUB_TOKEN("GitHub token"),
    SLACK_TOKEN("Slack token"),
    GOOGLE_API_KEY("Google API key"),
    STRIPE_LIVE_KEY("Stripe live key"),
    SENDGRID_API_KEY("SendGrid API key"),
    TWILIO_API_KEY("Twilio API key"),
    MAILGUN_API_KEY("Mailgun API key"),
    MAILCHIMP_API_KEY("Mailchimp API key"),
    HEROKU_API_KEY("Heroku API key"),
    SQUARE_TOKEN("Square token"),
    BRAINTREE_TOKEN("PayPal/Braintree access token"),
    GOOGLE_OAUTH_SECRET("Google OAuth client secret"),
    SLACK_WEBHOOK("Slack webhook URL"),
    TEAMS_WEBHOOK("Microsoft Teams webhook URL"),
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
      if (start < 0 || end < start)
        throw new IllegalArgumentException("bad range " + start + "-" + end);
      if (kind == null) throw new IllegalArgumentException("kind is null");
    }

    /** The matched text, to be passed through {@link Redaction#redact} before it is shown anywhere. */
    public String text(CharSequence scanned) {
      return scanned.subSequence(start, end).toString();
    }
  }

  private static final String[] GITHUB_PREFIXES = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
  private static final String[] PEM_TYPES = {
    "", "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED ", "PGP "
  };

  /** All credentials found in {@code text}, sorted by start; never null. */
  public static List<Match> find(CharSequence text) {
    String s = text.toString();
    List<Match> out = new ArrayList<>(0);
    int a = anchors(s);
    if (a == 0) return out;
    if ((a & A_DASHES) != 0 && s.indexOf("-----BEGIN ") >= 0) privateKeys(s, out);
    if ((a & A_AK) != 0) awsKeys(s, "AKIA", out);
    if ((a & A_AS) != 0) awsKeys(s, "ASIA", out);
    if ((a & A_GH) != 0) {
      for (String p : GITHUB_PREFIXES) fixedToken(s, p, 36, ALNUM, Kind.GITHUB_TOKEN, out);
    }
    if ((a & A_GI) != 0) runToken(s, "github_pat_", 22, WORD, Kind.GITHUB_TOKEN, out);
    if ((a & A_XO) != 0) slack(s, out);
    if ((a & A_AI) != 0) fixedToken(s, "AIza", 35, BASE64URL, Kind.GOOGLE_API_KEY, out);
    if ((a & A_LIVE) != 0 && s.indexOf("_live_") >= 0) {
      runToken(s, "sk_live_", 24, ALNUM, Kind.STRIPE_LIVE_KEY, out);
      runToken(s, "rk_live_", 24, ALNUM, Kind.STRIPE_LIVE_KEY, out);
    }
    if ((a & A_EY) != 0) jwts(s, out);
    if ((a & A_PU) != 0 && s.indexOf("PuTTY-User-Key-File-") >= 0) putty(s, out);
    if ((a & A_SG) != 0) sendgrid(s, out);
    if ((a & A_SK) != 0) fixedToken(s, "SK", 32, HEX, Kind.TWILIO_API_KEY, out);
    if ((a & A_KE) != 0) fixedToken(s, "key-", 32, ALNUM, Kind.MAILGUN_API_KEY, out);
    if ((a & A_DASH_U) != 0) mailchimp(s, out);
    if ((a & A_HR) != 0) runToken(s, "HRKU-", 30, BASE64URL, Kind.HEROKU_API_KEY, out);
    if ((a & A_SQ) != 0 && s.indexOf("sq0") >= 0) {
      fixedToken(s, "sq0atp-", 22, BASE64URL, Kind.SQUARE_TOKEN, out);
      fixedToken(s, "sq0csp-", 43, BASE64URL, Kind.SQUARE_TOKEN, out);
    }
    if ((a & A_AC) != 0 && s.indexOf("access_token$production$") >= 0) braintree(s, out);
    if ((a & A_GO) != 0) fixedToken(s, "GOCSPX-", 28, BASE64URL, Kind.GOOGLE_OAUTH_SECRET, out);
    if ((a & A_HO) != 0) webhook(s, "hooks.slack.com/services/", 3, Kind.SLACK_WEBHOOK, out);
    if ((a & A_DOT_W) != 0)
      webhook(s, ".webhook.office.com/webhookb2/", 2, Kind.TEAMS_WEBHOOK, out);
    if ((a & A_OU) != 0) webhook(s, "outlook.office.com/webhook/", 2, Kind.TEAMS_WEBHOOK, out);
    if (hasKind(out, Kind.AWS_ACCESS_KEY_ID)
        || ((a & A_SE) != 0
            && (containsIgnoreCase(s, "secret_access_key")
                || containsIgnoreCase(s, "secretaccesskey")))) {
      awsSecretKeys(s, out);
    }
    if ((a & A_URL) != 0) urlPasswords(s, out);
    return out.size() <= 1 ? out : dropNested(out);
  }

  // The first two characters of every prefix the scanners look for, found in one pass over the
  // text: a scanner
  // whose pair is absent cannot match and is not run (most texts hold none, and each scan is a pass
  // of its own).
  private static final int A_DASHES = 1; // -----BEGIN
  private static final int A_AK = 1 << 1; // AKIA
  private static final int A_AS = 1 << 2; // ASIA
  private static final int A_GH = 1 << 3; // ghp_ gho_ ghu_ ghs_ ghr_
  private static final int A_XO = 1 << 4; // xox
  private static final int A_AI = 1 << 5; // AIza
  private static final int A_LIVE = 1 << 6; // _live_
  private static final int A_EY = 1 << 7; // eyJ
  private static final int A_PU = 1 << 8; // PuTTY
  private static final int A_SG = 1 << 9; // SG.
  private static final int A_SK = 1 << 10; // SK
  private static final int A_KE = 1 << 11; // key-
  private static final int A_DASH_U = 1 << 12; // -us
  private static final int A_HR = 1 << 13; // HRKU-
  private static final int A_SQ = 1 << 14; // sq0
  private static final int A_AC = 1 << 15; // access_token$production$
  private static final int A_GO = 1 << 16; // GOCSPX-
  private static final int A_HO = 1 << 17; // hooks.slack.com
  private static final int A_DOT_W = 1 << 18; // .webhook.office.com
  private static final int A_OU = 1 << 19; // outlook.office.com
  private static final int A_SE = 1 << 20; // secret..., any case (U+017F upper-cases to S)
  private static final int A_URL = 1 << 21; // ://
  private static final int A_GI = 1 << 22; // github_pat_

  /** The {@code A_*} pairs present in {@code s}. */
  private static int anchors(String s) {
    int bits = 0;
    for (int i = 0, last = s.length() - 1; i < last; i++) {
      char c = s.charAt(i);
      char d = s.charAt(i + 1);
      switch (c) {
        case '-' -> bits |= d == '-' ? A_DASHES : d == 'u' ? A_DASH_U : 0;
        case 'A' -> bits |= d == 'K' ? A_AK : d == 'S' ? A_AS : d == 'I' ? A_AI : 0;
        case 'g' -> bits |= d == 'h' ? A_GH : d == 'i' ? A_GI : 0;
        case 'x' -> bits |= d == 'o' ? A_XO : 0;
        case '_' -> bits |= d == 'l' ? A_LIVE : 0;
        case 'e' -> bits |= d == 'y' ? A_EY : 0;
        case 'P' -> bits |= d == 'u' ? A_PU : 0;
        case 'S' -> bits |= d == 'G' ? A_SG : d == 'K' ? A_SK : d == 'e' || d == 'E' ? A_SE : 0;
        case 'k' -> bits |= d == 'e' ? A_KE : 0;
        case 'H' -> bits |= d == 'R' ? A_HR : 0;
        case 's' -> bits |= d == 'q' ? A_SQ : d == 'e' || d == 'E' ? A_SE : 0;
        case '\u017f' -> bits |= d == 'e' || d == 'E' ? A_SE : 0;
        case 'a' -> bits |= d == 'c' ? A_AC : 0;
        case 'G' -> bits |= d == 'O' ? A_GO : 0;
        case 'h' -> bits |= d == 'o' ? A_HO : 0;
        case '.' -> bits |= d == 'w' ? A_DOT_W : 0;
        case 'o' -> bits |= d == 'u' ? A_OU : 0;
        case ':' -> bits |= d == '/' ? A_URL : 0;
        default -> {}
      }
    }
    return bits;
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
  private static final CharClass HEX = c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  private static final CharClass BASE64 = c -> isAlnum(c) || c == '/' || c == '+';
  private static final CharClass UPPER_ALNUM =
      c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

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
  private static void fixedToken(
      String s, String prefix, int length, CharClass body, Kind kind, List<Match> out) {
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
  private static void runToken(
      String s, String prefix, int min, CharClass body, Kind kind, List<Match> out) {
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
      if ((t != 'a' && t != 'b' && t != 'p' && t != 'r' && t != 's') || s.charAt(i + 4) != '-')
        continue;
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
      while (schemeStart > 0 && i - schemeStart < 32 && isSchemeChar(s.charAt(schemeStart - 1)))
        schemeStart--;
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

  // ---- vendor formats (issue 17; the shapes KICS's passwords_and_secrets and the vendors
  // document) ----

  private static boolean hasKind(List<Match> out, Kind kind) {
    for (Match m : out) if (m.kind() == kind) return true;
    return false;
  }

  /** Case-insensitive indexOf, one pass. */
  private static boolean containsIgnoreCase(String s, String lowerNeedle) {
    int n = lowerNeedle.length();
    for (int i = 0; i + n <= s.length(); i++)
      if (s.regionMatches(true, i, lowerNeedle, 0, n)) return true;
    return false;
  }

  /** {@code PuTTY-User-Key-File-2:} / {@code -3:}, the first line of a .ppk file: the match is that header. */
  private static void putty(String s, List<Match> out) {
    String head = "PuTTY-User-Key-File-";
    for (int i = s.indexOf(head); i >= 0; i = s.indexOf(head, i + 1)) {
      int k = i + head.length();
      if (k + 1 < s.length()
          && (s.charAt(k) == '2' || s.charAt(k) == '3')
          && s.charAt(k + 1) == ':') {
        out.add(new Match(i, k + 2, Kind.PUTTY_PRIVATE_KEY));
      }
    }
  }

  /** {@code SG.} + 22 base64url + {@code .} + 43 base64url. */
  private static void sendgrid(String s, List<Match> out) {
    int from = 0;
    for (int i = s.indexOf("SG.", from); i >= 0; i = s.indexOf("SG.", from)) {
      from = i + 3;
      if (!boundaryBefore(s, i)) continue;
      int e1 = runEnd(s, i + 3, BASE64URL);
      from = e1;
      if (e1 - i - 3 != 22 || e1 >= s.length() || s.charAt(e1) != '.') continue;
      int e2 = runEnd(s, e1 + 1, BASE64URL);
      from = e2;
      if (e2 - e1 - 1 == 43 && (e2 == s.length() || !isWord(s.charAt(e2))))
        out.add(new Match(i, e2, Kind.SENDGRID_API_KEY));
    }
  }

  /** 32 lower-case hex digits + {@code -us} + one or two digits (the data centre), word-bounded. */
  private static void mailchimp(String s, List<Match> out) {
    for (int i = s.indexOf("-us"); i >= 0; i = s.indexOf("-us", i + 1)) {
      int start = i - 32;
      if (start < 0 || !boundaryBefore(s, start)) continue;
      boolean hex = true;
      for (int k = start; k < i && hex; k++) hex = HEX.test(s.charAt(k));
      if (!hex) continue;
      int end = i + 3;
      while (end < s.length() && end < i + 5 && s.charAt(end) >= '0' && s.charAt(end) <= '9') end++;
      if (end == i + 3 || (end < s.length() && isWord(s.charAt(end)))) continue;
      out.add(new Match(start, end, Kind.MAILCHIMP_API_KEY));
    }
  }

  /** {@code access_token$production$} + 16 alphanumerics + {@code $} + 32 hex digits. */
  private static void braintree(String s, List<Match> out) {
    String head = "access_token$production$";
    for (int i = s.indexOf(head); i >= 0; i = s.indexOf(head, i + 1)) {
      int k = i + head.length();
      int e1 = runEnd(s, k, ALNUM);
      if (e1 - k != 16 || e1 >= s.length() || s.charAt(e1) != '$') continue;
      int e2 = runEnd(s, e1 + 1, HEX);
      if (e2 - e1 - 1 == 32 && (e2 == s.length() || !isWord(s.charAt(e2))))
        out.add(new Match(i, e2, Kind.BRAINTREE_TOKEN));
    }
  }

  /**
   * A webhook URL: the host and path prefix {@code marker}, then at least {@code segments} non-empty path
   * segments of [A-Za-z0-9@_-], the last at least 16 long (the part that authorises the post). The match
   * starts at {@code https://} when it is written, else at the host.
   */
  private static void webhook(String s, String marker, int segments, Kind kind, List<Match> out) {
    int from = 0;
    for (int i = s.indexOf(marker); i >= 0; i = s.indexOf(marker, from)) {
      int k = i + marker.length();
      int seen = 0;
      int last = 0;
      int end = k;
      while (end < s.length()) {
        int e = end;
        while (e < s.length() && (isWord(s.charAt(e)) || s.charAt(e) == '-' || s.charAt(e) == '@'))
          e++;
        if (e == end) break;
        seen++;
        last = e - end;
        end = e;
        if (end < s.length()
            && s.charAt(end) == '/'
            && end + 1 < s.length()
            && isWord(s.charAt(end + 1))) {
          end++;
        } else {
          break;
        }
      }
      from = Math.max(k, end);
      if (seen < segments || last < 16 || !varied(s, end - last, end)) continue;
      int start = i;
      if (marker.charAt(0) == '.') {
        while (start > 0 && (isAlnum(s.charAt(start - 1)) || s.charAt(start - 1) == '-')) start--;
      }
      if (start >= 8 && s.startsWith("https://", start - 8)) start -= 8;
      out.add(new Match(start, end, kind));
    }
  }

  /**
   * 40 characters of [A-Za-z0-9/+] with an upper-case letter, a lower-case letter and a digit, bounded by
   * characters outside that set (and not '='): the shape of an AWS secret access key. Alone that is any
   * base64 run, so it is only looked for in a text that also holds an access key id or names the secret key.
   */
  private static void awsSecretKeys(String s, List<Match> out) {
    int i = 0;
    while (i < s.length()) {
      if (!BASE64.test(s.charAt(i))) {
        i++;
        continue;
      }
      int end = runEnd(s, i, BASE64);
      // a following '=' is base64 padding: the run is part of a longer blob
      if (end - i == 40 && (end == s.length() || s.charAt(end) != '=') && mixed(s, i, end))
        out.add(new Match(i, end, Kind.AWS_SECRET_ACCESS_KEY));
      i = end;
    }
  }

  /** More than four distinct characters: {@code XXXXXXXXXXXXXXXXXXXXXXXX} in documentation is no credential. */
  private static boolean varied(String s, int from, int to) {
    long seen = 0;
    int distinct = 0;
    for (int k = from; k < to && distinct <= 4; k++) {
      long bit = 1L << (s.charAt(k) & 63);
      if ((seen & bit) == 0) distinct++;
      seen |= bit;
    }
    return distinct > 4;
  }

  private static boolean mixed(String s, int from, int to) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return upper && lower && digit;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSchemeChar(char c) {
    return isAlnum(c) || c == '+' || c == '-' || c == '.';
  }

  private static boolean endsAuthority(char c) {
    return c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '`'
        || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\';
  }

  /** Sorts by start (longer first, then more specific) and drops every match inside one kept before it. */
  private static List<Match> dropNested(List<Match> all) {
    all.sort(
        Comparator.comparingInt(Match::start)
            .thenComparing(Comparator.comparingInt(Match::end).reversed())
            .thenComparing(Match::kind));
    List<Match> kept = new ArrayList<>(all.size());
    int coveredTo =
        -1; // kept matches all start at or before the current one, so this decides containment
    for (Match m : all) {
      if (m.end() <= coveredTo) continue;
      kept.add(m);
      coveredTo = m.end();
    }
    return kept;
  }
}
