package dev.hardock.source.compose;

import dev.hardock.model.EnvVar;
import dev.hardock.model.ImageRef;
import dev.hardock.model.ImageUse;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.container.BuildArg;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.model.container.Pair;
import dev.hardock.model.container.PortMapping;
import dev.hardock.model.container.Setting;
import dev.hardock.model.container.Ulimit;
import dev.hardock.model.container.VolumeOptions;
import dev.hardock.source.compose.YamlNode.Entry;
import dev.hardock.source.compose.YamlNode.Mapping;
import dev.hardock.source.compose.YamlNode.Scalar;
import dev.hardock.source.compose.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one (merged) compose service into a {@link ContainerSpec}. A scalar setting's span covers
 * {@code key: value}; a value reached through an alias or a merge key points at the anchored value; list
 * items point at the item. Values are interpolated; a value that needs an unknown variable stays as
 * written (so rules see {@code ${NET}}, never a guess), and a switch that needs one stays unset.
 */
final class ServiceMapper {
  private static final Set<String> PROPAGATIONS =
      Set.of("shared", "rshared", "slave", "rslave", "private", "rprivate");

  private final ComposeProject project;
  private final YamlNode.Budget budget;
  private final List<ParseProblem> problems;
  final List<BuildArg> buildArgs = new ArrayList<>();

  ServiceMapper(ComposeProject project) {
    this.project = project;
    this.budget = project.budget;
    this.problems = project.problems;
  }

  ContainerSpec map(String name, YamlNode keyNode, Mapping svc) {
    ContainerSpec.Builder b =
        new ContainerSpec.Builder(SourceKind.COMPOSE, name, project.span(keyNode));
    Map<String, Entry> m = svc.merged(budget);
    Entry e;
    // with build:, image: names the image built here: nothing is pulled, so it is no image use
    if ((e = m.get("image")) != null
        && scalar(e, "image") instanceof Scalar s
        && !s.isNull()
        && !m.containsKey("build")) {
      b.image =
          new ImageUse(
              ImageRef.parse(s.value(), project.expand(s)),
              project.span(s),
              ImageUse.Where.CONTAINER);
    }
    b.privileged = bool(m.get("privileged"));
    b.readOnlyRootfs = bool(m.get("read_only"));
    b.user = string(m.get("user"));
    b.networkMode = string(m.get("network_mode"));
    b.pidMode = string(m.get("pid"));
    b.ipcMode = string(m.get("ipc"));
    b.utsMode = string(m.get("uts"));
    b.usernsMode = string(m.get("userns_mode"));
    b.cgroupParent = string(m.get("cgroup_parent"));
    b.restart = restart(m);
    b.memorySwap = string(m.get("memswap_limit"));
    // lists Compose keeps one item per key of (compose-go's EnforceUnicity): a later item replaces
    // an earlier one
    b.capAdd.addAll(unique(strings(m.get("cap_add")), s -> nameOf(s.value())));
    b.capDrop.addAll(unique(strings(m.get("cap_drop")), s -> nameOf(s.value())));
    b.securityOpts.addAll(strings(m.get("security_opt")));
    b.links.addAll(unique(strings(m.get("links")), s -> nameOf(s.value())));
    b.links.addAll(strings(m.get("external_links")));
    b.devices.addAll(unique(devices(m.get("devices")), s -> deviceTarget(s.value())));
    Setting<String> deployMemory = null;
    Setting<String> deployCpus = null;
    Setting<String> deployPids = null;
    Mapping limits = mapping(path(m, "deploy", "resources", "limits"), "deploy.resources.limits");
    if (limits != null) {
      Map<String, Entry> l = limits.merged(budget);
      deployMemory = string(l.get("memory"));
      deployCpus = string(l.get("cpus"));
      deployPids = string(l.get("pids"));
    }
    b.memory = first(string(m.get("mem_limit")), deployMemory);
    b.cpus =
        first(
            string(m.get("cpus")),
            string(m.get("cpu_quota")),
            string(m.get("cpu_shares")),
            string(m.get("cpuset")),
            deployCpus);
    b.pidsLimit = first(string(m.get("pids_limit")), deployPids);
    healthcheck(m.get("healthcheck"), b);
    b.mounts.addAll(unique(namedBinds(volumes(m.get("volumes"))), ServiceMapper::targetOf));
    b.mounts.addAll(unique(tmpfs(m.get("tmpfs")), ServiceMapper::targetOf));
    b.mounts.addAll(
        unique(
            fileMounts(m.get("secrets"), "secrets", project.secrets, "/run/secrets/"),
            ServiceMapper::targetOf));
    b.mounts.addAll(
        unique(
            fileMounts(m.get("configs"), "configs", project.configs, "/"),
            ServiceMapper::targetOf));
    b.ports.addAll(unique(ports(m.get("ports")), ServiceMapper::portKey));
    environment(m.get("environment"), b.env);
    b.labels.addAll(pairs(m.get("labels"), "labels"));
    if ((e = m.get("label_file")) != null && !isNull(e.value())) {
      b.labelFiles.addAll(e.value() instanceof Scalar ? List.of(string(e)) : strings(e));
    }
    b.ulimits.addAll(ulimits(m.get("ulimits")));
    logging(m.get("logging"), b);
    if ((e = m.get("build")) != null) b.build = project.build(e, this, name);
    return b.build();
  }

