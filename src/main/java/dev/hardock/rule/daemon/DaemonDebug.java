package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD506: debug logging on a production daemon (CIS 2.3 asks for log-level info). */
@RuleInfo(
    id = "HD506",
    slug = "daemon-debug",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DAEMON)
public final class DaemonDebug extends Rule {
  @Override
  public void check(DaemonConfig config) {
    DaemonConfig.Entry debug = config.get("debug");
    if (debug != null && debug.isTrue()) {
      report(
          debug.valueSpan(),
          "debug is true: the daemon logs at debug level, request details included",
          "remove it or set it to false",
          Fix.safe("Set \"debug\": false", replace(debug.valueSpan(), "false")));
    }
    DaemonConfig.Entry level = config.get("log-level");
    String l =
        level == null || level.string() == null
            ? ""
            : level.string().trim().toLowerCase(java.util.Locale.ROOT);
    if (l.equals("debug") || l.equals("trace")) {
      report(
          level.valueSpan(),
          "log-level is " + level.string() + ": the daemon logs request details",
          "use \"info\"",
          Fix.safe("Set \"log-level\": \"info\"", replace(level.valueSpan(), "\"info\"")));
    }
  }
}
