package dev.hardock.rule.meta;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Spelling;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import dev.hardock.rule.daemon.DaemonKeys;

/** HD007: a top-level daemon.json key that dockerd does not know (it refuses to start). */
@RuleInfo(id = "HD007", slug = "unknown-daemon-key", severity = Severity.WARNING, appliesTo = SourceKind.DAEMON)
public final class UnknownDaemonKey extends Rule {
  @Override
  public void check(DaemonConfig config) {
    for (DaemonConfig.Entry e : config.all()) {
      if (DaemonKeys.TOP_LEVEL.contains(e.key())) continue;
      String near = Spelling.closest(e.key(), DaemonKeys.TOP_LEVEL);
      report(e.keySpan(), "unknown daemon.json key " + Spelling.shown(e.key())
          + (near == null ? ": dockerd refuses to start" : " (did you mean " + near + "?)"));
    }
  }
}
