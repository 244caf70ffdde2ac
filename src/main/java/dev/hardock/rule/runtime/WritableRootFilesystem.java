package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.MissingSetting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD117: A container whose root filesystem is writable. */
@RuleInfo(
    id = "HD117",
    slug = "writable-root-filesystem",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class WritableRootFilesystem extends Rule implements MissingSetting {
  @Override
  public void check(ContainerSpec c) {
    if (c.hiddenOptions() != null) return; // the setting may be among options the reader cannot see
    // read_only: ${RO} is set to what we cannot know: no guess
    if (c.readOnlyRootfs() != null && !Boolean.FALSE.equals(c.readOnlyRootfs().value())) return;
    report(
        c.readOnlyRootfs() != null ? c.readOnlyRootfs().span() : c.span(),
        "root filesystem is writable",
        "run with --read-only (read_only: true) and mount tmpfs where it must write");
  }
}