  // ---- unique keys, restart policy, secrets and configs ----

  /** Keeps one item per key, a later one taking the earlier one's place (compose-go's EnforceUnicity). */
  static <T> List<T> unique(List<T> items, Function<T, String> key) {
    List<T> out = new ArrayList<>(items.size());
    Map<String, Integer> at = new HashMap<>();
    for (T t : items) {
      String k = key.apply(t);
      Integer j = k == null ? null : at.get(k);
      if (j != null) {
        out.set(j, t);
      } else {
        if (k != null) at.put(k, out.size());
        out.add(t);
      }
    }
    return out;
  }

  /** {@code NAME=value} items are one per name; other items one per value. */
  private static String nameOf(String v) {
    int eq = v.indexOf('=');
    return eq < 0 ? v : v.substring(0, eq);
  }

  private static String deviceTarget(String v) {
    String[] parts = v.split(":", -1);
    return parts.length == 1 ? parts[0] : parts[1];
  }

  private static String targetOf(Mount m) {
    return m.target() == null ? null : m.target().value();
  }

  /** Compose's unique key of a port: host ip (all interfaces when none), published, target, protocol. */
  private static String portKey(PortMapping p) {
    return (p.hostIp() == null ? "0.0.0.0" : p.hostIp())
        + ":"
        + p.hostPort()
        + ":"
        + p.containerPort()
        + "/"
        + p.protocol().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code restart:}, unless {@code deploy.restart_policy} is given, which Compose applies instead: its
   * {@code condition} (none, on-failure, any; the spec's default is any) with {@code max_attempts} as the count,
   * as {@code condition[:max_attempts]}.
   */
  private Setting<String> restart(Map<String, Entry> m) {
    Setting<String> restart = string(m.get("restart"));
    Entry rpe = path(m, "deploy", "restart_policy");
    Mapping rp = mapping(rpe, "deploy.restart_policy");
    if (rp == null) return restart;
    Map<String, Entry> r = rp.merged(budget);
    Setting<String> condition = string(r.get("condition"));
    Setting<String> max = string(r.get("max_attempts"));
    if ((condition == null && r.get("condition") != null)
        || (max == null && r.get("max_attempts") != null)) {
      return restart; // written, but not as a value: not known here
    }
    String v = condition == null || condition.value() == null ? "any" : condition.value().trim();
    if (max != null && max.value() != null && !max.value().isBlank()) v += ":" + max.value().trim();
    return new Setting<>(v, condition != null ? condition.span() : project.span(rpe.key()));
  }

  /**
   * Service {@code secrets:} / {@code configs:} (short and long syntax) whose top-level definition reads a
   * host file ({@code file:}): Compose bind-mounts that file read-only into the container. The mount's
   * source points at the definition's {@code file:} value, its span at the service's reference. Secrets
   * from {@code environment:}, {@code content:} or {@code external:} mount nothing of the host.
   */
  private List<Mount> fileMounts(
      Entry e, String what, Map<String, Entry> definitions, String defaultFolder) {
    List<Mount> out = new ArrayList<>();
    List<YamlNode> items = items(e);
    if (items == null) {
      problem(e.value(), what + " should be a list, not " + e.value().kind());
      return out;
    }
    for (YamlNode n : items) {
      Scalar name;
      Setting<String> target = null;
      if (n instanceof Scalar s && !s.isNull()) {
        name = s;
      } else if (n instanceof Mapping lm) {
        Map<String, Entry> l = lm.merged(budget);
        if (!(scalar(l.get("source"), what + ".source") instanceof Scalar s) || s.isNull()) {
          problem(n, "a " + what.substring(0, what.length() - 1) + " needs a source");
          continue;
        }
        name = s;
        target = valueSetting(l.get("target"));
      } else {
        problem(n, what + " items should be names or mappings, not " + n.kind());
        continue;
      }
      String source = value(name);
      if (target == null) {
        target = new Setting<>(defaultFolder + source, project.span(n));
      } else if (!target.value().startsWith("/") && defaultFolder.length() > 1) {
        target = new Setting<>(defaultFolder + target.value(), target.span());
      }
      Entry def = definitions.get(source);
      if (def == null || !(def.value() instanceof Mapping dm)) continue;
      Entry file = dm.get("file", budget);
      if (file == null || !(file.value() instanceof Scalar f) || f.isNull()) continue;
      out.add(
          new Mount(
              Mount.Type.BIND,
              new Setting<>(value(f), project.span(f)),
              target,
              new Setting<>(true, project.span(n)),
              null,
              project.span(n)));
    }
    return out;
  }

  /**
   * Named volumes whose top-level definition binds a host path are bind mounts of that path: the local
   * driver's {@code driver_opts} with {@code o: bind} (or {@code rbind}) and a {@code device:}, and a plugin's
   * {@code mountpoint:} (local-persist and the like). The mount's source points at the {@code device:} or
   * {@code mountpoint:} value, where the host path is written; its span at the service's mount. An {@code ro}
   * in {@code o:} makes it read-only, as the service's own read-only option does.
   */
  private List<Mount> namedBinds(List<Mount> mounts) {
    List<Mount> out = new ArrayList<>(mounts.size());
    for (Mount mt : mounts) {
      Mount bound = mt.type() == Mount.Type.VOLUME && mt.source() != null ? namedBind(mt) : null;
      out.add(bound == null ? mt : bound);
    }
    return out;
  }

  private Mount namedBind(Mount mt) {
    Entry def = project.volumes.get(mt.source().value());
    if (def == null || !(def.value() instanceof Mapping dm)) return null;
    Map<String, Entry> d = dm.merged(budget);
    Entry oe = d.get("driver_opts");
    if (oe == null || !(oe.value() instanceof Mapping om)) return null;
    Map<String, Entry> opts = om.merged(budget);
    Setting<String> driver = string(d.get("driver"));
    Setting<String> device = valueSetting(opts.get("device"));
    Setting<String> mountpoint = valueSetting(opts.get("mountpoint"));
    Setting<String> options = valueSetting(opts.get("o"));
    VolumeOptions.Binding b =
        VolumeOptions.of(
            driver == null ? null : driver.value(),
            device != null,
            mountpoint != null,
            options == null ? null : options.value());
    if (b == null) return null;
    Setting<Boolean> readOnly = mt.readOnly();
    if (b.roStart() >= 0 && !mt.isReadOnly()) readOnly = new Setting<>(true, options.span());
    Setting<String> source = b.hostPath() == VolumeOptions.HostPath.DEVICE ? device : mountpoint;
    return new Mount(Mount.Type.BIND, source, mt.target(), readOnly, mt.propagation(), mt.span());
  }

  // ---- values ----

  @SafeVarargs
  private static <T> Setting<T> first(Setting<T>... settings) {
    for (Setting<T> s : settings) if (s != null) return s;
    return null;
  }

  private Entry path(Map<String, Entry> m, String... keys) {
    Entry e = m.get(keys[0]);
    for (int i = 1; i < keys.length && e != null; i++) {
      if (!(e.value() instanceof Mapping mm)) {
        if (!isNull(e.value()))
          problem(e.value(), keys[i - 1] + " should be a mapping, not " + e.value().kind());
        return null;
      }
      e = mm.get(keys[i], budget);
    }
    return e;
  }

  private static boolean isNull(YamlNode n) {
    return n instanceof Scalar s && s.isNull();
  }

  void problem(YamlNode at, String message) {
    problems.add(new ParseProblem(project.span(at), message));
  }

  private String keyName(Entry e) {
    return e.name() == null ? "this key" : e.name();
  }

  /** The scalar value of an entry, or null (with a problem when it has the wrong type). */
  YamlNode scalar(Entry e, String what) {
    if (e == null) return null;
    if (e.value() instanceof Scalar s) return s;
    problem(e.value(), what + " should be a single value, not " + e.value().kind());
    return null;
  }

  Mapping mapping(Entry e, String what) {
    if (e == null || isNull(e.value())) return null;
    if (e.value() instanceof Mapping m) return m;
    problem(e.value(), what + " should be a mapping, not " + e.value().kind());
    return null;
  }

  /** The interpolated value, or the value as written when it needs an unknown variable. */
  String value(Scalar s) {
    String v = project.expand(s);
    return v == null ? s.value() : v;
  }

  /** Span of {@code key: value} when both stand together, else of the value (reached through an alias). */
  Span pairSpan(Entry e) {
    YamlNode k = e.key();
    YamlNode v = e.value();
    if (k.file() == v.file() && v.start() >= k.end() && adjacent(k, v)) {
      String between = k.file().text().substring(v.start(), v.end());
      if (between.indexOf('\n') < 0 && between.indexOf('\r') < 0)
        return project.span(k.file(), k.start(), v.end());
      return project.span(k);
    }
    return project.span(v);
  }

  private static boolean adjacent(YamlNode k, YamlNode v) {
    String gap = k.file().text().substring(k.end(), v.start());
    // a colon, blanks, and perhaps an anchor or a tag: the value is written right after its key
    return gap.matches("[ \\t]*:[ \\t]*((&|!)[^ \\t\\r\\n]*[ \\t]+)*");
  }

  private Setting<Boolean> bool(Entry e) {
    if (e == null || !(scalar(e, keyName(e)) instanceof Scalar s) || s.isNull()) return null;
    String v = project.expand(s);
    // depends on an unknown variable: set, but neither true nor false (so it is no missing setting
    // either)
    if (v == null) return new Setting<>(null, pairSpan(e));
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> {
        return new Setting<>(true, pairSpan(e));
      }
      case "false", "no", "off" -> {
        return new Setting<>(false, pairSpan(e));
      }
      default -> {
        problem(s, keyName(e) + " should be true or false, not '" + v + "'");
        return null;
      }
    }
  }

