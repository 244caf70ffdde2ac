package dev.hardock.model.secret;

import java.util.Locale;

/**
 * Masks secrets in source text that an output shows (code frames), by what the text is, whether or not a
 * rule reported it (disabled, suppressed, or the frame belongs to another finding on the line). Each
 * character of a secret becomes {@code *} (whitespace stays), so columns stay aligned; a secret of 12 or
 * more characters keeps its first 4, as {@link Redaction} does in messages. Masked:
 * <ul>
 *   <li>known credential shapes ({@link CredentialPatterns});</li>
 *   <li>the body of a PEM private key: everything after {@code -----BEGIN ... PRIVATE KEY-----} up to
 *       {@code -----END}, on the same line or on the lines that follow (a heredoc, a YAML block scalar);</li>
 *   <li>the literal value of an assignment to a secret's name: {@code DB_PASSWORD=x}, {@code DB_PASSWORD: x},
 *       {@code "DB_PASSWORD": "x"}, {@code DB_PASSWORD : x}, also behind YAML tags and anchors
 *       ({@code DB_PASSWORD: &pw x}, {@code DB_PASSWORD: !!str x}) and in Dockerfile's legacy
 *       {@code ENV DB_PASSWORD x};</li>
 *   <li>the values of options that carry a password: {@code --password x}, {@code --password=x} (any long
 *       option named as a secret, {@link SecretNames}), the password half of {@code curl -u user:pass}
 *       ({@code --user}, {@code -U}, {@code --proxy-user}), and {@code -p x} after {@code login}
 *       ({@code docker login -p x}; elsewhere {@code -p} publishes ports).</li>
 * </ul>
 * Linear in the text: each line is scanned a bounded number of times.
 */
public final class SecretMask {
  private SecretMask() {}

  private static final String PEM_BEGIN = "-----BEGIN ";
  private static final String PEM_END = "-----END";

  /**
   * Masks, in place, the lines of {@code text} marked in {@code shown} ({@code lines}: the text's lines,
   * {@code shown}: as long as {@code lines}). The whole text is only looked at for PEM blocks.
   */
  public static void mask(String text, String[] lines, boolean[] shown) {
    boolean pem = text != null && text.contains("PRIVATE KEY");
    boolean inKey = false;
    for (int i = 0; i < lines.length; i++) {
      if (!shown[i] && !pem) continue;
      String line = lines[i];
      char[] c =
          shown[i] ? line.toCharArray() : null; // lines not shown are only followed for PEM blocks
      if (pem) inKey = maskPem(line, c, inKey);
      if (shown[i]) {
        maskLine(line, c);
        lines[i] = new String(c);
      }
    }
  }

  /** {@code line} with every secret {@link #mask} finds on a single line masked. */
  public static String maskLine(String line) {
    char[] c = line.toCharArray();
    maskPem(line, c, false);
    maskLine(line, c);
    return new String(c);
  }

  /** {@code text} with the password options and secret assignments on it masked (for messages). */
  static String maskOptionsAndAssignments(String text) {
    char[] c = text.toCharArray();
    assignments(text, c);
    options(text, c);
    return new String(c);
  }

  private static void maskLine(String line, char[] c) {
    for (CredentialPatterns.Match m : CredentialPatterns.find(line))
      mask(c, m.start(), m.end(), true);
    assignments(line, c);
    options(line, c);
  }

  /**
   * Masks the key material on a line; {@code inKey}: the line starts inside a key. Returns whether the next
   * line does.
   */
  private static boolean maskPem(String line, char[] c, boolean inKey) {
    int at = 0;
    while (true) {
      if (inKey) {
        int end = line.indexOf(PEM_END, at);
        mask(c, at, end < 0 ? line.length() : end, false);
        if (end < 0) return true;
        inKey = false;
        at = end + PEM_END.length();
      }
      int begin = line.indexOf(PEM_BEGIN, at);
      if (begin < 0) return false;
      int close = line.indexOf("-----", begin + PEM_BEGIN.length());
      if (close < 0) return false;
      inKey = line.substring(begin + PEM_BEGIN.length(), close).contains("PRIVATE KEY");
      at = close + 5;
    }
  }

