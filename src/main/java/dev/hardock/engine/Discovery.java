package dev.hardock.engine;

import dev.hardock.io.DiskAccess;
import dev.hardock.io.FileAccess;
import dev.hardock.io.ProjectRoot;
import dev.hardock.model.Shells;
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
  private static final Set<String> SKIP_DIRS =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "node_modules",
          "target",
          "vendor",
          ".venv",
          "__pycache__",
          ".tox",
          ".idea");

  /** Version-control folders: what git tracks is never below them. */
  private static final Set<String> VCS_DIRS = Set.of(".git", ".hg", ".svn");

  /** A path the user gave that does not exist or cannot be read. */
  public record Missing(String path, String reason) {}

  /** How deep a walk goes below a folder named on the command line; deeper folders are a {@link Notice}. */
  static final int MAX_DEPTH = 64;

  public record Found(List<Target> targets, List<Missing> missing, List<Notice> notices) {
    public Found(List<Target> targets, List<Missing> missing) {
      this(targets, missing, List.of());
    }
  }

  private Discovery() {}

  public static Found find(List<String> args, SourceKind forced) {
    List<Target> out = new ArrayList<>();
    List<Missing> missing = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        int from = out.size();
        walk(p, arg, forced, out, notices);
        // file-system order differs between machines: sort so output is the same everywhere
        out.subList(from, out.size()).sort(java.util.Comparator.comparing(Target::displayPath));
      } else if (Files.exists(p)) {
        SourceKind kind =
            forced != null
                ? forced
                : kindOfNamed(p, p.getFileName() == null ? arg : p.getFileName().toString());
        out.add(new Target(ProjectRoot.real(p), arg, kind == null ? SourceKind.DOCKERFILE : kind));
      } else {
        missing.add(
            new Missing(
                arg,
                Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                    ? "broken symbolic link"
                    : "no such file or directory"));
      }
    }
    return new Found(out, missing, notices);
  }

  /** What a file is, judged by its name alone; null when it is none of ours. */
  public static SourceKind kindOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.equals("dockerfile")
        || n.equals("containerfile")
        || n.startsWith("dockerfile.")
        || n.startsWith("dockerfile-")
        || n.startsWith("containerfile.")
        || n.endsWith(".dockerfile")
        || n.endsWith(".containerfile")) {
      return SourceKind.DOCKERFILE;
    }
    // daemon.json, and names such as prod.daemon.json or the fixtures' bad.daemon.json
    if (n.equals("daemon.json") || n.endsWith(".daemon.json")) return SourceKind.DAEMON;
    if (ComposeReader.isComposeName(n)) return SourceKind.COMPOSE;
    // .devcontainer/devcontainer.json, .devcontainer/<name>/devcontainer.json, .devcontainer.json
    if (n.equals("devcontainer.json") || n.endsWith(".devcontainer.json"))
      return SourceKind.DEVCONTAINER;
    if (isRunLines(n)) return SourceKind.RUN;
    // Podman Quadlet units, and systemd services whose ExecStart lines may run containers
    if (n.endsWith(".container")) return SourceKind.QUADLET;
    if (n.endsWith(".service")) return SourceKind.SYSTEMD;
    return null;
  }

  /**
   * Files where docker run lines are written: scripts, Makefiles, Markdown, CI YAML, GitHub Actions metadata
   * ({@code action.yml} at any depth, e.g. {@code .github/actions/x/action.yml}: a composite action's steps).
   */
  private static boolean isRunLines(String n) {
    return n.endsWith(".sh")
        || n.endsWith(".bash")
        || n.endsWith(".md")
        || n.endsWith(".markdown")
        || n.equals("makefile")
        || n.equals("gnumakefile")
        || n.endsWith(".mk")
        || n.equals(".gitlab-ci.yml")
        || n.endsWith(".gitlab-ci.yml")
        || n.endsWith(".workflow.yml")
        || n.endsWith(".workflow.yaml")
        || n.equals("action.yml")
        || n.equals("action.yaml")
        || n.endsWith(".action.yml")
        || n.endsWith(".action.yaml");
  }

  /** What a file is, judged by its path: GitHub Actions workflows are known by their folder. */
  static SourceKind kindOf(Path file) {
    SourceKind k = kindOf(file.getFileName().toString());
    if (k != null) return k;
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Path dir = file.getParent();
    if ((n.endsWith(".yml") || n.endsWith(".yaml"))
        && dir != null
        && dir.getFileName() != null
        && dir.getFileName().toString().equals("workflows")
        && dir.getParent() != null
        && dir.getParent().getFileName() != null
        && dir.getParent().getFileName().toString().equals(".github")) {
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
    // a pipe (hardock <(cat Dockerfile)) or device can be read only once: peeking would eat what
    // the linter reads
    if (!Files.isRegularFile(p)) return null;
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".yml") || n.endsWith(".yaml")) {
      String head = ComposeReader.readHead(p, DiskAccess.forPath(p));
      if (head != null && ComposeReader.looksLikeCompose(head)) return SourceKind.COMPOSE;
    }
    SourceKind ansible = byContent(p, DiskAccess.forPath(p));
    return ansible != null ? ansible : byShebang(p);
  }

  /** How much of a YAML file is read to tell whether it is Ansible that starts containers. */
  static final int ANSIBLE_HEAD = 256 * 1024;

  /**
   * A YAML file that its name does not make compose or CI YAML is Ansible when it names a module that starts
   * containers (docker_container, podman_container) in its first {@link #ANSIBLE_HEAD} bytes.
   */
  public static SourceKind byContent(Path file, FileAccess access) {
    String n =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!n.endsWith(".yml") && !n.endsWith(".yaml")) return null;
    String head = access.head(file, ANSIBLE_HEAD).text();
    return head != null && dev.hardock.source.run.AnsibleReader.MENTION.matcher(head).find()
        ? SourceKind.ANSIBLE
        : null;
  }

  /** A file without a telling name: a shell script if its shebang says so. */
  private static SourceKind byShebang(Path p) {
    // unreadable: the loader reports it
    return byShebang(DiskAccess.forPath(p).head(p, 128).text());
  }

  private static SourceKind byShebang(String head) {
    String program = head == null ? null : Shells.shebangProgram(head);
    return program != null && Shells.POSIX_RUNNERS.contains(program) ? SourceKind.RUN : null;
  }

  /**
   * What an editor's buffer is (the language server), as {@link #kindOfNamed} judges a named file but from the
   * text it holds rather than the disk: by its path, then top-level services in YAML, then Ansible's container
   * modules in YAML, then a shell shebang;
   * null when it is none of ours.
   */
  public static SourceKind kindOfBuffer(Path p, String text) {
    if (p.getFileName() == null) return null;
    SourceKind k = kindOf(p);
    if (k != null) return k;
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    String head = text.length() > 64 * 1024 ? text.substring(0, 64 * 1024) : text;
    if ((n.endsWith(".yml") || n.endsWith(".yaml")) && ComposeReader.looksLikeCompose(head))
      return SourceKind.COMPOSE;
    // Ansible as byContent judges a file on disk: a module that starts containers in its first
    // ANSIBLE_HEAD characters
    if ((n.endsWith(".yml") || n.endsWith(".yaml"))
        && dev.hardock.source.run.AnsibleReader.MENTION
            .matcher(text.length() > ANSIBLE_HEAD ? text.substring(0, ANSIBLE_HEAD) : text)
            .find()) {
      return SourceKind.ANSIBLE;
    }
    return byShebang(head.length() > 128 ? head.substring(0, 128) : head);
  }

  /**
   * Walks a folder named on the command line (a link to a folder is walked where it leads, files shown under
   * the link's name). Files are found by name; a link to a file is linted under its own path when it leads to a
   * regular file inside the project root (else a notice says why not); links to folders are not followed (what
   * they lead to inside the project is walked where it is). Git-tracked files are linted whatever .gitignore
   * says. Folders deeper than {@link #MAX_DEPTH} are a notice each.
   */
  private static void walk(
      Path named, String shownRoot, SourceKind forced, List<Target> out, List<Notice> notices) {
    Path root;
    try {
      root = named.toRealPath();
    } catch (IOException | SecurityException e) {
      root = named.toAbsolutePath().normalize();
    }
    Path project = ProjectRoot.of(root);
    FileAccess access = new DiskAccess(project);
    Path gitRoot = ProjectRoot.gitRoot(root);
    // read only when a .gitignore pattern matches something: most walks never need it
    java.util.function.Supplier<GitIndex> index =
        new java.util.function.Supplier<>() {
          private GitIndex read;

          @Override
          public GitIndex get() {
            if (read == null) read = gitRoot == null ? GitIndex.EMPTY : GitIndex.of(gitRoot);
            return read;
          }
        };
    Deque<GitIgnore> ignores = new ArrayDeque<>();
    Path start = root;
    List<Path> listed = new ArrayList<>();
    int from = out.size();
    try {
      Files.walkFileTree(
          root,
          EnumSet.noneOf(FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(start)) {
                String name = dir.getFileName().toString();
                if (SKIP_DIRS.contains(name)) {
                  // git tracks Docker's files below it (a committed vendor/ or node_modules/):
                  // said, not silent
                  if (!VCS_DIRS.contains(name) && dockerFoldersTracked(dir)) {
                    notices.add(
                        new Notice(
                            display(start, shownRoot, dir),
                            "not linted: git tracks Dockerfiles or compose"
                                + " files below it, but hardock skips "
                                + name
                                + " folders (name the folder on the command line to lint it)"));
                  }
                  return FileVisitResult.SKIP_SUBTREE;
                }
                if (ignored(ignores, dir, true) && !tracked(index, gitRoot, dir, true))
                  return FileVisitResult.SKIP_SUBTREE;
              }
              ignores.push(GitIgnore.load(dir, access));
              return FileVisitResult.CONTINUE;
            }

            private java.util.function.Predicate<String> dockerFolders;

            private boolean dockerFoldersTracked(Path dir) {
              if (gitRoot == null || !dir.startsWith(gitRoot)) return false;
              if (dockerFolders == null)
                dockerFolders = index.get().tracksBelowWhere(n -> kindOf(n) != null);
              return dockerFolders.test(RepoPaths.normalise(gitRoot.relativize(dir).toString()));
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isDirectory()) {
                // a folder at the depth limit: walkFileTree hands it over as a file
                String name = file.getFileName().toString();
                if (!SKIP_DIRS.contains(name) && !ignored(ignores, file, true)) {
                  notices.add(
                      new Notice(
                          display(start, shownRoot, file),
                          "not linted: a folder deeper than "
                              + MAX_DEPTH
                              + " levels below "
                              + shownRoot
                              + " (name a deeper folder on the command line to lint it)"));
                }
                return FileVisitResult.CONTINUE;
              }
              if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
                // a FIFO, socket or device named like a file Docker uses: never opened, but said
                SourceKind kind = forced == null ? kindOf(file) : null;
                if (kind != null && !ignored(ignores, file, false)) {
                  notices.add(
                      new Notice(
                          display(start, shownRoot, file), "not linted: it is not a regular file"));
                }
                return FileVisitResult.CONTINUE;
              }
              // Compose reads a .env whatever .gitignore says (a tracked one is in every checkout;
              // an ignored one is
              // still used on the machine that has it), so the files its COMPOSE_FILE names are
              // Compose's files too
              if (forced == null && file.getFileName().toString().equals(".env")) {
                listed.addAll(ComposeReader.composeFileList(file.getParent(), access));
              }
              // With --type every file below the directory is read as that type.
              SourceKind kind = forced != null ? forced : kindOf(file);
              if (kind == null && attrs.isRegularFile()) kind = byContent(file, access);
              if (kind == null) return FileVisitResult.CONTINUE;
              if (ignored(ignores, file, false) && !tracked(index, gitRoot, file, false))
                return FileVisitResult.CONTINUE;
              String shown = display(start, shownRoot, file);
              if (attrs.isSymbolicLink()) {
                FileAccess.Refusal why = access.check(file);
                // a link to a folder inside the project is not followed: what it leads to is walked
                // where it is
                if (why == FileAccess.Refusal.SPECIAL && Files.isDirectory(file))
                  return FileVisitResult.CONTINUE;
                if (why != null) {
                  notices.add(
                      new Notice(
                          shown,
                          "not linted: a symbolic link, and "
                              + why.reason().replaceFirst("^it ", "what it leads to ")));
                  return FileVisitResult.CONTINUE;
                }
              }
              out.add(new Target(file, shown, kind, project, false));
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
    composeFileTargets(
        listed, out.subList(from, out.size()), start, shownRoot, project, access, notices);
  }

  /**
   * The files {@code COMPOSE_FILE} in a {@code .env} names are linted even when their names are not ones
   * Compose picks by itself ({@code stack.yml}): Compose loads them. One that is not read is a notice.
   */
  private static void composeFileTargets(
      List<Path> listed,
      List<Target> found,
      Path start,
      String shownRoot,
      Path project,
      FileAccess access,
      List<Notice> notices) {
    Set<Path> have = new java.util.HashSet<>();
    for (Target t : found) have.add(t.path().toAbsolutePath().normalize());
    List<Target> more = new ArrayList<>();
    for (Path p : listed) {
      if (!have.add(p)) continue;
      String shown = display(start, shownRoot, p);
      FileAccess.Refusal why = access.check(p);
      if (why != null) {
        notices.add(
            new Notice(shown, "not linted: COMPOSE_FILE in .env names it, and " + why.reason()));
      } else {
        more.add(new Target(p, shown, SourceKind.COMPOSE, project, false));
      }
    }
    found.addAll(more);
  }

  /** Whether git tracks the file (or a file below the folder): such files are linted whatever .gitignore says. */
  private static boolean tracked(
      java.util.function.Supplier<GitIndex> indexOf, Path gitRoot, Path p, boolean dir) {
    if (gitRoot == null || !p.startsWith(gitRoot)) return false;
    GitIndex index = indexOf.get();
    String rel = RepoPaths.normalise(gitRoot.relativize(p).toString());
    return dir ? index.tracksBelow(rel) : index.tracks(rel);
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
    Path rel = root.relativize(file).normalize();
    String sep = shownRoot.endsWith("/") || shownRoot.endsWith(java.io.File.separator) ? "" : "/";
    if (shownRoot.equals(".")) return rel.toString();
    return shownRoot + sep + rel;
  }
}
