package dev.hardock.model;

import java.util.Set;

/**
 * The shell programs hardock knows, as named subsets for what each user needs. The one list: readers (which
 * heredoc or command string a shell runs, which files are scripts, which CI step runs a POSIX shell) and rules
 * (what runs a downloaded script) ask here, and {@code FactsHaveOneHomeTest} keeps copies from coming back.
 */
public final class Shells {
  /**
   * Shells that read the POSIX shell language (the one our shell parser reads) and take a program with
   * {@code -c STRING} or on standard input with {@code -s}.
   */
  public static final Set<String> POSIX =
      Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "yash", "posh");

  /** The multi-call binary whose first argument names the applet it runs: {@code busybox sh -c "..."}. */
  public static final String BUSYBOX = "busybox";

  /** The POSIX shells and {@link #BUSYBOX}: the first word of a command line that runs a POSIX shell. */
  public static final Set<String> POSIX_RUNNERS = with(POSIX, BUSYBOX);

  /**
   * Every shell that runs a program given with {@code -c STRING} or read from standard input, POSIX or not
   * ({@code curl URL | fish} runs the download as well): the POSIX shells and fish.
   */
  public static final Set<String> INTERPRETERS = with(POSIX, "fish");

  private Shells() {}

  private static Set<String> with(Set<String> base, String more) {
    java.util.HashSet<String> all = new java.util.HashSet<>(base);
    all.add(more);
    return Set.copyOf(all);
  }

  /** True for a POSIX shell named by path or name ({@code /bin/bash}, {@code sh}). */
  public static boolean isPosix(String program) {
    return POSIX.contains(EffectiveCommand.basename(program));
  }

  /**
   * The program a {@code #!} line runs, by name without its directory, looking through {@code env} and its
   * options and assignments ({@code #!/usr/bin/env -S bash -e} gives bash; env alone gives env); "" for a
   * {@code #!} naming nothing, null when the text does not start with {@code #!}.
   */
  public static String shebangProgram(String text) {
    if (!text.startsWith("#!")) return null;
    int eol = text.indexOf('\n');
    String[] words = text.substring(2, eol < 0 ? text.length() : eol).strip().split("[ \t]+");
    if (words.length == 0 || words[0].isEmpty()) return "";
    String program = EffectiveCommand.basename(words[0]);
    if (!program.equals("env")) return program;
    for (int i = 1; i < words.length; i++) {
      if (words[i].startsWith("-") || words[i].contains("=")) continue;
      return EffectiveCommand.basename(words[i]);
    }
    return program;
  }
}
