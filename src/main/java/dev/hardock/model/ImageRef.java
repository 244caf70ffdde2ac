package dev.hardock.model;

import java.util.Locale;

/**
 * A parsed image reference {@code [registry/]repository[:tag][@digest]} as written (after variable
 * expansion where the values are known). Parts that depend on unknown variables are reported as unknown,
 * never guessed.
 */
public record ImageRef(
    String raw,
    String expanded,
    String registry,
    String repository,
    String tag,
    String digest,
    boolean tagUnknown) {
  /** Longer than any reference Docker accepts (name 255, tag 128, digest): not judged as an image. */
  public static final int MAX_LENGTH = 1024;

  /**
   * @param raw the reference as written
   * @param expanded the reference with known variables substituted, or null when a variable is unknown
   */
  public static ImageRef parse(String raw, String expanded) {
    // Docker refuses a name over 255 characters, a tag over 128, and a digest is at most ~140: a
    // longer text is
    // no reference, and judging it (an alias can hand one to thousands of services) would only
    // quote it
    if (raw.length() > MAX_LENGTH || (expanded != null && expanded.length() > MAX_LENGTH)) {
      return new ImageRef(raw, null, null, null, null, null, true);
    }
    if (expanded != null) {
      return split(raw, expanded, false);
    }
    // Unknown variables: still judge the parts that are literal. The tag sits after the last '/',
    // so if
    // that last path part is free of variables we know whether a tag or digest is given.
    int slash = raw.lastIndexOf('/');
    String last = raw.substring(slash + 1);
    if (last.indexOf('$') >= 0 || last.isEmpty()) {
      return new ImageRef(raw, null, null, null, null, null, true);
    }
    ImageRef known = split(raw, raw, false);
    return new ImageRef(raw, null, null, null, known.tag(), known.digest(), false);
  }

  private static ImageRef split(String raw, String s, boolean unknown) {
    String rest = s;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = null;
    int first = rest.indexOf('/');
    if (first > 0) {
      String head = rest.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        registry = head;
        rest = rest.substring(first + 1);
      }
    }
    return new ImageRef(raw, s, registry, rest, tag, digest, unknown);
  }

  /** The reference as a message shows it: as written, and what it expands to when that differs ({@code node:${V} (node:20)}). */
  public String shown() {
    return expanded == null || expanded.equals(raw) ? raw : raw + " (" + expanded + ")";
  }

  public boolean isScratch() {
    return expanded != null && expanded.toLowerCase(Locale.ROOT).equals("scratch");
  }

  public boolean hasDigest() {
    return digest != null && !digest.isEmpty();
  }

  /** True when the reference certainly names no tag (or "latest") and no digest. */
  public boolean isLatest() {
    if (tagUnknown || hasDigest() || isScratch()) return false;
    return tag == null || tag.isEmpty() || tag.equals("latest");
  }

  /** The registry host the image is pulled from (Docker Hub's when none is written), or null if unknown. */
  public String effectiveRegistry() {
    if (expanded == null) return null;
    return registry != null ? registry : "docker.io";
  }

  /**
   * Whether the expanded reference is a well-formed Docker image reference (lower-case path components of
   * [a-z0-9] joined by '.', '_', '__' or '-', an optional registry host[:port]). Template placeholders
   * ({@code %%IMAGE%%}, {@code <image>}), flags taken for images and typographic dashes are not.
   */
  public boolean isWellFormed() {
    String s = expanded;
    if (s == null || s.isEmpty()) return false;
    int at = s.indexOf('@');
    if (at >= 0) s = s.substring(0, at);
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) {
      String t = s.substring(colon + 1);
      if (t.isEmpty() || t.length() > 128) return false;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '.' && c != '-')
          return false;
      }
      s = s.substring(0, colon);
    }
    String[] parts = s.split("/", -1);
    for (int p = 0; p < parts.length; p++) {
      String c = parts[p];
      if (c.isEmpty()) return false;
      boolean host =
          p == 0
              && parts.length > 1
              && (c.contains(".") || c.contains(":") || c.equals("localhost"));
      for (int i = 0; i < c.length(); i++) {
        char ch = c.charAt(i);
        boolean ok =
            (ch >= 'a' && ch <= 'z')
                || (ch >= '0' && ch <= '9')
                || ch == '.'
                || ch == '_'
                || ch == '-'
                || (host && (ch == ':' || (ch >= 'A' && ch <= 'Z')));
        if (!ok) return false;
      }
      if (!host
          && (!Character.isLetterOrDigit(c.charAt(0))
              || !Character.isLetterOrDigit(c.charAt(c.length() - 1)))) {
        return false;
      }
    }
    return true;
  }
}
