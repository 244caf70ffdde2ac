package dev.hardock.model;

import java.util.Locale;

/**
 * A parsed image reference {@code [registry/]repository[:tag][@digest]} as written (after variable
 * expansion where the values are known). Parts that depend on unknown variables are reported as unknown,
 * never guessed.
 */
public record ImageRef(String raw, String expanded, String registry, String repository, String tag, String digest,
    boolean tagUnknown) {

  /**
   * @param raw the reference as written
   * @param expanded the reference with known variables substituted, or null when a variable is unknown
   */
  public static ImageRef parse(String raw, String expanded) {
    if (expanded != null) {
      return split(raw, expanded, false);
    }
    // Unknown variables: still judge the parts that are literal. The tag sits after the last '/', so if
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
}
