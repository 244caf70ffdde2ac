package dev.hardock.rule.secret;

import dev.hardock.model.Glob;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File names that hold credentials by convention: private keys, dotenv files, package-manager and docker
 * credential files. {@link #kind} names what a path (or a glob that spells such a name out) is, or null.
 */
public final class SecretFiles {
  private SecretFiles() {}

  private record Kind(Pattern name, String what) {}

  /**
   * Environment variables that name a credential file (or, for DOCKER_CONFIG, the directory of one) that a tool
   * reads: a file copied to that path is a secret whatever its name.
   */
  public static final List<String> CREDENTIAL_FILE_VARIABLES =
      List.of(
          "GOOGLE_APPLICATION_CREDENTIALS",
          "AWS_CONFIG_FILE",
          "AWS_SHARED_CREDENTIALS_FILE",
          "KUBECONFIG",
          "DOCKER_CONFIG",
          "HF_TOKEN_PATH",
          "AZURE_CLIENT_CERTIFICATE_PATH",
          "CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE");

  private static final List<Kind> NAMES =
      List.of(
          new Kind(
              Pattern.compile("id_(rsa|dsa|ecdsa|ed25519)(?!.*\\.pub$).*"), "a private SSH key"),
          new Kind(Pattern.compile(".+\\.pem"), "a PEM key file"),
          new Kind(Pattern.compile(".+\\.key"), "a private key file"),
          new Kind(
              Pattern.compile(
                  "\\.env(\\.(?!(example|sample|template|dist|defaults?|schema)$)[^/]+)?"),
              "a dotenv file"),
          new Kind(Pattern.compile("\\.npmrc"), "an npm credentials file"),
          new Kind(Pattern.compile("\\.pypirc"), "a PyPI credentials file"),
          new Kind(Pattern.compile("[._]netrc"), "a netrc credentials file"),
          new Kind(Pattern.compile("\\.git-credentials"), "a git credentials file"),
          new Kind(Pattern.compile("\\.dockercfg"), "a docker credentials file"),
          new Kind(Pattern.compile("\\.ssh"), "an SSH directory"),
          new Kind(Pattern.compile("\\.aws"), "an AWS credentials directory"));

  private static final List<Kind> PATHS =
      List.of(
          new Kind(Pattern.compile("(.*/)?\\.aws/credentials"), "an AWS credentials file"),
          new Kind(Pattern.compile("(.*/)?\\.docker/config\\.json"), "a docker credentials file"));

  /** Certificates and public keys share the .pem/.key endings but hold nothing secret. */
  /** CA bundles and chains: public. Anchored at the start, so matches() is linear. */
  private static final Pattern CA_BUNDLE =
      Pattern.compile(
          "(ca|cacert|ca-bundle|ca-certificates|chain|fullchain|bundle)([-_.].*)?\\.pem");

  /** Samples that a glob source is tried against: it is flagged when it matches one and spells out its name. */
  private static final List<String> SAMPLES =
      List.of(
          "id_rsa",
          "id_ed25519",
          "server.pem",
          "server.key",
          ".env",
          ".env.production",
          ".npmrc",
          ".pypirc",
          ".netrc",
          ".git-credentials",
          ".dockercfg");

  /** What kind of secret file the source path names, or null. */
  public static String kind(String path) {
    String p = path.replace('\\', '/');
    while (p.endsWith("/") && p.length() > 1) p = p.substring(0, p.length() - 1);
    String name = p.substring(p.lastIndexOf('/') + 1);
    if (isGlob(name)) return globKind(name);
    for (Kind k : PATHS) if (k.name().matcher(p).matches()) return k.what();
    String lower = name.toLowerCase(Locale.ROOT);
    if (isPublic(lower)) return null;
    for (Kind k : NAMES) if (k.name().matcher(lower).matches()) return k.what();
    return null;
  }

  private static boolean isGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  /** A glob counts when its literal part (3+ characters) matches one of the sample names. */
  private static String globKind(String glob) {
    if (literal(glob).length() < 3) return null;
    Glob g;
    try {
      g = Glob.of(glob);
    } catch (Glob.Invalid e) {
      return null; // a bracket set that cannot be read ([z-a], '[' unclosed): no sample to match
    }
    for (String sample : SAMPLES) if (g.matches(sample)) return kind(sample);
    return null;
  }

  /**
   * A file name (lower case, no '/') that is public though it looks like a key: certificates, public keys,
   * CA bundles. Plain string tests: the regex {@code .*(cert|crt|pub|public)[^/]*\.(pem|key)} was quadratic.
   */
  static boolean isPublic(String name) {
    if (name.endsWith(".gpg.key") || name.endsWith(".asc.key") || name.endsWith(".pub.key"))
      return true;
    if (name.endsWith(".pem") || name.endsWith(".key")) {
      String stem = name.substring(0, name.length() - 4);
      if (stem.contains("cert") || stem.contains("crt") || stem.contains("pub")) return true;
    }
    return CA_BUNDLE.matcher(name).matches();
  }

  /** The glob without its wildcards and bracket sets, in one pass (the regex form retried from every '['). */
  static String literal(String glob) {
    int lastClose = glob.lastIndexOf(']');
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') continue;
      if (c == '[' && i < lastClose) {
        i = glob.indexOf(']', i + 1);
        continue;
      }
      b.append(c);
    }
    return b.toString();
  }
}
