package dev.hardock.engine;

import dev.hardock.model.SourceKind;
import dev.hardock.source.compose.ComposeReader;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the files to lint: files named on the command line whatever their name, and below directories
 * the files whose names say what they are. Skips VCS, dependency and build folders and what the
 * .gitignore files met on the way exclude. Never follows symbolic links into loops.
 */
public final class Discovery {
  private static final Set<String> SKIP_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", "target", "vendor",
      ".venv", "__pycache__", ".tox", ".idea");

  /** A path the user gave that does not exist or cannot be read. */
  public record Missing(String path, String reason) { }

  public record Found(List<Target> targets, List<Missing> missing) { }

  private Discovery() { }

  public static Found find(List<String> args, SourceKind forced) {
    List<Target> out = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        int from = out.size();
        walk(p, arg, forced, out);
        // file-system order differs between machines: sort so output is the same everywhere
        out.subList(from, out.size()).sort(java.util.Comparator.comparing(Target::displayPath));
      } else if (Files.exists(p)) {
        SourceKind kind = forced != null ? forced : kindOfNamed(p, p.getFileName() == null ? arg : p.getFileName().toString());
        out.add(new Target(p, arg, kind == null ? SourceKind.DOCKERFILE : kind));
      } else {
        missing.add(new Missing(arg, Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "broken symbolic link" : "no such file or directory"));
      }
    }
    return new Found(out, missing);
  }

  /** What a file is, judged by its name alone; null when it is none of ours. */
  public static SourceKind kindOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.equals("dockerfile") || n.equals("containerfile") || n.startsWith("dockerfile.")
        || n.startsWith("dockerfile-") || n.startsWith("containerfile.") || n.endsWith(".dockerfile")
        || n.endsWith(".containerfile")) {
      return SourceKind.DOCKERFILE;
    }
    // daemon.json, and names such as prod.daemon.json or the fixtures' bad.daemon.json
    if (n.equals("daemon.json") || n.endsWith(".daemon.json")) return SourceKind.DAEMON;
    if (ComposeReader.isComposeName(n)) return SourceKind.COMPOSE;
    if (isRunLines(n)) return SourceKind.RUN;
    return null;
  }

  /**
   * Files where docker run lines are written: scripts, Makefiles, Markdown, CI YAML, GitHub Actions metadata
   * ({@code action.yml} at any depth, e.g. {@code .github/actions/x/action.yml}: a composite action's steps).
   */
  private static boolean isRunLines(String n) {
    return n.endsWith(".sh") || n.endsWith(".bash") || n.endsWith(".md") || n.endsWith(".markdown")
        || n.equals("makefile") || n.equals("gnumakefile") || n.endsWith(".mk") || n.equals(".gitlab-ci.yml")
        || n.endsWith(".gitlab-ci.yml") || n.endsWith(".workflow.yml") || n.endsWith(".workflow.yaml")
        || n.equals("action.yml") || n.equals("action.yaml") || n.endsWith(".action.yml") || n.endsWith(".action.yaml");
  }

  /** What a file is, judged by its path: GitHub Actions workflows are known by their folder. */
  static SourceKind kindOf(Path file) {
    SourceKind k = kindOf(file.getFileName().toString());
    if (k != null) return k;
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Path dir = file.getParent();
    if ((n.endsWith(".yml") || n.endsWith(".yaml")) && dir != null && dir.getFileName() != null
        && dir.getFileName().toString().equals("workflows") && dir.getParent() != null
        && dir.getParent().getFileName() != null && dir.getParent().getFileName().toString().equals(".github")) {
      return SourceKind.RUN;
    }
    return null;
  }

  /**
   * A file named on the command line: by its path first; then a YAML file with top-level services is
   * compose, and a file with a sh/bash shebang is a script. A pipe or device is not peeked at (reading it would
   * consume it): it is a Dockerfile unless --type says otherwise.
   */
  static SourceKind kindOfNamed(Path p, String name) {
    SourceKind k = p.getFileName() == null ? kindOf(name) : kindOf(p);
    if (k != null) return k;
    // a pipe (hardock <(cat Dockerfile)) or device can be read only once: peeking would eat what the linter reads
    if (!Files.isRegularFile(p)) return null;
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".yml") || n.endsWith(".yaml")) {
      String head = ComposeReader.readHead(p);
      if (head != null && ComposeReader.looksLikeCompose(head)) return SourceKind.COMPOSE;
    }
    return byShebang(p);
  }

  /** A file without a telling name: a shell script if its shebang says so. */
  private static SourceKind byShebang(Path p) {
    try (java.io.InputStream in = Files.newInputStream(p)) {
      String head = new String(in.readNBytes(128), java.nio.charset.StandardCharsets.UTF_8);
      if (head.startsWith("#!") && head.lines().findFirst().orElse("").matches("#!.*\\b(sh|bash|dash|ash|ksh|zsh)\\b.*")) {
        return SourceKind.RUN;
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: the loader reports it
    }
    return null;
  }

  private static void walk(Path root, String shownRoot, SourceKind forced, List<Target> out) {
    Deque<GitIgnore> ignores = new ArrayDeque<>();
    try {
      Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), 64, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root)) {
            String name = dir.getFileName().toString();
            if (SKIP_DIRS.contains(name) || ignored(ignores, dir, true)) return FileVisitResult.SKIP_SUBTREE;
          }
          ignores.push(GitIgnore.load(dir));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
          // With --type every file below the directory is read as that type.
          SourceKind kind = forced != null ? forced : kindOf(file);
          if (kind == null || ignored(ignores, file, false)) return FileVisitResult.CONTINUE;
          out.add(new Target(file, display(root, shownRoot, file), kind));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
          if (!ignores.isEmpty()) ignores.pop();
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // unreadable roots are reported by the caller through missing files; nothing else to do here
    }
  }

  private static boolean ignored(Deque<GitIgnore> ignores, Path p, boolean dir) {
    Boolean verdict = null;
    // outermost first, so deeper .gitignore files win
    var it = ignores.descendingIterator();
    while (it.hasNext()) {
      Boolean v = it.next().matches(p, dir);
      if (v != null) verdict = v;
    }
    return verdict != null && verdict;
  }

  private static String display(Path root, String shownRoot, Path file) {
    Path rel = root.relativize(file);
    String sep = shownRoot.endsWith("/") || shownRoot.endsWith(java.io.File.separator) ? "" : "/";
    if (shownRoot.equals(".")) return rel.toString();
    return shownRoot + sep + rel;
  }
}
