package dev.hardock.rule.custom;

import dev.hardock.model.EnvVar;
import dev.hardock.model.ImageRef;
import dev.hardock.model.ImageUse;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellScript;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.Word;
import dev.hardock.model.container.BuildRef;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Logging;
import dev.hardock.model.container.Mount;
import dev.hardock.model.container.Pair;
import dev.hardock.model.container.PortMapping;
import dev.hardock.model.container.Setting;
import dev.hardock.model.container.Ulimit;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.model.dockerfile.CommandForm;
import dev.hardock.model.dockerfile.Flag;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.model.secret.Redaction;
import dev.hardock.model.secret.SecretMask;
import dev.hardock.model.secret.SecretNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model of one file as plain values: maps with string keys, lists, strings, {@code Long} numbers and
 * booleans, nothing else. It is what {@code hardock model} prints as JSON (docs/model.md, docs/model.schema.json)
 * and what custom rules read in CEL: one structure for both, built once per file. Every node carries its
 * position as {@code span} ({@code line}, {@code column}, {@code endLine}, {@code endColumn}: 1-based, end
 * column exclusive); a scalar field's position is under {@code spans} by the field's name. A value the file
 * does not set is absent (CEL: {@code has(container.user)}), never null. Secret values are masked as in
 * messages and code frames: the value of a secret-named variable by {@link Redaction#redact}, any other text
 * through {@link SecretMask#maskLine}.
 */
public final class ModelView {
  /** Instructions shown per stage, commands per instruction: a hostile file stays a bounded view. */
  static final int MAX_ITEMS = 10_000;

  /**
   * Whether this builder makes the view that custom rules read: a text is kept as a {@link Masked}, masked when
   * first read ({@link #plain}), so that the texts no rule reads are never masked (masking every text of every
   * view was most of what building it cost), and a position is a {@link SpanMap} holding the reader's own span.
   * A field, not a thread-local: under C1 a thread-local lookup per text and position cost more than the rest
   * of the view.
   */
  private final boolean lazy;

  private static final ModelView SHOWN = new ModelView(false);

  private ModelView(boolean lazy) {
    this.lazy = lazy;
  }

  /**
   * As {@link #file(String, String, List, ImageBuild, DaemonConfig)}, for custom rules: its texts masked when
   * first read (a text may be a {@link Masked}, which {@link #plain} gives as the string the other view holds),
   * each position a {@link SpanMap} that carries the reader's own span ({@code origins} is kept for callers that
   * map other position maps to spans; this view makes none).
   */
  public static Map<String, Object> file(
      String path,
      String kind,
      List<ContainerSpec> containers,
      ImageBuild build,
      DaemonConfig daemon,
      Map<Object, Span> origins) {
    return file(() -> path, kind, containers, build, daemon, origins);
  }

  /** As above, the file's {@code path} made when a rule first reads it (most read only {@code kind}, or nothing). */
  public static Map<String, Object> file(
      java.util.function.Supplier<String> path,
      String kind,
      List<ContainerSpec> containers,
      ImageBuild build,
      DaemonConfig daemon,
      Map<Object, Span> origins) {
    ModelView v = new ModelView(true);
    Map<String, Object> f = new LazyNode("kind", kind, Set.of(), () -> v.fileMap(path.get(), kind));
    return v.root(f, containers, build, daemon);
  }

  /** The root: {@code file}, {@code containers}, {@code images}, {@code daemon} (when the file is daemon.json). */
  public static Map<String, Object> file(
      String path,
      String kind,
      List<ContainerSpec> containers,
      ImageBuild build,
      DaemonConfig daemon) {
    return SHOWN.root(SHOWN.fileMap(path, kind), containers, build, daemon);
  }

  /** The {@code file} node: {@code path}, {@code kind}. */
  private Map<String, Object> fileMap(String path, String kind) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("path", path);
    f.put("kind", kind);
    return f;
  }

  private Map<String, Object> root(
      Map<String, Object> f,
      List<ContainerSpec> containers,
      ImageBuild build,
      DaemonConfig daemon) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("file", f);
    List<Object> cs = new ArrayList<>();
    if (containers != null) for (ContainerSpec c : containers) cs.add(container(c));
    root.put("containers", cs);
    List<Object> images = new ArrayList<>();
    if (build != null) images.add(image(build));
    root.put("images", images);
    if (daemon != null) root.put("daemon", daemon(daemon));
    return root;
  }

  /** A position as the model shows it. */
  public static Map<String, Object> spanMap(Span s) {
    return SHOWN.span(s);
  }

  Map<String, Object> span(Span s) {
    if (lazy) return new SpanMap(s);
    Map<String, Object> m = new LinkedHashMap<>();
    Span x = s == null ? Span.START : s;
    m.put("line", (long) x.line());
    m.put("column", (long) x.column());
    m.put("endLine", (long) x.endLine());
    m.put("endColumn", (long) x.endColumn());
    return m;
  }

  // ---------------------------------------------------------------- containers

  public Map<String, Object> container(ContainerSpec c) {
    Node n = new Node(c.span());
    n.put("source", c.source() == null ? null : c.source().id());
    n.put("name", masked(c.name()));
    if (c.image() != null) n.put("image", image(c.image()));
    if (c.build() != null) n.put("build", build(c.build()));
    n.setting("privileged", c.privileged());
    n.setting("user", c.user());
    n.setting("networkMode", c.networkMode());
    n.setting("pidMode", c.pidMode());
    n.setting("ipcMode", c.ipcMode());
    n.setting("utsMode", c.utsMode());
    n.setting("usernsMode", c.usernsMode());
    n.setting("cgroupParent", c.cgroupParent());
    n.setting("readOnlyRootfs", c.readOnlyRootfs());
    n.setting("memory", c.memory());
    n.setting("memorySwap", c.memorySwap());
    n.setting("cpus", c.cpus());
    n.setting("pidsLimit", c.pidsLimit());
    n.setting("restart", c.restart());
    n.setting("healthcheckDisabled", c.healthcheckDisabled());
    n.settings("capAdd", c.capAdd());
    n.settings("capDrop", c.capDrop());
    n.settings("securityOpts", c.securityOpts());
    n.settings("devices", c.devices());
    n.settings("links", c.links());
    List<Object> mounts = new ArrayList<>();
    for (Mount m : c.mounts()) mounts.add(mount(m));
    n.put("mounts", mounts);
    List<Object> ports = new ArrayList<>();
    for (PortMapping p : c.ports()) ports.add(port(p));
    n.put("ports", ports);
    List<Object> env = new ArrayList<>();
    for (EnvVar e : c.env()) env.add(env(e.name(), e.value(), e.span()));
    n.put("env", env);
    List<Object> labels = new ArrayList<>();
    for (Pair l : c.labels()) labels.add(pair(l));
    n.put("labels", labels);
    n.settings("labelFiles", c.labelFiles());
    List<Object> ulimits = new ArrayList<>();
    for (Ulimit u : c.ulimits()) ulimits.add(ulimit(u));
    n.put("ulimits", ulimits);
    if (c.logging() != null) n.put("logging", logging(c.logging()));
    if (c.hiddenOptions() != null) n.put("hiddenOptions", span(c.hiddenOptions()));
    return n.done();
  }

  /** A label or log option, as an image's labels: {@code key}, {@code value} (masked as a variable's). */
  private Map<String, Object> pair(Pair p) {
    Node n = new Node(p.span());
    String k = p.key() == null ? "" : p.key().value();
    n.put("key", masked(k));
    if (p.key() != null) n.spans.put("key", span(p.key().span()));
    if (p.value() != null) {
      String v = p.value().value();
      n.put("value", valueOf(k, v));
      n.spans.put("value", span(p.value().span()));
    }
    return n.done();
  }

  /** A ulimit: {@code name}, and {@code soft}, {@code hard} as integers when written as numbers. */
  private Map<String, Object> ulimit(Ulimit u) {
    Node n = new Node(u.span());
    n.setting("name", u.name());
    limit(n, "soft", u.soft());
    limit(n, "hard", u.hard());
    return n.done();
  }

  private void limit(Node n, String key, Setting<String> s) {
    if (s == null || s.value() == null) return;
    try {
      n.put(key, Long.parseLong(s.value().trim()));
      n.spans.put(key, span(s.span()));
    } catch (NumberFormatException e) {
      // unlimited, ${NOFILE}: no number to compare; the text stays in the file
    }
  }

  /** Logging: {@code driver} (absent: the daemon's default) and {@code options}. */
  private Map<String, Object> logging(Logging l) {
    Node n = new Node(l.span());
    n.setting("driver", l.driver());
    List<Object> options = new ArrayList<>();
    for (Pair p : l.options()) options.add(pair(p));
    n.put("options", options);
    return n.done();
  }

  Map<String, Object> image(ImageUse use) {
    Map<String, Object> m = image(use.ref(), use.span());
    if (use.where() != null) m.put("where", use.where());
    return m;
  }

  /**
   * An image reference: {@code text} as written, {@code expanded} when variables changed it, {@code name} (the
   * registry as written, if any, and the repository: what to compare with an allowed prefix), {@code registry}
   * (Docker Hub's {@code docker.io} when none is written), {@code repository}, {@code tag}, {@code digest}.
   */
  Map<String, Object> image(ImageRef ref, Span at) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", masked(ref.raw()));
    if (ref.expanded() != null && !ref.expanded().equals(ref.raw()))
      m.put("expanded", masked(ref.expanded()));
    if (ref.repository() != null) {
      m.put(
          "name",
          masked(
              ref.registry() == null ? ref.repository() : ref.registry() + "/" + ref.repository()));
      m.put("repository", masked(ref.repository()));
    }
    if (ref.effectiveRegistry() != null) m.put("registry", masked(ref.effectiveRegistry()));
    if (ref.tag() != null) m.put("tag", masked(ref.tag()));
    if (ref.digest() != null) m.put("digest", masked(ref.digest()));
    m.put("variables", ref.tagUnknown() || ref.expanded() == null);
    m.put("span", span(at));
    return m;
  }

  private Map<String, Object> build(BuildRef b) {
    Node n = new Node(b.span());
    if (b.context() != null) n.put("context", masked(b.context().toString().replace('\\', '/')));
    if (b.dockerfile() != null)
      n.put("dockerfile", masked(b.dockerfile().toString().replace('\\', '/')));
    if (b.imageUser() != null) {
      n.put("imageUser", masked(b.imageUser()));
      if (b.imageUserSpan() != null) n.spans.put("imageUser", span(b.imageUserSpan()));
    }
    return n.done();
  }

  private Map<String, Object> mount(Mount m) {
    Node n = new Node(m.span());
    n.put("type", m.type().name().toLowerCase(Locale.ROOT));
    n.setting("source", m.source());
    n.setting("target", m.target());
    n.put("readOnly", m.isReadOnly());
    if (m.readOnly() != null) n.spans.put("readOnly", span(m.readOnly().span()));
    n.setting("propagation", m.propagation());
    return n.done();
  }

  private Map<String, Object> port(PortMapping p) {
    Node n = new Node(p.span());
    n.put("hostIp", masked(p.hostIp()));
    if (p.hostPort() != null) n.put("hostPort", (long) p.hostPort());
    n.put("hostPorts", masked(p.hostPorts()));
    n.put("containerPort", masked(p.containerPort()));
    n.put("protocol", masked(p.protocol()));
    n.put("publishAll", p.allExposed() != null);
    return n.done();
  }

  /** A variable: {@code name}, {@code value} (masked when the name is a secret's), {@code span}. */
  private Map<String, Object> env(Text name, Text value, Span at) {
    Node n = new Node(at);
    String k = name == null ? "" : name.value();
    n.put("name", masked(k));
    if (name != null) n.spans.put("name", span(name.span()));
    if (value != null) {
      String v = value.value();
      n.put("value", valueOf(k, v));
      n.spans.put("value", span(value.span()));
    }
    return n.done();
  }

  // ---------------------------------------------------------------- image builds

  /**
   * A Dockerfile: its {@code stages}, and what the shipped image (the final stage) ends up with: {@code base},
   * {@code user} (the last USER of the final stage or the stages it is built on; absent: root), {@code labels}
   * and {@code exposedPorts} (inherited from the stages it is built on), {@code healthcheck}.
   */
  public Map<String, Object> image(ImageBuild b) {
    Stage last = b.finalStage();
    Node n = new Node(last == null ? Span.START : last.from().span());
    List<Object> args = new ArrayList<>();
    for (Instruction.Arg a : b.globalArgs())
      for (KeyValue kv : a.args()) args.add(env(kv.key(), kv.value(), kv.span()));
    n.put("globalArgs", args);
    List<Object> stages = new ArrayList<>();
    for (Stage s : b.stages()) stages.add(stage(s, s == last));
    n.put("stages", stages);
    n.put("labels", List.of());
    n.put("exposedPorts", List.of());
    if (last != null) {
      n.put("base", from(last.from()));
      Instruction.User user = lastInChain(last, Instruction.User.class);
      if (user != null && user.user() != null) {
        n.put("user", masked(user.user().value()));
        n.spans.put("user", span(user.user().span()));
      }
      List<Object> labels = new ArrayList<>();
      List<Object> ports = new ArrayList<>();
      for (Stage s : chain(last)) {
        for (Instruction i : s.instructions()) {
          if (i instanceof Instruction.Label l) for (KeyValue kv : l.pairs()) labels.add(label(kv));
          if (i instanceof Instruction.Expose e) for (Text t : e.ports()) ports.add(text(t));
        }
      }
      n.put("labels", labels);
      n.put("exposedPorts", ports);
      Instruction.Healthcheck hc = lastInChain(last, Instruction.Healthcheck.class);
      if (hc != null) n.put("healthcheck", instruction(hc, 0));
    }
    return n.done();
  }

  /** The stage and the stages it is built on ({@code FROM <earlier stage>}), base first. */
  private static List<Stage> chain(Stage s) {
    List<Stage> out = new ArrayList<>();
    // by identity: a Stage is a record, whose hash walks all its instructions and its parents
    Set<Stage> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Stage x = s; x != null && seen.add(x) && out.size() < 100; x = x.parent()) out.add(0, x);
    return out;
  }

  private static <T extends Instruction> T lastInChain(Stage s, Class<T> type) {
    T found = null;
    for (Stage x : chain(s)) {
      T t = x.last(type);
      if (t != null) found = t;
    }
    return found;
  }

  private Map<String, Object> from(Instruction.From f) {
    if (f.ref() != null && f.image() != null) return image(f.ref(), f.image().span());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", f.image() == null ? "" : masked(f.image().value()));
    m.put("variables", true);
    m.put("span", span(f.image() == null ? f.span() : f.image().span()));
    return m;
  }

  private Map<String, Object> stage(Stage s, boolean last) {
    Node n = new Node(s.from().span());
    n.put("index", (long) s.index());
    if (s.name() != null) {
      n.put("name", masked(s.name()));
      if (s.from().alias() != null) n.spans.put("name", span(s.from().alias().span()));
    }
    n.put("final", last);
    n.put("base", from(s.from()));
    if (s.parent() != null) n.put("parentStage", (long) s.parent().index());
    Instruction.User user = s.last(Instruction.User.class);
    if (user != null && user.user() != null) {
      n.put("user", masked(user.user().value()));
      n.spans.put("user", span(user.user().span()));
    }
    List<Object> env = new ArrayList<>();
    List<Object> labels = new ArrayList<>();
    List<Object> ports = new ArrayList<>();
    List<Object> instructions = new ArrayList<>();
    instructions.add(stageInstruction(s.from()));
    for (Instruction i : s.instructions()) {
      if (instructions.size() >= MAX_ITEMS) break;
      if (i instanceof Instruction.Env e)
        for (KeyValue kv : e.pairs()) env.add(env(kv.key(), kv.value(), kv.span()));
      if (i instanceof Instruction.Label l) for (KeyValue kv : l.pairs()) labels.add(label(kv));
      if (i instanceof Instruction.Expose e) for (Text t : e.ports()) ports.add(text(t));
      instructions.add(stageInstruction(i));
    }
    n.put("env", env);
    n.put("labels", labels);
    n.put("exposedPorts", ports);
    n.put("instructions", instructions);
    return n.done();
  }

  /** A LABEL pair: {@code key}, {@code value} (masked when the key is a secret's, as a container's label). */
  private Map<String, Object> label(KeyValue kv) {
    Node n = new Node(kv.span());
    String k = kv.key() == null ? "" : kv.key().value();
    n.put("key", masked(k));
    if (kv.key() != null) n.spans.put("key", span(kv.key().span()));
    if (kv.value() != null) {
      String v = kv.value().value();
      n.put("value", valueOf(k, v));
      n.spans.put("value", span(kv.value().span()));
    }
    return n.done();
  }

  private Map<String, Object> text(Text t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", masked(t.value()));
    m.put("span", span(t.span()));
    return m;
  }

  private List<Object> texts(List<Text> ts) {
    List<Object> out = new ArrayList<>();
    for (Text t : ts) out.add(text(t));
    return out;
  }

  /**
   * An instruction: {@code keyword} (upper case), {@code args} (the text after the keyword, continuations
   * removed, masked), {@code flags}, and what its kind has: FROM {@code image}, {@code alias}; RUN, CMD,
   * ENTRYPOINT, HEALTHCHECK {@code form} (exec or shell) and {@code commands}; COPY and ADD {@code sources},
   * {@code destination}; ENV, LABEL, ARG {@code pairs}; USER {@code user}; WORKDIR {@code path}; EXPOSE
   * {@code ports}; VOLUME {@code paths}; ONBUILD {@code trigger}.
   */
  Map<String, Object> instruction(Instruction i, int depth) {
    Node n = new Node(i.span());
    n.put("keyword", i.keyword());
    n.spans.put("keyword", span(i.head().keywordSpan()));
    n.put("args", masked(i.head().args().value()));
    List<Object> flags = new ArrayList<>();
    for (Flag f : i.flags()) {
      Node fl = new Node(f.span());
      fl.put("name", masked(f.name()));
      if (f.value() != null) {
        fl.put("value", masked(f.value().value()));
        fl.spans.put("value", span(f.value().span()));
      }
      flags.add(fl.done());
    }
    n.put("flags", flags);
    if (i instanceof Instruction.From f) {
      n.put("image", from(f));
      if (f.alias() != null) {
        n.put("alias", masked(f.alias().value()));
        n.spans.put("alias", span(f.alias().span()));
      }
    } else if (i instanceof Instruction.Run
        || i instanceof Instruction.Cmd
        || i instanceof Instruction.Entrypoint) {
      command(n, commandForm(i));
    } else if (i instanceof Instruction.Healthcheck h) {
      n.put("none", h.none());
      command(n, commandForm(i));
    } else if (i instanceof Instruction.Copy c) {
      n.put("sources", texts(c.sources()));
      if (c.destination() != null) n.put("destination", text(c.destination()));
    } else if (i instanceof Instruction.Env e) {
      n.put("pairs", pairs(e.pairs(), true));
    } else if (i instanceof Instruction.Label l) {
      n.put("pairs", pairs(l.pairs(), false));
    } else if (i instanceof Instruction.Arg a) {
      n.put("pairs", pairs(a.args(), true));
    } else if (i instanceof Instruction.User u) {
      if (u.user() != null) {
        n.put("user", masked(u.user().value()));
        n.spans.put("user", span(u.user().span()));
      }
    } else if (i instanceof Instruction.Workdir w) {
      if (w.path() != null) {
        n.put("path", masked(w.path().value()));
        n.spans.put("path", span(w.path().span()));
      }
    } else if (i instanceof Instruction.Expose e) {
      n.put("ports", texts(e.ports()));
    } else if (i instanceof Instruction.Volume v) {
      n.put("paths", texts(v.paths()));
    } else if (i instanceof Instruction.Shell s) {
      n.put("shell", texts(s.shell()));
    } else if (i instanceof Instruction.StopSignal s) {
      if (s.signal() != null) n.put("signal", masked(s.signal().value()));
    } else if (i instanceof Instruction.Maintainer m) {
      if (m.maintainer() != null) n.put("maintainer", masked(m.maintainer().value()));
    } else if (i instanceof Instruction.Onbuild o) {
      if (o.trigger() != null && depth < 2) n.put("trigger", instruction(o.trigger(), depth + 1));
    }

    return n.done();
  }

  /**
   * An instruction of a stage's list: in the view for custom rules, a {@link LazyNode} known by its keyword, and
   * without {@code commands} and {@code form} where it has no command ({@code has(instruction.commands)} is
   * answered without making the rest).
   */
  private Map<String, Object> stageInstruction(Instruction i) {
    if (!lazy) return instruction(i, 0);
    return new LazyNode(
        "keyword",
        i.keyword(),
        commandForm(i) == null ? NO_COMMAND : Set.of(),
        () -> instruction(i, 0));
  }

  private static final Set<String> NO_COMMAND = Set.of("commands", "form");

  /** The command of a RUN, CMD, ENTRYPOINT or HEALTHCHECK (what {@link #command} shows), else null. */
  private static CommandForm commandForm(Instruction i) {
    if (i instanceof Instruction.Run r) return r.command();
    if (i instanceof Instruction.Cmd c) return c.command();
    if (i instanceof Instruction.Entrypoint e) return e.command();
    if (i instanceof Instruction.Healthcheck h) return h.command();
    return null;
  }

  private List<Object> pairs(List<KeyValue> kvs, boolean secretNamed) {
    List<Object> out = new ArrayList<>();
    for (KeyValue kv : kvs) out.add(secretNamed ? env(kv.key(), kv.value(), kv.span()) : label(kv));
    return out;
  }

  /** {@code form} and {@code commands}: each simple command of the shell script, {@code name} and {@code args}. */
  private void command(Node n, CommandForm c) {
    if (c == null) return;
    n.put("form", c.exec() ? "exec" : "shell");
    List<Object> commands = new ArrayList<>();
    ShellScript script = c.script();
    if (script != null) {
      for (ShellCommand sc : script.commands()) {
        if (commands.size() >= MAX_ITEMS) break;
        // in the view for custom rules, a command is known by its name (what rules read most)
        // and made whole when anything else is read
        commands.add(
            lazy
                ? new LazyNode("name", commandName(sc), Set.of(), () -> command(sc))
                : command(sc));
      }
    }
    n.put("commands", commands);
  }

  /** A simple command: {@code name}, {@code args} (masked as the line they make), {@code span}. */
  private Map<String, Object> command(ShellCommand sc) {
    Node cn = new Node(sc.span());
    Word name = sc.name();
    List<Word> words = sc.args();
    String[] line = new String[words.size() + 1];
    line[0] = name == null ? "" : name.value();
    for (int i = 0; i < words.size(); i++) line[i + 1] = words.get(i).value();
    CommandLine masks = new CommandLine(line, lazy);
    cn.put("name", commandName(sc));
    List<Object> args = new ArrayList<>();
    for (int i = 1; i < line.length; i++) args.add(masks.word(i));
    cn.put("args", args);
    return cn.done();
  }

  /** A command's name, masked alone: nothing before it on the line can make it a secret. */
  private Object commandName(ShellCommand sc) {
    return sc.name() == null ? "" : masked(sc.name().value());
  }

  // ---------------------------------------------------------------- daemon.json

  /** daemon.json: {@code settings} (each key's value: string, number, boolean, list of strings or object), {@code spans}. */
  public Map<String, Object> daemon(DaemonConfig d) {
    return daemon(d, 0);
  }

  private Map<String, Object> daemon(DaemonConfig d, int depth) {
    Node n = new Node(d.start());
    Map<String, Object> settings = new LinkedHashMap<>();
    for (DaemonConfig.Entry e : d.all()) {
      Object v =
          switch (e.kind()) {
            case STRING ->
                SecretNames.isSecretName(e.key()) && !e.scalar().isEmpty()
                    ? Redaction.redact(e.scalar())
                    : masked(e.scalar());
            case NUMBER -> number(e.scalar());
            case BOOLEAN -> e.isTrue();
            case NULL -> null;
            case ARRAY -> {
              // a list under a secret's name is a list of secrets, as a string under it is one
              boolean secret = SecretNames.isSecretName(e.key());
              List<Object> items = new ArrayList<>();
              for (Text t : e.items()) {
                String item = t.value();
                items.add(
                    secret && item != null && !item.isEmpty()
                        ? Redaction.redact(item)
                        : masked(item));
              }
              yield items;
            }
            case OBJECT -> e.object() == null || depth > 8 ? null : daemon(e.object(), depth + 1);
          };
      if (v == null) continue;
      String key = maskedText(e.key());
      settings.put(key, v);
      n.spans.put(key, span(e.valueSpan() != null ? e.valueSpan() : e.keySpan()));
    }
    n.put("settings", settings);
    return n.done();
  }

  /** A JSON number: an integer as a whole number when it fits, else its text. */
  private static Object number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? (Object) d : s;
      } catch (NumberFormatException x) {
        return s;
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Text the user wrote, with what looks like a secret masked, or null; in the view for custom rules, a
   * {@link Masked} that masks it when first read.
   */
  Object masked(String s) {
    if (s == null) return null;
    if (lazy && s.length() >= 5) return new Masked(s);
    return maskedText(s);
  }

  /**
   * The value of a variable, label or option named {@code key}: redacted whole when the name is a secret's,
   * else masked as any text; in the view for custom rules, a {@link Masked} that decides when first read.
   */
  private Object valueOf(String key, String value) {
    if (lazy && value.length() >= 5) return new Masked(value, key);
    return SecretNames.isSecretName(key) && !value.isEmpty()
        ? Redaction.redact(value)
        : maskedText(value);
  }

  /** A value of a view as the view without lazy texts holds it: a {@link Masked} as its masked string. */
  public static Object plain(Object v) {
    return v instanceof Masked m ? m.value() : v;
  }

  /**
   * A text of the view for custom rules, masked when first read: {@link #value} is what {@link #masked} gives
   * in the other view (also its {@code toString}; equal to another by that value).
   */
  public static final class Masked {
    private String text;
    private boolean done;
    private final CommandLine line;
    private final int word;

    /** The name the text is the value of ({@link #valueOf}: redacted whole when it is a secret's), or null. */
    private final String key;

    Masked(String text) {
      this(text, null, 0, null);
    }

    private Masked(String text, String key) {
      this(text, null, 0, key);
    }

    private Masked(String text, CommandLine line, int word, String key) {
      this.text = text;
      this.line = line;
      this.word = word;
      this.key = key;
    }

    /**
     * Whether the masked text is {@code s}, masking only when it has to: masking keeps a text's length and only
     * turns characters into '*' ({@link SecretMask#mask}), so a text up to {@link #MAX_TEXT} characters other
     * than a string without '*' masks to something other than it, and is not masked to find that out.
     */
    boolean is(String s) {
      String raw = unmasked(s);
      if (raw != null && !raw.equals(s)) return false;
      return value().equals(s);
    }

    /**
     * The text before masking, where comparing it with {@code s} can only say "different" when the masked text
     * is different too (not masked yet, not cut, and {@code s} holds no '*'); else null.
     */
    String unmasked(String s) {
      return !done && text.length() <= MAX_TEXT && s.indexOf('*') < 0 && !redacted() ? text : null;
    }

    /** The masked text's length (its text's, which masking keeps), found without masking where it can. */
    int length() {
      return done || text.length() > MAX_TEXT || redacted() ? value().length() : text.length();
    }

    /** Whether the text is a secret's value, redacted whole (not masked character for character). */
    private boolean redacted() {
      return key != null && SecretNames.isSecretName(key);
    }

    public String value() {
      if (!done) {
        if (line != null) text = line.masked(word);
        else if (redacted()) text = Redaction.redact(text);
        else text = maskedText(text);
        done = true;
      }
      return text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Masked m && value().equals(m.value());
    }

    @Override
    public int hashCode() {
      return value().hashCode();
    }

    @Override
    public String toString() {
      return value();
    }
  }

  /**
   * The words of one simple command (its name, then its arguments), masked as the command line they make
   * (joined by spaces) and each also alone: an argument that is secret only because of the option before it
   * ({@code curl -u admin:pw}, {@code docker login --password pw}, {@code mysql -ppw}) is masked, as on the
   * instruction's {@code args} and in code frames. Masked once, when the view is built or when a custom rule
   * first reads one of them.
   */
  static final class CommandLine {
    private final String[] words;
    private final boolean lazy;
    private String[] masked;

    CommandLine(String[] words, boolean lazy) {
      this.words = words;
      this.lazy = lazy;
    }

    /** Word {@code i} as the view holds it: masked now, or (the view for custom rules) when first read. */
    Object word(int i) {
      return lazy ? new Masked(words[i], this, i, null) : masked(i);
    }

    String masked(int i) {
      if (masked == null) masked = mask(words);
      return masked[i];
    }

    /** Each word as {@link #maskedText} gives it, with what the whole line's masking hides hidden too. */
    static String[] mask(String[] words) {
      String[] out = new String[words.length];
      int[] at = new int[words.length];
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < words.length; i++) {
        String w = words[i].length() > MAX_TEXT ? words[i].substring(0, MAX_TEXT) : words[i];
        out[i] = w;
        if (i > 0) line.append(' ');
        at[i] = line.length();
        line.append(w);
      }
      String whole = line.toString();
      String maskedLine = whole.length() < 5 ? whole : maskLine(whole);
      if (maskedLine.length() != whole.length()) maskedLine = whole; // masking keeps lengths
      for (int i = 0; i < words.length; i++) {
        String w = out[i];
        String alone = maskedText(w);
        char[] c = w.toCharArray();
        for (int k = 0; k < c.length; k++) {
          char a = k < alone.length() ? alone.charAt(k) : c[k];
          char l = maskedLine.charAt(at[i] + k);
          if (a != c[k]) c[k] = a;
          else if (l != c[k]) c[k] = l;
        }
        out[i] = new String(c);
      }
      return out;
    }
  }

  /**
   * A position in the view for custom rules: the map {@link #span} makes in the other view ({@code line},
   * {@code column}, {@code endLine}, {@code endColumn}, in that order; equal to it), its numbers made when read,
   * and the reader's own span ({@link #origin}: what a finding at it takes). Half of what building a file's view
   * cost was making these maps, most of which no rule reads.
   */
  public static final class SpanMap extends java.util.AbstractMap<String, Object> {
    private static final List<String> KEYS = List.of("line", "column", "endLine", "endColumn");
    private final Span origin;

    SpanMap(Span origin) {
      this.origin = origin;
    }

    /** The span the reader made, or null (a value without one: the map shows the start of the file). */
    public Span origin() {
      return origin;
    }

    @Override
    public Object get(Object key) {
      Span x = origin == null ? Span.START : origin;
      if (!(key instanceof String k)) return null;
      return switch (k) {
        case "line" -> (long) x.line();
        case "column" -> (long) x.column();
        case "endLine" -> (long) x.endLine();
        case "endColumn" -> (long) x.endColumn();
        default -> null;
      };
    }

    @Override
    public boolean containsKey(Object key) {
      return KEYS.contains(key);
    }

    @Override
    public int size() {
      return KEYS.size();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<Map.Entry<String, Object>> iterator() {
          java.util.Iterator<String> keys = KEYS.iterator();
          return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
              return keys.hasNext();
            }

            @Override
            public Map.Entry<String, Object> next() {
              String k = keys.next();
              return new java.util.AbstractMap.SimpleImmutableEntry<>(k, get(k));
            }
          };
        }

        @Override
        public int size() {
          return KEYS.size();
        }
      };
    }
  }

  /**
   * A node of the view for custom rules made when first read, but for one field known at once (an instruction's
   * {@code keyword}: most conditions on instructions test it first, and for most instructions stop there). It
   * is the map its maker gives, in every other respect (fields, order, equality).
   */
  static final class LazyNode extends java.util.AbstractMap<String, Object> {
    private final String key;
    private final Object value;
    private final Set<String> absent;
    private java.util.function.Supplier<Map<String, Object>> maker;
    private Map<String, Object> made;

    /** {@code absent}: keys the made map is known not to hold. */
    LazyNode(
        String key,
        Object value,
        Set<String> absent,
        java.util.function.Supplier<Map<String, Object>> maker) {
      this.key = key;
      this.value = value;
      this.absent = absent;
      this.maker = maker;
    }

    private Map<String, Object> made() {
      if (made == null) {
        made = maker.get();
        maker = null;
      }
      return made;
    }

    @Override
    public Object get(Object k) {
      if (value != null && key.equals(k)) return value;
      if (made == null && k instanceof String && absent.contains(k)) return null;
      return made().get(k);
    }

    @Override
    public boolean containsKey(Object k) {
      if (value != null && key.equals(k)) return true;
      if (made == null && k instanceof String && absent.contains(k)) return false;
      return made().containsKey(k);
    }

    @Override
    public int size() {
      return made().size();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return java.util.Collections.unmodifiableMap(made()).entrySet();
    }
  }

  /** The longest text a view holds (a longer one is cut there, then masked). */
  static final int MAX_TEXT = 4096;

  /** Text the user wrote, with what looks like a secret masked, or null. */
  static String maskedText(String s) {
    if (s == null) return null;
    if (s.length() > MAX_TEXT) s = s.substring(0, MAX_TEXT);
    // shorter than "KEY=x": no credential shape, assignment or password option fits (the views of a
    // tree of
    // Dockerfiles are mostly such words: keywords, command names, flags)
    if (s.length() < 5) return s;
    return maskLine(s);
  }

  /**
   * {@link SecretMask#maskLine}, remembering the short texts it leaves as they are: the views of a tree of
   * Dockerfiles read the same command names, label keys and words again and again, and masking one cost more
   * than the rest of reading it. Only unchanged texts are kept (a secret is never remembered); bounded in
   * number and length, shared by all files and threads (masking depends on the text alone).
   */
  private static String maskLine(String s) {
    boolean small = s.length() <= CLEAN_LENGTH;
    if (small && CLEAN.contains(s)) return s;
    String m = SecretMask.maskLine(s);
    if (small && m.equals(s) && CLEAN.size() < CLEAN_MAX) CLEAN.add(s);
    return m;
  }

  private static final int CLEAN_LENGTH = 64;
  private static final int CLEAN_MAX = 16_384;
  private static final Set<String> CLEAN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A node under construction: its fields, then {@code spans} of its scalar fields, then its own {@code span}. */
  private final class Node {
    final Map<String, Object> fields = new LinkedHashMap<>();
    final Map<String, Object> spans = new LinkedHashMap<>();
    final Span at;

    Node(Span at) {
      this.at = at;
    }

    void put(String key, Object value) {
      if (value != null) fields.put(key, value);
    }

    void setting(String key, Setting<?> s) {
      if (s == null || s.value() == null) return;
      Object v = s.value() instanceof String str ? masked(str) : s.value();
      fields.put(key, v);
      spans.put(key, span(s.span()));
    }

    void settings(String key, List<Setting<String>> list) {
      List<Object> values = new ArrayList<>();
      List<Object> where = new ArrayList<>();
      for (Setting<String> s : list) {
        if (s == null || s.value() == null) continue;
        values.add(masked(s.value()));
        where.add(span(s.span()));
      }
      fields.put(key, values);
      if (!where.isEmpty()) spans.put(key, where);
    }

    Map<String, Object> done() {
      if (!spans.isEmpty()) fields.put("spans", spans);
      fields.put("span", span(at));
      return fields;
    }
  }
}
