package dev.hardock.engine;

import dev.hardock.model.Glob;
import dev.hardock.model.Span;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleOptions;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import dev.hardock.source.config.ConfigReader;
import dev.hardock.source.config.ConfigReader.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configuration file ({@code .hardock.yaml}): which rules run and how, the failure threshold, excluded
 * paths, whether suppressions need a reason. Every mistake (bad YAML, unknown key, unknown rule, wrong type)
 * is a {@link Invalid} naming file, line and column: a configuration is never half applied.
 */
public record Config(
    Path file,
    Set<String> enable,
    Set<String> disable,
    Map<String, Severity> severities,
    Map<String, Map<String, Object>> options,
    String failOn,
    List<String> exclude,
    boolean requireReason,
    Excludes excludeGlobs,
    List<Override> overrides,
    RuleRegistry rules) {
  /**
   * One {@code overrides} item: rule settings for the files its globs match (globs as {@code exclude}, relative
   * to the configuration's folder), applied over the top-level {@code rules} in file order (later items win).
   */
  public record Override(
      List<String> patterns,
      List<Glob> files,
      Set<String> enable,
      Set<String> disable,
      Map<String, Severity> severities,
      Map<String, Map<String, Object>> options) {
    @java.lang.Override
    public String toString() {
      return "Override[files="
          + patterns
          + ", enable="
          + new java.util.TreeSet<>(enable)
          + ", disable="
          + new java.util.TreeSet<>(disable)
          + ", severities="
          + new java.util.TreeMap<>(severities)
          + ", options="
          + new java.util.TreeMap<>(options)
          + "]";
    }
  }

  /**
   * The {@code exclude} items compiled once, when the configuration is read: globs over the path relative to the
   * configuration's folder (its real location: walked files carry their folders' real paths).
   */
  public record Excludes(Path folder, List<Glob> globs) {
    /** The same text for the same configuration (compiled globs have no text of their own; the patterns are in exclude). */
    @java.lang.Override
    public String toString() {
      return "Excludes[folder=" + folder + ", globs=" + globs.size() + "]";
    }
  }

  public static final String FILE_NAME = ".hardock.yaml";

  /** The rule option that carries {@code require-suppression-reason} to HD003 invalid-suppression. */
  public static final String REQUIRE_REASON = "require-reason";

  private static final long MAX_BYTES = 1024 * 1024;
  private static final Set<String> KEYS =
      Set.of(
          "rules", "fail-on", "exclude", "require-suppression-reason", "overrides", "custom-rules");

  /** A configuration error; the message starts with {@code file:line:col:}. */
  public static final class Invalid extends Exception {
    Invalid(Path file, Span at, String message) {
      super(file + ":" + at.line() + ":" + at.column() + ": " + message);
    }

    Invalid(String message) {
      super(message);
    }
  }

  /**
   * The configuration that governs a file: the nearest {@code .hardock.yaml} from its folder up to its project
   * root ({@code root}: the repository root, else the folder named on the command line, so that a folder above
   * what the user named never configures the run), else {@code $XDG_CONFIG_HOME/hardock/config.yaml}
   * ({@code ~/.config} by default: the user's own), else null. A {@code .hardock.yaml} that is a link out of the
   * project or not a regular file is not taken (the project's own configuration is read confined to it).
   */
  public static Path find(Path lintedFile, Path root, Map<String, String> env) {
    Path dir = lintedFile.toAbsolutePath().normalize().getParent();
    dev.hardock.io.FileAccess access = new dev.hardock.io.DiskAccess(root);
    for (Path d = dir; d != null && d.startsWith(access.root()); d = d.getParent()) {
      Path c = d.resolve(FILE_NAME);
      if (access.check(c) == null) return c;
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isEmpty()
            ? Path.of(xdg)
            : env.get("HOME") != null ? Path.of(env.get("HOME"), ".config") : null;
    if (base == null) return null;
    Path user = base.resolve("hardock/config.yaml");
    return Files.isRegularFile(user) ? user : null;
  }

  /**
   * The configuration in {@code file}, its custom rules compiled (waiting for them: {@link #ready}); every mistake
   * in it is an {@link Invalid}.
   */
  public static Config load(Path file) throws Invalid {
    return begin(file).ready();
  }

  /**
   * The configuration in {@code file}, read and checked, with its custom rules' expressions still compiling on a
   * thread of their own (while the run goes on): {@link #ready} waits for them and throws their first error.
   * The linter waits for them before it runs a custom rule; a run calls {@link #ready} before it reports anything.
   */
  public static Config begin(Path file) throws Invalid {
    String text;
    // the user's own (-c, ~/.config) or one that find() accepted: read as a regular file, bounded
    dev.hardock.io.FileAccess.Read r =
        dev.hardock.io.DiskAccess.forPath(file).read(file, MAX_BYTES);
    if (!r.ok())
      throw new Invalid(file, Span.START, "cannot read the configuration: " + r.reason());
    try {
      text = r.strictText();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new Invalid(file, Span.START, "cannot read the configuration: it is not UTF-8 text");
    }
    return parse(file, text);
  }

  /**
   * The configuration {@code text}, read as {@link #begin} reads {@code file}'s (nothing is read from disk; the
   * JVM cache's training reads one from memory).
   */
  public static Config parse(Path file, String text) throws Invalid {
    Value root;
    try {
      root = ConfigReader.read(text);
    } catch (ConfigReader.Problem p) {
      throw new Invalid(file, p.span, p.getMessage());
    }
    return from(file, root, text);
  }

  @SuppressWarnings("unchecked")
  private static Config from(Path file, Value root, String text) throws Invalid {
    // custom rules first: the rules mapping may name them
    Value customValue = ((Map<String, Value>) root.value()).get("custom-rules");
    if (customValue == null) return from(file, root, RuleRegistry.builtIn());
    CustomRuleCompilation compilation = new CustomRuleCompilation();
    RuleRegistry registry =
        RuleRegistry.with(CustomRuleReader.read(file, customValue, text, compilation));
    compilation.start();
    try {
      return from(file, root, registry);
    } catch (Invalid e) {
      // an error in an expression comes first, as when each was compiled as it was read
      throw compilation.firstError(e);
    }
  }

  /**
   * This configuration with its custom rules compiled, once their compilation (begun when it was read) is done:
   * itself when it has none; the first error of its expressions, in the file's order, if any.
   */
  public Config ready() throws Invalid {
    List<dev.hardock.rule.custom.CustomRule> declared = rules.custom();
    if (CustomRuleCompilation.of(declared) == null) return this;
    List<dev.hardock.rule.custom.CustomRule> compiled = CustomRuleCompilation.compiled(declared);
    return new Config(
        file,
        enable,
        disable,
        severities,
        options,
        failOn,
        exclude,
        requireReason,
        excludeGlobs,
        overrides,
        RuleRegistry.with(compiled));
  }

  @SuppressWarnings("unchecked")
  private static Config from(Path file, Value root, RuleRegistry registry) throws Invalid {
    Set<String> enable = new HashSet<>();
    Set<String> disable = new HashSet<>();
    Map<String, Severity> severities = new HashMap<>();
    Map<String, Map<String, Object>> options = new HashMap<>();
    String failOn = null;
    List<String> exclude = new ArrayList<>();
    List<Glob> compiled = new ArrayList<>();
    boolean requireReason = false;
    List<Override> overrides = new ArrayList<>();
    for (Map.Entry<String, Value> e : ((Map<String, Value>) root.value()).entrySet()) {
      Value v = e.getValue();
      switch (e.getKey()) {
        case "fail-on" -> {
          failOn = string(file, v, "fail-on");
          if (Severity.parse(failOn) == null && !failOn.equals("none")) {
            throw new Invalid(
                file,
                v.span(),
                "fail-on must be error, warning, info, style or none, not '" + failOn + "'");
          }
        }
        case "exclude" -> exclude.addAll(globs(file, v, compiled));
        case "require-suppression-reason" ->
            requireReason = bool(file, v, "require-suppression-reason");
        case "custom-rules" -> {} // read above
        case "rules" -> {
          if (!(v.value() instanceof Map))
            throw new Invalid(
                file, v.span(), "rules must be a mapping of rule id or slug to a setting");
          for (Map.Entry<String, Value> r : ((Map<String, Value>) v.value()).entrySet()) {
            rule(file, registry, r.getKey(), r.getValue(), enable, disable, severities, options);
          }
        }
        case "overrides" -> overrides(file, registry, v, overrides);
        default ->
            throw new Invalid(
                file,
                keySpan(v),
                "unknown key '"
                    + e.getKey()
                    + "': expected one of "
                    + String.join(", ", sorted(KEYS)));
      }
    }
    Excludes excludeGlobs =
        new Excludes(dev.hardock.io.ProjectRoot.real(file).getParent(), List.copyOf(compiled));
    return new Config(
        file,
        enable,
        disable,
        severities,
        options,
        failOn,
        exclude,
        requireReason,
        excludeGlobs,
        List.copyOf(overrides),
        registry);
  }

  /** {@code overrides: [{files: [globs], rules: {...}}]}, each item read as the top level's {@code rules}. */
  @SuppressWarnings("unchecked")
  private static void overrides(Path file, RuleRegistry registry, Value v, List<Override> out)
      throws Invalid {
    if (!(v.value() instanceof List<?> items))
      throw new Invalid(file, v.span(), "overrides must be a list of {files, rules} mappings");
    for (Object o : items) {
      Value item = (Value) o;
      if (!(item.value() instanceof Map))
        throw new Invalid(
            file, item.span(), "an overrides item must be a mapping with files and rules");
      Map<String, Value> m = (Map<String, Value>) item.value();
      for (Map.Entry<String, Value> e : m.entrySet()) {
        if (!e.getKey().equals("files") && !e.getKey().equals("rules")) {
          throw new Invalid(
              file,
              keySpan(e.getValue()),
              "unknown key '" + e.getKey() + "' in overrides: expected files, rules");
        }
      }
      if (m.get("files") == null)
        throw new Invalid(file, item.span(), "an overrides item needs files (globs as in exclude)");
      List<Glob> globs = new ArrayList<>();
      List<String> patterns = globs(file, m.get("files"), globs);
      Set<String> enable = new HashSet<>();
      Set<String> disable = new HashSet<>();
      Map<String, Severity> severities = new HashMap<>();
      Map<String, Map<String, Object>> options = new HashMap<>();
      Value rules = m.get("rules");
      if (rules != null) {
        if (!(rules.value() instanceof Map))
          throw new Invalid(
              file, rules.span(), "rules must be a mapping of rule id or slug to a setting");
        for (Map.Entry<String, Value> r : ((Map<String, Value>) rules.value()).entrySet()) {
          rule(file, registry, r.getKey(), r.getValue(), enable, disable, severities, options);
        }
      }
      out.add(
          new Override(
              List.copyOf(patterns), List.copyOf(globs), enable, disable, severities, options));
    }
  }

  /** The indexes of the {@code overrides} items that match a file, in order (files with equal ones share settings). */
  public List<Integer> overridesFor(Path lintedFile) {
    if (overrides.isEmpty()) return List.of();
    Path dir = excludeGlobs.folder();
    Path abs = dev.hardock.io.ProjectRoot.real(lintedFile);
    if (dir == null || !abs.startsWith(dir)) return List.of();
    String rel = dir.relativize(abs).toString().replace('\\', '/');
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < overrides.size(); i++) {
      for (Glob glob : overrides.get(i).files()) {
        if (glob.matchesOrIsUnder(rel)) {
          out.add(i);
          break;
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void rule(
      Path file,
      RuleRegistry registry,
      String name,
      Value v,
      Set<String> enable,
      Set<String> disable,
      Map<String, Severity> severities,
      Map<String, Map<String, Object>> options)
      throws Invalid {
    RuleMeta m = registry.find(name);
    if (m == null)
      throw new Invalid(file, keySpan(v), "unknown rule '" + name + "' (see hardock --list-rules)");
    if (v.value() instanceof String s) {
      switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "off", "false" -> disable.add(m.id());
        case "on", "true" -> enable.add(m.id());
        default -> {
          Severity sev = Severity.parse(s);
          if (sev == null)
            throw new Invalid(
                file,
                v.span(),
                m.id()
                    + ": expected on, off or a severity (error, warning, info, style), not '"
                    + s
                    + "'");
          enable.add(m.id());
          severities.put(m.id(), sev);
        }
      }
      return;
    }
    if (!(v.value() instanceof Map))
      throw new Invalid(
          file, v.span(), m.id() + ": expected on, off, a severity or a mapping of settings");
    Map<String, Object> opts = new LinkedHashMap<>();
    for (Map.Entry<String, Value> o : ((Map<String, Value>) v.value()).entrySet()) {
      Value ov = o.getValue();
      switch (o.getKey()) {
        case "enabled" -> (bool(file, ov, "enabled") ? enable : disable).add(m.id());
        case "severity" -> {
          Severity sev = Severity.parse(string(file, ov, "severity"));
          if (sev == null)
            throw new Invalid(file, ov.span(), "severity must be error, warning, info or style");
          severities.put(m.id(), sev);
        }
        default ->
            opts.put(
                o.getKey(), ov.value() instanceof String s ? s : strings(file, ov, o.getKey()));
      }
    }
    if (!opts.isEmpty()) options.put(m.id(), opts);
  }

  /** Whether a file is excluded: globs are relative to the configuration's folder; one without / matches a name at any depth. */
  public boolean excludes(Path lintedFile) {
    if (excludeGlobs.globs().isEmpty()) return false;
    // both with their folders' real paths: walked files carry them, a --config path may go through
    // a link
    Path dir = excludeGlobs.folder();
    Path abs = dev.hardock.io.ProjectRoot.real(lintedFile);
    if (dir == null || !abs.startsWith(dir)) return false;
    String rel = dir.relativize(abs).toString().replace('\\', '/');
    // a folder pattern excludes what is below it
    for (Glob glob : excludeGlobs.globs()) if (glob.matchesOrIsUnder(rel)) return true;
    return false;
  }

  /** An {@code exclude} item as globs over the path relative to the configuration's folder. */
  private static List<Glob> compile(String g) throws Glob.Invalid {
    List<Glob> out = new ArrayList<>();
    for (String alt : Glob.alternatives(g)) {
      String glob = alt.startsWith("/") ? alt.substring(1) : alt.contains("/") ? alt : "**/" + alt;
      if (glob.endsWith("/")) glob = glob + "**";
      out.add(Glob.of(glob));
    }
    return out;
  }

  /** The exclude list as written; each item compiled into {@code compiled} now, so that a bad one is an error at its position. */
  private static List<String> globs(Path file, Value v, List<Glob> compiled) throws Invalid {
    List<String> out = strings(file, v, "exclude");
    List<Value> items =
        v.value() instanceof List<?> l ? l.stream().map(Value.class::cast).toList() : List.of(v);
    for (int i = 0; i < out.size(); i++) {
      try {
        compiled.addAll(compile(out.get(i)));
      } catch (Glob.Invalid e) {
        throw new Invalid(
            file,
            items.get(i).span(),
            "exclude: invalid glob '" + out.get(i) + "': " + e.getMessage());
      }
    }
    return out;
  }

  /** The lint settings of this configuration with the command line's --enable and --disable on top. */
  public LintSettings settings(Set<String> cliEnable, Set<String> cliDisable) {
    return settings(List.of(), cliEnable, cliDisable);
  }

  /**
   * The lint settings of a file that the {@code overrides} items {@code matched} (see {@link #overridesFor})
   * match: the top-level rules, then each item in order, then the command line's --enable and --disable.
   */
  public LintSettings settings(
      List<Integer> matched, Set<String> cliEnable, Set<String> cliDisable) {
    Set<String> en = new HashSet<>(enable);
    Set<String> dis = new HashSet<>(disable);
    Map<String, Severity> sevs = new HashMap<>(severities);
    Map<String, Map<String, Object>> opts = new HashMap<>(options);
    for (int i : matched) {
      Override o = overrides.get(i);
      en.removeAll(o.disable());
      dis.removeAll(o.enable());
      en.addAll(o.enable());
      dis.addAll(o.disable());
      sevs.putAll(o.severities());
      for (Map.Entry<String, Map<String, Object>> e : o.options().entrySet()) {
        Map<String, Object> merged = new LinkedHashMap<>(opts.getOrDefault(e.getKey(), Map.of()));
        merged.putAll(e.getValue());
        opts.put(e.getKey(), merged);
      }
    }
    en.removeAll(cliDisable);
    dis.removeAll(cliEnable);
    en.addAll(cliEnable);
    dis.addAll(cliDisable);
    if (requireReason) {
      Map<String, Object> hd003 = new LinkedHashMap<>(opts.getOrDefault("HD003", Map.of()));
      hd003.put(REQUIRE_REASON, "true");
      opts.put("HD003", hd003);
    }
    return new LintSettings(en, dis, sevs, new RuleOptions(opts), rules);
  }

  static String string(Path file, Value v, String key) throws Invalid {
    if (v.value() instanceof String s) return s;
    throw new Invalid(file, v.span(), key + " must be a single value");
  }

  static boolean bool(Path file, Value v, String key) throws Invalid {
    String s = string(file, v, key);
    if (s.equals("true")) return true;
    if (s.equals("false")) return false;
    throw new Invalid(file, v.span(), key + " must be true or false, not '" + s + "'");
  }

  private static List<String> strings(Path file, Value v, String key) throws Invalid {
    if (v.value() instanceof String s) return List.of(s);
    if (!(v.value() instanceof List<?> l))
      throw new Invalid(file, v.span(), key + " must be a list of strings");
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      Value item = (Value) o;
      if (!(item.value() instanceof String s))
        throw new Invalid(file, item.span(), key + " must be a list of strings");
      out.add(s);
    }
    return out;
  }

  private static Span keySpan(Value v) {
    return v.keySpan();
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
