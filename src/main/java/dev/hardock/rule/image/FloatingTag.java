package dev.hardock.rule.image;

import dev.hardock.model.ImageUse;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.List;
import java.util.Locale;

/**
 * HD204: an image tagged with a release channel ({@code stable}, {@code edge}, {@code lts-alpine}...) rather than
 * a version: the tag moves like {@code latest}, which HD201 reports. The tag's first part (up to a {@code -},
 * {@code _} or {@code .}) is the channel; a later dash-separated part that starts with a digit
 * ({@code nightly-2024-06-01}) or is a commit id ({@code main-3f2a1bc}) dates or versions it, so the tag is
 * pinned. A digit inside a later part ({@code lts-alpine3.19}) versions the base distribution, not the channel.
 * Tags that depend on unknown variables are not judged. The list is the option {@code floating-tags}.
 */
@RuleInfo(
    id = "HD204",
    slug = "floating-tag",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class FloatingTag extends Rule {
  public static final String OPTION = "floating-tags";

  /** Channel names that publishers move; {@code latest} alone is HD201's, {@code latest-alpine} is ours. */
  static final List<String> DEFAULT =
      List.of(
          "latest",
          "stable",
          "edge",
          "nightly",
          "dev",
          "develop",
          "beta",
          "alpha",
          "canary",
          "lts",
          "rolling",
          "mainline",
          "current",
          "testing",
          "test",
          "unstable",
          "next",
          "master",
          "main",
          "snapshot",
          "preview",
          "rc",
          "insiders");

  @Override
  public void check(ImageUse image) {
    String tag = image.ref().tag();
    if (tag == null || image.ref().tagUnknown() || image.ref().hasDigest() || tag.indexOf('$') >= 0)
      return;
    String t = tag.toLowerCase(Locale.ROOT);
    if (t.equals("latest")) return;
    int cut = 0;
    while (cut < t.length() && "-_.".indexOf(t.charAt(cut)) < 0) cut++;
    List<String> channels = optionList(OPTION);
    if (!(channels.isEmpty() ? DEFAULT : channels).contains(t.substring(0, cut))) return;
    if (cut < t.length()) {
      for (String part : t.substring(cut + 1).split("[-_]", -1)) if (pins(part)) return;
    }
    report(
        image.span(),
        "image "
            + image.ref().shown()
            + " uses the floating tag "
            + tag
            + ", which moves with every"
            + " release like latest",
        "pin a version, ideally with its digest ("
            + LatestTag.name(image.ref())
            + ":<version>@sha256:<digest>)");
  }

  /** A part of the tag after the channel that pins it: a version or date ({@code 1.27}, {@code 20240612}) or a commit id. */
  private static boolean pins(String part) {
    if (part.isEmpty()) return false;
    if (Character.isDigit(part.charAt(0))) return true;
    if (part.length() < 7 || part.length() > 40) return false;
    boolean digit = false;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (Character.digit(c, 16) < 0) return false;
      digit |= c <= '9';
    }
    return digit;
  }
}
