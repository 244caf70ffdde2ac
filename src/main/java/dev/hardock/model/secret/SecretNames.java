package dev.hardock.model.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether an environment variable or build argument holds a secret: by its name
 * ({@link #isSecretName}) and by its value ({@link #isLiteralSecretValue}). Shared by HD401, HD402 and
 * HD403 for Dockerfile ENV/ARG, compose {@code environment:} / {@code build.args} and {@code docker run -e}.
 *
 * <p>Names are split into word parts on {@code _ - . :} and on camelCase boundaries ({@code dbPassword},
 * {@code APIKey}), then upper-cased. Matching works on whole parts, so {@code PASSENGER}, {@code BYPASS},
 * {@code AUTHOR} and {@code OAUTH} never count as PASS or AUTH.
 *
 * <p>Decisions on ambiguous names (each has a test):
 * <ul>
 *   <li>A name whose <em>last</em> part describes something about a secret rather than the secret itself is
 *       not secret: {@code *_PASSWORD_FILE}, {@code *_TOKEN_URL}, {@code TOKEN_EXPIRY},
 *       {@code PASSWORD_MIN_LENGTH}, {@code *_AUTH_METHOD}, {@code SECRET_NAME}, {@code SSH_AUTH_SOCK}
 *       (see {@link #METADATA_LAST_PARTS}).</li>
 *   <li>{@code AWS_ACCESS_KEY_ID} and every {@code *_ID} are identifiers, not secrets: the id alone grants
 *       nothing; its partner {@code AWS_SECRET_ACCESS_KEY} is flagged, and a literal {@code AKIA...} value is
 *       still reported by HD403 from its shape.</li>
 *   <li>A bare {@code KEY} is too common to mean "secret" ({@code GPG_KEY} fingerprints of official images,
 *       {@code CACHE_KEY}, {@code SORT_KEY}): KEY counts only after a qualifier that makes it key material
 *       ({@code API_KEY}, {@code ACCESS_KEY}, {@code PRIVATE_KEY}, {@code SECRET_KEY}, {@code SIGNING_KEY},
 *       {@code APP_KEY}, {@code AUTH_KEY}...). {@code KEYRING}, {@code KEY_SERVER}, {@code GPG_KEYS} are not
 *       secret.</li>
 *   <li>Anything marked {@code PUBLIC} or {@code PUBLISHABLE} ({@code PUBLIC_KEY},
 *       {@code NEXT_PUBLIC_API_KEY}, {@code STRIPE_PUBLISHABLE_KEY}) is public by declaration.</li>
 *   <li>{@code AUTH} and {@code AUTHORIZATION} count only as the last part ({@code BASIC_AUTH},
 *       {@code REDIS_AUTH}) or before KEY/SALT/TOKEN: elsewhere they name a settings group
 *       ({@code GF_AUTH_ANONYMOUS_ORG_ROLE}). {@code AUTHENTICATION} is a feature name, not a credential.</li>
 *   <li>{@code PWD} counts as a whole part ({@code MYSQL_PWD}, which the mysql client reads as a
 *       password) but the shell's own {@code PWD} and {@code OLDPWD} are working directories.</li>
 *   <li>Names that say they are a switch ({@code MYSQL_ALLOW_EMPTY_PASSWORD},
 *       {@code MYSQL_RANDOM_ROOT_PASSWORD}, {@code DISABLE_AUTH}, {@code USE_TOKEN}) are not secrets.</li>
 * </ul>
 */
public final class SecretNames {
  private SecretNames() {}

  /** Parts that make a name secret wherever they stand. */
  private static final Set<String> SECRET_PARTS =
      Set.of(
          "PASS",
          "PWD",
          "PWORD",
          "SECRET",
          "SECRETS",
          "TOKEN",
          "TOKENS",
          "CREDENTIAL",
          "CREDENTIALS",
          "CREDS",
          "APIKEY",
          "APIKEYS",
          "PRIVATEKEY",
          "SECRETKEY",
          "ACCESSKEY",
          "PAT",
          "PASSPHRASE");

  /** Parts containing these anywhere are secret: {@code ROOTPASSWORD}, {@code DBPASSWD}. */
  private static final String[] SECRET_INFIXES = {"PASSWORD", "PASSWD", "PASSPHRASE"};

  /** Parts ending with these are secret: {@code CLIENTSECRET}, {@code GHTOKEN}, {@code MYAPIKEY}. */
  private static final String[] SECRET_SUFFIXES = {"SECRET", "TOKEN", "APIKEY"};

  /** Qualifiers that turn a following {@code KEY}/{@code KEYS} part into key material. */
  private static final Set<String> KEY_QUALIFIERS =
      Set.of(
          "API",
          "ACCESS",
          "PRIVATE",
          "SECRET",
          "SIGNING",
          "ENCRYPTION",
          "MASTER",
          "ACCOUNT",
          "APP",
          "HMAC",
          "JWT",
          "SHARED",
          "STORAGE",
          "LICENSE",
          "AUTH",
          "SESSION",
          "CLIENT");

  /** Parts that count only when last, or followed by one of {@link #AUTH_FOLLOWERS}. */
  private static final Set<String> AUTH_PARTS = Set.of("AUTH", "AUTHORIZATION");

  private static final Set<String> AUTH_FOLLOWERS =
      Set.of("KEY", "KEYS", "SALT", "TOKEN", "TOKENS");

  /** Parts that declare the value public. */
  private static final Set<String> PUBLIC_PARTS = Set.of("PUBLIC", "PUBLISHABLE");

  /** Parts that make the whole name a switch, not a value: {@code MYSQL_ALLOW_EMPTY_PASSWORD=yes}. */
  private static final Set<String> SWITCH_PARTS =
      Set.of(
          "ALLOW",
          "EMPTY",
          "RANDOM",
          "GENERATE",
          "SKIP",
          "ENABLE",
          "ENABLED",
          "DISABLE",
          "DISABLED",
          "REQUIRE",
          "REQUIRED",
          "USE",
          "NO",
          "FORCE");

  /**
   * Last parts that describe a secret (where it lives, how long it lasts, how it is checked) instead of
   * being one. Only the last part matters: {@code SECRET_KEY_BASE} is still secret, {@code TOKEN_URL} not.
   */
  static final Set<String> METADATA_LAST_PARTS =
      Set.of(
          // switches and policy
          "ENABLED",
          "ENABLE",
          "DISABLED",
          "DISABLE",
          "REQUIRED",
          "REQUIRE",
          "ALLOWED",
          "POLICY",
          "COMPLEXITY",
          "STRENGTH",
          "ROUNDS",
          "ITERATIONS",
          "COST",
          // sizes and times
          "LENGTH",
          "LEN",
          "MIN",
          "MAX",
          "SIZE",
          "COUNT",
          "LIMIT",
          "RETRIES",
          "ATTEMPTS",
          "EXPIRY",
          "EXPIRES",
          "EXPIRE",
          "EXPIRATION",
          "TTL",
          "TIMEOUT",
          "LIFETIME",
          "INTERVAL",
          "AGE",
          "SECONDS",
          "SECS",
          "SEC",
          "MINUTES",
          "MINS",
          "HOURS",
          "DAYS",
          "MS",
          // where it lives
          "FILE",
          "FILES",
          "PATH",
          "PATHS",
          "DIR",
          "DIRECTORY",
          "URL",
          "URI",
          "HOST",
          "HOSTNAME",
          "PORT",
          "ENDPOINT",
          "SERVER",
          "SERVERS",
          "SOCK",
          "SOCKET",
          "REGION",
          "STORE",
          "LOCATION",
          "KEYRING",
          // who and what kind
          "USER",
          "USERNAME",
          "USERS",
          "LOGIN",
          "ID",
          "IDS",
          "NAME",
          "NAMES",
          "TYPE",
          "KIND",
          "METHOD",
          "METHODS",
          "MODE",
          "ALGORITHM",
          "ALGORITHMS",
          "ALG",
          "ALGO",
          "ENV",
          "VAR",
          "HASHER",
          "HASHERS",
          "ENCODER",
          "FORMAT",
          "ENCODING",
          "VERSION",
          "ISSUER",
          "AUDIENCE",
          "SCOPE",
          "SCOPES",
          "ROLE",
          "ROLES",
          "SOURCE",
          "PROVIDER",
          "BACKEND",
          "PLUGIN",
          "STRATEGY",
          "MECHANISM",
          "REALM",
          "DOMAIN",
          // how it is passed or asked for
          "HEADER",
          "PREFIX",
          "SUFFIX",
          "FIELD",
          "PARAM",
          "PARAMETER",
          "COOKIE",
          "HINT",
          "PROMPT",
          "MESSAGE",
          "LABEL",
          "DESCRIPTION",
          "HELP",
          "COMMAND",
          "CMD",
          "SCRIPT",
          "HELPER",
          "REF",
          "ARN",
          "FINGERPRINT");

  /** Parts that suggest key or credential material, which is often passed as a path to a file. */
  private static final Set<String> FILE_MATERIAL_PARTS =
      Set.of(
          "KEY",
          "KEYS",
          "PRIVATEKEY",
          "CREDENTIAL",
          "CREDENTIALS",
          "CREDS",
          "CERT",
          "CERTIFICATE",
          "KEYFILE");

  /** True if {@code name} looks like it holds a secret. */
  public static boolean isSecretName(String name) {
    if (name == null || name.isEmpty()) return false;
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals("PWD") || upper.equals("OLDPWD")) return false;
    List<String> parts = parts(name);
    if (parts.isEmpty()) return false;
    if (METADATA_LAST_PARTS.contains(parts.get(parts.size() - 1))) return false;
    for (String p : parts) {
      if (PUBLIC_PARTS.contains(p) || SWITCH_PARTS.contains(p)) return false;
    }
    for (int i = 0; i < parts.size(); i++) {
      if (isSecretPart(parts, i)) return true;
    }
    return false;
  }

  private static boolean isSecretPart(List<String> parts, int i) {
    String p = parts.get(i);
    if (SECRET_PARTS.contains(p)) return true;
    for (String s : SECRET_INFIXES) if (p.contains(s)) return true;
    for (String s : SECRET_SUFFIXES) if (p.length() > s.length() && p.endsWith(s)) return true;
    boolean last = i == parts.size() - 1;
    String next = last ? null : parts.get(i + 1);
    if (AUTH_PARTS.contains(p)) return last || AUTH_FOLLOWERS.contains(next);
    return KEY_QUALIFIERS.contains(p) && ("KEY".equals(next) || "KEYS".equals(next));
  }

  /**
   * True if {@code value} (as written: quotes, references and escapes not yet resolved) is a literal,
   * non-empty secret rather than a reference, a placeholder or a switch. See {@link SecretValues} for the
   * decisions.
   */
  public static boolean isLiteralSecretValue(String value) {
    return SecretValues.literal(value) != null;
  }

  /**
   * Like {@link #isLiteralSecretValue(String)}, with what the name tells about the value: a name about a
   * file ({@code *_FILE}, {@code *_PATH}) or about key/credential material ({@code PRIVATE_KEY},
   * {@code GOOGLE_APPLICATION_CREDENTIALS}) whose value is a file path (absolute, {@code ./sa.json}, or ending in a
   * key file's extension: {@link SecretValues#isFilePath}) points at the secret instead of containing it.
   */
  public static boolean isLiteralSecretValue(String name, String value) {
    String literal = SecretValues.literal(value);
    if (literal == null) return false;
    if (name != null && SecretValues.isFilePath(literal)) {
      List<String> parts = parts(name);
      if (!parts.isEmpty()) {
        String last = parts.get(parts.size() - 1);
        if (METADATA_LAST_PARTS.contains(last)) return false;
        for (String p : parts) if (FILE_MATERIAL_PARTS.contains(p)) return false;
      }
    }
    return true;
  }

  /** The finding condition of HD401/HD402 for a name with a value: secret-like name and literal value. */
  public static boolean isLiteralSecret(String name, String value) {
    return isSecretName(name) && isLiteralSecretValue(name, value);
  }

  /**
   * Upper-cased word parts of a name: split on {@code _ - . :} and spaces, and at camelCase boundaries
   * ({@code dbPassword} -> DB, PASSWORD; {@code APIKey} -> API, KEY). Empty parts are dropped.
   */
  static List<String> parts(String name) {
    List<String> out = new ArrayList<>(4);
    int n = name.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || c == '.' || c == ':' || c == ' ' || c == '/') {
        add(out, name, start, i);
        start = i + 1;
      } else if (i > start && Character.isUpperCase(c)) {
        char prev = name.charAt(i - 1);
        boolean lowerToUpper = Character.isLowerCase(prev) || Character.isDigit(prev);
        boolean acronymEnd =
            Character.isUpperCase(prev) && i + 1 < n && Character.isLowerCase(name.charAt(i + 1));
        if (lowerToUpper || acronymEnd) {
          add(out, name, start, i);
          start = i;
        }
      }
    }
    add(out, name, start, n);
    return out;
  }

  private static void add(List<String> out, String name, int start, int end) {
    if (end > start) out.add(name.substring(start, end).toUpperCase(Locale.ROOT));
  }
}
