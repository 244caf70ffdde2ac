package dev.hardock.source.compose;

import dev.hardock.model.ParseProblem;
import dev.hardock.model.Spelling;
import dev.hardock.source.compose.YamlNode.Entry;
import dev.hardock.source.compose.YamlNode.Mapping;
import dev.hardock.source.compose.YamlNode.Scalar;
import dev.hardock.source.compose.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys the Compose Specification allows, where it allows no others: Docker Compose refuses a file with a
 * key it does not know ({@code read_onyl: true}), so a misspelt setting is no setting at all. Written by hand
 * from the specification's JSON schema, {@code compose-spec/compose-spec} {@code schema/compose-spec.json} at
 * commit 00655e2222608fa6eaecdf12ac5195889ca2244a (2025: with {@code models}, {@code provider},
 * {@code use_api_socket}, {@code gw_priority}), with what compose-go's own copy added since
 * ({@code compose-spec/compose-go} {@code schema/compose-spec.json} at 0035625: build {@code provenance} and
 * {@code sbom}, a service's model {@code model_var}) and the watch rule's {@code initial_sync} that Docker
 * Compose's reference documents: compose-go's copy is the one Docker Compose validates against. Mappings whose keys
 * are names (services, environment, labels, driver options, sysctls...) are not checked. {@code x-} keys are
 * accepted wherever keys are checked (the schema allows them almost everywhere).
 */
final class ComposeSchema {
  /**
   * Where keys are checked: {@code keys} are the allowed ones (null: any key, each value having the shape
   * {@code each}), {@code fields} the shapes of values that are checked in turn. A list value has each of its
   * mapping items checked against the shape (long syntax of volumes, ports, secrets...).
   */
  private static final class Shape {
    final String what;
    final Set<String> keys;
    final Map<String, Shape> fields = new HashMap<>();
    Shape each;

    Shape(String what, String... keys) {
      this.what = what;
      this.keys = keys.length == 0 ? null : new LinkedHashSet<>(List.of(keys));
    }

    Shape field(String key, Shape shape) {
      fields.put(key, shape);
      return this;
    }

    static Shape named(String what, Shape each) {
      Shape s = new Shape(what);
      s.each = each;
      return s;
    }
  }

  private static final Shape TOP;

  static {
    Shape ulimits = Shape.named("ulimits", new Shape("a ulimit", "hard", "soft"));
    Shape serviceSecret =
        new Shape("a secret or config reference", "source", "target", "uid", "gid", "mode");
    Shape hook =
        new Shape(
            "a lifecycle hook", "command", "user", "privileged", "working_dir", "environment");
    Shape device =
        new Shape("a device request", "capabilities", "count", "device_ids", "driver", "options");
    Shape update =
        new Shape(
            "an update or rollback config",
            "parallelism",
            "delay",
            "failure_action",
            "monitor",
            "max_failure_ratio",
            "order");
    Shape build =
        new Shape(
                "build",
                "context",
                "dockerfile",
                "dockerfile_inline",
                "entitlements",
                "args",
                "ssh",
                "labels",
                "cache_from",
                "cache_to",
                "no_cache",
                "additional_contexts",
                "network",
                "provenance",
                "sbom",
                "pull",
                "target",
                "shm_size",
                "extra_hosts",
                "isolation",
                "privileged",
                "secrets",
                "tags",
                "ulimits",
                "platforms")
            .field("secrets", serviceSecret)
            .field("ulimits", ulimits);
    Shape deploy =
        new Shape(
                "deploy",
                "mode",
                "endpoint_mode",
                "replicas",
                "labels",
                "rollback_config",
                "update_config",
                "resources",
                "restart_policy",
                "placement")
            .field("rollback_config", update)
            .field("update_config", update)
            .field(
                "resources",
                new Shape("deploy.resources", "limits", "reservations")
                    .field("limits", new Shape("deploy.resources.limits", "cpus", "memory", "pids"))
                    .field(
                        "reservations",
                        new Shape(
                                "deploy.resources.reservations",
                                "cpus",
                                "memory",
                                "generic_resources",
                                "devices")
                            .field(
                                "generic_resources",
                                new Shape("a generic resource", "discrete_resource_spec")
                                    .field(
                                        "discrete_resource_spec",
                                        new Shape("discrete_resource_spec", "kind", "value")))
                            .field("devices", device)))
            .field(
                "restart_policy",
                new Shape("deploy.restart_policy", "condition", "delay", "max_attempts", "window"))
            .field(
                "placement",
                new Shape("deploy.placement", "constraints", "preferences", "max_replicas_per_node")
                    .field("preferences", new Shape("a placement preference", "spread")));
    Shape volume =
        new Shape(
                "a volume mount",
                "type",
                "source",
                "target",
                "read_only",
                "consistency",
                "bind",
                "volume",
                "tmpfs",
                "image")
            .field(
                "bind",
                new Shape("bind", "propagation", "create_host_path", "recursive", "selinux"))
            .field("volume", new Shape("volume", "labels", "nocopy", "subpath"))
            .field("tmpfs", new Shape("tmpfs", "size", "mode"))
            .field("image", new Shape("image", "subpath"));
    Shape blkioLimit = new Shape("a blkio limit", "path", "rate");
    Shape service =
        new Shape(
                "a service",
                "annotations",
                "attach",
                "blkio_config",
                "build",
                "cap_add",
                "cap_drop",
                "cgroup",
                "cgroup_parent",
                "command",
                "configs",
                "container_name",
                "cpu_count",
                "cpu_percent",
                "cpu_period",
                "cpu_quota",
                "cpu_rt_period",
                "cpu_rt_runtime",
                "cpu_shares",
                "cpus",
                "cpuset",
                "credential_spec",
                "depends_on",
                "deploy",
                "develop",
                "device_cgroup_rules",
                "devices",
                "dns",
                "dns_opt",
                "dns_search",
                "domainname",
                "entrypoint",
                "env_file",
                "environment",
                "expose",
                "extends",
                "external_links",
                "extra_hosts",
                "gpus",
                "group_add",
                "healthcheck",
                "hostname",
                "image",
                "init",
                "ipc",
                "isolation",
                "label_file",
                "labels",
                "links",
                "logging",
                "mac_address",
                "mem_limit",
                "mem_reservation",
                "mem_swappiness",
                "memswap_limit",
                "models",
                "network_mode",
                "networks",
                "oom_kill_disable",
                "oom_score_adj",
                "pid",
                "pids_limit",
                "platform",
                "ports",
                "post_start",
                "pre_stop",
                "privileged",
                "profiles",
                "provider",
                "pull_policy",
                "pull_refresh_after",
                "read_only",
                "restart",
                "runtime",
                "scale",
                "secrets",
                "security_opt",
                "shm_size",
                "stdin_open",
                "stop_grace_period",
                "stop_signal",
                "storage_opt",
                "sysctls",
                "tmpfs",
                "tty",
                "ulimits",
                "use_api_socket",
                "user",
                "userns_mode",
                "uts",
                "volumes",
                "volumes_from",
                "working_dir")
            .field(
                "blkio_config",
                new Shape(
                        "blkio_config",
                        "device_read_bps",
                        "device_read_iops",
                        "device_write_bps",
                        "device_write_iops",
                        "weight",
                        "weight_device")
                    .field("device_read_bps", blkioLimit)
                    .field("device_read_iops", blkioLimit)
                    .field("device_write_bps", blkioLimit)
                    .field("device_write_iops", blkioLimit)
                    .field("weight_device", new Shape("a blkio weight", "path", "weight")))
            .field("build", build)
            .field("configs", serviceSecret)
            .field("credential_spec", new Shape("credential_spec", "config", "file", "registry"))
            .field(
                "depends_on",
                Shape.named(
                    "depends_on", new Shape("a dependency", "restart", "required", "condition")))
            .field("deploy", deploy)
            .field(
                "develop",
                new Shape("develop", "watch")
                    .field(
                        "watch",
                        new Shape(
                                "a watch rule",
                                "ignore",
                                "include",
                                "path",
                                "action",
                                "target",
                                "exec",
                                "initial_sync")
                            .field("exec", hook)))
            .field("devices", new Shape("a device", "source", "target", "permissions"))
            .field("env_file", new Shape("an env_file", "path", "format", "required"))
            .field("extends", new Shape("extends", "service", "file"))
            .field("gpus", device)
            .field(
                "healthcheck",
                new Shape(
                    "healthcheck",
                    "disable",
                    "interval",
                    "retries",
                    "test",
                    "timeout",
                    "start_period",
                    "start_interval"))
            .field("logging", new Shape("logging", "driver", "options"))
            .field(
                "models",
                Shape.named("models", new Shape("a model reference", "endpoint_var", "model_var")))
            .field(
                "networks",
                Shape.named(
                    "networks",
                    new Shape(
                        "a network attachment",
                        "aliases",
                        "interface_name",
                        "ipv4_address",
                        "ipv6_address",
                        "link_local_ips",
                        "mac_address",
                        "driver_opts",
                        "priority",
                        "gw_priority")))
            .field(
                "ports",
                new Shape(
                    "a port",
                    "name",
                    "mode",
                    "host_ip",
                    "target",
                    "published",
                    "protocol",
                    "app_protocol"))
            .field("post_start", hook)
            .field("pre_stop", hook)
            .field("provider", new Shape("provider", "type", "options"))
            .field("secrets", serviceSecret)
            .field("ulimits", ulimits)
            .field("volumes", volume);
    Shape external = new Shape("external", "name");
    Shape network =
        new Shape(
                "a network",
                "name",
                "driver",
                "driver_opts",
                "ipam",
                "external",
                "internal",
                "enable_ipv4",
                "enable_ipv6",
                "attachable",
                "labels")
            .field(
                "ipam",
                new Shape("ipam", "driver", "config", "options")
                    .field(
                        "config",
                        new Shape(
                            "an ipam config", "subnet", "ip_range", "gateway", "aux_addresses")))
            .field("external", external);
    Shape namedVolume =
        new Shape("a volume", "name", "driver", "driver_opts", "external", "labels")
            .field("external", external);
    Shape secret =
        new Shape(
            "a secret",
            "name",
            "environment",
            "file",
            "external",
            "labels",
            "driver",
            "driver_opts",
            "template_driver");
    Shape config =
        new Shape(
            "a config",
            "name",
            "content",
            "environment",
            "file",
            "external",
            "labels",
            "template_driver");
    Shape model = new Shape("a model", "name", "model", "context_size", "runtime_flags");
    TOP =
        new Shape(
                "the top level",
                "version",
                "name",
                "include",
                "services",
                "models",
                "networks",
                "volumes",
                "secrets",
                "configs")
            .field("include", new Shape("an include", "path", "env_file", "project_directory"))
            .field("services", Shape.named("services", service))
            .field("models", Shape.named("models", model))
            .field("networks", Shape.named("networks", network))
            .field("volumes", Shape.named("volumes", namedVolume))
            .field("secrets", Shape.named("secrets", secret))
            .field("configs", Shape.named("configs", config));
  }

  /**
   * "Did you mean" hints of one file: each compares the key with every key of its place, so a file of
   * 200,000 misspelt keys would spend seconds on them. Past this many the keys are still reported, unhinted.
   */
  static final int HINTS = 1000;

  private final ComposeProject project;
  private final List<ParseProblem> out;
  private int hints = HINTS;

  /** Mappings already checked against a shape: an anchor merged into many services is checked once. */
  private final Map<Mapping, Set<Shape>> done = new IdentityHashMap<>();

  private ComposeSchema(ComposeProject project, List<ParseProblem> out) {
    this.project = project;
    this.out = out;
  }

  /** Adds a problem for every key of a compose file's document that the specification does not allow there. */
  static void check(YamlNode root, ComposeProject project, List<ParseProblem> out) {
    if (root instanceof Mapping m) new ComposeSchema(project, out).check(TOP, m, null, false);
  }

  /** {@code a service} as a label: {@code service}. */
  private static String noun(Shape s) {
    return s.what.startsWith("a ")
        ? s.what.substring(2)
        : s.what.startsWith("an ") ? s.what.substring(3) : s.what;
  }

  /**
   * Checks a node against a shape. {@code owner} is the named item it belongs to, for messages
   * ({@code service web}; null at the top), {@code item} whether the node is that item itself.
   */
  private void check(Shape shape, YamlNode node, String owner, boolean item) {
    if (shape == null || node == null) return;
    if (node instanceof Sequence seq) {
      for (YamlNode i : seq.items()) {
        project.budget.spend(1);
        if (i instanceof Mapping) check(shape, i, owner, item);
      }
      return;
    }
    if (!(node instanceof Mapping m) || !done.computeIfAbsent(m, k -> new HashSet<>()).add(shape))
      return;
    String where = item ? owner : owner == null ? shape.what : noun(shape) + " of " + owner;
    List<Mapping> merged = new ArrayList<>();
    for (Entry e : m.entries) {
      project.budget.spend(1);
      if (!(e.key() instanceof Scalar k)) continue;
      String key = k.value();
      if (key.equals("<<")
          && k.plain()) { // merge key: the merged mappings' keys are this mapping's keys
        if (e.value() instanceof Mapping mm) merged.add(mm);
        else if (e.value() instanceof Sequence seq)
          for (YamlNode n : seq.items()) if (n instanceof Mapping mm) merged.add(mm);
        continue;
      }
      if (shape.keys == null) {
        // a mapping of names: each value is the item of that name (service web, volume data)
        if (shape.each != null) {
          String name = noun(shape.each) + " " + Spelling.shown(key);
          check(shape.each, e.value(), owner == null ? name : name + " of " + owner, true);
        }
      } else if (shape.keys.contains(key)) {
        Shape field = shape.fields.get(key);
        if (field != null) check(field, e.value(), owner, false);
      } else if (!key.startsWith("x-")) {
        String near = hints-- > 0 ? Spelling.closest(key, shape.keys) : null;
        out.add(
            new ParseProblem(
                project.span(k),
                "unknown key "
                    + Spelling.shown(key)
                    + " in "
                    + where
                    + (near == null
                        ? ": Docker Compose refuses the file"
                        : " (did you mean " + near + "?)")));
      }
    }
    for (Mapping mm : merged) check(shape, mm, owner, item);
  }
}
