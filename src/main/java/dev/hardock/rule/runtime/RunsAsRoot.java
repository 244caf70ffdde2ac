package dev.hardock.rule.runtime;

import dev.hardock.model.RootUser;
import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD119: A container that runs as root, by its own setting or because its image does. */
@RuleInfo(
    id = "HD119",
    slug = "runs-as-root",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class RunsAsRoot extends Rule {
  @Override
  public void check(ContainerSpec c) {
    if (c.user() != null) {
      if (c.user().value() != null && RootUser.isRoot(c.user().value())) {
        report(
            c.user().span(),
            "container runs as root (user " + c.user().value().trim() + ")",
            "run as an unprivileged user");
      }
      return;
    }
    var b = c.build();
    if (b == null || b.imageUser() == null || c.hiddenOptions() != null) return;
    if (!b.imageUser().isEmpty() && !RootUser.isRoot(b.imageUser())) return;
    String where =
        b.dockerfile() == null
            ? "its inline Dockerfile"
            : b.dockerfile().getFileName()
                + (b.imageUserSpan() != null ? ":" + b.imageUserSpan().line() : "");
    String why = b.imageUser().isEmpty() ? "never sets USER" : "sets USER " + b.imageUser();
    report(
        b.span(),
        "container runs as root: the final stage of "
            + where
            + " "
            + why
            + " and no user is set here");
  }
}
