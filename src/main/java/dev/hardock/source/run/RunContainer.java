package dev.hardock.source.run;

import dev.hardock.model.EnvVar;
import dev.hardock.model.ImageRef;
import dev.hardock.model.ImageUse;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.container.BuildRef;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.model.container.Pair;
import dev.hardock.model.container.PortMapping;
import dev.hardock.model.container.Setting;
import dev.hardock.model.container.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Turns the options of one run line into the {@link ContainerSpec} it starts. */
final class RunContainer {
  private RunContainer() {}

  static ContainerSpec of(String name, Span span, RunArgs args, Function<String, String> vars) {
    return of(name, span, args, vars, List.of());
  }

  /** As above, with environment variables set outside the options (a workflow container's {@code env:}). */
  static ContainerSpec of(
      String name, Span span, RunArgs args, Function<String, String> vars, List<EnvVar> env) {
    ContainerSpec.Builder b = new ContainerSpec.Builder(SourceKind.RUN, name, span);
    for (RunArgs.Option o : args.options) apply(b, o);
    b.hiddenOptions = args.hiddenOptions;
    b.env.addAll(env);
    if (args.image != null) {
      RunValue img = RunValue.of(args.image, 0, args.image.value().length(), vars);
      String raw = args.image.value();
      String expanded = img.isSymbolic() ? null : img.text();
      b.image =
          new ImageUse(ImageRef.parse(raw, expanded), args.image.span(), ImageUse.Where.CONTAINER);
    }
    return b.build();
  }

  /**
   * What Docker would refuse in a container's options that the model keeps as written: a {@code --ulimit}
   * beyond a 64-bit integer ({@link Ulimit#outOfRange}), at the value.
   */
  static List<dev.hardock.model.ParseProblem> problems(ContainerSpec c) {
    List<dev.hardock.model.ParseProblem> out = new ArrayList<>();
    for (Ulimit u : c.ulimits()) {
      String what = "--ulimit " + (u.name() == null ? "" : u.name().value());
      // one value written is both limits (the same text at the same place): said once
      for (Setting<String> limit :
          java.util.Objects.equals(u.soft(), u.hard())
              ? nonNull(u.soft(), null)
              : nonNull(u.soft(), u.hard())) {
        String problem = Ulimit.outOfRange(what, limit.value());
        if (problem != null) out.add(new dev.hardock.model.ParseProblem(limit.span(), problem));
      }
    }
    return out;
  }

  private static List<Setting<String>> nonNull(Setting<String> a, Setting<String> b) {
    List<Setting<String>> out = new ArrayList<>();
    if (a != null) out.add(a);
    if (b != null) out.add(b);
    return out;
  }

  /** The container with each of its mounts replaced by what {@code f} makes of it. */
  static ContainerSpec withMounts(ContainerSpec c, java.util.function.UnaryOperator<Mount> f) {
    List<Mount> mounts = new ArrayList<>();
    for (Mount m : c.mounts()) mounts.add(f.apply(m));
    return copy(c, c.build(), mounts, c.hiddenOptions());
  }

  /** The container with another build, mounts and place where hidden options may be; all else as it is. */
  static ContainerSpec copy(ContainerSpec c, BuildRef build, List<Mount> mounts, Span hidden) {
    return new ContainerSpec(
        c.source(),
        c.name(),
        c.span(),
        c.image(),
        build,
        c.privileged(),
        c.user(),
        c.networkMode(),
        c.pidMode(),
        c.ipcMode(),
        c.utsMode(),
        c.usernsMode(),
        c.cgroupParent(),
        List.copyOf(mounts),
        c.capAdd(),
        c.capDrop(),
        c.securityOpts(),
        c.devices(),
        c.readOnlyRootfs(),
        c.memory(),
        c.memorySwap(),
        c.cpus(),
        c.pidsLimit(),
        c.restart(),
        c.healthcheckDisabled(),
        c.ports(),
        c.links(),
        c.env(),
        c.labels(),
        c.labelFiles(),
        c.ulimits(),
        c.logging(),
        hidden);
  }

  /**
   * The network of {@code --network}: the value, or the {@code name=} field of the advanced syntax
   * ({@code --network name=host,alias=web}, Docker 25+).
   */
  static String networkName(String value) {
    if (value == null || value.indexOf('=') < 0 || value.startsWith("container:")) return value;
    for (String field : value.split(",", -1)) {
      if (field.startsWith("name=")) return field.substring(5);
    }
    return value;
  }

