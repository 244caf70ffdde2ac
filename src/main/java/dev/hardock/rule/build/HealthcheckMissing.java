package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD307: the shipped image certainly has no health check: neither the final stage nor the stages it is
 * built from set HEALTHCHECK (NONE counts as a decision), and the chain starts at {@code scratch}. An image
 * built on an external base may inherit one we cannot see, so it is not judged.
 */
@RuleInfo(
    id = "HD307",
    slug = "healthcheck-missing",
    severity = Severity.INFO,
    appliesTo = SourceKind.DOCKERFILE)
public final class HealthcheckMissing extends Rule {
  @Override
  public void check(ImageBuild build) {
    Stage last = build.finalStage();
    if (last == null) return;
    Stage root = last;
    for (Stage s = last; s != null; s = s.parent()) {
      if (s.last(Instruction.Healthcheck.class) != null) return;
      root = s;
    }
    if (root.from().ref() == null || !root.from().ref().isScratch()) return;
    Instruction.From from = last.from();
    String base = root == last ? "" : ", built on scratch";
    report(
        from.image().span(),
        "the final stage (FROM "
            + from.image().value()
            + base
            + ")"
            + " has no HEALTHCHECK, so nothing tells a hung service from a healthy one",
        "add HEALTHCHECK CMD (or HEALTHCHECK NONE to record the decision)");
  }
}
