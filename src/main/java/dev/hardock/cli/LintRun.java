package dev.hardock.cli;

import dev.hardock.engine.Baseline;
import dev.hardock.engine.Config;
import dev.hardock.engine.Discovery;
import dev.hardock.engine.Failure;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.Fixer;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Notice;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleOptions;
import dev.hardock.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One lint run as the command line asks for it: files found (or read from stdin), each under the
 * configuration that governs it (command-line flags on top), excluded files dropped, the baseline applied,
 * and whether any finding reached its failure threshold.
 */
final class LintRun {
  /** The environment, replaceable in tests (XDG_CONFIG_HOME, HOME). */
  static Map<String, String> env = System.getenv();

  /** How the files under a project root are read, replaceable in tests (a reader that fails like a bug). */
  static java.util.function.Function<Path, dev.hardock.io.FileAccess> fileAccess =
      dev.hardock.io.DiskAccess::new;

  record Request(
      List<String> paths,
      SourceKind forced,
      Set<String> enable,
      Set<String> disable,
      String failOn,
      Path config,
      Path baseline,
      boolean writeBaseline,
      String stdinName,
      InputStream stdin,
      int jobs,
      boolean useEnv,
      List<Path> envFiles,
      Fixing fixing) {}

  /** {@code --fix} (and {@code --diff}, which fixes in memory): which fixes to apply; NONE lints only. */
  enum Fixing {
    NONE,
    SAFE,
    UNSAFE
  }

  /**
   * {@code notices}: what was not linted and why (printed on stderr, counted in the summary), sorted;
   * {@code configs}: the configuration files consulted, in the order first used (those that excluded every file too);
   * {@code failures}: internal errors, by file (exit 2).
   */
  record Outcome(
      List<FileResult> results,
      List<Discovery.Missing> missing,
      boolean failed,
      int baselineWritten,
      List<Notice> notices,
      List<Config> configs,
      List<Failure> failures,
      List<Fixer.Outcome> fixes) {

    /** The rules of the run: the built-in ones and the custom rules of every configuration used (first wins). */
    dev.hardock.rule.RuleRegistry rules() {
      List<dev.hardock.rule.custom.CustomRule> custom = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (Config c : configs)
        for (var r : c.rules().custom()) if (ids.add(r.meta().id())) custom.add(r);
      return dev.hardock.rule.RuleRegistry.with(custom);
    }
  }

  private LintRun() {}

  /**
   * The --enable/--disable ids that name rules of this configuration: a custom rule's id (checked against the
   * configuration of the command, Main) means nothing under a configuration that does not declare it.
   */
  private static Set<String> known(Set<String> ids, Config c) {
    dev.hardock.rule.RuleRegistry rules =
        c == null ? dev.hardock.rule.RuleRegistry.builtIn() : c.rules();
    Set<String> out = new HashSet<>();
    for (String id : ids) if (rules.find(id) != null) out.add(id);
    return out;
  }

  /**
   * Runs the lint. The custom rules of each configuration are compiled beside it (Config.begin); each
   * configuration used is {@link Config#ready ready} before anything comes back, so that an error in an
   * expression stops the run as it did when expressions were compiled as the configuration was read: the same
   * error, first, and no finding.
   */
  static Outcome run(Request q) throws Config.Invalid, IOException {
    List<Config> used = new ArrayList<>();
    try {
      Outcome o = run(q, used);
      for (Config c : used) c.ready();
      return o;
    } catch (Config.Invalid | IOException | RuntimeException e) {
      // an earlier configuration's error in an expression is what reading it in one pass met first
      for (Config c : used) c.ready();
      throw e;
    }
  }