  private static void apply(ContainerSpec.Builder b, RunArgs.Option o) {
    RunValue v = o.value();
    String text = v == null ? null : v.text();
    switch (o.name()) {
      case "privileged" -> b.privileged = new Setting<>(o.isOn(), o.span());
      case "read-only" -> b.readOnlyRootfs = new Setting<>(o.isOn(), o.span());
      case "no-healthcheck" -> b.healthcheckDisabled = new Setting<>(o.isOn(), o.span());
      case "publish-all" -> {
        if (o.isOn()) b.ports.add(PortMapping.allExposed(o.written(), o.span()));
      }
      default -> {
        if (v == null) return;
        Setting<String> whole = new Setting<>(text, o.span());
        switch (o.name()) {
          case "user" -> b.user = whole;
          case "network", "net" -> b.networkMode = new Setting<>(networkName(text), o.span());
          case "pid" -> b.pidMode = whole;
          case "ipc" -> b.ipcMode = whole;
          case "uts" -> b.utsMode = whole;
          case "userns" -> b.usernsMode = whole;
          case "cgroup-parent" -> b.cgroupParent = whole;
          case "memory" -> b.memory = whole;
          case "memory-swap" -> b.memorySwap = whole;
          case "cpus", "cpu-quota", "cpu-shares", "cpuset-cpus", "cpu-period" -> {
            if (b.cpus == null) b.cpus = whole;
          }
          case "pids-limit" -> b.pidsLimit = whole;
          case "restart" -> b.restart = whole;
          case "health-cmd" -> {
            if (text.trim().equalsIgnoreCase("NONE"))
              b.healthcheckDisabled = new Setting<>(true, o.span());
          }
          case "cap-add" -> items(v, b.capAdd);
          case "cap-drop" -> items(v, b.capDrop);
          case "security-opt" -> b.securityOpts.add(new Setting<>(text, v.span()));
          case "device" -> b.devices.add(new Setting<>(text, v.span()));
          case "link" -> b.links.add(new Setting<>(text, v.span()));
          case "env" -> b.env.add(env(v));
          case "label" -> b.labels.add(pair(v));
          case "label-file" -> b.labelFiles.add(new Setting<>(text, v.span()));
          case "ulimit" -> b.ulimits.add(ulimit(v));
          case "log-driver" -> b.logDriver = new Setting<>(text, o.span());
          case "log-opt" -> b.logOptions.add(pair(v));
          case "volume" -> b.mounts.add(volume(v));
          case "mount" -> b.mounts.add(mount(v));
          case "tmpfs" -> b.mounts.add(tmpfs(v));
          case "publish" -> b.ports.add(port(v));
          default -> {}
        }
      }
    }
  }

  private static void items(RunValue v, List<Setting<String>> out) {
    for (RunValue item : split(v, ',')) {
      if (!item.text().isBlank()) out.add(new Setting<>(item.text().trim(), item.span()));
    }
  }

  private static EnvVar env(RunValue v) {
    String t = v.text();
    int eq = t.indexOf('=');
    if (eq < 0) return new EnvVar(new Text(t, v.span()), null, v.span(), SourceKind.RUN);
    RunValue value = v.sub(eq + 1, t.length());
    return new EnvVar(
        new Text(t.substring(0, eq), v.span(0, eq)),
        new Text(value.text(), value.span()),
        v.span(),
        SourceKind.RUN);
  }

  /** {@code key=value} or {@code key} (a label, a log option). */
  private static Pair pair(RunValue v) {
    String t = v.text();
    int eq = t.indexOf('=');
    if (eq < 0) return new Pair(new Text(t, v.span()), null, v.span());
    RunValue value = v.sub(eq + 1, t.length());
    return new Pair(
        new Text(t.substring(0, eq), v.span(0, eq)),
        new Text(value.text(), value.span()),
        v.span());
  }

  /**
   * {@code name=soft[:hard]} (the CLI's form; one value is both); {@code name:soft:hard} (Ansible's
   * docker_container form) is read the same way.
   */
  static Ulimit ulimit(RunValue v) {
    String t = v.text();
    int sep = t.indexOf('=');
    if (sep < 0) sep = t.indexOf(':');
    if (sep < 0) return new Ulimit(new Setting<>(t.trim(), v.span()), null, null, v.span());
    RunValue name = v.sub(0, sep);
    List<RunValue> values = split(v.sub(sep + 1, t.length()), ':');
    RunValue soft = values.get(0);
    RunValue hard = values.size() > 1 ? values.get(1) : soft;
    return new Ulimit(
        new Setting<>(name.text().trim(), name.span()),
        new Setting<>(soft.text().trim(), soft.span()),
        new Setting<>(hard.text().trim(), hard.span()),
        v.span());
  }

