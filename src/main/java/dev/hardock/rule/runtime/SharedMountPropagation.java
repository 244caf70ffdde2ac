package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD130: A bind mount whose mounts propagate between host and container. */
@RuleInfo(
    id = "HD130",
    slug = "shared-mount-propagation",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class SharedMountPropagation extends Rule {
  private static final java.util.Set<String> SHARED =
      java.util.Set.of("shared", "rshared", "slave", "rslave");

  @Override
  public void check(Mount m, ContainerSpec c) {
    if (m.propagation() == null || m.propagation().value() == null) return;
    String p = m.propagation().value().trim().toLowerCase(java.util.Locale.ROOT);
    if (SHARED.contains(p)) {
      report(
          m.propagation().span(),
          "mount propagation " + p + " shares mounts between the host and the container",
          "use private");
    }
  }
}
