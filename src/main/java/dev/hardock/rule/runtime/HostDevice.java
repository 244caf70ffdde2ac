package dev.hardock.rule.runtime;

import dev.hardock.model.SensitivePaths;
import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD118: A host device passed into a container; raw memory and disks are errors. */
@RuleInfo(
    id = "HD118",
    slug = "host-device",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostDevice extends Rule {
  private static final java.util.regex.Pattern RAW =
      java.util.regex.Pattern.compile(
          "/dev/(mem|kmem|port|sd[a-z].*|nvme\\d.*|hd[a-z].*|xvd[a-z].*|vd[a-z].*|dm-\\d+|mapper/.*|disk/.*|md\\d+.*|loop\\d+|mmcblk\\d.*|cpu/.*|kvm)");

  @Override
  public void check(ContainerSpec c) {
    for (Setting<String> d : c.devices()) {
      String value = d.value().trim();
      int colon = value.indexOf(':');
      String host = colon < 0 ? value : value.substring(0, colon);
      String normalized = SensitivePaths.normalize(host);
      if (normalized != null && RAW.matcher(normalized).matches()) {
        report(
            d.span(),
            "host device "
                + host
                + " is passed into the container: raw access to host memory or disks",
            Severity.ERROR);
      } else {
        report(d.span(), "host device " + host + " is passed into the container");
      }
    }
  }
}
