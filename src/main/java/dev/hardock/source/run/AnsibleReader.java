package dev.hardock.source.run;

import dev.hardock.model.EnvVar;
import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import dev.hardock.model.container.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the Ansible tasks of a playbook, role task or handler file that start containers with
 * {@code community.docker.docker_container} or {@code containers.podman.podman_container} (also by their short
 * names) into {@link dev.hardock.model.container.ContainerSpec}s: each module option is the run flag it sets
 * ({@code privileged}, {@code network_mode}, {@code pid_mode}, {@code ipc_mode}, {@code volumes}, {@code mounts},
 * {@code devices}, {@code capabilities}/{@code cap_add}, {@code cap_drop}, {@code security_opts}/{@code security_opt},
 * {@code read_only}, {@code user}, {@code memory}, {@code cpus}, {@code pids_limit}, {@code env},
 * {@code published_ports}/{@code ports}/{@code publish}, {@code restart_policy}, {@code image}, {@code labels}/
 * {@code label}, {@code ulimits}/{@code ulimit} ({@code nofile:1024:2048}), {@code log_driver},
 * {@code log_options}/{@code log_opt}) at its value.
 * A Jinja {@code {{ }}} value is unknown, never guessed at (a boolean one is not read). Tasks with
 * {@code state: absent} start nothing. Never throws.
 */
public final class AnsibleReader {
  /** The modules that start a container, by their full and short names. */
  public static final Set<String> MODULES =
      Set.of(
          "community.docker.docker_container",
          "docker_container",
          "containers.podman.podman_container",
          "podman_container");

  /** Whether a text mentions one of {@link #MODULES}: the cheap test that picks Ansible YAML. */
  public static final Pattern MENTION = Pattern.compile("\\b(?:docker|podman)_container\\s*:");

  private static final Function<String, String> NONE = k -> null;

  /** Options that are one value of a run flag. */
  private static final Map<String, String> ONE =
      Map.ofEntries(
          Map.entry("network_mode", "network"),
          Map.entry("pid_mode", "pid"),
          Map.entry("ipc_mode", "ipc"),
          Map.entry("uts", "uts"),
          Map.entry("userns_mode", "userns"),
          Map.entry("user", "user"),
          Map.entry("memory", "memory"),
          Map.entry("memory_swap", "memory-swap"),
          Map.entry("cpus", "cpus"),
          Map.entry("cpu_quota", "cpu-quota"),
          Map.entry("cpu_shares", "cpu-shares"),
          Map.entry("cpuset_cpus", "cpuset-cpus"),
          Map.entry("pids_limit", "pids-limit"),
          Map.entry("restart_policy", "restart"),
          Map.entry("cgroup_parent", "cgroup-parent"),
          Map.entry("network", "network"),
          Map.entry("log_driver", "log-driver"));

  /** Options that are lists of values of a run flag. */
  private static final Map<String, String> LISTS =
      Map.ofEntries(
          Map.entry("volumes", "volume"),
          Map.entry("volume", "volume"),
          Map.entry("devices", "device"),
          Map.entry("device", "device"),
          Map.entry("capabilities", "cap-add"),
          Map.entry("cap_add", "cap-add"),
          Map.entry("cap_drop", "cap-drop"),
          Map.entry("security_opts", "security-opt"),
          Map.entry("security_opt", "security-opt"),
          Map.entry("published_ports", "publish"),
          Map.entry("ports", "publish"),
          Map.entry("publish", "publish"),
          Map.entry("links", "link"),
          Map.entry("tmpfs", "tmpfs"),
          Map.entry("ulimits", "ulimit"),
          Map.entry("ulimit", "ulimit"));

  /** Options that are a mapping of {@code key: value}, each a {@code key=value} of a run flag. */
  private static final Map<String, String> PAIRS =
      Map.of("labels", "label", "label", "label", "log_options", "log-opt", "log_opt", "log-opt");

  /** Boolean options and the run flag they are. */
  private static final Map<String, String> BOOLS =
      Map.of(
          "privileged",
          "privileged",
          "read_only",
          "read-only",
          "init",
          "init",
          "publish_all_ports",
          "publish-all");

  private final String text;
  private final LineIndex lines;
  private final RunLineReader.Result result =
      new RunLineReader.Result(
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new dev.hardock.model.SourceLayout());

  /** Nodes walked and scanned already: aliases share nodes, and each is looked at once. */
  private final Set<Node> walked =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private final Set<Node> scanned =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private AnsibleReader(String text, LineIndex lines) {
    this.text = text;
    this.lines = lines;
  }

  public static RunLineReader.Result read(SourceFile file) {
    return read(file.text(), file.lines(), file.displayPath());
  }

  static RunLineReader.Result read(String text, LineIndex lines) {
    return read(text, lines, "");
  }

