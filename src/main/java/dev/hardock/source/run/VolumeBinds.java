package dev.hardock.source.run;

import dev.hardock.model.Word;
import dev.hardock.model.container.Mount;
import dev.hardock.model.container.Setting;
import dev.hardock.model.container.VolumeOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Named volumes a script creates as binds of a host path ({@code docker volume create --opt type=none --opt
 * o=bind --opt device=/etc NAME}, or a plugin's {@code --opt mountpoint=/x}): a later {@code -v NAME:/x} of
 * the same script mounts that host path. The source of the resulting bind mount points at the
 * {@code device=} (or {@code mountpoint=}) value, its span stays the {@code -v} value.
 */
final class VolumeBinds {
  /** A volume's host path, and the {@code ro} of its {@code o=} options (null when not given). */
  record Bind(Setting<String> source, Setting<Boolean> readOnly) {}

  private final Map<String, Bind> byName = new HashMap<>();

  /** Reads the words after {@code volume create}; every option of that command takes a value. */
  void create(List<Word> args, Function<String, String> vars) {
    String driver = null;
    RunValue device = null;
    RunValue mountpoint = null;
    RunValue options = null;
    String name = null;
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (!v.startsWith("-") || v.equals("-")) {
        if (name == null) name = RunValue.of(w, 0, v.length(), vars).text();
        continue;
      }
      if (v.equals("--")) {
        if (i + 1 < args.size() && name == null)
          name = RunValue.of(args.get(i + 1), 0, args.get(i + 1).value().length(), vars).text();
        break;
      }
      String flag;
      RunValue value;
      int eq = v.indexOf('=');
      if (v.startsWith("--") && eq > 0) {
        flag = v.substring(2, eq);
        value = RunValue.of(w, eq + 1, v.length(), vars);
      } else if (!v.startsWith("--") && v.length() > 2) {
        flag = v.substring(1, 2);
        value = RunValue.of(w, 2, v.length(), vars);
      } else {
        flag = v.startsWith("--") ? v.substring(2) : v.substring(1);
        if (++i >= args.size()) break;
        value = RunValue.of(args.get(i), 0, args.get(i).value().length(), vars);
      }
      switch (flag) {
        case "d", "driver" -> driver = value.text();
        case "name" -> name = value.text();
        case "o", "opt" -> {
          String t = value.text();
          int at = t.indexOf('=');
          if (at < 0) break;
          RunValue optValue = value.sub(at + 1, t.length());
          switch (t.substring(0, at).trim()) {
            case "device" -> device = optValue;
            case "mountpoint" -> mountpoint = optValue;
            case "o" -> options = optValue;
            default -> {}
          }
        }
        default -> {}
      }
    }
    if (name == null) return;
    Bind b = bind(driver, device, mountpoint, options);
    if (b == null) byName.remove(name);
    else byName.put(name, b);
  }

  /**
   * The bind a volume's options make: the local driver's {@code o=bind} (or {@code rbind}) with a
   * {@code device}, or another driver's {@code mountpoint}; null when they bind nothing.
   */
  static Bind bind(String driver, RunValue device, RunValue mountpoint, RunValue options) {
    VolumeOptions.Binding b =
        VolumeOptions.of(
            driver, device != null, mountpoint != null, options == null ? null : options.text());
    if (b == null) return null;
    RunValue path = b.hostPath() == VolumeOptions.HostPath.DEVICE ? device : mountpoint;
    Setting<Boolean> readOnly =
        b.roStart() < 0
            ? null
            : new Setting<>(true, options.sub(b.roStart(), b.roStart() + 2).span());
    return new Bind(new Setting<>(path.text(), path.span()), readOnly);
  }

  /** The mount as the daemon makes it: a named volume this script created as a bind becomes that bind. */
  Mount apply(Mount m) {
    if (m.type() != Mount.Type.VOLUME || m.source() == null) return m;
    Bind b = byName.get(m.source().value());
    return b == null ? m : bound(m, b);
  }

  static Mount bound(Mount m, Bind b) {
    Setting<Boolean> readOnly =
        m.isReadOnly() || b.readOnly() == null ? m.readOnly() : b.readOnly();
    return new Mount(Mount.Type.BIND, b.source(), m.target(), readOnly, m.propagation(), m.span());
  }

  boolean isEmpty() {
    return byName.isEmpty();
  }
}
