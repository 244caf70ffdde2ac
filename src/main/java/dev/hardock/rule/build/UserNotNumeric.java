package dev.hardock.rule.build;

import dev.hardock.model.RootUser;
import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD323 (off by default): the last USER of the shipped stage names its user instead of giving a numeric UID, so
 * Kubernetes {@code runAsNonRoot} cannot verify it and refuses to start the pod. Root is HD302's finding; a value
 * that depends on an unknown variable is not judged.
 */
@RuleInfo(
    id = "HD323",
    slug = "user-not-numeric",
    severity = Severity.INFO,
    appliesTo = SourceKind.DOCKERFILE,
    enabledByDefault = false)
public final class UserNotNumeric extends Rule {
  @Override
  public void check(ImageBuild build) {
    Instruction.User user = UserRoot.shippedUser(build);
    if (user == null) return;
    String value = build.variables().expand(user.user().value(), user);
    if (value == null || value.isEmpty() || RootUser.isRoot(value)) return;
    int colon = value.indexOf(':');
    String name = colon < 0 ? value : value.substring(0, colon);
    if (!name.chars().allMatch(c -> c >= '0' && c <= '9')) {
      String shown =
          value.equals(user.user().value()) ? value : user.user().value() + " (" + value + ")";
      report(
          user.user().span(),
          "USER " + shown + " is a name: Kubernetes runAsNonRoot can only verify a numeric UID",
          "use the user's UID (for example USER 10001" + (colon < 0 ? "" : ":10001") + ")");
    }
  }
}
