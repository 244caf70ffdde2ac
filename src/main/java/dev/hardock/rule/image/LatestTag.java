package dev.hardock.rule.image;

import dev.hardock.model.ImageRef;
import dev.hardock.model.ImageUse;
import dev.hardock.model.OfficialImages;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD201: an image without a tag, or tagged latest, after resolving what can be resolved. */
@RuleInfo(
    id = "HD201",
    slug = "latest-tag",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class LatestTag extends Rule {
  @Override
  public void check(ImageUse image) {
    if (!image.ref().isLatest()) return;
    // what is not an image reference at all (a template placeholder, flags in a variable) is not
    // judged
    if (image.ref().expanded() != null && !image.ref().isWellFormed()) return;
    // a bare COPY --from (or RUN --mount from=) name that is no stage and no official image is a
    // typo HD316 reports, not an image
    String name = image.ref().expanded();
    if (image.where().couldNameStage()
        && name != null
        && name.chars().noneMatch(c -> c == '/' || c == ':' || c == '.' || c == '@')
        && !OfficialImages.contains(name)) {
      return;
    }
    String what = image.ref().tag() == null ? "has no tag" : "uses the latest tag";
    report(
        image.span(),
        "image " + image.ref().shown() + " " + what,
        "pin a version, ideally with its digest ("
            + name(image.ref())
            + ":<version>@sha256:<digest>), so every"
            + " pull gets the same image");
  }

  /** The image name without tag or digest: what the pinned reference starts with. */
  static String name(ImageRef ref) {
    if (ref.expanded() != null && ref.repository() != null) {
      return ref.registry() == null ? ref.repository() : ref.registry() + "/" + ref.repository();
    }
    String raw = ref.raw();
    int at = raw.indexOf('@');
    if (at >= 0) raw = raw.substring(0, at);
    int colon = raw.lastIndexOf(':');
    return colon > raw.lastIndexOf('/') ? raw.substring(0, colon) : raw;
  }
}