  /** Length of a YAML hex escape at {@code at} ({@code \\xXX}, {@code \\uXXXX}, {@code \\UXXXXXXXX}) naming a valid code point, else 0. */
  private static int escapeLength(String line, int at) {
    if (at + 1 >= line.length()) return 0;
    int digits =
        switch (line.charAt(at + 1)) {
          case 'x' -> 2;
          case 'u' -> 4;
          case 'U' -> 8;
          default -> 0;
        };
    if (digits == 0 || at + 2 + digits > line.length()) return 0;
    for (int k = at + 2; k < at + 2 + digits; k++)
      if (Character.digit(line.charAt(k), 16) < 0) return 0;
    long cp = Long.parseLong(line.substring(at + 2, at + 2 + digits), 16);
    return cp <= Character.MAX_CODE_POINT ? 2 + digits : 0;
  }

  private static boolean isNameChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.';
  }

  /** Masks the literal value of every assignment to a secret's name on the line. */
  static void assignments(String line, char[] c) {
    int n = line.length();
    int envName = legacyEnvName(line);
    int scanned = 0; // brackets before here are counted in depth (positions only grow: linear)
    int depth = 0; // open '[': a value ends at the ']' of its flow sequence
    int braces =
        0; // open '{': a YAML plain value in a flow mapping ends at ',' or '}', not at a space
    int i = 0;
    while (i < n) {
      char ch = line.charAt(i);
      if (!(Character.isLetter(ch) || ch == '_')
          || (i > 0
              && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == '_'))) {
        i++;
        continue;
      }
      int j = i;
      // a double-quoted YAML key may spell its name with escapes ("DB_PASS\x57ORD" is DB_PASSWORD)
      boolean quotedKey = i > 0 && line.charAt(i - 1) == '"';
      StringBuilder decoded = null;
      while (j < n) {
        char cj = line.charAt(j);
        int len = quotedKey && cj == '\\' ? escapeLength(line, j) : 0;
        if (len > 0) {
          if (decoded == null) decoded = new StringBuilder(line.substring(i, j));
          decoded.appendCodePoint(Integer.parseInt(line.substring(j + 2, j + len), 16));
          j += len;
        } else if (isNameChar(cj)) {
          if (decoded != null) decoded.append(cj);
          j++;
        } else {
          break;
        }
      }
      String name = decoded == null ? line.substring(i, j) : decoded.toString();
      int v = j;
      if (v < n && (line.charAt(v) == '"' || line.charAt(v) == '\''))
        v++; // "NAME": value, 'NAME': value
      int sep = v;
      while (sep < n && (line.charAt(sep) == ' ' || line.charAt(sep) == '\t'))
        sep++; // NAME : value
      boolean legacyEnv = i == envName && sep == j + 1 && sep < n && line.indexOf('=', sep) < 0;
      if (sep < n && (line.charAt(sep) == '=' || line.charAt(sep) == ':') || legacyEnv) {
        v = legacyEnv ? sep : sep + 1;
        if (!SecretNames.isSecretName(
            name)) { // its value may hold one: --env=DB_PASSWORD=x, env=API_TOKEN=x
          i = v; // (and is not measured: linear on a=a=a=...)
          continue;
        }
        while (v < n && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) v++;
        while (v < n
            && (line.charAt(v) == '&'
                || line.charAt(v) == '!')) { // YAML anchor or tag before the value
          while (v < n && line.charAt(v) != ' ') v++;
          while (v < n && line.charAt(v) == ' ') v++;
        }
        if (v < n
            && (line.charAt(v) == '{'
                || line.charAt(v) == '[')) { // a flow collection: its entries are
          i = v + 1; // assignments of their own
          continue;
        }
        int scheme = authScheme(line, v);
        if (scheme > v) { // Authorization: Bearer <token>: the token is the secret
          int end = scheme;
          while (end < n
              && !Character.isWhitespace(line.charAt(end))
              && line.charAt(end) != '"'
              && line.charAt(end) != '\'') end++;
          mask(c, scheme, end, true);
          i = end;
          continue;
        }
        for (; scanned < v; scanned++) {
          char b = line.charAt(scanned);
          if (b == '[') depth++;
          else if (b == ']' && depth > 0) depth--;
          else if (b == '{') braces++;
          else if (b == '}' && braces > 0) braces--;
        }
        // a YAML plain scalar (NAME: a b c) holds spaces: to the end of a block key's line, or of a
        // flow entry
        boolean plain =
            !legacyEnv
                && line.charAt(sep) == ':'
                && v < n
                && line.charAt(v) != '"'
                && line.charAt(v) != '\''
                && (depth > 0 || braces > 0 || startsLine(line, i));
        char opener =
            i > 0 && (line.charAt(i - 1) == '"' || line.charAt(i - 1) == '\'')
                ? line.charAt(i - 1)
                : 0;
        int end = valueEnd(line, v, legacyEnv, depth > 0, plain, depth > 0 || braces > 0, opener);
        if (end > v && SecretNames.isLiteralSecretValue(name, line.substring(v, end))) {
          maskValue(line, c, v, end);
        }
        i = Math.max(end, j);
        continue;
      }
      i = j;
    }
  }

  /** HTTP authentication schemes: in {@code Authorization: Bearer <token>} the word after one is the secret. */
  private static final java.util.Set<String> AUTH_SCHEMES =
      java.util.Set.of(
          "basic",
          "bearer",
          "token",
          "digest",
          "negotiate",
          "ntlm",
          "apikey",
          "bot",
          "aws4-hmac-sha256");

  /** Where the credential after an HTTP authentication scheme at {@code v} starts ({@code Bearer x}), or -1. */
  private static int authScheme(String line, int v) {
    int k = v;
    while (k < line.length()
        && (Character.isLetterOrDigit(line.charAt(k)) || line.charAt(k) == '-')) k++;
    if (k == v || k >= line.length() || line.charAt(k) != ' ') return -1;
    if (!AUTH_SCHEMES.contains(line.substring(v, k).toLowerCase(Locale.ROOT))) return -1;
    while (k < line.length() && line.charAt(k) == ' ') k++;
    return k < line.length() ? k : -1;
  }

  /** Where the name of Dockerfile's {@code ENV NAME value} (the legacy form, no {@code =}) starts, or -1. */
  private static int legacyEnvName(String line) {
    int k = 0;
    while (k < line.length() && Character.isWhitespace(line.charAt(k))) k++;
    if (!line.regionMatches(true, k, "ENV ", 0, 4)) return -1;
    k += 4;
    while (k < line.length() && line.charAt(k) == ' ') k++;
    return k;
  }

  /** Whether the name at {@code i} is a YAML block key: only indentation, a {@code - } or its quote before it. */
  private static boolean startsLine(String line, int i) {
    int k = i;
    if (k > 0 && (line.charAt(k - 1) == '"' || line.charAt(k - 1) == '\'')) k--;
    while (k > 0 && line.charAt(k - 1) == ' ') k--;
    if (k > 0 && line.charAt(k - 1) == '-') k--;
    while (k > 0 && Character.isWhitespace(line.charAt(k - 1))) k--;
    return k == 0;
  }

  /**
   * End of the value starting at {@code v}: a quoted string, the rest of the line, or one word ({@code spaces}:
   * a YAML plain scalar, which runs to a comment, the end of its flow entry ({@code flow}) or line; trailing
   * blanks excluded; {@code opener}: the quote before the name, which ends an unquoted value, or 0).
   */
  private static int valueEnd(
      String line,
      int v,
      boolean restOfLine,
      boolean inSequence,
      boolean spaces,
      boolean flow,
      char opener) {
    int n = line.length();
    if (v < n && (line.charAt(v) == '"' || line.charAt(v) == '\'')) {
      char q = line.charAt(v);
      for (int k = v + 1; k < n; k++) { // "a\"b" (an escaped quote), 'a''b' (YAML's doubled quote)
        char ch = line.charAt(k);
        if (q == '"' && ch == '\\') k++;
        else if (ch == q && q == '\'' && k + 1 < n && line.charAt(k + 1) == '\'') k++;
        else if (ch == q) return k + 1;
      }
      return n;
    }
    if (restOfLine) return n;
    int end = v;
    int open = 0;
    while (end < n
        && (spaces || !Character.isWhitespace(line.charAt(end)))
        && (line.charAt(end) != ',' || spaces && !flow)) {
      if (line.charAt(end) == '{') open++;
      if (line.charAt(end) == '}' && open-- == 0) break; // the end of a flow mapping, not of ${VAR}
      if (line.charAt(end) == ']' && inSequence) break; // [DB_PASSWORD=x]
      if (line.charAt(end) == opener) break; // "DB_PASSWORD=x": the quote opened before the name
      if (spaces && line.charAt(end) == '#' && Character.isWhitespace(line.charAt(end - 1)))
        break; // a comment
      end++;
    }
    while (spaces && end > v && Character.isWhitespace(line.charAt(end - 1))) end--;
    return end;
  }

  /** Masks [v, end), inside its quotes when it is quoted. */
  private static void maskValue(String line, char[] c, int v, int end) {
    boolean quoted = line.charAt(v) == '"' || line.charAt(v) == '\'';
    mask(
        c,
        quoted ? v + 1 : v,
        quoted && end - 1 > v && line.charAt(end - 1) == line.charAt(v) ? end - 1 : end,
        true);
  }

  /** Options whose value is {@code user:password}: the password is masked (curl's forms). */
  private static boolean isUserPasswordOption(String option, boolean afterCurl) {
    return afterCurl
        && (option.equals("-u")
            || option.equals("--user")
            || option.equals("-U")
            || option.equals("--proxy-user"));
  }

  /**
   * Masks option values that carry a password. Twice: with words split at whitespace and quotes kept together
   * ({@code --password "a b"}), then with quotes, brackets and commas as separators too, for a command inside a
   * quoted string ({@code command: "docker login -p x"}) or written as a list ({@code ["curl", "-u", "a:x"]}).
   */
  static void options(String line, char[] c) {
    if (line.indexOf('-') < 0) return;
    options(line, c, false);
    options(line, c, true);
  }

  private static boolean separates(char ch, boolean loose) {
    return Character.isWhitespace(ch)
        || loose
            && (ch == '"'
                || ch == '\''
                || ch == '['
                || ch == ']'
                || ch == '{'
                || ch == '}'
                || ch == ',');
  }

  private static void options(String line, char[] c, boolean loose) {
    int n = line.length();
    boolean afterCurl = false;
    boolean afterLogin = false; // docker login, sshpass: -p x and -px are the password
    boolean attachedP = false; // mysql and friends: -px is the password (-p alone prompts)
    int echoFrom = -1; // the words an echo or printf writes, in this pipeline stage
    int echoTo = -1;
    int pipedFrom = -1; // ... and in the stage before, which a --password-stdin reads
    int pipedTo = -1;
    String pending = null; // an option that takes the next word as its value
    int i = 0;
    while (i < n) {
      while (i < n && separates(line.charAt(i), loose)) i++;
      if (i >= n) break;
      int start = i;
      char q = 0;
      while (i < n && (q != 0 || !separates(line.charAt(i), loose))) {
        char ch = line.charAt(i);
        if (loose) {
          i++;
          continue;
        }
        if (q == 0 && (ch == '"' || ch == '\'')) q = ch;
        else if (q == ch) q = 0;
        i++;
      }
      String word = line.substring(start, i);
      if (pending != null) {
        if (!word.startsWith("-"))
          maskOptionValue(line, c, start, i, isUserPasswordOption(pending, afterCurl));
        pending = null;
        continue;
      }
      String bare = word.replace("\"", "").replace("'", "");
      int slash = bare.lastIndexOf('/');
      String command = bare.substring(slash + 1);
      if (command.equals("curl")) afterCurl = true;
      if (command.equals("login") || command.equals("sshpass")) afterLogin = true;
      if (PASSWORD_ATTACHED_TO_P.contains(command)) attachedP = true;
      if (command.equals("|")
          || command.equals("&&")
          || command.equals(";")
          || command.equals("||")) {
        afterCurl = false;
        afterLogin = false;
        attachedP = false;
        pipedFrom = command.equals("|") ? echoFrom : -1;
        pipedTo = echoTo;
        echoFrom = -1;
        echoTo = -1;
        continue;
      }
      if (command.equals("echo") || command.equals("printf")) {
        echoFrom = i; // from after the command word: its first argument
        echoTo = i;
        continue;
      }
      if (echoFrom >= 0 && !word.startsWith("-")) {
        if (echoTo == echoFrom) echoFrom = start;
        echoTo = i;
      }
      if (word.equals("--password-stdin") && pipedFrom >= 0) {
        maskOptionValue(
            line, c, pipedFrom, pipedTo, false); // echo 'x' | docker login --password-stdin
        continue;
      }
      if (!word.startsWith("-") || word.equals("-") || word.equals("--")) continue;
      int eq = word.indexOf('=');
      String option = eq < 0 ? word : word.substring(0, eq);
      boolean userPassword = isUserPasswordOption(option, afterCurl);
      boolean secret = userPassword || afterLogin && option.equals("-p") || isSecretOption(option);
      if (secret && eq >= 0) {
        maskOptionValue(line, c, start + eq + 1, i, userPassword);
      } else if (secret) {
        pending = option;
      } else if (!word.startsWith("--") && (afterLogin || attachedP) && word.startsWith("-p")) {
        maskOptionValue(line, c, start + 2, i, false); // docker login -pSECRET, mysql -pSECRET
      } else if (!word.startsWith("--") && afterCurl) {
        int u = 1; // curl's short options cluster: -uuser:pass, -sSfu user:pass, -Luuser:pass
        while (u < word.length()
            && Character.isLetter(word.charAt(u))
            && word.charAt(u) != 'u'
            && word.charAt(u) != 'U') u++;
        if (u < word.length() && (word.charAt(u) == 'u' || word.charAt(u) == 'U')) {
          if (u == word.length() - 1) pending = "-u";
          else maskOptionValue(line, c, start + u + 1, i, true);
        }
      }
    }
  }

  /** Long options that carry a password although their name is not a secret's: redis-server's. */
  private static final java.util.Set<String> PASSWORD_OPTIONS =
      java.util.Set.of("requirepass", "masterauth");

  /** Commands whose {@code -pSECRET} (attached; {@code -p} alone asks for it) is a password. */
  private static final java.util.Set<String> PASSWORD_ATTACHED_TO_P =
      java.util.Set.of(
          "mysql",
          "mysqldump",
          "mysqladmin",
          "mysqlimport",
          "mysqlshow",
          "mysqlcheck",
          "mariadb",
          "mariadb-dump",
          "mariadb-admin");

  /** A long option named as a secret ({@code --password}, {@code --api-token}); not {@code --password-stdin}. */
  private static boolean isSecretOption(String option) {
    if (!option.startsWith("--") || option.length() < 4) return false;
    String name = option.substring(2).toLowerCase(Locale.ROOT);
    // --password-stdin and --*-file take no secret; docker build --secret takes a spec
    // (id=x,src=file)
    if (name.endsWith("-stdin")
        || name.endsWith("-file")
        || name.endsWith("-env")
        || name.equals("secret")) return false;
    return SecretNames.isSecretName(name) || PASSWORD_OPTIONS.contains(name);
  }

  /** Masks an option's value at [from, to): the part after the first {@code :} for {@code user:password}. */
  private static void maskOptionValue(
      String line, char[] c, int from, int to, boolean userPassword) {
    if (from >= to) return;
    if (userPassword) {
      int colon = from;
      while (colon < to && line.charAt(colon) != ':')
        colon++; // within the word: linear on a long line
      if (colon >= to) return; // a user name alone: curl asks for the password
      from = colon + 1;
      if (from >= to) return;
    }
    String value = line.substring(from, to);
    if (!SecretNames.isLiteralSecretValue(value)) return;
    int end = to;
    if (end > from && (line.charAt(end - 1) == '"' || line.charAt(end - 1) == '\'')) end--;
    if (from < end && (line.charAt(from) == '"' || line.charAt(from) == '\'')) from++;
    mask(c, from, end, true);
  }

  /** Masks [from, to) of {@code c} (null: nothing); {@code prefix}: keep the first 4 characters of 12 or more. */
  public static void mask(char[] c, int from, int to, boolean prefix) {
    if (c == null) return;
    int keep = prefix && to - from >= 12 ? 4 : 0;
    for (int k = from + keep; k < Math.min(to, c.length); k++)
      if (!Character.isWhitespace(c[k])) c[k] = '*';
  }
}
