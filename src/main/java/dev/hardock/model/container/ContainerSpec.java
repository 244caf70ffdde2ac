package dev.hardock.model.container;

import dev.hardock.model.EnvVar;
import dev.hardock.model.ImageUse;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import java.util.List;

/**
 * How a container is started, whatever wrote it: a {@code docker run}/{@code create} line or a compose
 * service. Every setting keeps the span of the token that set it; a setting that was not given is null
 * (or an empty list), so "missing" rules can tell absence from a value. Rules read this, never the source.
 *
 * @param name the compose service name, or the command ({@code docker run}) for a run line
 * @param span where the container is declared (the service key, the {@code docker run} words)
 * @param memory {@code -m}, {@code mem_limit}, {@code deploy.resources.limits.memory}
 * @param cpus any CPU limit: {@code --cpus}, {@code --cpu-quota}, {@code --cpu-shares}, {@code --cpuset-cpus},
 *     {@code cpus}, {@code cpu_quota}, {@code cpu_shares}, {@code cpuset}, {@code deploy.resources.limits.cpus}
 * @param healthcheckDisabled {@code --no-healthcheck}, {@code healthcheck: disable: true} or test NONE
 * @param labels {@code labels:}, {@code --label}; one per key, a later one replacing an earlier one
 * @param labelFiles {@code label_file:}, {@code --label-file}: files named, not read
 * @param ulimits {@code ulimits:}, {@code --ulimit}
 * @param logging {@code logging:}, {@code --log-driver}/{@code --log-opt}, or null when none is given
 * @param hiddenOptions where options this reader cannot see may hide ({@code docker run $DOCKER_OPTS img},
 *     {@code $(RUN_FLAGS)} in a Makefile), or null: rules that judge a missing setting stay silent then
 */
public record ContainerSpec(
    SourceKind source,
    String name,
    Span span,
    ImageUse image,
    BuildRef build,
    Setting<Boolean> privileged,
    Setting<String> user,
    Setting<String> networkMode,
    Setting<String> pidMode,
    Setting<String> ipcMode,
    Setting<String> utsMode,
    Setting<String> usernsMode,
    Setting<String> cgroupParent,
    List<Mount> mounts,
    List<Setting<String>> capAdd,
    List<Setting<String>> capDrop,
    List<Setting<String>> securityOpts,
    List<Setting<String>> devices,
    Setting<Boolean> readOnlyRootfs,
    Setting<String> memory,
    Setting<String> memorySwap,
    Setting<String> cpus,
    Setting<String> pidsLimit,
    Setting<String> restart,
    Setting<Boolean> healthcheckDisabled,
    List<PortMapping> ports,
    List<Setting<String>> links,
    List<EnvVar> env,
    List<Pair> labels,
    List<Setting<String>> labelFiles,
    List<Ulimit> ulimits,
    Logging logging,
    Span hiddenOptions) {

  /** Collects settings while a reader walks its source; lists may be appended to directly. */
  public static final class Builder {
    public SourceKind source;
    public String name;
    public Span span;
    public ImageUse image;
    public BuildRef build;
    public Setting<Boolean> privileged;
    public Setting<String> user;
    public Setting<String> networkMode;
    public Setting<String> pidMode;
    public Setting<String> ipcMode;
    public Setting<String> utsMode;
    public Setting<String> usernsMode;
    public Setting<String> cgroupParent;
    public final java.util.ArrayList<Mount> mounts = new java.util.ArrayList<>();
    public final java.util.ArrayList<Setting<String>> capAdd = new java.util.ArrayList<>();
    public final java.util.ArrayList<Setting<String>> capDrop = new java.util.ArrayList<>();
    public final java.util.ArrayList<Setting<String>> securityOpts = new java.util.ArrayList<>();
    public final java.util.ArrayList<Setting<String>> devices = new java.util.ArrayList<>();
    public Setting<Boolean> readOnlyRootfs;
    public Setting<String> memory;
    public Setting<String> memorySwap;
    public Setting<String> cpus;
    public Setting<String> pidsLimit;
    public Setting<String> restart;
    public Setting<Boolean> healthcheckDisabled;
    public final java.util.ArrayList<PortMapping> ports = new java.util.ArrayList<>();
    public final java.util.ArrayList<Setting<String>> links = new java.util.ArrayList<>();
    public final java.util.ArrayList<EnvVar> env = new java.util.ArrayList<>();
    public final java.util.ArrayList<Pair> labels = new java.util.ArrayList<>();
    public final java.util.ArrayList<Setting<String>> labelFiles = new java.util.ArrayList<>();
    public final java.util.ArrayList<Ulimit> ulimits = new java.util.ArrayList<>();

    /** The log driver, its options and where logging is declared; a {@link Logging} when any is set. */
    public Setting<String> logDriver;

    public final java.util.ArrayList<Pair> logOptions = new java.util.ArrayList<>();
    public Span logging;

    public Builder(SourceKind source, String name, Span span) {
      this.source = source;
      this.name = name;
      this.span = span;
    }

    public Span hiddenOptions;

    public ContainerSpec build() {
      return new ContainerSpec(
          source,
          name,
          span,
          image,
          build,
          privileged,
          user,
          networkMode,
          pidMode,
          ipcMode,
          utsMode,
          usernsMode,
          cgroupParent,
          List.copyOf(mounts),
          List.copyOf(capAdd),
          List.copyOf(capDrop),
          List.copyOf(securityOpts),
          List.copyOf(devices),
          readOnlyRootfs,
          memory,
          memorySwap,
          cpus,
          pidsLimit,
          restart,
          healthcheckDisabled,
          List.copyOf(ports),
          List.copyOf(links),
          List.copyOf(env),
          lastPerKey(labels),
          List.copyOf(labelFiles),
          List.copyOf(ulimits),
          logging(),
          hiddenOptions);
    }

    private Logging logging() {
      if (logDriver == null && logOptions.isEmpty()) return null;
      Span at =
          logging != null
              ? logging
              : logDriver != null ? logDriver.span() : logOptions.get(0).span();
      return new Logging(logDriver, lastPerKey(logOptions), at);
    }

    /** One pair per key, the last one written (as Docker and Compose apply them), in the order written. */
    private static List<Pair> lastPerKey(List<Pair> pairs) {
      java.util.Map<String, Pair> byKey = new java.util.LinkedHashMap<>();
      for (Pair p : pairs) {
        String k = p.key() == null ? "" : p.key().value();
        byKey.remove(k);
        byKey.put(k, p);
      }
      return List.copyOf(byKey.values());
    }
  }
}