  private static Outcome run(Request q, List<Config> used) throws Config.Invalid, IOException {
    Config forcedConfig = q.config() != null ? Config.begin(q.config()) : null;
    if (forcedConfig != null) used.add(forcedConfig);
    List<Target> targets = new ArrayList<>();
    List<Discovery.Missing> missing = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    byte[] stdinBytes = null;
    if (q.stdinName() != null) {
      stdinBytes = q.stdin().readAllBytes();
      SourceKind kind =
          q.forced() != null
              ? q.forced()
              : Discovery.kindOf(Path.of(q.stdinName()).getFileName().toString());
      targets.add(
          new Target(
              Path.of(q.stdinName()), q.stdinName(), kind == null ? SourceKind.DOCKERFILE : kind));
    } else {
      Discovery.Found found = Discovery.find(q.paths(), q.forced());
      targets.addAll(found.targets());
      missing.addAll(found.missing());
      notices.addAll(found.notices());
    }
    // group the files by the configuration that governs them; YAML is only read when a file exists
    Map<Path, Config> configs = new HashMap<>();
    Map<Target, Config> configOf = new IdentityHashMap<>();
    Path none = Path.of("");
    // one lookup per directory, not per file: the walk up to the repository root stats two paths
    // per level
    Map<List<Path>, java.util.Optional<Path>> configIn = new HashMap<>();
    Map<Target, FileResult> byTarget = new IdentityHashMap<>();
    Map<Target, Fixer.Outcome> fixedOf = new IdentityHashMap<>();
    // fixes skip what the baseline accepts, as the report does: read it before the files are fixed
    Baseline accepted =
        q.baseline() != null && !q.writeBaseline() && q.fixing() != Fixing.NONE
            ? Baseline.read(q.baseline())
            : null;
    Set<Path> seen = new HashSet<>();
    Set<List<Object>> fixing = new HashSet<>(); // the files fixed, by path and kind
    Map<Path, Fixer.Applied> fixedElsewhere = new HashMap<>(); // see Fixer.withOthers
    // a file of a compose project that the configuration governing it excludes is not fixed
    java.util.function.BiPredicate<Path, Path> editable =
        (file, root) -> {
          Config c = forcedConfig;
          if (c == null) {
            Path found = Config.find(file, root, env);
            if (found == null) return true;
            c = configs.get(found);
            try {
              if (c == null) c = Config.load(found);
            } catch (Config.Invalid e) {
              return false;
            }
          }
          return !c.excludes(file);
        };
    for (Target t : targets) seen.add(t.path().toAbsolutePath().normalize());
    // a second round lints the Dockerfiles that compose files build and the walk did not pick
    // (Docker uses them)
    for (List<Target> round = new ArrayList<>(targets); !round.isEmpty(); ) {
      // one group per configuration and set of its overrides items that match (files that share
      // settings)
      Map<List<Object>, List<Target>> groups = new LinkedHashMap<>();
      for (Target t : round) {
        Config c = forcedConfig;
        if (c == null) {
          Path dir = t.path().toAbsolutePath().getParent();
          Path file =
              dir == null
                  ? Config.find(t.path(), t.root(), env)
                  : configIn
                      .computeIfAbsent(
                          List.of(dir, t.root()),
                          d -> java.util.Optional.ofNullable(Config.find(t.path(), t.root(), env)))
                      .orElse(null);
          if (file != null) {
            c = configs.get(file);
            if (c == null) {
              c = Config.begin(file);
              configs.put(file, c);
              used.add(c);
            }
          }
        }
        if (c != null && c.excludes(t.path())) continue;
        configOf.put(t, c);
        List<Integer> matched = c == null ? List.of() : c.overridesFor(t.path());
        groups
            .computeIfAbsent(List.of(c == null ? none : c.file(), matched), k -> new ArrayList<>())
            .add(t);
      }
      // nothing is fixed (written) before each configuration of the round has its rules compiled
      if (q.fixing() != Fixing.NONE) for (Config c : used) c.ready();
      List<Target> next = new ArrayList<>();
      for (List<Target> group : groups.values()) {
        Config c = configOf.get(group.get(0));
        LintSettings settings =
            c == null
                ? new LintSettings(
                    known(q.enable(), null), known(q.disable(), null), Map.of(), RuleOptions.NONE)
                : c.settings(
                    c.overridesFor(group.get(0).path()),
                    known(q.enable(), c),
                    known(q.disable(), c));
        Linter linter =
            new Linter(settings)
                .withComposeEnvironment(q.useEnv(), q.envFiles())
                .withFileAccess(fileAccess);
        if (stdinBytes != null) {
          byTarget.put(group.get(0), linter.lint(group.get(0), stdinBytes));
        } else {
          List<FileResult> rs = linter.lint(group, q.jobs());
          for (int i = 0; i < group.size(); i++) byTarget.put(group.get(i), rs.get(i));
        }
        if (q.fixing() != Fixing.NONE) {
          Fixer fixer =
              new Fixer(
                  linter,
                  q.fixing() == Fixing.UNSAFE,
                  accepted == null ? r -> r : accepted::apply,
                  fixedElsewhere,
                  editable);
          for (Target t : group) {
            FileResult first = byTarget.get(t);
            if (first == null) continue;
            // a file named twice (hardock --fix . Dockerfile) is fixed and reported once: a second
            // fix would find
            // it changed on disk since it was read and fail the run
            if (stdinBytes == null
                && !fixing.add(List.of(t.path().toAbsolutePath().normalize(), t.kind()))) {
              byTarget.remove(t);
              continue;
            }
            FileResult seenBefore = accepted == null ? first : accepted.apply(first);
            boolean any = false;
            for (dev.hardock.rule.Finding f : seenBefore.findings())
              any |= Fixer.applies(f, q.fixing() == Fixing.UNSAFE);
            if (!any && stdinBytes == null) continue; // stdin is printed back, fixed or not
            Fixer.Outcome o = fixer.fix(t, seenBefore, stdinBytes);
            fixedOf.put(t, o);
            byTarget.put(t, o.result());
          }
        }
        notices.addAll(linter.notices());
        failures.addAll(linter.failures());
        if (stdinBytes == null)
          for (Target b : linter.builtDockerfiles()) if (seen.add(b.path())) next.add(b);
      }
      next.sort(
          (x, y) ->
              x.displayPath().compareTo(y.displayPath())); // a plain lambda: the JVM cache keeps it
      targets.addAll(next);
      round = next;
    }
    List<FileResult> results = new ArrayList<>();
    List<Config> governing = new ArrayList<>();
    List<Fixer.Outcome> fixes = new ArrayList<>();
    for (Target t : targets) {
      FileResult r = byTarget.get(t);
      if (r == null) continue;
      results.add(r);
      governing.add(configOf.get(t));
      if (fixedOf.containsKey(t)) fixes.add(fixedOf.get(t));
    }
    // fixes of findings in an override, extends or include file: that file's outcome, once
    fixes = Fixer.withOthers(fixes);
    for (Config c : used) c.ready(); // before the baseline is written
    int written = -1;
    if (q.baseline() != null) {
      if (q.writeBaseline()) {
        written = Baseline.write(q.baseline(), results);
      } else {
        Baseline b = Baseline.read(q.baseline());
        results.replaceAll(b::apply);
      }
    }
    boolean failed = false;
    for (int i = 0; i < results.size() && written < 0; i++) {
      Config c = governing.get(i);
      String failOn =
          q.failOn() != null
              ? q.failOn()
              : c != null && c.failOn() != null ? c.failOn() : "warning";
      Severity threshold = Severity.parse(failOn);
      if (threshold == null) continue;
      for (Finding f : results.get(i).findings())
        if (f.severity().atLeast(threshold)) failed = true;
    }
    notices.sort(
        (x, y) ->
            x.path().equals(y.path())
                ? x.message().compareTo(y.message())
                : x.path().compareTo(y.path()));
    failures.sort((x, y) -> x.path().compareTo(y.path()));
    return new Outcome(
        results,
        missing,
        failed,
        written,
        List.copyOf(notices),
        used,
        List.copyOf(failures),
        fixes);
  }
}
