package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.MissingSetting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD116: A container whose processes may gain privileges through setuid binaries. */
@RuleInfo(id = "HD116", slug = "no-new-privileges-missing", severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class NoNewPrivilegesMissing extends Rule implements MissingSetting {
  @Override
  public void check(ContainerSpec c) {
    if (c.hiddenOptions() != null) return; // the setting may be among options the reader cannot see
    for (Setting<String> s : c.securityOpts()) {
      SecurityOption o = SecurityOption.parse(s.value());
      if (!o.key().equals("no-new-privileges")) continue;
      if (o.value() == null || o.value().equalsIgnoreCase("true")) return;
      // a variable the reader could not resolve (not in .env or --env-file): set, to a value not known here
      if (o.value().indexOf('$') >= 0) return;
      report(s.span(), "no-new-privileges is switched off: setuid binaries can raise privileges in the container");
      return;
    }
    report(c.span(), "no-new-privileges is not set: add --security-opt no-new-privileges (security_opt: [no-new-privileges:true])");
  }
}
