package dev.hardock.model.secret;

/**
 * The one way a secret value reaches a message: at most its first 4 characters, then {@code ****}.
 *
 * <p>The prefix is shown only for values of at least {@value #MIN_LENGTH_FOR_PREFIX} characters, so that
 * at most a third of a secret is revealed: {@code ghp_****} or {@code AKIA****} still tell which token it
 * is, while a short password ({@code changeme}, {@code hunter2}) shows as {@code ****} alone and is never
 * half given away. The prefix is cut at a code point boundary and has no line breaks or control
 * characters (a PEM body must not spill into a one-line message).
 */
public final class Redaction {
  private Redaction() {}

  public static final String MASK = "****";
  static final int PREFIX_LENGTH = 4;
  static final int MIN_LENGTH_FOR_PREFIX = 12;

  /** A word (a run without white space) longer than this is shown shortened in a message. */
  static final int MAX_WORD = 200;

  /**
   * Words longer than {@value #MAX_WORD} characters shortened to what {@link #redact} would show of them plus
   * their length ({@code aaaa****[100000 characters]}): a message quotes values, and one value can be reached
   * thousands of times through YAML aliases, so the work of masking and the size of the output stay bounded
   * by the message's own words, not by the value. Whether the long word is a secret is not asked: a prefix of
   * a secret must not be shown unmasked because its pattern no longer matches once cut.
   */
  static String shortenLongWords(String message) {
    int n = message.length();
    if (n <= MAX_WORD) return message;
    StringBuilder b = null;
    int i = 0;
    while (i < n) {
      int start = i;
      while (i < n && !Character.isWhitespace(message.charAt(i))) i++;
      if (i - start > MAX_WORD) {
        if (b == null) b = new StringBuilder(Math.min(n, 4096)).append(message, 0, start);
        b.append(redact(message.substring(start, Math.min(i, start + PREFIX_LENGTH * 2 + 2))))
            .append('[')
            .append(message.codePointCount(start, i))
            .append(" characters]");
      } else if (b != null) {
        b.append(message, start, i);
      }
      int ws = i;
      while (i < n && Character.isWhitespace(message.charAt(i))) i++;
      if (b != null) b.append(message, ws, i);
    }
    return b == null ? message : b.toString();
  }

  public static String redact(String secret) {
    if (secret == null) return MASK;
    int codePoints = secret.codePointCount(0, secret.length());
    if (codePoints < MIN_LENGTH_FOR_PREFIX) return MASK;
    int end = secret.offsetByCodePoints(0, PREFIX_LENGTH);
    String prefix = secret.substring(0, end);
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.isISOControl(prefix.charAt(i))) return MASK;
    }
    return prefix + MASK;
  }

  /**
   * A message with every known credential shape in it (a URL password, a token, a key) redacted, and the
   * password options and secret assignments {@link SecretMask} knows masked: the last line of defence for
   * messages that quote what the user wrote (an instruction, a URL, a command).
   */
  public static String scrub(String message) {
    if (message == null) return null;
    if (message.length() > SCRUB_CACHE_LENGTH) return scrubbed(message);
    String done = SCRUBBED.get(message);
    if (done == null) {
      done = scrubbed(message);
      if (SCRUBBED.size() < SCRUB_CACHE_SIZE) SCRUBBED.put(message, done);
    }
    return done;
  }

  // Most messages recur across files and rules (a tree of 3,464 Dockerfiles: 10,338 findings, 2,212
  // distinct messages, 285 distinct helps; with the 20 custom rules of the benchmark 35,752
  // findings
  // and 4,074 distinct messages, which overflowed 4,096 entries with the helps): each distinct
  // short
  // one is scrubbed once per run. Bounded in count and length (at most ~10 MB).
  private static final int SCRUB_CACHE_SIZE = 16_384;
  private static final int SCRUB_CACHE_LENGTH = 300;
  private static final java.util.Map<String, String> SCRUBBED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String scrubbed(String message) {
    message = shortenLongWords(message);
    message =
        SecretMask.maskOptionsAndAssignments(
            message); // curl -u user:pass, --password x, DB_PASSWORD=x quoted
    java.util.List<CredentialPatterns.Match> matches = CredentialPatterns.find(message);
    if (matches.isEmpty()) return message;
    StringBuilder b = new StringBuilder(message.length());
    int at = 0;
    for (CredentialPatterns.Match m : matches) {
      if (m.start() < at) continue;
      b.append(message, at, m.start()).append(redact(message.substring(m.start(), m.end())));
      at = m.end();
    }
    return b.append(message, at, message.length()).toString();
  }
}
