package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.MissingSetting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD122: A container without a process-count limit. */
@RuleInfo(
    id = "HD122",
    slug = "pids-limit-missing",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class PidsLimitMissing extends Rule implements MissingSetting {
  @Override
  public void check(ContainerSpec c) {
    if (c.hiddenOptions() != null) return; // the setting may be among options the reader cannot see
    var p = c.pidsLimit();
    if (p == null) {
      report(
          c.span(),
          "no process limit",
          "set --pids-limit (pids_limit) so a fork bomb cannot exhaust the host");
      return;
    }
    String v = p.value() == null ? "" : p.value().trim();
    if (v.matches("-?\\d+") && Long.parseLong(v) <= 0) {
      report(p.span(), "pids limit " + v + " means no limit", "set a positive --pids-limit");
    }
  }
}
