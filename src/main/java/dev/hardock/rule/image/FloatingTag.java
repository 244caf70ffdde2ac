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
 * a version: the tag moves like {@code latest}, which HD201 reports. The first dash-separated part of the tag is
 * the channel; a later part that starts with a digit ({@code nightly-2024-06-01}) dates or versions it, so the
 * tag is pinned. Tags that depend on unknown variables are not judged. The list is the option {@code floating-tags}.
 */
@RuleInfo(id = "HD204", slug = "floating-tag", severity = Severity.WARNING,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class FloatingTag extends Rule {
  public static final String OPTION = "floating-tags";
  /** Channel names that publishers move; {@code latest} alone is HD201's, {@code latest-alpine} is ours. */
  static final List<String> DEFAULT = List.of("latest", "stable", "edge", "nightly", "dev", "develop", "beta", "alpha",
      "canary", "lts", "rolling", "mainline", "current", "testing", "test", "unstable", "next", "master", "main",
      "snapshot", "preview", "rc", "insiders");

  @Override
  public void check(ImageUse image) {
    String tag = image.ref().tag();
    if (tag == null || image.ref().tagUnknown() || image.ref().hasDigest() || tag.indexOf('$') >= 0) return;
    String t = tag.toLowerCase(Locale.ROOT);
    if (t.equals("latest")) return;
    String[] parts = t.split("[-_.]", -1);
    List<String> channels = options().list("HD204", OPTION);
    if (!(channels.isEmpty() ? DEFAULT : channels).contains(parts[0])) return;
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty() && Character.isDigit(parts[i].charAt(0))) return;
    }
    String raw = image.ref().raw();
    String shown = image.ref().expanded() == null || image.ref().expanded().equals(raw) ? raw
        : raw + " (" + image.ref().expanded() + ")";
    report(image.span(), "image " + shown + " uses the floating tag " + tag + ", which moves with every"
        + " release like latest: pin a version, ideally with its digest (" + LatestTag.name(image.ref())
        + ":<version>@sha256:<digest>)");
  }
}
