package dev.hardock.engine;

import dev.hardock.io.DiskAccess;
import dev.hardock.io.FileAccess;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.SourceText;
import dev.hardock.model.container.BuildArg;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Findings;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.RuleType;
import dev.hardock.rule.custom.CustomRule;
import dev.hardock.rule.custom.CustomRules;
import dev.hardock.rule.custom.ModelView;
import dev.hardock.source.compose.ComposeReader;
import dev.hardock.source.daemon.DaemonReader;
import dev.hardock.source.dockerfile.DockerfileReader;
import dev.hardock.source.run.RunLineReader;
import dev.hardock.source.yaml.YamlLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Reads files into the model and runs the active rules over them, in parallel, never failing on input. */
public final class Linter {
  private final LintSettings settings;
  private ComposeReader.Options composeOptions = ComposeReader.Options.DEFAULT;

  /** How the files of a project root are read: the disk, or (the language server) unsaved buffers over it. */
  private java.util.function.Function<Path, FileAccess> accessOf = DiskAccess::new;

  private final Map<Path, FileAccess> access = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Notice> notices = Collections.synchronizedList(new ArrayList<>());
  private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());

  /**
   * Dockerfiles that compose files of the run build, by path, as targets (shown beside the compose file that
   * names them): Docker uses them whatever their name or folder ({@code dockerfile: ops/Buildfile}, a build
   * context under {@code vendor/}), so they are linted even when the walk did not pick them (only for compose
   * files a walk found: a file named alone on the command line, as pre-commit passes staged files, brings in
   * nothing else).
   */
  private final Map<Path, Target> built = new java.util.concurrent.ConcurrentHashMap<>();

  /** Files linted through another compose file of the run (their base), by path. */
  private final Map<Path, Path> bases = new java.util.concurrent.ConcurrentHashMap<>();

  /** The custom rules of {@link #settings}, compiled: set by the first lint that runs one. */
  private volatile List<CustomRule> compiledCustom;

  public Linter(LintSettings settings) {
    this.settings = settings;
  }

  /** How compose files are interpolated (--use-env, --env-file). */
  public Linter withComposeOptions(ComposeReader.Options options) {
    this.composeOptions = options;
    return this;
  }

  /**
   * How compose files are interpolated: {@code useEnv} adds this process's environment (--use-env), and
   * {@code envFiles} replace the .env beside each compose file (--env-file).
   */
  public Linter withComposeEnvironment(boolean useEnv, List<Path> envFiles) {
    return withComposeOptions(new ComposeReader.Options(useEnv, List.copyOf(envFiles)));
  }

  /**
   * Loads the classes every run needs (the rule catalog, the shell grammar's ATN and its first prediction),
   * for the command line's warm-up thread: nothing depends on it having run.
   */
  public static void warmUp() {
    RuleRegistry.builtIn().metas();
    dev.hardock.source.shell.ShellParser.parse("a -x \"$(b)\" | c && d; e > f");
  }

  /** How the files under a project root are read (default: the disk, confined to the root). */
  public Linter withFileAccess(java.util.function.Function<Path, FileAccess> accessOf) {
    this.accessOf = accessOf;
    this.access.clear();
    return this;
  }

  private FileAccess accessFor(Target t) {
    return access.computeIfAbsent(t.root(), accessOf);
  }

  /** Lints every target; results come back in the order of the targets. */
  public List<FileResult> lint(List<Target> targets, int threads) {
    Set<Path> batch = new HashSet<>();
    for (Target t : targets) batch.add(t.path().toAbsolutePath().normalize());
    for (Target t : targets) {
      if (t.kind() != SourceKind.COMPOSE) continue;
      // the files merged over a compose file (its override, the rest of COMPOSE_FILE) are read
      // through it
      Path self = t.path().toAbsolutePath().normalize();
      for (Path o : ComposeReader.projectFilesAfter(t.path(), accessFor(t)))
        if (!o.equals(self)) bases.putIfAbsent(o, t.path());
    }
    if (targets.size() <= 1 || threads <= 1) {
      List<FileResult> out = new ArrayList<>();
      for (Target t : targets) out.add(lint(t, null, batch));
      return leftToOwners(targets, out);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, targets.size()),
            r -> {
              Thread th = new Thread(null, r, "hardock-lint", 16L * 1024 * 1024);
              th.setDaemon(true);
              return th;
            });
    try {
      List<Future<FileResult>> futures = new ArrayList<>();
      for (Target t : targets) futures.add(pool.submit(() -> lint(t, null, batch)));
      List<FileResult> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (Exception e) {
          Throwable cause =
              e instanceof java.util.concurrent.ExecutionException x && x.getCause() != null
                  ? x.getCause()
                  : e;
          out.add(internalError(targets.get(i), cause));
        }
      }
      return leftToOwners(targets, out);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Lints one file; {@code stdin} holds its bytes when it was read from standard input. */
  public FileResult lint(Target target, byte[] stdin) {
    return lint(target, stdin, Set.of());
  }

  private FileResult lint(Target target, byte[] stdin, Set<Path> batch) {
    if (target.kind() == SourceKind.COMPOSE && stdin == null) {
      Path base = bases.get(target.path().toAbsolutePath().normalize());
      if (base == null) base = ComposeReader.baseOf(target.path(), accessFor(target));
      if (base != null) return lintOverride(target, base, batch);
    }
    if (customRulesFailed()) return new FileResult(target.displayPath(), target.kind(), List.of());
    try {
      SourceLoader.Loaded loaded = SourceLoader.load(target, stdin, accessFor(target));
      Findings out = new Findings(target.displayPath(), target.kind(), settings.severities());
      out.source(loaded.file().text(), loaded.file().lines());
      RuleMeta hd001 = RuleRegistry.parseError();
      SourceLayout layout = new SourceLayout();
      if (loaded.problem() != null) {
        out.report(hd001, loaded.problem().span(), loaded.problem().message());
      } else {
        Read read = lintSource(loaded.file(), out, hd001, accessFor(target), !target.named());
        layout = read.layout();
        List<CustomRule> custom = activeCustomRules(loaded.file());
        if (!custom.isEmpty()) {
          Map<Object, dev.hardock.model.Span> origins = new java.util.IdentityHashMap<>();
          CustomRules.run(custom, read.view(() -> modelPath(target), origins), origins, out);
        }
      }
      List<Finding> found = new ArrayList<>(out.all());
      found.sort(Finding.inFileOrder(target.displayPath()));
      Suppressions.Applied applied = Suppressions.apply(loaded.file(), layout, found, settings);
      return new FileResult(
          target.displayPath(),
          target.kind(),
          applied.kept(),
          loaded.file().text(),
          RepoPaths.uri(target.path()),
          applied.suppressed());
    } catch (OutOfMemoryError e) {
      return outOfMemory(target);
    } catch (RuntimeException | StackOverflowError e) {
      return internalError(target, e);
    }
  }

  /**
   * A finding that a compose file's lint made in another file of the run (one it includes or extends) is left
   * to that file's own lint only when that lint reports the identical finding (same rule, file, span and
   * message), or silenced it there: the file may be linted as another kind ({@code ci.gitlab-ci.yml}, a
   * {@code .md}), or judged alone without the including project's variables, and then reports other findings
   * or none. Results stay in the order of the targets.
   */
  private static List<FileResult> leftToOwners(List<Target> targets, List<FileResult> results) {
    Map<Path, Integer> byPath = new java.util.HashMap<>();
    for (int i = 0; i < targets.size(); i++)
      byPath.putIfAbsent(targets.get(i).path().toAbsolutePath().normalize(), i);
    // what each file's own lint found in it (reported or silenced), built when first asked: hashed,
    // not searched
    Map<Integer, Set<List<Object>>> owned = new java.util.HashMap<>();
    Paths paths = new Paths();
    for (int i = 0; i < results.size(); i++) {
      FileResult r = results.get(i);
      Path self = targets.get(i).path().toAbsolutePath().normalize();
      List<Finding> kept = new ArrayList<>();
      for (Finding f : r.findings()) {
        Path in = paths.of(f, self);
        Integer owner = in.equals(self) ? null : byPath.get(in);
        boolean reportedThere =
            owner != null
                && owned
                    .computeIfAbsent(owner, k -> ownFindings(targets.get(k), results.get(k)))
                    .contains(key(f, in));
        if (!reportedThere) kept.add(f);
      }
      if (kept.size() < r.findings().size()) {
        results.set(
            i, new FileResult(r.displayPath(), r.kind(), kept, r.text(), r.uri(), r.suppressed()));
      }
    }
    return results;
  }

  /** The findings a file's lint made in that file itself, reported or silenced, as {@link #key}s. */
  private static Set<List<Object>> ownFindings(Target t, FileResult r) {
    Path self = t.path().toAbsolutePath().normalize();
    Set<List<Object>> out = new HashSet<>();
    Paths paths = new Paths();
    for (Finding g : r.findings()) if (paths.of(g, self).equals(self)) out.add(key(g, self));
    for (FileResult.Suppressed s : r.suppressed())
      if (paths.of(s.finding(), self).equals(self)) out.add(key(s.finding(), self));
    return out;
  }

  /** What makes two lints' findings the same finding: rule, file, span (by position) and message. */
  private static List<Object> key(Finding f, Path file) {
    return List.of(f.rule().id(), file, f.span(), f.message());
  }

  /**
   * The file a finding is in, made absolute and normal ({@code linted} for a span of no file), remembering the
   * last file's: a file's findings mostly stand in that file, and making a path absolute and normal once per
   * finding cost the main thread ~10 ms on a tree of 3,500 Dockerfiles with 36,000 findings.
   */
  private static final class Paths {
    private SourceFile last;
    private Path lastPath;

    Path of(Finding f, Path linted) {
      SourceFile in = f.span() == null ? null : f.span().file();
      if (in == null || in.path() == null) return linted;
      if (in != last) {
        last = in;
        lastPath = in.path().toAbsolutePath().normalize();
      }
      return lastPath;
    }
  }

  /**
   * A file whose model does not fit in the heap (a megabyte of shell words can need a few hundred MB) is no
   * bug to report but a limit to name: the memory was freed with the file's model, the other files go on.
   */
  private FileResult outOfMemory(Target t) {
    Findings out = new Findings(t.displayPath(), t.kind(), settings.severities());
    long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    out.report(
        settings.rules().parseError(),
        dev.hardock.model.Span.START,
        "not enough memory to lint this file (the Java heap is "
            + mib
            + " MiB): split the file, or raise the heap with HARDOCK_JAVA_OPTS=-Xmx1g");
    return new FileResult(t.displayPath(), t.kind(), out.all());
  }

  /**
   * The model of a file as read: what {@link ModelView} shows and custom rules judge, and the comments and
   * statements its reader met (suppressions).
   */
  record Read(
      SourceFile file,
      List<ContainerSpec> containers,
      ImageBuild build,
      DaemonConfig daemon,
      SourceLayout layout) {
    Map<String, Object> view(String path) {
      return ModelView.file(path, file.kind().id(), containers, build, daemon);
    }

    Map<String, Object> view(
        java.util.function.Supplier<String> path, Map<Object, dev.hardock.model.Span> origins) {
      return ModelView.file(path, file.kind().id(), containers, build, daemon, origins);
    }
  }

  /** Reads the file and runs the rules over its model. */
  private Read lintSource(
      SourceFile file, Findings out, RuleMeta hd001, FileAccess access, boolean walked) {
    List<Rule> rules = activeRules(file, out);
    switch (file.kind()) {
      case DOCKERFILE -> {
        DockerfileReader.Result r = DockerfileReader.read(file);
        report(r.problems(), out, hd001, file);
        DockerfileWalk.walk(r.build(), rules);
        var over = r.build().variables().overBudgetAt();
        if (over != null)
          report(
              List.of(new ParseProblem(over.span(), r.build().variables().budgetNotice())),
              out,
              hd001,
              file);
        return new Read(file, List.of(), r.build(), null, r.layout());
      }
      case DAEMON -> {
        DaemonReader.Result r = DaemonReader.read(file);
        report(r.problems(), out, hd001, file);
        for (Rule rule : rules) rule.check(r.config());
        for (Rule rule : rules) rule.finish();
        return new Read(file, List.of(), null, r.config(), r.layout());
      }
      case RUN, SYSTEMD -> {
        return walkRun(file, RunLineReader.read(file), out, hd001, rules);
      }
      case ANSIBLE -> {
        return walkRun(file, dev.hardock.source.run.AnsibleReader.read(file), out, hd001, rules);
      }
      case QUADLET -> {
        return walkRun(file, dev.hardock.source.run.QuadletReader.read(file), out, hd001, rules);
      }
      case COMPOSE -> {
        return lintCompose(file, out, hd001, rules, access, walked);
      }
      case DEVCONTAINER -> {
        dev.hardock.source.run.DevContainerReader.Result r =
            dev.hardock.source.run.DevContainerReader.read(file, access);
        if (walked) {
          noteBuilt(file, r.run().containers(), access);
          noteLinked(file, r.composeFiles(), SourceKind.COMPOSE, access);
        }
        reportAs(RuleRegistry.ReaderRule.REFERENCE_NOT_READ, r.notRead(), out);
        return walkRun(file, r.run(), out, hd001, rules);
      }
      default -> {
        out.report(
            hd001,
            dev.hardock.model.Span.START,
            "no reader for " + file.kind().id() + " files yet");
        return new Read(file, List.of(), null, null, new SourceLayout());
      }
    }
  }

  /**
   * Containers read as run lines are (run lines, dev containers, units): problems, unknown flags, one walk; the
   * file's comments and statements as its reader recorded them.
   */
  private Read walkRun(
      SourceFile file, RunLineReader.Result r, Findings out, RuleMeta hd001, List<Rule> rules) {
    report(r.problems(), out, hd001, file);
    reportAs(RuleRegistry.ReaderRule.UNKNOWN_RUN_FLAG, r.unknownFlags(), out);
    ContainerWalk.walk(r.containers(), r.env(), r.texts(), rules);
    return new Read(file, r.containers(), null, null, r.layout());
  }

  /**
   * The comments and statements of a file as its reader records them, without linting it (the suppression
   * step on its own; a compose file alone, without the files it names).
   */
  static SourceLayout layoutOf(SourceFile file) {
    return switch (file.kind()) {
      case DOCKERFILE -> DockerfileReader.read(file).layout();
      case DAEMON -> DaemonReader.read(file).layout();
      case RUN, SYSTEMD -> RunLineReader.read(file).layout();
      case QUADLET -> dev.hardock.source.run.QuadletReader.read(file).layout();
      case ANSIBLE -> dev.hardock.source.run.AnsibleReader.read(file).layout();
      case DEVCONTAINER -> dev.hardock.source.run.DevContainerReader.layout(file);
      case COMPOSE -> {
        SourceLayout layout = new SourceLayout();
        YamlLayout.read(file.text(), file.lines(), file.displayPath(), layout);
        yield layout;
      }
      default -> new SourceLayout();
    };
  }

  /**
   * A compose file is read with its overrides, extends and includes: the merged services are walked once
   * (so a limit set in one file and ports in another give no missing-limit finding), and a finding at a
   * value another file set is reported in that file (its span names it); each other file's text is scanned
   * too. A finding in another file that is linted in the same run is left to it when it reports the same
   * ({@link #leftToOwners}).
   */
  private Read lintCompose(
      SourceFile file,
      Findings out,
      RuleMeta hd001,
      List<Rule> rules,
      FileAccess access,
      boolean walked) {
    ComposeReader.Result r = ComposeReader.read(file, composeOptions, access);
    // a file the user named alone (a pre-commit hook's staged file) brings in no other file to lint
    if (walked) noteBuilt(file, r.containers(), access);
    report(r.problems(), out, hd001, file);
    reportAs(RuleRegistry.ReaderRule.REFERENCE_NOT_READ, r.notRead(), out);
    reportAs(RuleRegistry.ReaderRule.UNKNOWN_COMPOSE_KEY, r.unknownKeys(), out);
    for (BuildArg a : r.buildArgs()) for (Rule rule : rules) rule.check(a);
    ContainerWalk.walk(r.containers(), r.texts(), rules);
    for (List<SourceText> other : r.otherTexts().values())
      ContainerWalk.walk(List.of(), other, activeRules(file, out));
    // a value behind an anchor that several services share is one finding, not one per service
    java.util.Set<List<Object>> seen = new HashSet<>();
    out.all().removeIf(f -> !seen.add(List.of(f.rule().id(), f.file(), f.span(), f.message())));
    maskEnvironment(out.all(), r.environmentValues());
    // the comments of every file read apply to the findings in that file (Finding.file); a finding
    // another lint
    // of the run reports identically is left to it afterwards (leftToOwners), with its suppression
    return new Read(file, r.containers(), null, null, r.layout());
  }

  /**
   * Values that interpolation took from the process environment (--use-env) may be CI secrets: wherever a
   * message would show one, it shows a placeholder. Values shorter than 4 characters ("1", "yes") are kept:
   * masking them would garble messages, and they hide no secret.
   */
  static void maskEnvironment(List<Finding> findings, Set<String> values) {
    if (values.isEmpty()) return;
    List<String> longestFirst = new ArrayList<>();
    for (String v : values) if (v.length() >= 4) longestFirst.add(v);
    if (longestFirst.isEmpty()) return;
    longestFirst.sort((a, b) -> b.length() - a.length());
    findings.replaceAll(
        f -> {
          String m = f.message();
          for (String v : longestFirst)
            if (m.contains(v)) m = m.replace(v, "<value from the environment>");
          return m.equals(f.message()) ? f : f.withMessage(m);
        });
  }

  /**
   * An override file is read through its base, as Compose reads it. When the base is linted in the same run
   * the override's findings come with the base's; alone, only the findings in the override itself are kept
   * (not those of the base, nor of the files either includes or extends).
   */
  private FileResult lintOverride(Target target, Path base, Set<Path> batch) {
    if (batch.contains(base.toAbsolutePath().normalize()))
      return new FileResult(target.displayPath(), target.kind(), List.of());
    String shownBase = shownBeside(target.path(), target.displayPath(), base);
    FileResult all =
        lint(new Target(base, shownBase, SourceKind.COMPOSE, target.root(), false), null, batch);
    Path self = target.path().toAbsolutePath().normalize();
    Path basePath = base.toAbsolutePath().normalize();
    List<Finding> mine = new ArrayList<>();
    String text = null;
    Paths paths = new Paths();
    for (Finding f : all.findings()) {
      // a finding of no file (Span.START: a limit of the whole project) stands in the base
      if (paths.of(f, basePath).equals(self)) {
        mine.add(f.withFile(target.displayPath()));
        text = f.span().file().text();
      }
    }
    return new FileResult(
        target.displayPath(), target.kind(), mine, text, RepoPaths.uri(target.path()), List.of());
  }

  /** Problems a reader found that a rule of the linter itself reports (HD002, HD005, HD006), when it is on. */
  private void reportAs(RuleRegistry.ReaderRule which, List<ParseProblem> problems, Findings out) {
    RuleMeta rule = which.meta();
    if (rule == null || !settings.isActive(rule)) return;
    for (ParseProblem p : problems) out.report(rule, p.span(), p.message());
  }

  private void report(List<ParseProblem> problems, Findings out, RuleMeta hd001, SourceFile file) {
    for (ParseProblem p : problems) {
      if (p.bug() != null) {
        // the reader failed, not the file: no HD001 on it, an internal error of the run
        failures.add(
            new Failure(
                p.span().file() == null ? file.displayPath() : p.span().file().displayPath(),
                p.bug()));
      } else if (p.skipped()) {
        String in = p.span().file() == null ? file.displayPath() : p.span().file().displayPath();
        notices.add(new Notice(in, p.span().line() + ":" + p.span().column() + ": " + p.message()));
      } else if (settings.isActive(hd001)) {
        out.report(hd001, p.span(), p.message());
      }
    }
  }

  private void noteBuilt(
      SourceFile file,
      List<dev.hardock.model.container.ContainerSpec> containers,
      FileAccess access) {
    if (file.path() == null || file.path().toAbsolutePath().getParent() == null) return;
    for (var c : containers) {
      if (c.build() == null || c.build().dockerfile() == null) continue;
      Path df = c.build().dockerfile().toAbsolutePath().normalize();
      if (built.containsKey(df) || access.check(df) != null) continue;
      String shown = shownBeside(file.path(), file.displayPath(), df);
      built.putIfAbsent(df, new Target(df, shown, SourceKind.DOCKERFILE, access.root(), false));
    }
  }

  /**
   * Files another file names as part of its containers (a dev container's compose files), linted as {@code kind}
   * in the next round, shown beside it, like the Dockerfiles compose files build.
   */
  private void noteLinked(SourceFile file, List<Path> paths, SourceKind kind, FileAccess access) {
    if (file.path() == null || file.path().toAbsolutePath().getParent() == null) return;
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      if (built.containsKey(abs) || access.check(abs) != null) continue;
      built.putIfAbsent(
          abs,
          new Target(
              abs, shownBeside(file.path(), file.displayPath(), abs), kind, access.root(), false));
    }
  }

  /** How to show {@code other} beside {@code file}, which is shown as {@code shownFile}: its folder plus the relative path. */
  private static String shownBeside(Path file, String shownFile, Path other) {
    Path folder = file.toAbsolutePath().normalize().getParent();
    Path shownFolder = Path.of(shownFile).getParent();
    Path rel = folder.relativize(other.toAbsolutePath().normalize());
    return (shownFolder == null ? rel : shownFolder.resolve(rel)).normalize().toString();
  }

  /** The Dockerfiles that the compose files linted so far build (see {@link #built}), in no particular order. */
  public List<Target> builtDockerfiles() {
    return List.copyOf(built.values());
  }

  /** What the files linted so far did not let hardock read (see {@link Notice}), in no particular order. */
  public List<Notice> notices() {
    synchronized (notices) {
      return List.copyOf(notices);
    }
  }

  private List<Rule> activeRules(SourceFile file, Findings out) {
    List<Rule> rules = new ArrayList<>();
    // in documentation, a setting a described container does not set is no finding unless asked for
    boolean described = file.kind() == SourceKind.RUN && RunLineReader.isDocumentation(file);
    for (RuleType t : settings.rules().types()) {
      // only the rules that run on this file are created (and their classes initialised)
      if (!settings.isActive(t.meta()) || !t.meta().appliesTo().contains(file.kind().judgedAs()))
        continue;
      Rule r = t.get();
      if (described
          && r instanceof dev.hardock.rule.MissingSetting
          && !settings.enabled().contains(t.meta().id())) continue;
      r.bind(out, settings.options());
      rules.add(r);
    }
    return rules;
  }

  /**
   * A bug of hardock met while linting a file (an exception in a rule or the engine) is no finding of the file:
   * it is recorded as a {@link Failure} (the command line names the file and exits 2) and the file's result
   * is empty. The other files are linted all the same.
   */
  private FileResult internalError(Target t, Throwable e) {
    failures.add(new Failure(t.displayPath(), e));
    return new FileResult(t.displayPath(), t.kind(), List.of());
  }

  /** The internal errors met so far (see {@link Failure}), in no particular order. */
  public List<Failure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /**
   * The custom rules that run on this file: active, and judging nodes its kind has; compiled (the first lint that
   * needs them waits for their compilation, helping). None when their configuration has an error: the run
   * stops with it ({@link Config#ready}) and reports none of this.
   */
  private List<CustomRule> activeCustomRules(SourceFile file) {
    List<CustomRule> all = settings.rules().custom();
    if (all.isEmpty()) return List.of();
    List<CustomRule> ready = compiledCustom;
    if (ready == null) {
      try {
        compiledCustom = ready = CustomRuleCompilation.compiled(all);
      } catch (Config.Invalid e) {
        return List.of();
      }
    }
    all = ready;
    List<CustomRule> out = new ArrayList<>();
    for (CustomRule c : all)
      if (settings.isActive(c.meta()) && c.meta().appliesTo().contains(file.kind())) out.add(c);
    return out;
  }

  /**
   * Whether the custom rules' compilation already failed: the run will stop with that configuration error, so
   * the files left are not linted (their results would not be reported).
   */
  private boolean customRulesFailed() {
    List<CustomRule> all = settings.rules().custom();
    if (all.isEmpty() || compiledCustom != null) return false;
    CustomRuleCompilation c = CustomRuleCompilation.of(all);
    return c != null && c.failed();
  }

  /** A file's path as custom rules see it ({@code file.path}): relative to its project root, with '/'. */
  static String modelPath(Target t) {
    Path p = t.path().toAbsolutePath().normalize();
    Path root = t.root() == null ? null : t.root().toAbsolutePath().normalize();
    String rel =
        root != null && p.startsWith(root) && !p.equals(root)
            ? root.relativize(p).toString()
            : t.displayPath();
    return rel.replace('\\', '/');
  }

  /**
   * The model of one file as {@code hardock model} shows it ({@link ModelView#file}), with the reader's problems
   * (the file's HD001 findings: parse errors) beside it under {@code problems}; never throws on input.
   */
  public Map<String, Object> model(Target target, byte[] stdin) {
    SourceLoader.Loaded loaded = SourceLoader.load(target, stdin, accessFor(target));
    Findings out = new Findings(target.displayPath(), target.kind(), settings.severities());
    Read read = null;
    if (loaded.problem() != null) {
      out.report(
          settings.rules().parseError(), loaded.problem().span(), loaded.problem().message());
    } else {
      read = lintSource(loaded.file(), out, RuleRegistry.parseError(), accessFor(target), false);
    }
    Map<String, Object> view =
        read != null
            ? read.view(target.displayPath())
            : ModelView.file(target.displayPath(), target.kind().id(), List.of(), null, null);
    List<Object> problems = new ArrayList<>();
    for (Finding f : out.all()) {
      if (!f.rule().id().equals("HD001")) continue;
      Map<String, Object> p = new java.util.LinkedHashMap<>();
      p.put("message", f.message());
      p.put("span", ModelView.spanMap(f.span()));
      problems.add(p);
    }
    view.put("problems", problems);
    return view;
  }
}
