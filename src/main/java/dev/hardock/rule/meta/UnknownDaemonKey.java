package dev.hardock.rule.meta;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Spelling;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.model.daemon.DaemonKeys;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.Set;

/** HD007: a top-level daemon.json key (or a key of proxies) that dockerd does not know (it refuses to start). */
@RuleInfo(
    id = "HD007",
    slug = "unknown-daemon-key",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DAEMON)
public final class UnknownDaemonKey extends Rule {
  /** "Did you mean" hints of one file, as for compose keys: past them unknown keys are reported unhinted. */
  private static final int HINTS = 1000;

  private int hints;

  @Override
  public void check(DaemonConfig config) {
    hints = HINTS;
    check(config, DaemonKeys.TOP_LEVEL, "");
    DaemonConfig.Entry proxies = config.get("proxies");
    if (proxies != null && proxies.object() != null)
      check(proxies.object(), DaemonKeys.PROXIES, " in proxies");
  }

  private void check(DaemonConfig config, Set<String> known, String where) {
    for (DaemonConfig.Entry e : config.all()) {
      if (known.contains(e.key())) continue;
      String near = hints-- > 0 ? Spelling.closest(e.key(), known) : null;
      report(
          e.keySpan(),
          "unknown daemon.json key "
              + Spelling.shown(e.key())
              + where
              + (near == null ? ": dockerd refuses to start" : " (did you mean " + near + "?)"));
    }
  }
}
