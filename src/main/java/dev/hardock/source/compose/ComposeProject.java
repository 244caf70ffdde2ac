package dev.hardock.source.compose;

import dev.hardock.io.FileAccess;
import dev.hardock.model.ExpansionBudget;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.Span;
import dev.hardock.model.container.BuildRef;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.source.compose.YamlNode.Entry;
import dev.hardock.source.compose.YamlNode.Mapping;
import dev.hardock.source.compose.YamlNode.Scalar;
import dev.hardock.source.compose.YamlNode.Sequence;
import dev.hardock.source.dockerfile.DockerfileReader;
import dev.hardock.source.yaml.YamlLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The files one compose project is read from: the linted file, the override files beside it, the files
 * {@code extends} and {@code include} name, and the Dockerfiles services build. Each is read as a
 * {@link SourceFile} of its own, whose spans name it, so a finding lands where the value was written.
 */
final class ComposeProject {
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
  static final int MAX_EXTENDS = 10;

  /** Keys whose lists an override replaces instead of extending (Compose merges most lists). */
  private static final Set<String> REPLACED_LISTS = Set.of("command", "entrypoint", "test");

  /** Keys whose value is a NAME=value list or a NAME: value mapping, merged by name. */
  private static final Set<String> NAME_VALUE_KEYS =
      Set.of("environment", "args", "labels", "annotations", "sysctls");

  final YamlFile main;
  final Function<String, String> variables;

  /**
   * Variables of the files {@code include} reads, by shown path: an included project interpolates with its own
   * {@code .env} (or the item's {@code env_file}), the including project's values winning (compose-go's
   * loader/include.go: the parent environment merged over the included one).
   */
  private final Map<String, Function<String, String>> includedVariables = new HashMap<>();

  final YamlNode.Budget budget = new YamlNode.Budget(YamlNode.Budget.DEFAULT);

  /** What interpolation may hand out in all (a .env value of a megabyte used in every service). */
  final ExpansionBudget expansions;

  final List<ParseProblem> problems = new ArrayList<>();

  /** The comments and statements of every file read, each under its shown path (once per file). */
  final SourceLayout layout = new SourceLayout();

  private final Set<String> laidOut = new java.util.HashSet<>();

  /** Files that {@code extends} reads and {@code include} does not: only some of their services join the project. */
  private final Set<String> extendedOnly = new java.util.HashSet<>();

  private final Set<String> included = new java.util.HashSet<>();

  /** Marks in the layout the files of which only the extended services were read (see {@link SourceLayout#partial}). */
  void markPartialFiles() {
    for (String f : extendedOnly) if (!included.contains(f)) layout.partial(f);
  }

  /** Content of other files read, by shown path: scanned for credentials under their own name. */
  final Map<String, List<Scalar>> otherValues = new LinkedHashMap<>();

  private final Map<Path, Map<String, Entry>> servicesByFile = new HashMap<>();

  /** Files of include or extends that were not read, with why. */
  private final Map<Path, String> notReadFiles = new HashMap<>();

  /** Top-level {@code secrets:} and {@code configs:} definitions by name (the later file's winning). */
  final Map<String, Entry> secrets = new LinkedHashMap<>();

  final Map<String, Entry> configs = new LinkedHashMap<>();

  /** Top-level {@code volumes:} definitions by name: their driver options may bind a host path. */
  final Map<String, Entry> volumes = new LinkedHashMap<>();

  /** Every file of the project is read through it: nothing outside the project root, no special file. */
  final FileAccess access;

  /** References to files that were not read (outside the project, special, missing): reported as HD005. */
  final List<ParseProblem> notRead = new ArrayList<>();

  ComposeProject(YamlFile main, Function<String, String> variables, FileAccess access) {
    this.main = main;
    this.variables = variables;
    this.access = access;
    this.expansions = ExpansionBudget.forText(main.text().length());
  }

  // ---- spans ----