  /** {@code -v [src:]dst[:opts]}; a Windows drive letter's colon is not a separator. */
  static Mount volume(RunValue v) {
    List<RunValue> parts = new ArrayList<>(split(v, ':'));
    // C:\data:/data, c:/data:/data: glue a drive letter back to its path
    if (parts.size() >= 2
        && parts.get(0).text().length() == 1
        && Character.isLetter(parts.get(0).text().charAt(0))
        && (parts.get(1).text().startsWith("\\") || parts.get(1).text().startsWith("/"))) {
      RunValue drive = parts.remove(0);
      RunValue rest = parts.remove(0);
      parts.add(0, v.sub(0, drive.text().length() + 1 + rest.text().length()));
    }
    if (parts.size() == 1) {
      return new Mount(
          Mount.Type.VOLUME,
          null,
          new Setting<>(parts.get(0).text(), parts.get(0).span()),
          null,
          null,
          v.span());
    }
    RunValue src = parts.get(0);
    RunValue dst = parts.get(1);
    Setting<Boolean> readOnly = null;
    Setting<String> propagation = null;
    if (parts.size() > 2) {
      RunValue opts = parts.get(2);
      for (RunValue o : split(opts, ',')) {
        String s = o.text().trim();
        switch (s) {
          case "ro" -> readOnly = new Setting<>(true, o.span());
          case "rw" -> readOnly = new Setting<>(false, o.span());
          case "shared", "rshared", "slave", "rslave", "private", "rprivate" ->
              propagation = new Setting<>(s, o.span());
          default -> {}
        }
      }
    }
    Mount.Type type = isHostPath(src.text()) ? Mount.Type.BIND : Mount.Type.VOLUME;
    return new Mount(
        type,
        new Setting<>(src.text(), src.span()),
        new Setting<>(dst.text(), dst.span()),
        readOnly,
        propagation,
        v.span());
  }

  /** A source that names a host path rather than a volume. */
  static boolean isHostPath(String s) {
    if (s.isEmpty()) return false;
    char c = s.charAt(0);
    if (c == '/' || c == '.' || c == '~' || c == '\\') return true;
    if (s.length() >= 2 && Character.isLetter(c) && s.charAt(1) == ':') return true;
    if (c == '%' && s.indexOf('/') > 0) return true; // a systemd specifier path: %h/data, %S/app
    // $PWD, ${PWD}, $(pwd), `pwd`, $HOME, ${SOME_DIR}: expansions that give paths
    if (c == '$' || c == '`') {
      String u = s.toUpperCase(Locale.ROOT);
      return u.startsWith("$(")
          || c == '`'
          || u.contains("PWD")
          || u.contains("HOME")
          || u.contains("DIR")
          || u.contains("PATH")
          || u.contains("WORKSPACE")
          || u.contains("ROOT")
          || s.contains("/");
    }
    return false;
  }

