package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD301: the shipped stage never sets USER, neither itself nor through the stage it is built from. */
@RuleInfo(
    id = "HD301",
    slug = "user-missing",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class UserMissing extends Rule {
  @Override
  public void check(ImageBuild build) {
    Stage last = build.finalStage();
    if (last == null) return;
    for (Stage s = last; s != null; s = s.parent()) {
      if (s.last(Instruction.User.class) != null) return;
    }
    Instruction.From from = last.from();
    report(
        from.image().span(),
        "the final stage (FROM "
            + from.image().value()
            + ") never sets USER, so the container runs as root");
  }
}
