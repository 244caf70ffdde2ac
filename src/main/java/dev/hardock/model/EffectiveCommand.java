package dev.hardock.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command a {@link ShellCommand} really runs, seen through wrappers that run their arguments as a
 * command: {@code sudo -E env DEBIAN_FRONTEND=noninteractive apt-get install x} is apt-get install x. The
 * wrappers' options (and their values) are skipped; {@code env} and {@code sudo} assignments are kept. The
 * readers use the same wrapper table to find the shell that runs a command string ({@code sudo sh -c "..."}).
 */
public final class EffectiveCommand {
  /** How a wrapper reads its own arguments before the command it runs. */
  private record Wrapper(
      String shortWithValue, List<String> longWithValue, int operands, boolean assignments) {}

  private static final Map<String, Wrapper> WRAPPERS =
      Map.ofEntries(
          Map.entry(
              "sudo",
              new Wrapper(
                  "ugpCDrtTUR",
                  List.of(
                      "user",
                      "group",
                      "prompt",
                      "close-from",
                      "chdir",
                      "role",
                      "type",
                      "command-timeout",
                      "other-user",
                      "host",
                      "chroot"),
                  0,
                  true)),
          Map.entry("doas", new Wrapper("uC", List.of(), 0, false)),
          Map.entry("env", new Wrapper("uCS", List.of("unset", "chdir", "split-string"), 0, true)),
          Map.entry("time", new Wrapper("fo", List.of("format", "output"), 0, false)),
          Map.entry("nice", new Wrapper("n", List.of("adjustment"), 0, false)),
          Map.entry(
              "ionice",
              new Wrapper("cnpPu", List.of("class", "classdata", "pid", "pgid", "uid"), 0, false)),
          Map.entry("nohup", new Wrapper("", List.of(), 0, false)),
          Map.entry("setsid", new Wrapper("", List.of(), 0, false)),
          Map.entry("exec", new Wrapper("a", List.of(), 0, false)),
          Map.entry("command", new Wrapper("", List.of(), 0, false)),
          Map.entry("builtin", new Wrapper("", List.of(), 0, false)),
          Map.entry("stdbuf", new Wrapper("ioe", List.of("input", "output", "error"), 0, false)),
          Map.entry("timeout", new Wrapper("sk", List.of("signal", "kill-after"), 1, false)),
          Map.entry("eatmydata", new Wrapper("", List.of(), 0, false)),
          Map.entry("fakeroot", new Wrapper("lsi", List.of("lib", "faked"), 0, false)),
          Map.entry("gosu", new Wrapper("", List.of(), 1, false)),
          Map.entry("su-exec", new Wrapper("", List.of(), 1, false)),
          Map.entry("chroot", new Wrapper("", List.of("userspec", "groups"), 1, false)),
          Map.entry("tini", new Wrapper("pe", List.of(), 0, false)),
          Map.entry("dumb-init", new Wrapper("", List.of("rewrite"), 0, false)),
          Map.entry(
              "xargs",
              new Wrapper(
                  "EILnPsdae",
                  List.of(
                      "arg-file",
                      "delimiter",
                      "max-args",
                      "max-procs",
                      "max-chars",
                      "eof",
                      "max-lines",
                      "replace"),
                  0,
                  false)));

  private final ShellCommand command;
  private final List<Word> wrappers;
  private final List<Word> assignments;
  private final int start;

  private EffectiveCommand(
      ShellCommand command, List<Word> wrappers, List<Word> assignments, int start) {
    this.command = command;
    this.wrappers = List.copyOf(wrappers);
    this.assignments = List.copyOf(assignments);
    this.start = start;
  }

  public static EffectiveCommand of(ShellCommand c) {
    List<Word> wrappers = new ArrayList<>();
    List<Word> assignments = new ArrayList<>(c.assignments());
    return new EffectiveCommand(
        c, wrappers, assignments, skipWrappers(c.words(), wrappers, assignments));
  }

  /**
   * Index of the word that names the command run through the wrappers at the start of {@code words} (env,
   * sudo, exec, nice...), or {@code words.size()} when there is none (only wrappers, {@code command -v x}).
   */
  public static int skipWrappers(List<Word> words) {
    return skipWrappers(words, new ArrayList<>(), new ArrayList<>());
  }

  private static int skipWrappers(List<Word> words, List<Word> wrappers, List<Word> assignments) {
    int i = 0;
    while (i < words.size()) {
      String name = basename(words.get(i).value());
      Wrapper w = WRAPPERS.get(name);
      if (w == null) break;
      wrappers.add(words.get(i++));
      int operands = w.operands();
      while (i < words.size()) {
        String v = words.get(i).value();
        if (v.equals("--")) {
          i++;
          break;
        }
        if (w.assignments() && isAssignment(v)) {
          assignments.add(words.get(i++));
        } else if (v.startsWith("--") && v.length() > 2) {
          i += !v.contains("=") && w.longWithValue().contains(v.substring(2)) ? 2 : 1;
        } else if ((v.startsWith("-") && v.length() > 1) || (v.equals("-") && name.equals("env"))) {
          // `command -v x` and `command -V x` look a command up instead of running it
          if (name.equals("command") && (v.contains("v") || v.contains("V"))) return words.size();
          boolean valueFollows = false;
          for (int k = 1; k < v.length(); k++) {
            if (w.shortWithValue().indexOf(v.charAt(k)) >= 0) {
              valueFollows = k == v.length() - 1;
              break;
            }
          }
          i += valueFollows ? 2 : 1;
        } else if (operands > 0) {
          operands--;
          i++;
        } else {
          break;
        }
      }
    }
    return Math.min(i, words.size());
  }

  /** The command as parsed. */
  public ShellCommand command() {
    return command;
  }

  /** The effective command's name word, or null (only wrappers, or a lookup such as {@code command -v}). */
  public Word name() {
    return start < command.words().size() ? command.words().get(start) : null;
  }

  /** The effective command's name without a directory ({@code /usr/bin/curl} gives curl), or "". */
  public String nameValue() {
    Word n = name();
    return n == null ? "" : basename(n.value());
  }

  /** The words after the effective command's name. */
  public List<Word> args() {
    List<Word> w = command.words();
    return start + 1 <= w.size() ? w.subList(start + 1, w.size()) : List.of();
  }

  /** The wrapper names skipped, in order ({@code sudo}, {@code env}...). */
  public List<Word> wrappers() {
    return wrappers;
  }

  /** True when a wrapper such as xargs feeds the command arguments read from its input. */
  public boolean readsArgumentsFromInput() {
    for (Word w : wrappers) if (basename(w.value()).equals("xargs")) return true;
    return false;
  }

  /** Prefix assignments and those given to env or sudo, as NAME=VALUE words. */
  public List<Word> assignments() {
    return assignments;
  }

  public static String basename(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }

  public static boolean isAssignment(String v) {
    int eq = v.indexOf('=');
    if (eq <= 0) return false;
    for (int i = 0; i < eq; i++) {
      char ch = v.charAt(i);
      boolean ok =
          ch == '_'
              || (ch >= 'A' && ch <= 'Z')
              || (ch >= 'a' && ch <= 'z')
              || (i > 0 && ch >= '0' && ch <= '9');
      if (!ok) return false;
    }
    return true;
  }
}
