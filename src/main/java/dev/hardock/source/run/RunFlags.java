package dev.hardock.source.run;

import dev.hardock.model.Spelling;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code docker run} and {@code docker create}, as the Docker CLI defines them
 * ({@code cli/command/container/opts.go}, {@code run.go}, {@code create.go}, plus the platform and content-trust
 * flags every image command takes). What matters for parsing is whether a flag takes a value: only
 * {@link Kind#BOOL} flags do not, and they accept {@code --flag=false}.
 */
public final class RunFlags {
  /** The value kinds of the CLI's flags (pflag types). */
  public enum Kind {
    BOOL,
    STRING,
    LIST,
    MAP,
    INT,
    BYTES,
    DURATION
  }

  /**
   * @param name the long name without dashes
   * @param shorthand the one-letter alias, or 0
   * @param deprecated hidden or deprecated aliases the CLI still accepts ({@code --net}, {@code --kernel-memory})
   */
  public record Flag(String name, char shorthand, Kind kind, boolean deprecated) {
    public boolean takesValue() {
      return kind != Kind.BOOL;
    }
  }

  private static final Map<String, Flag> BY_NAME = new LinkedHashMap<>();
  private static final Map<Character, Flag> BY_SHORT = new LinkedHashMap<>();

  static {
    // run.go / create.go
    add("detach", 'd', Kind.BOOL);
    add("sig-proxy", Kind.BOOL);
    add("name", Kind.STRING);
    add("detach-keys", Kind.STRING);
    add("pull", Kind.STRING);
    add("quiet", 'q', Kind.BOOL);
    add("use-api-socket", Kind.BOOL);
    add("help", Kind.BOOL);
    add("platform", Kind.STRING);
    add("disable-content-trust", Kind.BOOL);
    // opts.go: general purpose
    add("attach", 'a', Kind.LIST);
    add("device-cgroup-rule", Kind.LIST);
    add("device", Kind.LIST);
    add("gpus", Kind.STRING);
    add("env", 'e', Kind.LIST);
    add("env-file", Kind.LIST);
    add("entrypoint", Kind.STRING);
    add("group-add", Kind.LIST);
    add("hostname", 'h', Kind.STRING);
    add("domainname", Kind.STRING);
    add("interactive", 'i', Kind.BOOL);
    add("label", 'l', Kind.LIST);
    add("label-file", Kind.LIST);
    add("read-only", Kind.BOOL);
    add("restart", Kind.STRING);
    add("stop-signal", Kind.STRING);
    add("stop-timeout", Kind.INT);
    add("sysctl", Kind.MAP);
    add("tty", 't', Kind.BOOL);
    add("ulimit", Kind.LIST);
    add("user", 'u', Kind.STRING);
    add("workdir", 'w', Kind.STRING);
    add("rm", Kind.BOOL);
    // security
    add("cap-add", Kind.LIST);
    add("cap-drop", Kind.LIST);
    add("privileged", Kind.BOOL);
    add("security-opt", Kind.LIST);
    add("userns", Kind.STRING);
    add("cgroupns", Kind.STRING);
    // network and ports
    add("add-host", Kind.LIST);
    add("dns", Kind.LIST);
    add("dns-opt", Kind.LIST, true);
    add("dns-option", Kind.LIST);
    add("dns-search", Kind.LIST);
    add("expose", Kind.LIST);
    add("ip", Kind.STRING);
    add("ip6", Kind.STRING);
    add("link", Kind.LIST);
    add("link-local-ip", Kind.LIST);
    add("mac-address", Kind.STRING);
    add("publish", 'p', Kind.LIST);
    add("publish-all", 'P', Kind.BOOL);
    add("net", Kind.STRING, true);
    add("network", Kind.STRING);
    add("net-alias", Kind.LIST, true);
    add("network-alias", Kind.LIST);
    // logging and storage
    add("log-driver", Kind.STRING);
    add("volume-driver", Kind.STRING);
    add("log-opt", Kind.LIST);
    add("storage-opt", Kind.LIST);
    add("tmpfs", Kind.LIST);
    add("volumes-from", Kind.LIST);
    add("volume", 'v', Kind.LIST);
    add("mount", Kind.LIST);
    // health checks
    add("health-cmd", Kind.STRING);
    add("health-interval", Kind.DURATION);
    add("health-retries", Kind.INT);
    add("health-timeout", Kind.DURATION);
    add("health-start-period", Kind.DURATION);
    add("health-start-interval", Kind.DURATION);
    add("no-healthcheck", Kind.BOOL);
    // resources
    add("blkio-weight", Kind.INT);
    add("blkio-weight-device", Kind.LIST);
    add("cidfile", Kind.STRING);
    add("cpuset-cpus", Kind.STRING);
    add("cpuset-mems", Kind.STRING);
    add("cpu-count", Kind.INT);
    add("cpu-percent", Kind.INT);
    add("cpu-period", Kind.INT);
    add("cpu-quota", Kind.INT);
    add("cpu-rt-period", Kind.INT);
    add("cpu-rt-runtime", Kind.INT);
    add("cpu-shares", 'c', Kind.INT);
    add("cpus", Kind.STRING);
    add("device-read-bps", Kind.LIST);
    add("device-read-iops", Kind.LIST);
    add("device-write-bps", Kind.LIST);
    add("device-write-iops", Kind.LIST);
    add("io-maxbandwidth", Kind.BYTES);
    add("io-maxiops", Kind.INT);
    add("memory", 'm', Kind.BYTES);
    add("memory-reservation", Kind.BYTES);
    add("memory-swap", Kind.BYTES);
    add("memory-swappiness", Kind.INT);
    add("oom-kill-disable", Kind.BOOL);
    add("oom-score-adj", Kind.INT);
    add("pids-limit", Kind.INT);
    // low-level execution
    add("cgroup-parent", Kind.STRING);
    add("ipc", Kind.STRING);
    add("isolation", Kind.STRING);
    add("pid", Kind.STRING);
    add("shm-size", Kind.BYTES);
    add("uts", Kind.STRING);
    add("runtime", Kind.STRING);
    add("init", Kind.BOOL);
    add("annotation", Kind.MAP);
    add("kernel-memory", Kind.BYTES, true);
  }

  /**
   * Flags of {@code podman run} and {@code nerdctl run} that docker lacks, so their values are not taken for
   * the image. Flags these tools have and this list lacks are assumed to take no value.
   */
  private static final Map<String, Flag> OTHER_TOOLS = new LinkedHashMap<>();

  static {
    for (String s :
        new String[] {
          "pod",
          "pod-id-file",
          "secret",
          "systemd",
          "tz",
          "uidmap",
          "gidmap",
          "subuidname",
          "subgidname",
          "hooks-dir",
          "conmon-pidfile",
          "image-volume",
          "arch",
          "os",
          "variant",
          "cgroups",
          "cgroup-conf",
          "chrootdirs",
          "requires",
          "sdnotify",
          "seccomp-policy",
          "timeout",
          "umask",
          "passwd-entry",
          "group-entry",
          "personality",
          "preserve-fds",
          "unsetenv",
          "authfile",
          "cert-dir",
          "creds",
          "decryption-key",
          "init-path",
          "retry",
          "retry-delay",
          "pidfile",
          "log-level",
          "label-file",
          "health-on-failure",
          "health-log-destination",
          "health-max-log-count",
          "health-max-log-size",
          "health-startup-cmd",
          "health-startup-interval",
          "health-startup-retries",
          "health-startup-success",
          "health-startup-timeout",
          "infra-name",
          "shm-size-systemd",
          "gpus",
          "namespace",
          "ip-range",
          "cosign-key",
          "cosign-certificate-identity",
          "cosign-certificate-oidc-issuer",
          "notation-key",
          "snapshotter",
          "ipfs-address",
          "pidfile",
          "cidfile",
          "rdt-class",
          "mac-address",
          "blkio-weight",
          "group-entry",
          "env-merge"
        }) {
      OTHER_TOOLS.put(s, new Flag(s, (char) 0, Kind.STRING, false));
    }
    for (String s :
        new String[] {
          "replace",
          "rootfs",
          "env-host",
          "http-proxy",
          "no-hosts",
          "unsetenv-all",
          "tls-verify",
          "passwd",
          "rmi",
          "read-only-tmpfs"
        }) {
      OTHER_TOOLS.put(s, new Flag(s, (char) 0, Kind.BOOL, false));
    }
  }

  private RunFlags() {}

  /** A podman or nerdctl flag that docker lacks, or null. */
  static Flag otherTool(String name) {
    return OTHER_TOOLS.get(name);
  }

  private static void add(String name, Kind kind) {
    add(name, (char) 0, kind, false);
  }

  private static void add(String name, Kind kind, boolean deprecated) {
    add(name, (char) 0, kind, deprecated);
  }

  private static void add(String name, char shorthand, Kind kind) {
    add(name, shorthand, kind, false);
  }

  private static void add(String name, char shorthand, Kind kind, boolean deprecated) {
    Flag f = new Flag(name, shorthand, kind, deprecated);
    BY_NAME.put(name, f);
    if (shorthand != 0) BY_SHORT.put(shorthand, f);
  }

  /** The flag with this long name (without dashes), or null. */
  public static Flag byName(String name) {
    return BY_NAME.get(name);
  }

  /** The flag with this one-letter alias, or null. */
  public static Flag byShorthand(char c) {
    return BY_SHORT.get(c);
  }

  public static Collection<Flag> all() {
    return BY_NAME.values();
  }

  /**
   * The known flag closest to a misspelt one, as written ({@code --privilged} gives {@code --privileged}),
   * or null when none is close enough to be a plausible typo.
   */
  public static String nearest(String written) {
    String name = written.replaceFirst("^-+", "");
    int eq = name.indexOf('=');
    if (eq >= 0) name = name.substring(0, eq);
    if (name.isEmpty()) return null;
    if (name.length() == 1) return null;
    List<String> candidates = new ArrayList<>(BY_NAME.keySet());
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (BY_NAME.get(c).deprecated()) continue;
      int d = Spelling.distance(name, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(2, name.length() / 3);
    return best != null && bestDistance <= allowed ? "--" + best : null;
  }
}
