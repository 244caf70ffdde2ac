package dev.hardock.rule.build;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Word;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HD324 (off by default): a package installed by name without a version, by apt-get/apt, apk, yum/dnf/microdnf/tdnf,
 * zypper, pip, npm, gem or go install. One rule for all managers, the manager in the message; the option
 * {@code managers} narrows it (apt, apk, dnf, zypper, pip, npm, gem, go). Packages pinned elsewhere (a requirements
 * or constraints file, {@code --require-hashes}, a lockfile for a bare {@code npm install}) and local files, paths
 * and URLs are not judged, nor are words with unknown expansions.
 */
@RuleInfo(
    id = "HD324",
    slug = "package-version-unpinned",
    severity = Severity.INFO,
    appliesTo = SourceKind.DOCKERFILE,
    enabledByDefault = false)
public final class PackageVersionUnpinned extends Rule {
  public static final String OPTION = "managers";

  @Override
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {
    EffectiveCommand e = EffectiveCommand.of(command);
    PackageManagerCommand pm = PackageManagerCommand.of(e);
    if (pm != null) {
      system(pm);
      return;
    }
    LanguagePackageCommand lp = LanguagePackageCommand.of(e);
    if (lp == null) return;
    switch (lp.tool()) {
      case PIP -> pip(lp.args());
      case NPM -> npm(lp.args());
      case GEM -> gem(lp.args());
      case GO -> go(lp.args());
      default -> {}
    }
  }

  private boolean enabled(String manager) {
    List<String> only = optionList(OPTION);
    return only.isEmpty() || only.contains(manager);
  }

  private void unpinned(Word w, String manager, String how) {
    report(
        w.span(),
        manager + " installs " + w.value() + " without a version",
        "pin it (" + how + ") so every build installs the package you reviewed");
  }

  // ---- system package managers ----

  private void system(PackageManagerCommand pm) {
    PackageManagerCommand.Family family = pm.manager().family();
    String action = pm.action();
    String key =
        switch (family) {
          case APT -> action.equals("install") ? "apt" : null;
          case APK -> action.equals("add") ? "apk" : null;
          case DNF -> action.equals("install") || action.equals("in") ? "dnf" : null;
          case ZYPPER -> action.equals("install") || action.equals("in") ? "zypper" : null;
          case RPM -> null;
        };
    List<Word> ops = pm.operands();
    if (family == PackageManagerCommand.Family.DNF
        && action.equals("module")
        && ops.size() > 1
        && Set.of("install", "in").contains(ops.get(1).value().toLowerCase(Locale.ROOT))) {
      if (enabled("dnf")) modules(pm, ops.subList(2, ops.size()));
      return;
    }
    if (key == null || !enabled(key)) return;
    for (Word w : ops.subList(1, ops.size())) {
      String v = w.value();
      if (!w.isLiteral()
          || v.isEmpty()
          || isPathOrUrl(v)
          || v.endsWith(".deb")
          || v.endsWith(".rpm")
          || v.endsWith(".apk")) continue;
      boolean pinned =
          switch (family) {
            case APT -> v.indexOf('=') > 0;
            case APK ->
                v.indexOf('=') > 0
                    || v.indexOf('~') > 0
                    || v.indexOf('<') > 0
                    || v.indexOf('>') > 0;
            case DNF -> dashDigit(v) || v.indexOf('=') > 0 || v.startsWith("@");
            case ZYPPER ->
                v.indexOf('=') > 0 || v.indexOf('<') > 0 || v.indexOf('>') > 0 || dashDigit(v);
            case RPM -> true;
          };
      if (pinned) continue;
      String how =
          switch (family) {
            case APT -> v + "=<version>";
            case APK -> v + "=<version>";
            case DNF -> v + "-<version>";
            default -> v + "=<version>";
          };
      unpinned(w, pm.manager().command() + " " + action, how);
    }
  }

  /** {@code dnf module install nodejs}: without {@code :stream} the module's default stream, which moves. */
  private void modules(PackageManagerCommand pm, List<Word> names) {
    for (Word w : names) {
      String v = w.value();
      if (!w.isLiteral()
          || v.isEmpty()
          || v.indexOf(':') > 0
          || v.startsWith("@")
          || isPathOrUrl(v)) continue;
      int slash = v.indexOf('/'); // name/profile
      unpinned(
          w,
          pm.manager().command() + " module install",
          (slash < 0 ? v : v.substring(0, slash)) + ":<stream>");
    }
  }

  /** name-1.2.3: a dash followed by a digit, as yum, dnf and zypper spell a version. */
  private static boolean dashDigit(String v) {
    for (int i = 1; i + 1 < v.length(); i++) {
      if (v.charAt(i) == '-' && Character.isDigit(v.charAt(i + 1))) return true;
    }
    return false;
  }

  private static boolean isPathOrUrl(String v) {
    return v.startsWith(".")
        || v.startsWith("/")
        || v.startsWith("~")
        || v.contains("://")
        || v.startsWith("file:");
  }

  // ---- language package managers ----

  /**
   * The words after an install subcommand that are neither options nor option values; null when the first operand
   * is no install, or when an option of {@code pinnedBy} ({@code -c FILE}, {@code --require-hashes}) pins every name.
   */
  private static List<Word> names(
      List<Word> args, Set<String> installs, Set<String> valued, Set<String> pinnedBy) {
    return names(args, installs, valued, pinnedBy, false);
  }

