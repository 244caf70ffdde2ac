package dev.hardock.lsp;

import dev.hardock.engine.Config;
import dev.hardock.engine.Discovery;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.io.ProjectRoot;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the language server lints with: the workspace folders (each a project root, as the repository is for
 * the command line), the open buffers in front of the disk, and the configuration of each file
 * ({@code .hardock.yaml} found as the command line finds it, read once until {@link #configChanged}).
 */
final class Workspace {
  /** One lint of one document version: the findings shown in it, and the Dockerfiles it builds (compose). */
  record Linted(
      int version,
      Path path,
      String display,
      SourceKind kind,
      String text,
      List<Finding> findings,
      Set<Path> builds) {
    SourceFile file() {
      return SourceFile.of(path, display, text, kind);
    }
  }

  /** The workspace folders, longest first; replaced whole when they change (read by the lint thread). */
  private volatile List<Path> folders = List.of();

  /** The open documents' text by absolute path: what {@link OverlayAccess} serves. */
  final Map<Path, String> buffers = new ConcurrentHashMap<>();

  private final Map<Path, Optional<Config>> configs = new ConcurrentHashMap<>();
  private final Consumer<String> configProblem;
  private final Map<String, String> env;

  Workspace(Consumer<String> configProblem, Map<String, String> env) {
    this.configProblem = configProblem;
    this.env = env;
  }

  synchronized void addFolder(Path folder) {
    List<Path> next = new ArrayList<>(folders);
    next.add(folder.toAbsolutePath().normalize());
    // the longest first: a nested folder is the root of what it holds
    next.sort((a, b) -> b.getNameCount() - a.getNameCount());
    folders = List.copyOf(next);
  }

  synchronized void removeFolder(Path folder) {
    List<Path> next = new ArrayList<>(folders);
    next.remove(folder.toAbsolutePath().normalize());
    folders = List.copyOf(next);
  }

  /** The project root of a file: the workspace folder holding it, else the command line's (git root, folder). */
  Path rootOf(Path file) {
    for (Path f : folders) if (file.startsWith(f)) return f;
    return ProjectRoot.of(file);
  }

  /** Forgets every configuration read: they are read again at the next lint. */
  void configChanged() {
    configs.clear();
  }

  /** What a document is: by its name and text as the command line judges a file, then the editor's language. */
  static SourceKind kindOf(Path path, String text, String languageId) {
    SourceKind k = Discovery.kindOfBuffer(path, text);
    if (k != null || languageId == null) return k;
    return switch (languageId) {
      case "dockerfile", "containerfile" -> SourceKind.DOCKERFILE;
      case "dockercompose", "docker-compose", "yaml.docker-compose" -> SourceKind.COMPOSE;
      case "shellscript" -> SourceKind.RUN;
      default -> dev.hardock.model.Shells.POSIX.contains(languageId) ? SourceKind.RUN : null;
    };
  }

  /** Lints one version of a document; other open documents are read as their buffers, the rest from disk. */
  Linted lint(OpenDocument d, String text, int version) {
    Path path = d.path;
    Path root = rootOf(path);
    String display =
        path.startsWith(root) && !path.equals(root)
            ? root.relativize(path).toString()
            : path.toString();
    SourceKind kind = kindOf(path, text, d.languageId);
    if (kind == null) return new Linted(version, path, display, null, text, List.of(), Set.of());
    Config c = config(path, root);
    if (c != null && c.excludes(path))
      return new Linted(version, path, display, kind, text, List.of(), Set.of());
    LintSettings settings =
        c == null
            ? new LintSettings(Set.of(), Set.of(), Map.of(), RuleOptions.NONE)
            : c.settings(Set.of(), Set.of());
    // this version's text for the document itself, whatever the editor sent since
    Linter linter =
        new Linter(settings)
            .withFileAccess(r -> new OverlayAccess(r, p -> p.equals(path) ? text : buffers.get(p)));
    FileResult r = linter.lint(List.of(new Target(path, display, kind, root, false)), 1).get(0);
    List<Finding> mine = new ArrayList<>();
    Path shown = Path.of(display).normalize();
    for (Finding f : r.findings()) if (Path.of(f.file()).normalize().equals(shown)) mine.add(f);
    Set<Path> builds = new HashSet<>();
    for (Target t : linter.builtDockerfiles()) builds.add(t.path().toAbsolutePath().normalize());
    return new Linted(version, path, display, kind, text, List.copyOf(mine), Set.copyOf(builds));
  }

  private Config config(Path file, Path root) {
    Path where = Config.find(file, root, env);
    if (where == null) return null;
    return configs
        .computeIfAbsent(
            where,
            w -> {
              try {
                return Optional.of(Config.load(w));
              } catch (Config.Invalid e) {
                configProblem.accept(
                    e.getMessage() + " (linting with the defaults until it is fixed)");
                return Optional.empty();
              }
            })
        .orElse(null);
  }
}
