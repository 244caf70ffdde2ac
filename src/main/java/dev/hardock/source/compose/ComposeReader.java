package dev.hardock.source.compose;

import dev.hardock.model.MappedText;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.container.BuildArg;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.source.compose.YamlNode.Entry;
import dev.hardock.source.compose.YamlNode.Mapping;
import dev.hardock.source.compose.YamlNode.Scalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a compose file the way Docker Compose loads it (with the override files beside it, {@code extends},
 * {@code include}, merge keys and interpolation) into one {@link ContainerSpec} per service. Never throws:
 * whatever cannot be read is a {@link ParseProblem}, and the other services are still read.
 */
public final class ComposeReader {
  /**
   * @param useEnv take interpolation variables from the linter's own environment too (they win over .env,
   *     as in Compose)
   * @param envFiles files to read variables from instead of the {@code .env} beside the compose file
   */
  public record Options(boolean useEnv, List<Path> envFiles) {
    public static final Options DEFAULT = new Options(false, List.of());
  }

  /**
   * @param texts the scalar values of the linted file, for content scans
   * @param otherTexts the scalar values of the other files read (overrides, extends, include), by shown path
   * @param spanFiles spans (by identity) that stand in another file than the linted one, with that file's
   *     shown path: findings at those spans belong to that file
   * @param referenced the files read for {@code include} and {@code extends: file}, by shown path: compose
   *     files of their own, which own their findings when they are linted in the same run
   */
  public record Result(List<ContainerSpec> containers, List<BuildArg> buildArgs, List<SourceText> texts,
      Map<String, List<SourceText>> otherTexts, Map<Span, String> spanFiles, List<ParseProblem> problems,
      Map<String, Path> referenced) { }

  private ComposeReader() { }

  public static Result read(SourceFile file, Options options) {
    YamlFile main = YamlFile.of(file.path(), file.displayPath(), file.text());
    ComposeProject project = new ComposeProject(main, variables(file.path(), options));
    List<ContainerSpec> containers = new ArrayList<>();
    List<BuildArg> buildArgs = new ArrayList<>();
    YamlLoader.Loaded loaded = YamlLoader.load(main);
    project.problems.addAll(loaded.problems());
    try {
      if (loaded.root() != null) {
        // the file's documents, then the override files', each merged over what came before
        List<YamlNode> roots = new ArrayList<>(loaded.roots());
        Map<String, Entry> services = project.services(loaded.roots());
        for (Path o : overridesOf(file.path())) {
          List<YamlNode> more = project.loadOther(o, null);
          for (YamlNode root : more) project.mergeRoot(services, root);
          roots.addAll(more);
        }
        for (YamlNode root : roots) project.include(root, services);
        project.readDefinitions(roots);
        ServiceMapper mapper = new ServiceMapper(project);
        for (Map.Entry<String, Entry> s : services.entrySet()) {
          YamlNode v = s.getValue().value();
          Mapping svc = v instanceof Mapping m ? m : new Mapping(v.file(), v.start(), v.end(), List.of());
          try {
            svc = project.resolveExtends(s.getKey(), svc, services, 0);
            containers.add(mapper.map(s.getKey(), s.getValue().key(), svc));
          } catch (RuntimeException e) {
            if (e instanceof YamlNode.Budget.Exhausted) throw e;
            project.problems.add(new ParseProblem(project.span(s.getValue().key()),
                "cannot read service " + s.getKey() + " (" + e.getClass().getSimpleName() + ")"));
          }
        }
        buildArgs.addAll(mapper.buildArgs);
      }
    } catch (YamlNode.Budget.Exhausted e) {
      project.problems.add(new ParseProblem(Span.START, e.getMessage()));
      containers.clear();
      buildArgs.clear();
    }
    if (project.expansions.tellOnce()) project.problems.add(new ParseProblem(Span.START, project.expansions.notice()));
    List<SourceText> texts = new ArrayList<>();
    for (Scalar s : loaded.values()) texts.add(text(s));
    Map<String, List<SourceText>> other = new LinkedHashMap<>();
    for (Map.Entry<String, List<Scalar>> e : project.otherValues.entrySet()) {
      List<SourceText> t = new ArrayList<>();
      for (Scalar s : e.getValue()) t.add(text(s));
      other.put(e.getKey(), t);
    }
    return new Result(containers, buildArgs, texts, other, project.spanFiles, project.problems, project.referenced);
  }

