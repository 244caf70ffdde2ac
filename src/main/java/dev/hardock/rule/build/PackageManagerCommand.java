package dev.hardock.rule.build;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A system package manager invocation (apt-get, apt, aptitude, apk, dnf, yum, microdnf, tdnf, zypper, rpm)
 * read the way the tool reads it: options in any order and position, short options clustered
 * ({@code -qqy}), values attached ({@code -oFoo=1}, {@code --setopt=x}) or in the next word
 * ({@code -o Foo=1}), the first operand as the subcommand.
 */
public final class PackageManagerCommand {
  public enum Family {
    APT,
    APK,
    DNF,
    ZYPPER,
    RPM
  }

  public enum Manager {
    APT_GET(
        "apt-get",
        Family.APT,
        "oct",
        Set.of("option", "config-file", "target-release", "default-release")),
    APT(
        "apt",
        Family.APT,
        "oct",
        Set.of("option", "config-file", "target-release", "default-release")),
    APTITUDE(
        "aptitude",
        Family.APT,
        "otSFw",
        Set.of("option", "target-release", "sort", "display-format", "width")),
    APK(
        "apk",
        Family.APK,
        "Xpt",
        Set.of(
            "repository",
            "root",
            "arch",
            "cache-dir",
            "keys-dir",
            "repositories-file",
            "virtual",
            "progress-fd",
            "wait",
            "timeout",
            "cache-max-age")),
    DNF("dnf", Family.DNF, "cxdeR", DNF_VALUES()),
    YUM("yum", Family.DNF, "cxdeR", DNF_VALUES()),
    MICRODNF("microdnf", Family.DNF, "", DNF_VALUES()),
    TDNF("tdnf", Family.DNF, "cxdeR", DNF_VALUES()),
    ZYPPER(
        "zypper",
        Family.ZYPPER,
        "cDCRrt",
        Set.of(
            "config",
            "root",
            "reposd-dir",
            "cache-dir",
            "raw-cache-dir",
            "repo",
            "type",
            "from",
            "userdata",
            "installroot")),
    RPM(
        "rpm",
        Family.RPM,
        "D",
        Set.of("root", "dbpath", "define", "excludepath", "relocate", "prefix", "rcfile"));

    private final String command;
    private final Family family;
    private final String shortWithValue;
    private final Set<String> longWithValue;

    Manager(String command, Family family, String shortWithValue, Set<String> longWithValue) {
      this.command = command;
      this.family = family;
      this.shortWithValue = shortWithValue;
      this.longWithValue = longWithValue;
    }

    private static Set<String> DNF_VALUES() {
      return Set.of(
          "config",
          "installroot",
          "releasever",
          "setopt",
          "exclude",
          "enablerepo",
          "disablerepo",
          "repo",
          "repoid",
          "debuglevel",
          "errorlevel",
          "forcearch",
          "downloaddir",
          "destdir",
          "comment",
          "color",
          "rpmverbosity",
          "disableplugin",
          "enableplugin");
    }

    public String command() {
      return command;
    }

    public Family family() {
      return family;
    }

    static Manager named(String name) {
      for (Manager m : values()) if (m.command.equals(name)) return m;
      return null;
    }
  }

  /**
   * An option as given: its name ({@code -o}, {@code --setopt}, {@code -y} for each letter of {@code -qqy}),
   * the word it is in, and its value (null for a flag) with the word holding the value.
   */
  public record Option(String name, Word word, String value, Word valueWord, int valueFrom) {
    /** The option and its value, for a finding. */
    public Span span() {
      return valueWord == null || valueWord == word
          ? word.span()
          : word.span().to(valueWord.span());
    }
  }

  private static final Set<String> INDEX_UPDATES_APT = Set.of("update");
  private static final Set<String> INSTALLS_APT =
      Set.of(
          "install",
          "reinstall",
          "upgrade",
          "dist-upgrade",
          "full-upgrade",
          "safe-upgrade",
          "build-dep",
          "source",
          "download",
          "satisfy");
  private static final Set<String> INSTALLS_APK = Set.of("add", "upgrade", "fix", "fetch");
  private static final Set<String> INSTALLS_DNF =
      Set.of(
          "install",
          "reinstall",
          "upgrade",
          "update",
          "groupinstall",
          "groupupdate",
          "localinstall",
          "distro-sync",
          "downgrade",
          "upgrade-minimal",
          "swap",
          "builddep",
          "download",
          "in",
          "up");
  private static final Set<String> INSTALLS_ZYPPER =
      Set.of(
          "install",
          "in",
          "update",
          "up",
          "dist-upgrade",
          "dup",
          "patch",
          "source-install",
          "si",
          "install-new-recommends",
          "inr");