  private Setting<String> string(Entry e) {
    if (e == null || !(scalar(e, keyName(e)) instanceof Scalar s) || s.isNull()) return null;
    return new Setting<>(value(s), pairSpan(e));
  }

  /** Items of a list (or a single value where Compose accepts one). */
  List<YamlNode> items(Entry e) {
    if (e == null || isNull(e.value())) return List.of();
    if (e.value() instanceof Sequence seq) {
      budget.spend(seq.items().size());
      return seq.items();
    }
    return null;
  }

  private List<Setting<String>> strings(Entry e) {
    List<Setting<String>> out = new ArrayList<>();
    List<YamlNode> items = items(e);
    if (items == null) {
      problem(e.value(), keyName(e) + " should be a list, not " + e.value().kind());
      return out;
    }
    for (YamlNode n : items) {
      if (n instanceof Scalar s && !s.isNull()) out.add(new Setting<>(value(s), project.span(s)));
      else problem(n, keyName(e) + " items should be strings, not " + n.kind());
    }
    return out;
  }

  private List<Setting<String>> devices(Entry e) {
    List<Setting<String>> out = new ArrayList<>();
    List<YamlNode> items = items(e);
    if (items == null) {
      problem(e.value(), "devices should be a list, not " + e.value().kind());
      return out;
    }
    for (YamlNode n : items) {
      if (n instanceof Scalar s && !s.isNull()) {
        out.add(new Setting<>(value(s), project.span(s)));
      } else if (n instanceof Mapping dm
          && dm.get("source", budget) != null
          && dm.get("source", budget).value() instanceof Scalar s) {
        out.add(new Setting<>(value(s), project.span(n)));
      } else {
        problem(n, "a device should be a string or a mapping with source");
      }
    }
    return out;
  }

