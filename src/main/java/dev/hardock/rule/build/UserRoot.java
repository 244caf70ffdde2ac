package dev.hardock.rule.build;

import dev.hardock.model.RootUser;
import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD302: the last USER that applies to the shipped stage is root. */
@RuleInfo(
    id = "HD302",
    slug = "user-root",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class UserRoot extends Rule {
  @Override
  public void check(ImageBuild build) {
    Instruction.User user = shippedUser(build);
    if (user == null) return;
    String value = build.variables().expand(user.user().value(), user);
    if (value != null && RootUser.isRoot(value)) {
      report(user.user().span(), "the final stage runs as " + value);
    }
  }

  /** The last USER that applies to the shipped stage (its own, else that of the stage it is built from), or null. */
  static Instruction.User shippedUser(ImageBuild build) {
    for (Stage s = build.finalStage(); s != null; s = s.parent()) {
      Instruction.User user = s.last(Instruction.User.class);
      if (user != null) return user;
    }
    return null;
  }
}