  private final EffectiveCommand command;
  private final Manager manager;
  private final List<Option> options;
  private final List<Word> operands;

  private PackageManagerCommand(
      EffectiveCommand command, Manager manager, List<Option> options, List<Word> operands) {
    this.command = command;
    this.manager = manager;
    this.options = List.copyOf(options);
    this.operands = List.copyOf(operands);
  }

  /** The package manager command, or null when the effective command is none. */
  public static PackageManagerCommand of(EffectiveCommand e) {
    Manager m = Manager.named(e.nameValue());
    if (m == null) return null;
    List<Option> options = new ArrayList<>();
    List<Word> operands = new ArrayList<>();
    List<Word> args = e.args();
    boolean onlyOperands = false;
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      Word next = i + 1 < args.size() ? args.get(i + 1) : null;
      if (onlyOperands || v.length() < 2 || v.charAt(0) != '-') {
        operands.add(w);
      } else if (v.equals("--")) {
        onlyOperands = true;
      } else if (v.startsWith("--")) {
        int eq = v.indexOf('=');
        String name = eq < 0 ? v : v.substring(0, eq);
        if (eq >= 0) {
          options.add(new Option(name, w, v.substring(eq + 1), w, eq + 1));
        } else if (m.longWithValue.contains(name.substring(2)) && next != null) {
          options.add(new Option(name, w, next.value(), next, 0));
          i++;
        } else {
          options.add(new Option(name, w, null, null, 0));
        }
      } else {
        for (int k = 1; k < v.length(); k++) {
          String name = "-" + v.charAt(k);
          if (m.shortWithValue.indexOf(v.charAt(k)) < 0) {
            options.add(new Option(name, w, null, null, 0));
          } else if (k + 1 < v.length()) {
            options.add(new Option(name, w, v.substring(k + 1), w, k + 1));
            break;
          } else {
            if (next != null) i++;
            options.add(new Option(name, w, next == null ? null : next.value(), next, 0));
          }
        }
      }
    }
    return new PackageManagerCommand(e, m, options, operands);
  }

  public EffectiveCommand command() {
    return command;
  }

  public Manager manager() {
    return manager;
  }

  public List<Option> options() {
    return options;
  }

  /** Words that are not options or option values; the first is the subcommand (not for rpm). */
  public List<Word> operands() {
    return operands;
  }

  /** The subcommand word (install, update, add...), or null (always null for rpm, whose modes are options). */
  public Word subcommand() {
    return manager == Manager.RPM || operands.isEmpty() ? null : operands.get(0);
  }

  /** The subcommand in lower case, or "". */
  public String action() {
    Word s = subcommand();
    return s == null ? "" : s.value().toLowerCase(Locale.ROOT);
  }

  /** The first option with one of these names ({@code --force-yes}, {@code -k}), or null. */
  public Option option(String... names) {
    for (Option o : options) for (String n : names) if (o.name().equals(n)) return o;
    return null;
  }

  /** From the manager's name to its subcommand: the words a finding about the subcommand points at. */
  public Span subcommandSpan() {
    Word s = subcommand();
    Span name = command.name().span();
    return s == null ? name : name.to(s.span());
  }

  /** True for a refresh of the package index only: apt-get update, apk update, dnf makecache, zypper refresh. */
  public boolean updatesIndex() {
    String a = action();
    return switch (manager.family) {
      case APT -> INDEX_UPDATES_APT.contains(a);
      case APK -> a.equals("update");
      case DNF -> a.equals("makecache");
      case ZYPPER -> a.equals("refresh") || a.equals("ref");
      case RPM -> false;
    };
  }

  /** True when the command installs or upgrades packages from the index (and so uses a fresh one). */
  public boolean installs() {
    String a = action();
    return switch (manager.family) {
      case APT -> INSTALLS_APT.contains(a);
      case APK -> INSTALLS_APK.contains(a);
      case DNF ->
          INSTALLS_DNF.contains(a)
              || (Set.of("group", "groups", "module").contains(a)
                  && operands.size() > 1
                  && INSTALLS_DNF.contains(operands.get(1).value().toLowerCase(Locale.ROOT)));
      case ZYPPER -> INSTALLS_ZYPPER.contains(a);
      case RPM -> false;
    };
  }

  /** True when some argument is an expansion whose words are unknown, so options may hide in it. */
  public boolean hasExpansions() {
    for (Word w : command.args()) if (!w.isLiteral()) return true;
    return false;
  }
}