  private void healthcheck(Entry e, ContainerSpec.Builder b) {
    Mapping h = mapping(e, "healthcheck");
    if (h == null) return;
    Map<String, Entry> m = h.merged(budget);
    Setting<Boolean> disable = bool(m.get("disable"));
    if (disable != null && Boolean.TRUE.equals(disable.value())) {
      b.healthcheckDisabled = disable;
      return;
    }
    Entry test = m.get("test");
    if (test == null) return;
    boolean none =
        test.value() instanceof Scalar s
            ? value(s).trim().equals("NONE")
            : test.value() instanceof Sequence seq
                && !seq.items().isEmpty()
                && seq.items().get(0) instanceof Scalar f
                && value(f).equals("NONE");
    if (none) b.healthcheckDisabled = new Setting<>(true, pairSpan(test));
  }

  // ---- volumes and tmpfs ----

  private List<Mount> volumes(Entry e) {
    List<Mount> out = new ArrayList<>();
    List<YamlNode> items = items(e);
    if (items == null) {
      problem(e.value(), "volumes should be a list, not " + e.value().kind());
      return out;
    }
    for (YamlNode n : items) {
      if (n instanceof Scalar s && !s.isNull()) out.add(shortVolume(s));
      else if (n instanceof Mapping vm) {
        Mount mount = longVolume(vm);
        if (mount != null) out.add(mount);
      } else problem(n, "a volume should be a string or a mapping, not " + n.kind());
    }
    return out;
  }