  Span span(YamlNode n) {
    return span(n.file(), n.start(), n.end());
  }

  Span span(YamlFile f, int start, int end) {
    return f.span(start, end);
  }

  private void problem(YamlNode at, String message) {
    problems.add(new ParseProblem(span(at), message));
  }

  /** How to show a path beside (or below) the linted file: the linted file's shown folder plus the relative path. */
  String display(Path p) {
    Path rel;
    try {
      rel = main.folder().relativize(p.toAbsolutePath().normalize());
    } catch (IllegalArgumentException e) {
      return p.toString();
    }
    Path shown = Path.of(main.display()).getParent();
    return (shown == null ? rel : shown.resolve(rel)).normalize().toString();
  }

  // ---- files ----

  /** Records a file's comments and statements, under its shown path, the first time it is read. */
  void recordLayout(YamlFile f) {
    if (laidOut.add(f.display())) YamlLayout.read(f.text(), f.lines(), f.display(), layout);
  }

  /**
   * Loads another YAML file of the project, every document of it; empty (with a problem at {@code from})
   * when it cannot be read.
   */
  List<YamlNode> loadOther(Path p, YamlNode from) {
    String text = read(p, from);
    return text == null ? List.of() : load(p, text);
  }

  private List<YamlNode> load(Path p, String text) {
    YamlFile f = YamlFile.of(p, display(p), text);
    YamlLoader.Loaded l = YamlLoader.load(f);
    recordLayout(f);
    problems.addAll(l.problems());
    otherValues.computeIfAbsent(f.display(), k -> new ArrayList<>()).addAll(l.values());
    return l.roots();
  }

  /**
   * A file the project references, read through {@link #access}; null when it is not read, with a HD005 at
   * {@code from} (at the start of the linted file when no value names it, as for an override file).
   */
  String read(Path p, YamlNode from) {
    return readOrNote(p, from).text();
  }

  private FileAccess.Read readOrNote(Path p, YamlNode from) {
    FileAccess.Read r = access.read(p, MAX_FILE_BYTES);
    if (!r.ok()) notRead(p, from, r.reason());
    return r;
  }

  /** Notes that a referenced file was not read and why. */
  void notRead(Path p, YamlNode from, String reason) {
    Span at = from == null ? main.span(0, 0) : span(from);
    Path abs = p.toAbsolutePath().normalize();
    // a path inside the project as the linted file's path shows it; one outside as written, made
    // absolute
    String shown =
        abs.startsWith(access.root()) || abs.startsWith(main.folder())
            ? display(p)
            : abs.toString();
    notRead.add(new ParseProblem(at, shown + " is not read: " + reason));
  }