  /** As above; {@code dashDashEnds}: the words after {@code --} are no packages (gem passes them to the build). */
  private static List<Word> names(
      List<Word> args,
      Set<String> installs,
      Set<String> valued,
      Set<String> pinnedBy,
      boolean dashDashEnds) {
    List<Word> names = new ArrayList<>();
    boolean install = false;
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if (v.equals("--") && dashDashEnds) {
        if (!install) return null;
        break;
      }
      if (v.startsWith("-")) {
        int eq = v.indexOf('=');
        if (pinnedBy.contains(eq < 0 ? v : v.substring(0, eq))) return null;
        if (eq < 0 && valued.contains(v)) i++;
      } else if (install) {
        names.add(args.get(i));
      } else if (installs.contains(v)) {
        install = true;
      } else {
        return null;
      }
    }
    return names;
  }

  private void pip(List<Word> args) {
    List<Word> names =
        enabled("pip")
            ? names(
                args,
                Set.of("install"),
                LanguagePackageCommand.PIP_VALUED,
                Set.of("-c", "--constraint", "--require-hashes"))
            : null;
    if (names == null) return;
    for (Word w : names) {
      String v = w.value();
      if (!w.isLiteral()) continue;
      if (v.startsWith("git+")) {
        // a VCS requirement is pinned by @ref after the repository path
        if (v.indexOf('@', v.lastIndexOf('/') + 1) < 0) unpinned(w, "pip install", v + "@<commit>");
        continue;
      }
      if (isPathOrUrl(v)
          || v.contains("@")
          || v.contains("/")
          || v.endsWith(".whl")
          || v.endsWith(".tar.gz")
          || v.endsWith(".zip")) {
        continue;
      }
      // == and === pin, ~= allows patch releases only, an upper bound (<, <=) caps the version; >=
      // and != alone float
      if (v.contains("==") || v.contains("~=") || v.indexOf('<') > 0) continue;
      unpinned(w, "pip install", stripSpec(v) + "==<version>");
    }
  }

  /** The package name of a requirement (without extras, ranges or markers). */
  private static String stripSpec(String v) {
    int end = 0;
    while (end < v.length() && "<>=!~;[ ".indexOf(v.charAt(end)) < 0) end++;
    return v.substring(0, end);
  }

  private static final Set<String> NPM_INSTALLS =
      Set.of(
          "install", "i", "add", "isntall", "in", "ins", "inst", "insta", "instal", "isnt", "isnta",
          "isntal");
  private static final Set<String> FLOATING_TAGS =
      Set.of("", "latest", "next", "*", "x", "canary", "beta", "nightly");

  private void npm(List<Word> args) {
    List<Word> names =
        enabled("npm")
            ? names(args, NPM_INSTALLS, LanguagePackageCommand.NPM_VALUED, Set.of())
            : null;
    if (names == null) return;
    for (Word w : names) {
      String v = w.value();
      if (!w.isLiteral()) continue;
      if (v.startsWith("git") && (v.contains("://") || v.startsWith("github:"))) {
        if (v.indexOf('#') < 0)
          unpinned(w, "npm install", v + "#<commit>"); // a git dependency is pinned by #ref
        continue;
      }
      if (isPathOrUrl(v) || v.endsWith(".tgz") || v.endsWith(".tar.gz") || v.endsWith(".tar"))
        continue;
      int at =
          v.indexOf('@', 1); // @scope/name@version: the version's @ is after the first character
      if (at < 0 && v.indexOf('/') > 0 && !v.startsWith("@"))
        continue; // user/repo: a GitHub shorthand
      if (at > 0 && !FLOATING_TAGS.contains(v.substring(at + 1).toLowerCase(Locale.ROOT))) continue;
      String name = at > 0 ? v.substring(0, at) : v;
      unpinned(w, "npm install", name + "@<version>");
    }
  }

  private void gem(List<Word> args) {
    // one -v for all the named gems; a Gemfile (-g) pins them elsewhere
    List<Word> names =
        enabled("gem")
            ? names(
                args,
                Set.of("install", "i"),
                LanguagePackageCommand.GEM_VALUED,
                Set.of("-v", "--version", "-g", "--file"),
                true)
            : null;
    if (names == null) return;
    for (Word w : names) {
      String v = w.value();
      if (!w.isLiteral() || isPathOrUrl(v) || v.endsWith(".gem") || v.indexOf(':') > 0) continue;
      unpinned(w, "gem install", v + " -v <version>");
    }
  }

  private void go(List<Word> args) {
    List<Word> names =
        enabled("go")
            ? names(args, Set.of("install"), LanguagePackageCommand.GO_VALUED, Set.of())
            : null;
    if (names == null) return;
    for (Word w : names) {
      String v = w.value();
      if (!w.isLiteral() || isPathOrUrl(v)) continue;
      int at = v.indexOf('@');
      String path = at < 0 ? v : v.substring(0, at);
      int slash = path.indexOf('/');
      // a module path starts with a domain; std and the current module's packages (cmd/x) come from
      // go.mod
      if (!(slash < 0 ? path : path.substring(0, slash)).contains(".")) continue;
      String version = at < 0 ? "" : v.substring(at + 1);
      if (!version.isEmpty()
          && !Set.of("latest", "master", "main", "upgrade", "patch").contains(version)) continue;
      unpinned(w, "go install", path + "@<version>");
    }
  }
}