  private Mount shortVolume(Scalar s) {
    String v = value(s);
    boolean mapped =
        v.equals(s.value()); // positions of parts are known only when nothing was substituted
    List<int[]> parts = new ArrayList<>();
    int from = 0;
    // a Windows drive letter's colon does not separate
    int search =
        v.length() > 2
                && Character.isLetter(v.charAt(0))
                && v.charAt(1) == ':'
                && (v.charAt(2) == '\\' || v.charAt(2) == '/')
            ? 2
            : 0;
    for (int i = search; i <= v.length(); i++) {
      if (i == v.length() || v.charAt(i) == ':') {
        parts.add(new int[] {from, i});
        from = i + 1;
        if (parts.size() == 2 && i < v.length()) {
          parts.add(new int[] {from, v.length()});
          break;
        }
        if (i + 3 < v.length()
            && Character.isLetter(v.charAt(i + 1))
            && v.charAt(i + 2) == ':'
            && (v.charAt(i + 3) == '\\' || v.charAt(i + 3) == '/')) {
          i += 2; // a Windows target path
        }
      }
    }
    Span whole = project.span(s);
    if (parts.size() == 1) {
      return new Mount(
          Mount.Type.VOLUME, null, part(s, v, parts.get(0), mapped), null, null, whole);
    }
    Setting<String> source = part(s, v, parts.get(0), mapped);
    Setting<String> target = part(s, v, parts.get(1), mapped);
    Setting<Boolean> readOnly = null;
    Setting<String> propagation = null;
    if (parts.size() == 3) {
      int[] p = parts.get(2);
      int at = p[0];
      for (String opt : v.substring(p[0], p[1]).split(",", -1)) {
        int[] range = {at, at + opt.length()};
        at += opt.length() + 1;
        if (opt.equals("ro") || opt.equals("rw")) {
          readOnly = new Setting<>(opt.equals("ro"), part(s, v, range, mapped).span());
        } else if (PROPAGATIONS.contains(opt)) {
          propagation = part(s, v, range, mapped);
        }
      }
    }
    return new Mount(
        isHostPath(source.value()) ? Mount.Type.BIND : Mount.Type.VOLUME,
        source,
        target,
        readOnly,
        propagation,
        whole);
  }