  /** {@code --mount type=bind,source=/x,target=/y,readonly,bind-propagation=rshared}. */
  static Mount mount(RunValue v) {
    Mount.Type type = Mount.Type.VOLUME;
    Setting<String> source = null;
    Setting<String> target = null;
    Setting<Boolean> readOnly = null;
    Setting<String> propagation = null;
    String driver = null;
    RunValue device = null;
    RunValue mountpoint = null;
    RunValue options = null;
    for (RunValue quoted : split(v, ',')) {
      // the value is CSV: a field in double quotes may hold commas
      // ("volume-opt=o=addr=10.0.0.1,rw")
      String q = quoted.text();
      RunValue field =
          q.length() >= 2 && q.startsWith("\"") && q.endsWith("\"")
              ? quoted.sub(1, q.length() - 1)
              : quoted;
      String f = field.text();
      int eq = f.indexOf('=');
      String key = (eq < 0 ? f : f.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
      RunValue val = eq < 0 ? null : field.sub(eq + 1, f.length());
      switch (key) {
        case "type" -> {
          if (val != null)
            type =
                switch (val.text().trim().toLowerCase(Locale.ROOT)) {
                  case "bind" -> Mount.Type.BIND;
                  case "tmpfs" -> Mount.Type.TMPFS;
                  case "npipe" -> Mount.Type.NPIPE;
                  case "cluster" -> Mount.Type.CLUSTER;
                  case "image" -> Mount.Type.IMAGE;
                  default -> Mount.Type.VOLUME;
                };
        }
        case "source", "src" -> {
          if (val != null) source = new Setting<>(val.text(), val.span());
        }
        case "target", "dst", "destination" -> {
          if (val != null) target = new Setting<>(val.text(), val.span());
        }
        case "readonly", "ro" -> {
          String b = val == null ? "true" : val.text().trim().toLowerCase(Locale.ROOT);
          readOnly = new Setting<>(b.equals("true") || b.equals("1"), field.span());
        }
        case "bind-propagation" -> {
          if (val != null) propagation = new Setting<>(val.text().trim(), field.span());
        }
        case "volume-driver" -> {
          if (val != null) driver = val.text().trim();
        }
        case "volume-opt" -> {
          int at = val == null ? -1 : val.text().indexOf('=');
          if (at > 0) {
            RunValue optValue = val.sub(at + 1, val.text().length());
            switch (val.text().substring(0, at).trim()) {
              case "device" -> device = optValue;
              case "mountpoint" -> mountpoint = optValue;
              case "o" -> options = optValue;
              default -> {}
            }
          }
        }
        default -> {}
      }
    }
    Mount m = new Mount(type, source, target, readOnly, propagation, v.span());
    // volume-opt=o=bind,volume-opt=device=/etc: the local driver creates the volume as a bind of
    // /etc
    VolumeBinds.Bind b =
        type == Mount.Type.VOLUME ? VolumeBinds.bind(driver, device, mountpoint, options) : null;
    return b == null ? m : VolumeBinds.bound(m, b);
  }

  /** {@code --tmpfs /run:rw,size=64m}. */
  static Mount tmpfs(RunValue v) {
    int colon = v.text().indexOf(':');
    RunValue dst = colon < 0 ? v : v.sub(0, colon);
    return new Mount(
        Mount.Type.TMPFS, null, new Setting<>(dst.text(), dst.span()), null, null, v.span());
  }

  /** {@code -p [ip:][hostPort:]containerPort[/proto]}, ranges, {@code [::1]:80:80}. */
  static PortMapping port(RunValue v) {
    String s = v.text();
    String proto = null;
    int slash = s.lastIndexOf('/');
    if (slash >= 0) {
      proto = s.substring(slash + 1);
      s = s.substring(0, slash);
    }
    String ip = null;
    String rest = s;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close > 0) {
        ip = s.substring(1, close);
        rest =
            close + 1 < s.length() && s.charAt(close + 1) == ':'
                ? s.substring(close + 2)
                : s.substring(close + 1);
      }
    }
    String[] parts = rest.split(":", -1);
    String host = null;
    String container;
    if (ip != null) {
      if (parts.length >= 2) {
        host = parts[0];
        container = parts[parts.length - 1];
      } else {
        container = parts[0];
      }
    } else if (parts.length == 1) {
      container = parts[0];
    } else if (parts.length == 2) {
      host = parts[0];
      container = parts[1];
    } else {
      // ip:host:container, or an unbracketed IPv6 address before host:container
      ip = String.join(":", java.util.Arrays.copyOfRange(parts, 0, parts.length - 2));
      host = parts[parts.length - 2];
      container = parts[parts.length - 1];
    }
    if (ip != null && ip.isEmpty()) ip = null;
    return new PortMapping(
        ip,
        firstPort(host),
        container,
        proto,
        v.span(),
        host == null || host.isEmpty() ? null : host,
        null);
  }

  private static Integer firstPort(String host) {
    if (host == null || host.isEmpty()) return null;
    String first = host.contains("-") ? host.substring(0, host.indexOf('-')) : host;
    try {
      return Integer.valueOf(first.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Splits on a separator, leaving ${...}, $(...) and quoted parts whole. */
  static List<RunValue> split(RunValue v, char sep) {
    List<RunValue> out = new ArrayList<>();
    String t = v.text();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' && sep == ',') {
        quote = c;
      } else if (c == '$'
          && i + 1 < t.length()
          && (t.charAt(i + 1) == '{' || t.charAt(i + 1) == '(')) {
        depth++;
        i++;
      } else if ((c == '}' || c == ')') && depth > 0) {
        depth--;
      } else if (c == sep && depth == 0) {
        out.add(v.sub(start, i));
        start = i + 1;
      }
    }
    out.add(v.sub(start, t.length()));
    return out;
  }
}
