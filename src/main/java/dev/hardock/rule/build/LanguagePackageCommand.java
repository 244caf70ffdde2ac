package dev.hardock.rule.build;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.Word;
import java.util.List;
import java.util.Set;

/**
 * A language package manager invocation: pip (also {@code pip3.12}, {@code python -m pip}), npm, gem or go, with the
 * words after the tool name ({@code pip install x} gives {@code install x}). The tool names live here only.
 */
public record LanguagePackageCommand(Tool tool, List<Word> args) {
  public enum Tool {
    PIP,
    NPM,
    GEM,
    GO
  }

  /** pip's options that take a value in the next word. */
  static final Set<String> PIP_VALUED =
      Set.of(
          "-r",
          "--requirement",
          "-c",
          "--constraint",
          "-e",
          "--editable",
          "-i",
          "--index-url",
          "--extra-index-url",
          "-f",
          "--find-links",
          "-t",
          "--target",
          "--prefix",
          "--root",
          "--platform",
          "--python-version",
          "--implementation",
          "--abi",
          "--src",
          "--upgrade-strategy",
          "--progress-bar",
          "--trusted-host",
          "--cert",
          "--client-cert",
          "--cache-dir",
          "--log",
          "--proxy",
          "--retries",
          "--timeout",
          "--exists-action",
          "--global-option",
          "--install-option",
          "-C",
          "--config-settings",
          "--only-binary",
          "--no-binary",
          "--report",
          "--python",
          "--root-user-action",
          "--use-feature",
          "--use-deprecated");

  static final Set<String> NPM_VALUED =
      Set.of(
          "--prefix",
          "--registry",
          "--cache",
          "-w",
          "--workspace",
          "--tag",
          "--omit",
          "--include",
          "--install-strategy",
          "--userconfig",
          "--loglevel",
          "--before");
  static final Set<String> GEM_VALUED =
      Set.of(
          "-v",
          "--version",
          "-i",
          "--install-dir",
          "-n",
          "--bindir",
          "-s",
          "--source",
          "-P",
          "--trust-policy",
          "--platform",
          "-g",
          "--file",
          "--document",
          "--build-root");
  static final Set<String> GO_VALUED =
      Set.of(
          "-o",
          "-p",
          "-tags",
          "-ldflags",
          "-gcflags",
          "-asmflags",
          "-mod",
          "-modfile",
          "-pkgdir",
          "-buildmode",
          "-compiler",
          "-overlay",
          "-pgo",
          "-installsuffix",
          "-toolexec",
          "-C");

  /** The command, or null when it is none of these tools. */
  public static LanguagePackageCommand of(EffectiveCommand e) {
    String name = e.nameValue();
    List<Word> args = e.args();
    if (isPip(name)) return new LanguagePackageCommand(Tool.PIP, args);
    if (name.startsWith("python")
        && args.size() > 1
        && args.get(0).value().equals("-m")
        && isPip(args.get(1).value())) {
      return new LanguagePackageCommand(Tool.PIP, args.subList(2, args.size()));
    }
    return switch (name) {
      case "npm" -> new LanguagePackageCommand(Tool.NPM, args);
      case "gem" -> new LanguagePackageCommand(Tool.GEM, args);
      case "go" -> new LanguagePackageCommand(Tool.GO, args);
      default -> null;
    };
  }

  /** pip, pip3, pip3.12. */
  public static boolean isPip(String name) {
    if (!name.startsWith("pip")) return false;
    for (int i = 3; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((c < '0' || c > '9') && c != '.') return false;
    }
    return true;
  }

  /** The first word that is not an option (the subcommand), or null. */
  public Word subcommand() {
    for (Word w : args) if (!w.value().startsWith("-")) return w;
    return null;
  }
}