  private Setting<String> part(Scalar s, String v, int[] range, boolean mapped) {
    String text = v.substring(range[0], range[1]);
    if (mapped && s.offsetOf(0) >= 0) {
      return new Setting<>(
          text, project.span(s.file(), s.offsetOf(range[0]), s.offsetOf(range[1])));
    }
    return new Setting<>(text, project.span(s));
  }

  /** Compose reads a short-syntax source as a host path when it looks like one, else as a volume name. */
  static boolean isHostPath(String source) {
    return source.startsWith("/")
        || source.startsWith(".")
        || source.startsWith("~")
        || source.startsWith("$")
        || source.startsWith("\\")
        || (source.length() > 1 && Character.isLetter(source.charAt(0)) && source.charAt(1) == ':')
        || source.contains("/");
  }

  private Mount longVolume(Mapping vm) {
    Map<String, Entry> m = vm.merged(budget);
    Setting<String> type = string(m.get("type"));
    Mount.Type t;
    try {
      t =
          type == null
              ? Mount.Type.VOLUME
              : Mount.Type.valueOf(type.value().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      problem(m.get("type").value(), "unknown volume type '" + type.value() + "'");
      return null;
    }
    Setting<String> source = valueSetting(m.get("source"));
    Setting<String> target = valueSetting(m.get("target"));
    Setting<Boolean> readOnly = bool(m.get("read_only"));
    Setting<String> propagation = null;
    Mapping bind = mapping(m.get("bind"), "bind");
    if (bind != null) propagation = string(bind.get("propagation", budget));
    if (target == null) problem(vm, "a volume needs a target");
    return new Mount(t, source, target, readOnly, propagation, project.span(vm));
  }

  /** A setting whose span is the value alone (a part of a larger specification). */
  private Setting<String> valueSetting(Entry e) {
    if (e == null || !(scalar(e, keyName(e)) instanceof Scalar s) || s.isNull()) return null;
    return new Setting<>(value(s), project.span(s));
  }

  private List<Mount> tmpfs(Entry e) {
    List<Mount> out = new ArrayList<>();
    if (e == null || isNull(e.value())) return out;
    List<YamlNode> items = e.value() instanceof Scalar ? List.of(e.value()) : items(e);
    if (items == null) {
      problem(e.value(), "tmpfs should be a string or a list, not " + e.value().kind());
      return out;
    }
    for (YamlNode n : items) {
      if (!(n instanceof Scalar s) || s.isNull()) {
        problem(n, "a tmpfs mount should be a path");
        continue;
      }
      String v = value(s);
      int colon = v.indexOf(':');
      Setting<String> target =
          colon < 0
              ? new Setting<>(v, project.span(s))
              : part(s, v, new int[] {0, colon}, v.equals(s.value()));
      out.add(new Mount(Mount.Type.TMPFS, null, target, null, null, project.span(s)));
    }
    return out;
  }

  // ---- ports ----

  private List<PortMapping> ports(Entry e) {
    List<PortMapping> out = new ArrayList<>();
    List<YamlNode> items = items(e);
    if (items == null) {
      problem(e.value(), "ports should be a list, not " + e.value().kind());
      return out;
    }
    for (YamlNode n : items) {
      if (n instanceof Scalar s && !s.isNull()) {
        PortMapping p = shortPort(value(s), project.span(s));
        if (p == null) problem(s, "cannot read the port '" + value(s) + "'");
        else out.add(p);
      } else if (n instanceof Mapping pm) {
        Map<String, Entry> m = pm.merged(budget);
        Setting<String> target = valueSetting(m.get("target"));
        Setting<String> published = valueSetting(m.get("published"));
        Setting<String> ip = valueSetting(m.get("host_ip"));
        Setting<String> protocol = valueSetting(m.get("protocol"));
        if (target == null) {
          problem(pm, "a port needs a target");
          continue;
        }
        out.add(
            new PortMapping(
                ip == null ? null : ip.value(),
                published == null ? null : firstPort(published.value()),
                target.value(),
                protocol == null ? "tcp" : protocol.value(),
                project.span(pm),
                published == null ? null : published.value(),
                null));
      } else {
        problem(n, "a port should be a string, a number or a mapping, not " + n.kind());
      }
    }
    return out;
  }

  /** {@code [ip:][host:]container[/protocol]}, ip possibly in brackets. */
  static PortMapping shortPort(String v, Span span) {
    String s = v.trim();
    String protocol = "tcp";
    int slash = s.lastIndexOf('/');
    if (slash >= 0) {
      protocol = s.substring(slash + 1);
      s = s.substring(0, slash);
    }
    String ip = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') return null;
      ip = s.substring(1, close);
      s = s.substring(close + 2);
    }
    int last = s.lastIndexOf(':');
    String container = last < 0 ? s : s.substring(last + 1);
    String rest = last < 0 ? null : s.substring(0, last);
    String host = null;
    if (rest != null) {
      int c = rest.lastIndexOf(':');
      host = c < 0 ? rest : rest.substring(c + 1);
      if (c >= 0) {
        if (ip != null) return null;
        ip = rest.substring(0, c);
      }
    }
    if (container.isEmpty()) return null;
    return new PortMapping(
        ip == null || ip.isEmpty() ? null : ip,
        host == null || host.isEmpty() ? null : firstPort(host),
        container,
        protocol,
        span,
        host == null || host.isEmpty() ? null : host,
        null);
  }

