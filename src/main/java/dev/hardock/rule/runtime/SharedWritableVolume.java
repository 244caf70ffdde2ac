package dev.hardock.rule.runtime;

import dev.hardock.model.SensitivePaths;
import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HD131: one named volume or bind source mounted writable by two or more services of a compose project. Each
 * writable mount of the group is reported, naming the other services; read-only mounts of it are fine.
 */
@RuleInfo(
    id = "HD131",
    slug = "shared-writable-volume",
    severity = Severity.INFO,
    appliesTo = SourceKind.COMPOSE)
public final class SharedWritableVolume extends Rule {
  private record Use(String service, Mount mount) {}

  private final Map<String, List<Use>> bySource = new LinkedHashMap<>();

  @Override
  public void check(Mount m, ContainerSpec c) {
    if (m.isReadOnly()
        || m.source() == null
        || m.source().value() == null
        || m.source().value().isBlank()) return;
    String key =
        switch (m.type()) {
          case VOLUME -> "volume " + m.source().value();
          case BIND ->
              SensitivePaths.isEngineSocket(m.source().value())
                  ? null
                  : "bind " + pathKey(m.source().value());
          default ->
              null; // tmpfs is per container; npipe, cluster and image mounts are no shared files
        };
    if (key != null)
      bySource.computeIfAbsent(key, k -> new ArrayList<>()).add(new Use(c.name(), m));
  }

  @Override
  public void finish() {
    for (List<Use> uses : bySource.values()) {
      Set<String> services = new LinkedHashSet<>();
      for (Use u : uses) services.add(u.service());
      if (services.size() < 2) continue;
      for (Use u : uses) {
        Set<String> others = new LinkedHashSet<>(services);
        others.remove(u.service());
        String what = u.mount().type() == Mount.Type.VOLUME ? "volume " : "host path ";
        report(
            u.mount().span(),
            what
                + u.mount().source().value()
                + " is also written by "
                + (others.size() == 1 ? "service " : "services ")
                + String.join(", ", others)
                + ": each container can change what the other reads",
            "mount it read-only where this service only reads");
      }
    }
  }

  /** A bind source compared after normalisation: {@code ./data/}, {@code data} and {@code ./data} are one folder. */
  private static String pathKey(String source) {
    String n = SensitivePaths.normalize(source);
    if (n != null) return n;
    String p = source.trim().replace('\\', '/');
    while (p.startsWith("./")) p = p.substring(2);
    while (p.endsWith("/") && p.length() > 1) p = p.substring(0, p.length() - 1);
    return p;
  }
}
