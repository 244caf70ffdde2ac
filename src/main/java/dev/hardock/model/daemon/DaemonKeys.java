package dev.hardock.model.daemon;

import java.util.Set;

/**
 * The top-level keys dockerd accepts in {@code daemon.json}: it refuses to start on any other ("the following
 * directives don't match any configuration option"). From the full Linux and Windows examples of the dockerd
 * reference (docs.docker.com/reference/cli/dockerd, Docker 28) and the json tags of moby's
 * {@code daemon/config} structs; keys that older daemons still accept and newer ones deprecated are kept
 * (graph, cluster-store, oom-score-adjust...), since they are no misspelling. Also {@code min-api-version}
 * (Docker 29 reads it; files set it to keep old clients working), {@code nri-opts} and
 * {@code default-subnet-size} (flags of moby's daemon/command, which dockerd accepts as keys). Nested objects
 * are not checked, but for {@link #PROXIES}.
 */
public final class DaemonKeys {
  public static final Set<String> TOP_LEVEL =
      Set.of(
          "allow-direct-routing",
          "allow-nondistributable-artifacts",
          "api-cors-header",
          "authorization-plugins",
          "bip",
          "bip6",
          "bridge",
          "bridge-accept-fwmark",
          "builder",
          "cdi-spec-dirs",
          "cgroup-parent",
          "cluster-advertise",
          "cluster-store",
          "cluster-store-opts",
          "containerd",
          "containerd-namespace",
          "containerd-plugin-namespace",
          "containerd-plugins-namespace",
          "cpu-rt-period",
          "cpu-rt-runtime",
          "cri-containerd",
          "data-root",
          "debug",
          "default-address-pools",
          "default-cgroupns-mode",
          "default-gateway",
          "default-gateway-v6",
          "default-ipc-mode",
          "default-network-opts",
          "default-runtime",
          "default-shm-size",
          "default-subnet-size",
          "default-ulimits",
          "deprecated-key-path",
          "disable-legacy-registry",
          "dns",
          "dns-opts",
          "dns-search",
          "exec-opts",
          "exec-root",
          "experimental",
          "features",
          "firewall-backend",
          "fixed-cidr",
          "fixed-cidr-v6",
          "graph",
          "group",
          "host-gateway-ip",
          "host-gateway-ips",
          "hosts",
          "http-proxy",
          "https-proxy",
          "icc",
          "init",
          "init-path",
          "insecure-registries",
          "ip",
          "ip-forward",
          "ip-forward-no-drop",
          "ip-masq",
          "ip6tables",
          "iptables",
          "ipv6",
          "labels",
          "live-restore",
          "log-driver",
          "log-format",
          "log-level",
          "log-opts",
          "max-concurrent-downloads",
          "max-concurrent-uploads",
          "max-download-attempts",
          "metrics-addr",
          "min-api-version",
          "mtu",
          "network-control-plane-mtu",
          "network-diagnostic-port",
          "no-new-privileges",
          "no-proxy",
          "node-generic-resources",
          "nri-opts",
          "oom-score-adjust",
          "pidfile",
          "proxies",
          "raw-logs",
          "registry-mirrors",
          "resolv-conf",
          "rootless",
          "runtimes",
          "seccomp-profile",
          "selinux-enabled",
          "shutdown-timeout",
          "storage-driver",
          "storage-opts",
          "swarm-default-advertise-addr",
          "tls",
          "tlscacert",
          "tlscert",
          "tlskey",
          "tlsverify",
          "userland-proxy",
          "userland-proxy-path",
          "userns-remap");

  /**
   * The keys of the {@code proxies} object. dockerd checks the keys inside an object value that it does not
   * keep whole ({@code proxies} is one) as if they were top-level keys, and the proxies struct reads only
   * these: {@code "proxies": {"http_proxy": ...}} stops it from starting.
   */
  public static final Set<String> PROXIES = Set.of("http-proxy", "https-proxy", "no-proxy");

  private DaemonKeys() {}
}