  private static SourceText text(Scalar s) {
    return new SourceText(MappedText.of(s.file().text(), s.start(), s.end()), s.file().lines());
  }

  private static Function<String, String> variables(Path composeFile, Options options) {
    Map<String, String> vars = new HashMap<>();
    if (options.envFiles().isEmpty()) {
      Path folder = composeFile == null ? null : composeFile.toAbsolutePath().getParent();
      if (folder != null) vars.putAll(DotEnv.read(folder.resolve(".env")));
    } else {
      for (Path p : options.envFiles()) vars.putAll(DotEnv.read(p));
    }
    if (options.useEnv()) vars.putAll(System.getenv());
    return vars::get;
  }

  // ---- file names ----

  /** Whether a file name is one Compose (or our fixtures) use for compose files. */
  public static boolean isComposeName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (!(n.endsWith(".yaml") || n.endsWith(".yml"))) return false;
    String stem = n.substring(0, n.lastIndexOf('.'));
    return stem.equals("compose") || stem.equals("docker-compose") || stem.startsWith("compose.")
        || stem.startsWith("docker-compose.") || stem.startsWith("docker-compose-") || stem.endsWith(".compose")
        || stem.endsWith("__compose") || stem.endsWith("__docker-compose");
  }

  /** The override files Compose loads with a base file of this name, that exist beside it. */
  public static List<Path> overridesOf(Path file) {
    List<Path> out = new ArrayList<>();
    if (file == null || file.getFileName() == null) return out;
    String n = file.getFileName().toString();
    String lower = n.toLowerCase(Locale.ROOT);
    if (!(lower.equals("compose.yaml") || lower.equals("compose.yml") || lower.equals("docker-compose.yaml")
        || lower.equals("docker-compose.yml"))) {
      return out;
    }
    String stem = n.substring(0, n.lastIndexOf('.'));
    for (String ext : new String[] {".yaml", ".yml"}) {
      Path o = file.resolveSibling(stem + ".override" + ext);
      if (java.nio.file.Files.isRegularFile(o)) out.add(o);
    }
    return out;
  }

  /** For an override file ({@code compose.override.yaml}), the base file beside it that loads it, or null. */
  public static Path baseOf(Path file) {
    if (file == null || file.getFileName() == null) return null;
    String n = file.getFileName().toString();
    String lower = n.toLowerCase(Locale.ROOT);
    for (String stem : new String[] {"compose", "docker-compose"}) {
      if (lower.equals(stem + ".override.yaml") || lower.equals(stem + ".override.yml")) {
        String realStem = n.substring(0, stem.length());
        for (String ext : new String[] {".yaml", ".yml"}) {
          Path b = file.resolveSibling(realStem + ext);
          if (java.nio.file.Files.isRegularFile(b)) return b;
        }
      }
    }
    return null;
  }

  /** The first 64 KiB of a file as text, or null when it cannot be read. */
  public static String readHead(Path p) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(p)) {
      return new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | SecurityException e) {
      return null;
    }
  }

  /** A cheap look at a YAML text: does it have a top-level {@code services:} key? */
  public static boolean looksLikeCompose(String text) {
    int i = 0;
    int n = Math.min(text.length(), 1 << 20);
    while (i < n) {
      if (text.startsWith("services:", i) || text.startsWith("\"services\":", i) || text.startsWith("'services':", i)) {
        return true;
      }
      int nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl + 1;
    }
    return false;
  }
}