  /** Reads {@code text}, shown as {@code file} (the file its comments and YAML entries are recorded in). */
  static RunLineReader.Result read(String text, LineIndex lines, String file) {
    AnsibleReader r = new AnsibleReader(text, lines);
    dev.hardock.source.yaml.YamlLayout.read(text, lines, file, r.result.layout());
    if (!MENTION.matcher(text).find()) return r.result;
    try {
      LoadSettings settings =
          dev.hardock.source.yaml.YamlSettings.builder(text)
              .setAllowDuplicateKeys(true)
              .setCodePointLimit(8 * 1024 * 1024)
              .build();
      for (Node root : new Compose(settings).composeAllFromString(text)) r.walk(root, 0);
    } catch (MarkedYamlEngineException e) {
      int offset = e.getProblemMark().map(mk -> FileText.offset(text, lines, mk)).orElse(0);
      r.result
          .problems()
          .add(new ParseProblem(lines.span(offset, offset), "invalid YAML: " + e.getProblem()));
    } catch (YamlEngineException | StackOverflowError e) {
      r.result
          .problems()
          .add(new ParseProblem(lines.span(0, 0), "invalid YAML: " + e.getMessage()));
    }
    return r.result;
  }

  /** Tasks at any depth: plays' tasks, handlers, blocks, rescue and always lists. */
  private void walk(Node node, int depth) {
    // an alias is the node it names: each node once, or a few anchors nest into exponentially many
    // visits
    if (depth > 200 || !walked.add(node)) return;
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k
            && MODULES.contains(k.getValue())
            && t.getValueNode() instanceof MappingNode options) {
          task(m, k, options);
        } else {
          walk(t.getValueNode(), depth + 1);
        }
      }
    } else if (node instanceof SequenceNode s) {
      for (Node child : s.getValue()) walk(child, depth + 1);
    }
  }

  private void task(MappingNode task, ScalarNode module, MappingNode options) {
    if (get(options, "state") instanceof ScalarNode s && s.getValue().trim().equals("absent"))
      return;
    RunArgs.Tool tool =
        module.getValue().contains("podman") ? RunArgs.Tool.PODMAN : RunArgs.Tool.DOCKER;
    RunArgs args = RunArgs.parse(List.of(), tool, NONE);
    List<EnvVar> env = new ArrayList<>();
    for (NodeTuple t : options.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
      String key = k.getValue();
      Node v = t.getValueNode();
      texts(v, 0);
      if (key.equals("image") && v instanceof ScalarNode s && !s.getValue().isBlank()) {
        args.image = word(s);
      } else if (ONE.containsKey(key) && v instanceof ScalarNode s && !s.getValue().isBlank()) {
        args.options.add(option(ONE.get(key), key, word(s), k));
      } else if (LISTS.containsKey(key)) {
        for (ScalarNode s : scalars(v)) args.options.add(option(LISTS.get(key), key, word(s), k));
      } else if (BOOLS.containsKey(key)
          && v instanceof ScalarNode s
          && !s.getValue().contains("{{")) {
        String b = bool(s.getValue());
        if (b == null) continue;
        Word w = synthetic(b, s);
        args.options.add(
            new RunArgs.Option(
                BOOLS.get(key),
                key,
                RunValue.of(w, 0, w.value().length(), NONE),
                span(k).to(w.span()),
                span(k)));
      } else if (PAIRS.containsKey(key) && v instanceof MappingNode pm) {
        for (NodeTuple kv : pm.getValue()) {
          // a key with '=' would read as another key (--label owner=ops=): that label is left out
          if (kv.getKeyNode() instanceof ScalarNode pk
              && pk.getValue().indexOf('=') < 0
              && kv.getValueNode() instanceof ScalarNode pv)
            args.options.add(option(PAIRS.get(key), key, pair(pk, pv), k));
        }
      } else if (key.equals("mounts") && v instanceof SequenceNode seq) {
        for (Node n : seq.getValue())
          if (n instanceof MappingNode mount)
            args.options.add(option("mount", key, mount(mount), k));
      } else if (key.equals("env") && v instanceof MappingNode e) {
        for (NodeTuple kv : e.getValue()) {
          if (!(kv.getKeyNode() instanceof ScalarNode name)) continue;
          Text value =
              kv.getValueNode() instanceof ScalarNode s
                  ? new Text(s.getValue(), word(s).span())
                  : null;
          env.add(
              new EnvVar(
                  new Text(name.getValue(), span(name)),
                  value,
                  value == null ? span(name) : span(name).to(value.span()),
                  SourceKind.RUN));
        }
      }
    }
    String name =
        get(task, "name") instanceof ScalarNode n && !n.getValue().isBlank()
            ? "task " + n.getValue()
            : get(options, "name") instanceof ScalarNode n2
                ? module.getValue() + " " + n2.getValue()
                : module.getValue();
    ContainerSpec spec = RunContainer.of(name, span(module), args, NONE, env);
    result.problems().addAll(RunContainer.problems(spec));
    result.containers().add(spec);
  }

  /**
   * A mount mapping ({@code source}, {@code target}, {@code type}, {@code read_only}) as the {@code --mount}
   * value it stands for, each value's characters at their offsets (keys and commas at the key's).
   */
  private Word mount(MappingNode m) {
    MappedText.Builder b = new MappedText.Builder();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k) || !(t.getValueNode() instanceof ScalarNode v))
        continue;
      int at = FileText.offset(text, lines, k.getStartMark().orElseThrow());
      String key = k.getValue().equals("read_only") ? "readonly" : k.getValue();
      if (key.equals("readonly") && !"true".equals(bool(v.getValue()))) continue;
      if (b.length() > 0) b.append(',', at);
      for (int i = 0; i < key.length(); i++) b.append(key.charAt(i), at);
      if (key.equals("readonly")) continue;
      b.append('=', at);
      MappedText value = FileText.scalar(v, text, lines);
      for (int i = 0; i < value.length(); i++) b.append(value.charAt(i), value.originalOffset(i));
    }
    int end = FileText.offset(text, lines, m.getEndMark().orElseThrow());
    int start = FileText.offset(text, lines, m.getStartMark().orElseThrow());
    MappedText value = b.build(end);
    Span span = lines.span(start, Math.max(start, end));
    String v = value.text();
    WordPart.Kind kind = v.contains("{{") ? WordPart.Kind.PARAMETER : WordPart.Kind.LITERAL;
    return new Word(v, span, value, List.of(new WordPart(kind, v, v, false, span)), lines);
  }

  /**
   * A {@code key: value} entry as the {@code key=value} a run flag takes: the key's and the value's characters
   * at their offsets, the {@code =} at the key's end.
   */
  private Word pair(ScalarNode k, ScalarNode v) {
    MappedText key = FileText.scalar(k, text, lines);
    MappedText value = FileText.scalar(v, text, lines);
    MappedText.Builder b = new MappedText.Builder();
    for (int i = 0; i < key.length(); i++) b.append(key.charAt(i), key.originalOffset(i));
    int keyEnd = key.originalEnd(0, key.length());
    b.append('=', Math.max(key.originalOffset(0), keyEnd - 1));
    for (int i = 0; i < value.length(); i++) b.append(value.charAt(i), value.originalOffset(i));
    int start = key.originalOffset(0);
    int end = Math.max(keyEnd, value.originalEnd(0, value.length()));
    MappedText t = b.build(end);
    Span span = lines.span(start, end);
    String s = t.text();
    WordPart.Kind kind = s.contains("{{") ? WordPart.Kind.PARAMETER : WordPart.Kind.LITERAL;
    return new Word(s, span, t, List.of(new WordPart(kind, s, s, false, span)), lines);
  }

  /** YAML 1.1 and Ansible booleans as "true"/"false"; null for anything else. */
  private static String bool(String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y", "1" -> "true";
      case "false", "no", "off", "n", "0" -> "false";
      default -> null;
    };
  }

  private RunArgs.Option option(String name, String key, Word w, ScalarNode k) {
    return new RunArgs.Option(
        name, key, RunValue.of(w, 0, w.value().length(), NONE), w.span(), span(k));
  }

  private static List<ScalarNode> scalars(Node v) {
    List<ScalarNode> out = new ArrayList<>();
    if (v instanceof ScalarNode s && !s.getValue().isBlank()) out.add(s);
    if (v instanceof SequenceNode seq) {
      for (Node n : seq.getValue())
        if (n instanceof ScalarNode s && !s.getValue().isBlank()) out.add(s);
    }
    return out;
  }

  /** Every scalar under a task's options, for credential scans. */
  private void texts(Node v, int depth) {
    if (depth > 50 || !scanned.add(v)) return;
    if (v instanceof ScalarNode s) {
      result.texts().add(new SourceText(FileText.scalar(s, text, lines), lines));
    } else if (v instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) texts(n, depth + 1);
    } else if (v instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) texts(t.getValueNode(), depth + 1);
    }
  }

  /** A scalar as one word; Jinja ({@code {{ }}}) in it is an expansion nobody resolves here. */
  private Word word(ScalarNode s) {
    MappedText value = FileText.scalar(s, text, lines);
    Span span = value.span(lines, 0, value.length());
    String v = value.text();
    WordPart.Kind kind = v.contains("{{") ? WordPart.Kind.PARAMETER : WordPart.Kind.LITERAL;
    return new Word(v, span, value, List.of(new WordPart(kind, v, v, false, span)), lines);
  }

  /** A boolean as the text the run flag takes, spanning the scalar. */
  private Word synthetic(String b, ScalarNode s) {
    MappedText value = FileText.scalar(s, text, lines);
    int from = value.originalOffset(0);
    int to = value.originalEnd(0, value.length());
    MappedText.Builder mb = new MappedText.Builder();
    for (int k = 0; k < b.length(); k++)
      mb.append(b.charAt(k), k == b.length() - 1 ? Math.max(from, to - 1) : from);
    MappedText t = mb.build(to);
    Span span = lines.span(from, Math.max(from, to));
    return new Word(
        b, span, t, List.of(new WordPart(WordPart.Kind.LITERAL, b, b, false, span)), lines);
  }

  private Span span(ScalarNode s) {
    MappedText v = FileText.scalar(s, text, lines);
    return v.span(lines, 0, v.length());
  }

  private static Node get(MappingNode m, String key) {
    Node found = null;
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
        found = t.getValueNode();
    }
    return found;
  }
}