  /** The {@code services} of a file's root, keyed by name; empty (with problems) when they are not a mapping. */
  Map<String, Entry> services(YamlNode root) {
    if (root == null || (root instanceof Scalar s && s.isNull())) return new LinkedHashMap<>();
    if (!(root instanceof Mapping m)) {
      problem(
          root,
          "a compose file should be a mapping of top-level keys such as services, not "
              + root.kind());
      return new LinkedHashMap<>();
    }
    Entry e = m.get("services", budget);
    if (e == null || (e.value() instanceof Scalar s && s.isNull())) return new LinkedHashMap<>();
    if (!(e.value() instanceof Mapping sm)) {
      problem(
          e.value(),
          "services should be a mapping of service names to services, not " + e.value().kind());
      return new LinkedHashMap<>();
    }
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Map.Entry<String, Entry> se : sm.merged(budget).entrySet()) {
      YamlNode v = se.getValue().value();
      if (v instanceof Mapping || (v instanceof Scalar s && s.isNull()))
        out.put(se.getKey(), se.getValue());
      else problem(v, "service " + se.getKey() + " should be a mapping, not " + v.kind());
    }
    return out;
  }

  /** Reads the top-level secrets and configs of documents; {@code weak}: names already defined are kept. */
  void readDefinitions(List<YamlNode> roots, boolean weak) {
    for (YamlNode root : roots) {
      if (!(root instanceof Mapping m)) continue;
      definitions(m.get("secrets", budget), secrets, weak);
      definitions(m.get("configs", budget), configs, weak);
      definitions(m.get("volumes", budget), volumes, weak);
    }
  }

  void readDefinitions(List<YamlNode> roots) {
    readDefinitions(roots, false);
  }

  private void definitions(Entry e, Map<String, Entry> into, boolean weak) {
    if (e == null || !(e.value() instanceof Mapping dm)) return;
    for (Map.Entry<String, Entry> d : dm.merged(budget).entrySet()) {
      budget.spend(1);
      Entry prev = into.get(d.getKey());
      if (prev == null) into.put(d.getKey(), d.getValue());
      else if (!weak)
        into.put(
            d.getKey(),
            new Entry(prev.key(), merge(d.getKey(), prev.value(), d.getValue().value())));
    }
  }

  /** The services of a file's documents, each merged over the ones before as Compose does. */
  Map<String, Entry> services(List<YamlNode> roots) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (YamlNode root : roots) mergeRoot(out, root);
    return out;
  }

  /**
   * Merges the services of a document (of the file, or of an override file) over those read before; a
   * service tagged {@code !reset} is removed, one tagged {@code !override} replaces the one before whole.
   */
  void mergeRoot(Map<String, Entry> base, YamlNode root) {
    Map<String, Entry> over = services(root);
    Mapping node = null;
    Entry se = root instanceof Mapping m ? m.get("services", budget) : null;
    if (se != null && se.value() instanceof Mapping sm) node = sm;
    if (node != null) for (String r : node.resets) base.remove(r);
    for (Map.Entry<String, Entry> e : over.entrySet()) {
      Entry prev = base.get(e.getKey());
      if (prev == null || (node != null && node.overrides.contains(e.getKey())))
        base.put(e.getKey(), e.getValue());
      else
        base.put(
            e.getKey(),
            new Entry(prev.key(), merge(e.getKey(), prev.value(), e.getValue().value())));
    }
  }

  /**
   * The services of a file that {@code include} or {@code extends} names; that file is remembered as read.
   * Null when the file is not read (a HD005 says so at {@code from}).
   */
  private Map<String, Entry> servicesOf(Path file, YamlNode from) {
    Path key = file.toAbsolutePath().normalize();
    String refused = notReadFiles.get(key);
    if (refused != null) {
      notRead(key, from, refused); // each reference to it says so where it stands
      return null;
    }
    Map<String, Entry> s = servicesByFile.get(key);
    if (s == null) {
      FileAccess.Read r = readOrNote(key, from);
      if (!r.ok()) {
        notReadFiles.put(key, r.reason());
        return null;
      }
      String text = r.text();
      List<YamlNode> roots = load(key, text);
      rootsByFile.put(key, roots);
      s = services(roots);
      readDefinitions(roots, true);
      servicesByFile.put(key, s);
    }
    return s;
  }

  /** The documents of each file {@link #servicesOf} read, by path: an included file's own includes are read from them. */
  private final Map<Path, List<YamlNode>> rootsByFile = new HashMap<>();

  /** An included file's services with those of the files it includes in turn, by path: each file is done once. */
  private final Map<Path, Map<String, Entry>> withIncludes = new HashMap<>();

  /** The included files being read, innermost last: an include of one of them is a cycle. */
  private final java.util.LinkedHashSet<Path> including = new java.util.LinkedHashSet<>();

  /**
   * An included file's services and, as Compose loads them, those of the files its own {@code include:} names
   * (a privileged service two includes deep was never seen). Each file is read once, however many files
   * include it; a cycle or more than {@link #MAX_EXTENDS} files deep is a problem at the include, not a loop.
   */
  private Map<String, Entry> includedServices(Path key, Map<String, Entry> own, Scalar at) {
    included.add(display(key));
    Map<String, Entry> done = withIncludes.get(key);
    if (done != null) return done;
    List<YamlNode> roots = rootsByFile.getOrDefault(key, List.of());
    boolean includes = false;
    for (YamlNode root : roots)
      includes |= root instanceof Mapping m && m.get("include", budget) != null;
    if (!includes) return own;
    if (including.contains(key)) {
      problem(
          at,
          "include forms a cycle: "
              + display(key)
              + " includes itself through the files it includes");
      return own;
    }
    if (including.size() >= MAX_EXTENDS) {
      problem(at, "include goes deeper than " + MAX_EXTENDS + " files");
      return own;
    }
    including.add(key);
    Map<String, Entry> all = new LinkedHashMap<>(own);
    try {
      for (YamlNode root : roots) include(root, all);
    } finally {
      including.remove(key);
    }
    withIncludes.put(key, all);
    return all;
  }

  /** Adds the services of the files a top-level {@code include:} names (those already defined are kept). */
  void include(YamlNode root, Map<String, Entry> services) {
    if (!(root instanceof Mapping m)) return;
    Entry inc = m.get("include", budget);
    if (inc == null || !(inc.value() instanceof Sequence seq)) return;
    for (YamlNode item : seq.items()) {
      List<YamlNode> paths = new ArrayList<>();
      if (item instanceof Scalar s) {
        paths.add(s);
      } else if (item instanceof Mapping im) {
        Entry pe = im.get("path", budget);
        if (pe != null && pe.value() instanceof Sequence ps) paths.addAll(ps.items());
        else if (pe != null) paths.add(pe.value());
      }
      // several paths in one item are one project: the later files override the first, as with -f
      Map<String, Entry> project = null;
      for (YamlNode p : paths) {
        if (!(p instanceof Scalar s) || s.isNull()) continue;
        String v = expand(s);
        if (v == null) continue;
        Path file;
        try {
          file = s.file().folder().resolve(v).normalize();
        } catch (java.nio.file.InvalidPathException e) {
          continue;
        }
        Path key = file.toAbsolutePath().normalize();
        if (!includedVariables.containsKey(display(key))) {
          Function<String, String> parent = variablesOf(s.file());
          Map<String, String> own = includedEnv(item, s, key);
          includedVariables.put(
              display(key),
              n -> {
                String pv = parent.apply(n);
                return pv != null ? pv : own.get(n);
              });
        }
        Map<String, Entry> found = servicesOf(file, s);
        if (found == null) continue;
        found = includedServices(key, found, s);
        if (project == null) project = new LinkedHashMap<>(found);
        else mergeServices(project, found);
      }
      if (project != null)
        for (Map.Entry<String, Entry> e : project.entrySet())
          services.putIfAbsent(e.getKey(), e.getValue());
    }
  }

  /**
   * A value of {@code file} interpolated, or null when it needs an unknown variable or the expansion budget is
   * spent: the value's own length is charged too, since an alias hands one long value to thousands of services.
   */
  String expand(String value, YamlFile file) {
    if (!expansions.take(value.length())) return null;
    return Interpolation.expand(value, variablesOf(file));
  }

  /** A scalar's value interpolated with its own file's variables (see {@link #expand(String, YamlFile)}). */
  String expand(Scalar s) {
    return expand(s.value(), s.file());
  }

  /** The variables a file's values interpolate with: its include's, or the project's. */
  Function<String, String> variablesOf(YamlFile f) {
    return expansions.lookup(
        f == null ? variables : includedVariables.getOrDefault(f.display(), variables));
  }

  /** An include item's {@code env_file} (one or a list, relative to the including file), else the .env beside the file. */
  private Map<String, String> includedEnv(YamlNode item, Scalar at, Path included) {
    Map<String, String> own = new HashMap<>();
    List<YamlNode> files = new ArrayList<>();
    if (item instanceof Mapping im) {
      Entry ef = im.get("env_file", budget);
      if (ef != null && ef.value() instanceof Sequence es) files.addAll(es.items());
      else if (ef != null) files.add(ef.value());
    }
    try {
      if (files.isEmpty()) {
        Path dir = included.getParent();
        if (dir != null) own.putAll(implicitEnv(dir.resolve(".env"), at));
      }
      for (YamlNode f : files) {
        if (f instanceof Scalar fs && !fs.isNull()) {
          Path p = at.file().folder().resolve(fs.value()).normalize();
          String text = read(p, fs);
          if (text != null) own.putAll(DotEnv.parse(text));
        }
      }
    } catch (java.nio.file.InvalidPathException e) {
      // a path the file system cannot name holds no variables
    }
    return own;
  }

  /**
   * The variables of a {@code .env} that Compose reads when it is there: a missing one is normal and says
   * nothing; one that is there but is not read (a link out of the project, a FIFO) is a HD005 at {@code at}.
   */
  Map<String, String> implicitEnv(Path envFile, YamlNode at) {
    FileAccess.Read r = access.read(envFile, DotEnv.MAX_BYTES);
    if (r.ok()) return DotEnv.parse(r.text());
    if (r.refusal() != FileAccess.Refusal.ABSENT || access.exists(envFile))
      notRead(envFile, at, r.reason());
    return Map.of();
  }

  // ---- merging ----

  /** Merges an override file's services into the base ones, as Compose does. */
  void mergeServices(Map<String, Entry> base, Map<String, Entry> override) {
    for (Map.Entry<String, Entry> e : override.entrySet()) {
      Entry prev = base.get(e.getKey());
      if (prev == null) {
        base.put(e.getKey(), e.getValue());
      } else {
        base.put(
            e.getKey(),
            new Entry(prev.key(), merge(e.getKey(), prev.value(), e.getValue().value())));
      }
    }
  }

  /**
   * Compose's merge (compose-spec "Merge", compose-go's override package): mappings merge key by key, lists
   * are appended to (the mapper then keeps one item per unique key: a volume per target, a port per
   * ip/published/target/protocol, a capability per name...), {@code command}, {@code entrypoint} and
   * {@code healthcheck.test} are replaced, NAME=value lists and mappings merge by name, a key tagged
   * {@code !reset} is removed and one tagged {@code !override} replaces the base's value whole. Any other
   * value of the override replaces the base's. Every node keeps its own file and position.
   */
  YamlNode merge(String key, YamlNode base, YamlNode over) {
    if (over instanceof Scalar s && s.isNull() && base instanceof Mapping) return base;
    if (base instanceof Scalar s && s.isNull()) return over;
    if (key.equals("build") && (base instanceof Mapping) != (over instanceof Mapping)) {
      // build: ./dir is build: {context: ./dir}, so that either form merges with the other
      base = buildMapping(base);
      over = buildMapping(over);
    }
    if (base instanceof Mapping bm && over instanceof Mapping om) {
      Map<String, Entry> out = new LinkedHashMap<>(bm.merged(budget));
      budget.spend(
          out.size()); // the copy costs as much: many documents over one wide mapping stay bounded
      for (String r : om.resets) out.remove(r);
      for (Map.Entry<String, Entry> e : om.merged(budget).entrySet()) {
        budget.spend(1);
        String k = e.getKey();
        Entry prev = out.get(k);
        boolean replace = prev == null || om.overrides.contains(k) || k.startsWith("x-");
        YamlNode merged = replace ? null : merge(k, prev.value(), e.getValue().value());
        // a value the override replaces keeps the override's key, so that 'privileged: true' stays
        // one span
        out.put(
            k,
            replace || merged == e.getValue().value()
                ? e.getValue()
                : new Entry(prev.key(), merged));
      }
      return bm.with(new ArrayList<>(out.values()));
    }
    if (REPLACED_LISTS.contains(key)) return over;
    if (NAME_VALUE_KEYS.contains(key)
        && (base instanceof Sequence || base instanceof Mapping)
        && (over instanceof Sequence || over instanceof Mapping)
        && base.getClass() != over.getClass()) {
      // NAME=value list and NAME: value mapping mix: a list holding the mapping as one item, read
      // in order
      List<YamlNode> items = new ArrayList<>();
      for (YamlNode n : new YamlNode[] {base, over}) {
        if (n instanceof Sequence seq) items.addAll(seq.items());
        else items.add(n);
      }
      budget.spend(items.size());
      return new Sequence(base.file(), base.start(), base.end(), items);
    }
    if (base instanceof Sequence bs && over instanceof Sequence os) {
      List<YamlNode> items = new ArrayList<>(bs.items());
      items.addAll(os.items());
      budget.spend(items.size());
      return new Sequence(bs.file(), bs.start(), bs.end(), items);
    }
    return over;
  }

  private static YamlNode buildMapping(YamlNode n) {
    if (!(n instanceof Scalar s) || s.isNull()) return n;
    Scalar key = new Scalar(s.file(), s.start(), s.start(), "context", true, false);
    return new Mapping(s.file(), s.start(), s.end(), List.of(new Entry(key, s)));
  }

  /** The service with what it {@code extends} merged underneath it. */
  Mapping resolveExtends(String name, Mapping svc, Map<String, Entry> sameFile, int depth) {
    Entry ext = svc.get("extends", budget);
    if (ext == null) return svc;
    if (depth >= MAX_EXTENDS) {
      problem(ext.key(), "extends goes deeper than " + MAX_EXTENDS + " services (a cycle?)");
      return svc;
    }
    String baseName = null;
    YamlNode fileNode = null;
    if (ext.value() instanceof Scalar s && !s.isNull()) {
      baseName = s.value();
    } else if (ext.value() instanceof Mapping em) {
      Entry se = em.get("service", budget);
      if (se != null && se.value() instanceof Scalar s) baseName = s.value();
      Entry fe = em.get("file", budget);
      if (fe != null) fileNode = fe.value();
    }
    if (baseName == null) {
      problem(ext.value(), "extends should name a service");
      return svc;
    }
    Map<String, Entry> from = sameFile;
    if (fileNode instanceof Scalar fs && !fs.isNull()) {
      String v = expand(fs);
      if (v == null) return svc;
      from = servicesOf(fs.file().folder().resolve(v), fs);
      if (from == null) return svc; // not read: HD005 says so, and what it would set is unknown
      extendedOnly.add(display(fs.file().folder().resolve(v).toAbsolutePath().normalize()));
    }
    Entry be = from.get(baseName);
    if (be == null) {
      problem(ext.value(), "extends names the service " + baseName + ", which is not defined");
      return svc;
    }
    if (!(be.value() instanceof Mapping bm)) return svc;
    Mapping base = resolveExtends(baseName, bm, from, depth + 1);
    Map<String, Entry> own = new LinkedHashMap<>(svc.merged(budget));
    own.remove("extends");
    Map<String, Entry> inherited = new LinkedHashMap<>(base.merged(budget));
    inherited.remove("extends");
    return (Mapping)
        merge(
            name,
            base.with(new ArrayList<>(inherited.values())),
            svc.with(new ArrayList<>(own.values())));
  }

  // ---- build ----

  BuildRef build(Entry e, ServiceMapper mapper, String service) {
    YamlNode v = e.value();
    String context = ".";
    String dockerfile = "Dockerfile";
    String inline = null;
    String target = null;
    Span span;
    if (v instanceof Scalar s) {
      if (s.isNull()) return null;
      context = expand(s);
      span = mapper.pairSpan(e);
    } else if (v instanceof Mapping bm) {
      span = span(e.key());
      Map<String, Entry> m = bm.merged(budget);
      if (mapper.scalar(m.get("context"), "build.context") instanceof Scalar c && !c.isNull()) {
        context = expand(c);
      }
      if (mapper.scalar(m.get("dockerfile"), "build.dockerfile") instanceof Scalar d
          && !d.isNull()) {
        dockerfile = expand(d);
      }
      if (mapper.scalar(m.get("dockerfile_inline"), "build.dockerfile_inline") instanceof Scalar d
          && !d.isNull()) {
        inline = expand(d);
        if (inline == null) inline = d.value();
      }
      if (mapper.scalar(m.get("target"), "build.target") instanceof Scalar t && !t.isNull()) {
        target = expand(t);
        if (target == null)
          return new BuildRef(null, null, span, null, null); // unknown target: don't guess
      }
      mapper.buildArgs(m.get("args"), service);
    } else {
      mapper.problem(v, "build should be a path or a mapping, not " + v.kind());
      return null;
    }
    if (context == null
        || context.contains("://")
        || context.startsWith("git@")
        || context.startsWith("github.com/")) {
      return new BuildRef(null, null, span, null, null);
    }
    Path ctx;
    try {
      ctx = v.file().folder().resolve(context).normalize();
    } catch (java.nio.file.InvalidPathException ex) {
      return new BuildRef(null, null, span, null, null);
    }
    if (inline != null) {
      User u =
          finalUser(
              SourceFile.of(
                  ctx.resolve("Dockerfile"), "(dockerfile_inline)", inline, SourceKind.DOCKERFILE),
              target);
      return new BuildRef(ctx, null, span, u == null ? null : u.name, null);
    }
    Path df;
    try {
      df = dockerfile == null ? null : ctx.resolve(dockerfile).normalize();
    } catch (java.nio.file.InvalidPathException ex) {
      df = null;
    }
    if (df == null) return new BuildRef(ctx, null, span, null, null);
    String text = read(df, dockerfileNode(v));
    if (text == null) return new BuildRef(ctx, df, span, null, null);
    User u = finalUser(SourceFile.of(df, display(df), text, SourceKind.DOCKERFILE), target);
    if (u == null) return new BuildRef(ctx, df, span, null, null);
    return new BuildRef(ctx, df, span, u.name, u.span);
  }

  /** Where a build names its Dockerfile: its dockerfile value, else its context, else the build value. */
  private YamlNode dockerfileNode(YamlNode build) {
    if (!(build instanceof Mapping bm)) return build;
    Map<String, Entry> m = bm.merged(budget);
    Entry d = m.get("dockerfile");
    if (d == null) d = m.get("context");
    return d == null ? build : d.value();
  }

  record User(String name, Span span) {}

  /**
   * The user the image's final stage (or the {@code build.target} stage) runs as: its last USER, else that of the stage it is built FROM,
   * and so on; {@code ""} at the final FROM when none sets one; null when it cannot be known.
   */
  static User finalUser(SourceFile dockerfile, String target) {
    ImageBuild b;
    try {
      b = DockerfileReader.read(dockerfile).build();
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
    Stage last = b == null ? null : b.finalStage();
    if (target != null && b != null) {
      // build.target builds that stage, not the last one; a target that names no stage is not
      // guessed at
      last = null;
      for (Stage s : b.stages())
        if (s.name() != null && s.name().equalsIgnoreCase(target)) last = s;
    }
    if (last == null) return null;
    for (Stage s = last; s != null; s = s.parent()) {
      Instruction.User u = s.last(Instruction.User.class);
      if (u != null) {
        if (u.user() == null) return null;
        String name = b.variables().expand(u.user().value(), u);
        return name == null ? null : new User(name, u.user().span());
      }
    }
    return new User(
        "", last.from().image() == null ? last.from().span() : last.from().image().span());
  }
}