  static Integer firstPort(String v) {
    int dash = v.indexOf('-');
    String first = dash < 0 ? v : v.substring(0, dash);
    try {
      return Integer.valueOf(first.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ---- environment and build args ----

  private void environment(Entry e, List<EnvVar> out) {
    Map<String, EnvVar> byName = new LinkedHashMap<>();
    for (NameValue nv : nameValues(e, "environment")) {
      byName.remove(nv.name.value());
      String resolved = null;
      if (nv.value != null && nv.value.value().indexOf('$') >= 0) {
        resolved = project.expand(nv.value.value(), e.value().file());
      }
      byName.put(
          nv.name.value(), new EnvVar(nv.name, nv.value, nv.span, SourceKind.COMPOSE, resolved));
    }
    out.addAll(byName.values());
  }

  /** Labels or log options: {@code key=value} items or a {@code key: value} mapping, values interpolated. */
  private List<Pair> pairs(Entry e, String what) {
    List<Pair> out = new ArrayList<>();
    for (NameValue nv : nameValues(e, what)) {
      Text value = nv.value;
      if (value != null && value.value().indexOf('$') >= 0) {
        String resolved = project.expand(value.value(), e.value().file());
        if (resolved != null) value = new Text(resolved, value.span());
      }
      out.add(new Pair(nv.name, value, nv.span));
    }
    return out;
  }

  /** {@code ulimits:}: {@code name: number} (soft and hard) or {@code name: {soft, hard}}. */
  private List<Ulimit> ulimits(Entry e) {
    List<Ulimit> out = new ArrayList<>();
    Mapping m = mapping(e, "ulimits");
    if (m == null) return out;
    for (Entry u : m.merged(budget).values()) {
      budget.spend(1);
      if (!(u.key() instanceof Scalar k)) continue;
      Setting<String> name = new Setting<>(k.value(), project.span(k));
      if (u.value() instanceof Scalar v && !v.isNull()) {
        Setting<String> both = new Setting<>(value(v), project.span(v));
        limitInRange(v, "ulimits." + k.value(), both);
        out.add(new Ulimit(name, both, both, pairSpan(u)));
      } else if (u.value() instanceof Mapping lm) {
        Map<String, Entry> l = lm.merged(budget);
        Setting<String> soft = valueSetting(l.get("soft"));
        Setting<String> hard = valueSetting(l.get("hard"));
        if (soft != null)
          limitInRange(l.get("soft").value(), "ulimits." + k.value() + ".soft", soft);
        if (hard != null)
          limitInRange(l.get("hard").value(), "ulimits." + k.value() + ".hard", hard);
        out.add(new Ulimit(name, soft, hard, project.span(k)));
      } else {
        problem(u.value(), "ulimits." + k.value() + " should be a number or a mapping");
      }
    }
    return out;
  }

  /** A limit Docker refuses (beyond a 64-bit integer) is said at its value, as compose refuses the file. */
  private void limitInRange(YamlNode at, String what, Setting<String> limit) {
    String problem = Ulimit.outOfRange(what, limit.value());
    if (problem != null) problem(at, problem);
  }

  /** {@code logging:}: {@code driver} and {@code options}. */
  private void logging(Entry e, ContainerSpec.Builder b) {
    Mapping m = mapping(e, "logging");
    if (m == null) return;
    Map<String, Entry> l = m.merged(budget);
    b.logging = project.span(e.key());
    b.logDriver = string(l.get("driver"));
    Entry options = l.get("options");
    if (options != null && !isNull(options.value())) {
      if (options.value() instanceof Mapping)
        b.logOptions.addAll(pairs(options, "logging.options"));
      else problem(options.value(), "logging.options should be a mapping");
    }
  }

  void buildArgs(Entry e, String service) {
    Map<String, BuildArg> byName = new LinkedHashMap<>();
    for (NameValue nv : nameValues(e, "build.args")) {
      byName.remove(nv.name.value());
      byName.put(nv.name.value(), new BuildArg(nv.name, nv.value, nv.span, service));
    }
    buildArgs.addAll(byName.values());
  }

  private record NameValue(Text name, Text value, Span span) {}

  /** {@code NAME=value} / {@code NAME} items, or a {@code NAME: value} mapping; values as written. */
  private List<NameValue> nameValues(Entry e, String what) {
    List<NameValue> out = new ArrayList<>();
    if (e == null || isNull(e.value())) return out;
    if (e.value() instanceof Mapping m) {
      mapNameValues(m, what, out);
      return out;
    }
    List<YamlNode> items = items(e);
    if (items == null) {
      problem(e.value(), what + " should be a list or a mapping, not " + e.value().kind());
      return out;
    }
    for (YamlNode n : items) {
      if (n instanceof Mapping m) { // a mapping merged into a list from another file
        mapNameValues(m, what, out);
        continue;
      }
      if (!(n instanceof Scalar s) || s.isNull()) {
        problem(n, what + " items should be NAME=value strings, not " + n.kind());
        continue;
      }
      String v = s.value();
      int eq = v.indexOf('=');
      Span whole = project.span(s);
      if (eq < 0) {
        out.add(new NameValue(new Text(v, whole), null, whole));
        continue;
      }
      boolean mapped = s.offsetOf(0) >= 0;
      Span nameSpan = mapped ? project.span(s.file(), s.offsetOf(0), s.offsetOf(eq)) : whole;
      Span valueSpan =
          mapped ? project.span(s.file(), s.offsetOf(eq + 1), s.offsetOf(v.length())) : whole;
      out.add(
          new NameValue(
              new Text(v.substring(0, eq), nameSpan),
              new Text(v.substring(eq + 1), valueSpan),
              whole));
    }
    return out;
  }

  private void mapNameValues(Mapping m, String what, List<NameValue> out) {
    {
      for (Entry kv : m.merged(budget).values()) {
        budget.spend(1);
        if (!(kv.key() instanceof Scalar k)) continue;
        Text name = new Text(k.value(), project.span(k));
        if (kv.value() instanceof Scalar v) {
          out.add(
              new NameValue(
                  name, v.isNull() ? null : new Text(v.value(), project.span(v)), pairSpan(kv)));
        } else {
          problem(kv.value(), what + " values should be strings, not " + kv.value().kind());
        }
      }
    }
  }
}
