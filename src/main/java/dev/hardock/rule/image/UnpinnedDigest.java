package dev.hardock.rule.image;

import dev.hardock.model.ImageRef;
import dev.hardock.model.ImageUse;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD202: an image pulled by tag only; a tag can be re-pushed, a digest cannot. Off by default. */
@RuleInfo(
    id = "HD202",
    slug = "unpinned-digest",
    severity = Severity.INFO,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN},
    enabledByDefault = false)
public final class UnpinnedDigest extends Rule {
  @Override
  public void check(ImageUse image) {
    ImageRef ref = image.ref();
    // A variable in the last path part could hold the digest: unknown, not judged.
    if (ref.hasDigest() || ref.tagUnknown() || ref.isScratch()) return;
    // what is not an image reference at all (a template placeholder, a stray quote) is not judged,
    // as in HD201
    if (ref.expanded() != null && !ref.isWellFormed()) return;
    report(
        image.span(),
        "image " + ref.shown() + " is not pinned by digest",
        "add @sha256:<digest> so that a re-pushed tag cannot change what is pulled");
  }
}
