package dev.hardock.source.compose;

import dev.hardock.io.DiskAccess;
import dev.hardock.io.FileAccess;
import dev.hardock.model.MappedText;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceLayout;
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
   * @param unknownKeys keys of the file (and its override files) that the Compose Specification does not
   *     allow where they stand (HD006)
   * @param layout the comments and statements of the file and of every other file read, each under its shown
   *     path
   */
  public record Result(
      List<ContainerSpec> containers,
      List<BuildArg> buildArgs,
      List<SourceText> texts,
      Map<String, List<SourceText>> otherTexts,
      List<ParseProblem> problems,
      List<ParseProblem> notRead,
      java.util.Set<String> environmentValues,
      List<ParseProblem> unknownKeys,
      SourceLayout layout) {}

  private ComposeReader() {}

  /** Reads a compose file with its project's files, confined to the project that encloses the file. */
  public static Result read(SourceFile file, Options options) {
    return read(
        file, options, DiskAccess.forPath(file.path() == null ? Path.of(".") : file.path()));
  }

  /**
   * Reads a compose file; every other file of its project (overrides, include, extends, env files,
   * Dockerfiles) is read through {@code access}: one that is not read is a problem in {@link Result#notRead}.
   */
  public static Result read(SourceFile file, Options options, FileAccess access) {
    YamlFile main = YamlFile.of(file);
    Variables vars = new Variables();
    ComposeProject project = new ComposeProject(main, vars::get, access);
    vars.load(file.path(), options, project);
    List<ContainerSpec> containers = new ArrayList<>();
    List<BuildArg> buildArgs = new ArrayList<>();
    List<ParseProblem> unknownKeys = new ArrayList<>();
    YamlLoader.Loaded loaded = YamlLoader.load(main);
    project.recordLayout(main);
    project.problems.addAll(loaded.problems());
    try {
      if (loaded.root() != null) {
        // the file's documents, then the override files', each merged over what came before
        List<YamlNode> roots = new ArrayList<>(loaded.roots());
        Map<String, Entry> services = project.services(loaded.roots());
        for (Path o : projectFilesAfter(file.path(), access)) {
          List<YamlNode> more = project.loadOther(o, null);
          for (YamlNode root : more) project.mergeRoot(services, root);
          roots.addAll(more);
        }
        for (YamlNode root : roots) ComposeSchema.check(root, project, unknownKeys);
        for (YamlNode root : roots) project.include(root, services);
        project.readDefinitions(roots);
        ServiceMapper mapper = new ServiceMapper(project);
        for (Map.Entry<String, Entry> s : services.entrySet()) {
          YamlNode v = s.getValue().value();
          Mapping svc =
              v instanceof Mapping m ? m : new Mapping(v.file(), v.start(), v.end(), List.of());
          try {
            svc = project.resolveExtends(s.getKey(), svc, services, 0);
            containers.add(mapper.map(s.getKey(), s.getValue().key(), svc));
          } catch (RuntimeException e) {
            if (e instanceof YamlNode.Budget.Exhausted) throw e;
            // a bug of the reader, not of the file: an internal error of the run, the other
            // services read on
            project.problems.add(
                ParseProblem.bug(
                    project.span(s.getValue().key()), "cannot read service " + s.getKey(), e));
          }
        }
        buildArgs.addAll(mapper.buildArgs);
      }
    } catch (YamlNode.Budget.Exhausted e) {
      project.problems.add(new ParseProblem(Span.START, e.getMessage()));
      containers.clear();
      buildArgs.clear();
      unknownKeys.clear();
    }
    project.markPartialFiles();
    if (project.expansions.tellOnce())
      project.problems.add(new ParseProblem(Span.START, project.expansions.notice()));
    List<SourceText> texts = new ArrayList<>();
    for (Scalar s : loaded.values()) texts.add(text(s));
    Map<String, List<SourceText>> other = new LinkedHashMap<>();
    for (Map.Entry<String, List<Scalar>> e : project.otherValues.entrySet()) {
      List<SourceText> t = new ArrayList<>();
      for (Scalar s : e.getValue()) t.add(text(s));
      other.put(e.getKey(), t);
    }
    return new Result(
        containers,
        buildArgs,
        texts,
        other,
        project.problems,
        project.notRead,
        vars.usedFromEnvironment,
        unknownKeys,
        project.layout);
  }

  private static SourceText text(Scalar s) {
    return new SourceText(MappedText.of(s.file().text(), s.start(), s.end()), s.file().lines());
  }

  /**
   * The interpolation variables of a project: the {@code .env} beside the compose file (or the --env-file
   * files), then with --use-env the process environment over them. The values a lookup took from the process
   * environment are remembered: they may be CI secrets, and never appear in output.
   */
  private static final class Variables {
    private final Map<String, String> values = new HashMap<>();
    private final java.util.Set<String> fromEnvironment = new java.util.HashSet<>();
    final java.util.Set<String> usedFromEnvironment = new java.util.HashSet<>();

    void load(Path composeFile, Options options, ComposeProject project) {
      if (options.envFiles().isEmpty()) {
        Path folder = composeFile == null ? null : composeFile.toAbsolutePath().getParent();
        if (folder != null) values.putAll(project.implicitEnv(folder.resolve(".env"), null));
      } else {
        // named on the command line: the user's choice, read as a regular file of its own folder
        for (Path p : options.envFiles()) {
          values.putAll(DotEnv.read(DiskAccess.forPath(p), p));
        }
      }
      if (options.useEnv()) {
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
          values.put(e.getKey(), e.getValue());
          fromEnvironment.add(e.getKey());
        }
      }
    }

    String get(String name) {
      String v = values.get(name);
      if (v != null && fromEnvironment.contains(name)) usedFromEnvironment.add(v);
      return v;
    }
  }

  // ---- file names ----

  /**
   * A build that another source names (a dev container's {@code build.dockerfile}), read as compose builds are:
   * the Dockerfile through {@code access}, the user its final stage (or {@code target}) runs as, for HD119.
   * Null user when the file is not read or the user cannot be known.
   */
  public static dev.hardock.model.container.BuildRef buildOf(
      Path context,
      Path dockerfile,
      String target,
      dev.hardock.model.Span span,
      String shown,
      FileAccess access) {
    FileAccess.Read r = access.read(dockerfile, ComposeProject.MAX_FILE_BYTES);
    if (!r.ok())
      return new dev.hardock.model.container.BuildRef(context, dockerfile, span, null, null);
    ComposeProject.User u =
        ComposeProject.finalUser(
            SourceFile.of(dockerfile, shown, r.text(), dev.hardock.model.SourceKind.DOCKERFILE),
            target);
    return new dev.hardock.model.container.BuildRef(
        context, dockerfile, span, u == null ? null : u.name(), u == null ? null : u.span());
  }

  /** Whether a file name is one Compose (or our fixtures) use for compose files. */
  public static boolean isComposeName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (!(n.endsWith(".yaml") || n.endsWith(".yml"))) return false;
    String stem = n.substring(0, n.lastIndexOf('.'));
    return stem.equals("compose")
        || stem.equals("docker-compose")
        || stem.startsWith("compose.")
        || stem.startsWith("docker-compose.")
        || stem.startsWith("docker-compose-")
        || stem.endsWith(".compose")
        || stem.endsWith("__compose")
        || stem.endsWith("__docker-compose");
  }

  /**
   * The files Compose merges over this one as one project: those that follow it in {@code COMPOSE_FILE} of the
   * {@code .env} beside it when that list starts with it, else its override files.
   */
  public static List<Path> projectFilesAfter(Path file, FileAccess access) {
    if (file == null) return List.of();
    List<Path> listed = composeFileList(file.toAbsolutePath().getParent(), access);
    if (!listed.isEmpty() && listed.get(0).equals(file.toAbsolutePath().normalize()))
      return listed.subList(1, listed.size());
    return overridesOf(file, access);
  }

  /**
   * The files {@code COMPOSE_FILE} in the {@code .env} of a folder names (separated by
   * {@code COMPOSE_PATH_SEPARATOR}, else the platform's path separator, as Compose splits them), resolved
   * against the folder; empty when the .env sets none or is not read. Compose then loads exactly these, in
   * order, instead of compose.yaml and its override.
   */
  public static List<Path> composeFileList(Path folder, FileAccess access) {
    if (folder == null) return List.of();
    Map<String, String> env = DotEnv.read(access, folder.resolve(".env"));
    String list = env.get("COMPOSE_FILE");
    if (list == null || list.isBlank()) return List.of();
    String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", java.io.File.pathSeparator);
    if (sep.isEmpty()) sep = java.io.File.pathSeparator;
    List<Path> out = new ArrayList<>();
    for (String part : list.split(java.util.regex.Pattern.quote(sep), -1)) {
      if (part.isBlank()) continue;
      try {
        // a file named twice is one file of the project (merging it over itself changes nothing):
        // kept once, it
        // never becomes its own override (COMPOSE_FILE=stack.yml:stack.yml hid every finding of
        // stack.yml)
        Path p = folder.resolve(part.strip()).toAbsolutePath().normalize();
        if (!out.contains(p)) out.add(p);
      } catch (java.nio.file.InvalidPathException e) {
        // a name the file system cannot hold names no file
      }
      if (out.size() >= 64) break;
    }
    return out;
  }

  /**
   * The override files Compose loads with a base file of this name, that are there beside it (a link counts:
   * reading it then says why it is not read when it leads out of the project).
   */
  public static List<Path> overridesOf(Path file, FileAccess access) {
    List<Path> out = new ArrayList<>();
    if (file == null || file.getFileName() == null) return out;
    String n = file.getFileName().toString();
    String lower = n.toLowerCase(Locale.ROOT);
    if (!(lower.equals("compose.yaml")
        || lower.equals("compose.yml")
        || lower.equals("docker-compose.yaml")
        || lower.equals("docker-compose.yml"))) {
      return out;
    }
    String stem = n.substring(0, n.lastIndexOf('.'));
    for (String ext : new String[] {".yaml", ".yml"}) {
      Path o = file.resolveSibling(stem + ".override" + ext);
      if (access.exists(o)) out.add(o);
    }
    return out;
  }

  /**
   * For an override file ({@code compose.override.yaml}), the base file beside it that loads it, or null (also
   * when the base is not a file that {@code access} reads).
   */
  public static Path baseOf(Path file, FileAccess access) {
    if (file == null || file.getFileName() == null) return null;
    List<Path> listed = composeFileList(file.toAbsolutePath().getParent(), access);
    if (!listed.isEmpty()) {
      // COMPOSE_FILE decides: a later file of it is merged over the first, as an override file is;
      // a file it
      // does not name (compose.override.yaml too) is not loaded with the others, and is linted on
      // its own
      boolean later = listed.indexOf(file.toAbsolutePath().normalize()) > 0;
      return later && access.check(listed.get(0)) == null ? listed.get(0) : null;
    }
    String n = file.getFileName().toString();
    String lower = n.toLowerCase(Locale.ROOT);
    for (String stem : new String[] {"compose", "docker-compose"}) {
      if (lower.equals(stem + ".override.yaml") || lower.equals(stem + ".override.yml")) {
        String realStem = n.substring(0, stem.length());
        for (String ext : new String[] {".yaml", ".yml"}) {
          Path b = file.resolveSibling(realStem + ext);
          if (access.check(b) == null) return b;
        }
      }
    }
    return null;
  }

  /** The first 64 KiB of a file as text, or null when it is not read. */
  public static String readHead(Path p, FileAccess access) {
    return access.head(p, 64 * 1024).text();
  }

  /** A cheap look at a YAML text: does it have a top-level {@code services:} key? */
  public static boolean looksLikeCompose(String text) {
    int i = 0;
    int n = Math.min(text.length(), 1 << 20);
    while (i < n) {
      if (text.startsWith("services:", i)
          || text.startsWith("\"services\":", i)
          || text.startsWith("'services':", i)) {
        return true;
      }
      int nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl + 1;
    }
    return false;
  }
}
