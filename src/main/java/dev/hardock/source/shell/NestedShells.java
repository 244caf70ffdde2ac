package dev.hardock.source.shell;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.Heredoc;
import dev.hardock.model.LineIndex;
import dev.hardock.model.Redirect;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellCommand.Nesting;
import dev.hardock.model.ShellProblem;
import dev.hardock.model.ShellScript;
import dev.hardock.model.Shells;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shell text that a script hands to another shell: the command string of {@code sh -c "..."} ({@code bash -lc},
 * {@code /bin/sh -c}, {@code env X=1 sh -c}, {@code sudo bash -c}, {@code su -c "..."}) and a here-document
 * read by a shell ({@code sh <<EOF}, {@code bash -s <<EOF}, {@code cat <<EOF | sh}). {@link #expand} parses
 * that text where it is written (a word's value keeps the source offset of every character, through quotes,
 * escapes and continued lines) and adds its commands to the script with the nesting {@link Nesting#NESTED_SHELL}.
 */
public final class NestedShells {
  /** sh -c "bash -c '...'" is common; deeper nesting is rare and bounded so hostile input stays cheap. */
  private static final int MAX_DEPTH = 4;

  private NestedShells() {}

  /**
   * The script with the commands of every command string and shell-read here-document added after the command
   * that runs them (their problems too); the script itself when there are none.
   */
  public static ShellScript expand(ShellScript script, LineIndex lines) {
    return expand(script, lines, 0);
  }

  private static ShellScript expand(ShellScript script, LineIndex lines, int depth) {
    if (depth >= MAX_DEPTH) return script;
    List<ShellCommand> commands = script.commands();
    Map<ShellCommand, ShellScript> inner = new IdentityHashMap<>();
    Set<ShellScript> expanded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<ShellProblem> skipped = new ArrayList<>(0);
    for (ShellCommand c : commands) {
      ShellScript s = null;
      boolean expands = false;
      Word string = commandString(c);
      if (string != null && !string.value().isBlank()) {
        s = ShellParser.parse(string.valueText(), lines);
        expands = !string.isLiteral();
      } else {
        Heredoc body = shellInput(c);
        if (body != null) {
          s = ShellParser.parse(body.body(), lines);
          expands = body.expands() && hasExpansion(body.body());
        }
      }
      if (s != null && (!s.commands().isEmpty() || !s.problems().isEmpty())) {
        boolean last = depth + 1 >= MAX_DEPTH;
        ShellScript e = last ? s : expand(s, lines, depth + 1);
        if (last) beyondLimit(s, skipped);
        inner.put(c, e);
        if (expands) expanded.add(e);
      }
    }
    if (inner.isEmpty()) return script;

    // Commands of a double-quoted string's $(...) are already in the script: keep one copy.
    Set<Span> known = new HashSet<>();
    for (ShellCommand c : commands) known.add(c.span());
    List<ShellCommand> order = new ArrayList<>();
    Map<ShellCommand, Integer> index = new IdentityHashMap<>();
    Set<ShellCommand> nested = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<ShellProblem> problems = new ArrayList<>(script.problems());
    problems.addAll(skipped);
    for (ShellCommand c : commands) {
      index.put(c, order.size());
      order.add(c);
      ShellScript s = inner.get(c);
      if (s == null) continue;
      // the outer shell expands $X and $(..) before the inner one reads the text: its quotes are
      // not known
      for (ShellProblem p : s.problems())
        if (!(p.unterminatedQuote() && expanded.contains(s))) problems.add(p);
      for (ShellCommand n : s.commands()) {
        if (known.contains(n.span())) continue;
        index.put(n, order.size());
        order.add(n);
        nested.add(n);
      }
    }
    List<ShellCommand> out = new ArrayList<>(order.size());
    for (ShellCommand c : order) {
      boolean top = nested.contains(c) && c.nesting() == Nesting.TOP;
      out.add(
          new ShellCommand(
              c.assignments(),
              c.words(),
              c.redirects(),
              c.heredocBodies(),
              c.span(),
              c.operatorAfter(),
              top ? Nesting.NESTED_SHELL : c.nesting(),
              indexOf(index, c.pipeFrom()),
              indexOf(index, c.pipeTo()),
              indexOf(index, c.parent())));
    }
    return new ShellScript(out, problems, script.comments(), script.commandLines());
  }

  /** Notes each command string or shell-read here-document of a script at the nesting limit: it is not read. */
  private static void beyondLimit(ShellScript script, List<ShellProblem> into) {
    for (ShellCommand c : script.commands()) {
      Word string = commandString(c);
      if ((string == null || string.value().isBlank()) && shellInput(c) == null) continue;
      into.add(
          new ShellProblem(
              "not read: a shell command nested more than "
                  + MAX_DEPTH
                  + " shells deep (sh -c inside sh -c...); what it runs is not linted",
              c.span(),
              false,
              true));
    }
  }

  /** True when text holds a $ or a backtick that an unquoted here-document delimiter lets the shell expand. */
  public static boolean hasExpansion(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' || c == '`') return true;
    }
    return false;
  }

  private static int indexOf(Map<ShellCommand, Integer> index, ShellCommand c) {
    if (c == null) return -1;
    Integer i = index.get(c);
    return i == null ? -1 : i;
  }

  /**
   * The word holding the command string when the command runs a shell with {@code -c} ({@code bash -lc "..."},
   * {@code su -c "..."}), seen through wrappers such as env and sudo; else null.
   */
  public static Word commandString(ShellCommand c) {
    return commandString(c.words());
  }

  private static Word commandString(List<Word> all) {
    List<Word> words = all;
    int i = EffectiveCommand.skipWrappers(words);
    if (i >= words.size()) return null;
    String name = EffectiveCommand.basename(words.get(i).value());
    if (name.equals("find")) { // find ... -exec sh -c '...' _ {} \;
      for (int k = i + 1; k + 1 < words.size(); k++) {
        String v = words.get(k).value();
        if (v.equals("-exec") || v.equals("-execdir") || v.equals("-ok") || v.equals("-okdir")) {
          return commandString(words.subList(k + 1, words.size()));
        }
      }
      return null;
    }
    if (name.equals("su") || name.equals("runuser")) return suCommand(words, i + 1);
    ShellOptions o = shellOptions(words, i);
    return o != null && o.dashC() && o.operand() >= 0 ? words.get(o.operand()) : null;
  }

  /**
   * How a shell at {@code i} ({@code bash}, {@code busybox sh}) is invoked: the first of its {@code -c} and
   * {@code -s} options (0 when neither), whether {@code -c} is among them, and the index of its first operand
   * (after {@code --} or {@code -} too; -1 when none); null when the word at {@code i} is no shell.
   */
  private record ShellOptions(char first, boolean dashC, int operand) {}

  private static ShellOptions shellOptions(List<Word> words, int i) {
    String name = EffectiveCommand.basename(words.get(i).value());
    if (!Shells.POSIX_RUNNERS.contains(name)) return null;
    if (name.equals(Shells.BUSYBOX)) {
      if (i + 1 >= words.size() || !Shells.POSIX_RUNNERS.contains(words.get(i + 1).value()))
        return null;
      i++;
    }
    char first = 0;
    boolean dashC = false;
    for (int k = i + 1; k < words.size(); k++) {
      String v = words.get(k).value();
      if (v.equals("--") || v.equals("-"))
        return new ShellOptions(first, dashC, k + 1 < words.size() ? k + 1 : -1);
      if (v.startsWith("--")) {
        if ((v.equals("--rcfile") || v.equals("--init-file")) && k + 1 < words.size()) k++;
        continue;
      }
      if ((v.startsWith("-") || v.startsWith("+")) && v.length() > 1) {
        for (int l = 1; l < v.length(); l++) {
          char ch = v.charAt(l);
          if ((ch == 'c' || ch == 's') && v.charAt(0) == '-' && first == 0) first = ch;
          if (ch == 'c' && v.charAt(0) == '-') dashC = true;
          if (ch == 'o' || ch == 'O') {
            if (l == v.length() - 1) k++;
            break;
          }
        }
        continue;
      }
      return new ShellOptions(first, dashC, k);
    }
    return new ShellOptions(first, dashC, -1);
  }

  /** su / runuser: {@code -c CMD}, {@code --command CMD}, {@code --command=CMD} anywhere among the arguments. */
  private static Word suCommand(List<Word> words, int from) {
    for (int k = from; k < words.size(); k++) {
      String v = words.get(k).value();
      // runuser -u nobody -- sh -c '...': what follows -- is a command
      if (v.equals("--"))
        return k + 1 < words.size() ? commandString(words.subList(k + 1, words.size())) : null;
      // attached: --command=CMD, -cCMD, -lcCMD
      if (v.startsWith("--command=") || v.startsWith("--session-command=")) {
        int eq = v.indexOf('=') + 1;
        return eq < v.length() ? words.get(k).sub(eq, v.length()) : null;
      }
      int c = v.indexOf('c');
      if (v.startsWith("-")
          && !v.startsWith("--")
          && c > 0
          && c < v.length() - 1
          && v.substring(1, c).chars().allMatch(Character::isLetter)) {
        return words.get(k).sub(c + 1, v.length());
      }
      if (k + 1 >= words.size()) break;
      if (v.equals("--command")
          || v.equals("--session-command")
          || (v.startsWith("-")
              && !v.startsWith("--")
              && v.endsWith("c")
              && v.chars().allMatch(ch -> ch == '-' || Character.isLetter(ch)))) {
        return words.get(k + 1);
      }
      if (v.equals("-s")
          || v.equals("--shell")
          || v.equals("-g")
          || v.equals("--group")
          || v.equals("-G")
          || v.equals("--supp-group")
          || v.equals("-w")
          || v.equals("--whitelist-environment")) {
        k++;
      }
    }
    return null;
  }

  /**
   * The here-document a shell reads as its program: the command is a shell reading standard input ({@code sh},
   * {@code bash -s}, {@code sh -}) or {@code cat} piping into one; null otherwise.
   */
  static Heredoc shellInput(ShellCommand c) {
    if (c.heredocBodies().isEmpty()) return null;
    int heredocs = 0;
    int last = -1;
    for (Redirect r : c.redirects()) {
      if (!r.operator().startsWith("<<") || r.operator().equals("<<<")) continue;
      if (r.fd() <= 0) last = heredocs;
      heredocs++;
    }
    if (last < 0 || heredocs != c.heredocBodies().size() || !feedsShell(c)) return null;
    return c.heredocBodies().get(last);
  }

  /**
   * True when the standard input of the command is run as a shell program: it is a shell with no command
   * string or script file ({@code sh}, {@code bash -s -- x}, {@code sudo bash -e}), or {@code cat} (without file
   * operands) piping into such a shell.
   */
  public static boolean feedsShell(ShellCommand c) {
    if (readsProgramFromStdin(c)) return true;
    List<Word> words = c.words();
    int i = EffectiveCommand.skipWrappers(words);
    if (i >= words.size() || !EffectiveCommand.basename(words.get(i).value()).equals("cat"))
      return false;
    for (int k = i + 1; k < words.size(); k++) {
      String v = words.get(k).value();
      if (!v.startsWith("-") || v.equals("--")) return false;
    }
    ShellCommand next = c.pipeTo();
    return next != null && readsProgramFromStdin(next);
  }

  private static boolean readsProgramFromStdin(ShellCommand c) {
    List<Word> words = c.words();
    int i = EffectiveCommand.skipWrappers(words);
    if (i >= words.size()) return false;
    for (int k = 0; k < i; k++)
      if (EffectiveCommand.basename(words.get(k).value()).equals("xargs"))
        return false; // input = arguments
    ShellOptions o = shellOptions(words, i);
    if (o == null || o.first() == 'c') return false;
    return o.first() == 's'
        || o.operand() < 0
        || words.get(o.operand()).value().equals("/dev/stdin");
  }
}
