package dev.hardock.rule.build;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.Shells;
import dev.hardock.model.Word;
import java.util.List;
import java.util.Set;

/**
 * Where a shell or language interpreter takes the program it runs from: its standard input
 * ({@code sh}, {@code bash -s --}, {@code python3 -}), a script argument ({@code bash <(...)},
 * {@code sh -c "..."}, {@code eval "$(...)"}), or nothing we know of (null: not an interpreter).
 *
 * @param stdin true when the program is read from standard input
 * @param words the words holding the program or naming its file (empty for stdin)
 */
public record ScriptInterpreter(boolean stdin, List<Word> words) {
  /** How an interpreter reads its arguments: program-in-argument flags, flags taking a value, read-stdin flags. */
  private record Kind(
      String evalLetters,
      Set<String> evalLong,
      String valueLetters,
      Set<String> valueLong,
      String stdinLetters,
      boolean dashIsEndOfOptions) {}

  private static final Kind SHELL =
      new Kind("c", Set.of(), "oO", Set.of("--rcfile", "--init-file"), "s", true);
  private static final Kind PYTHON = new Kind("cm", Set.of(), "WX", Set.of(), "", false);
  private static final Kind PERL = new Kind("eE", Set.of(), "I", Set.of(), "", false);
  private static final Kind RUBY = new Kind("e", Set.of(), "Ir", Set.of(), "", false);
  private static final Kind NODE =
      new Kind("ep", Set.of("--eval", "--print"), "r", Set.of("--require", "--import"), "", false);

  private static Kind kind(String name) {
    if (Shells.INTERPRETERS.contains(name)) return SHELL;
    if (name.matches("python[0-9.]*|pypy[0-9.]*")) return PYTHON;
    if (name.matches("perl[0-9.]*")) return PERL;
    if (name.matches("ruby[0-9.]*")) return RUBY;
    if (name.equals("node") || name.equals("nodejs")) return NODE;
    return null;
  }

  /** How the effective command gets its program, or null when it is no interpreter. */
  public static ScriptInterpreter of(EffectiveCommand e) {
    String name = e.nameValue();
    List<Word> args = e.args();
    if (name.equals("eval")) return new ScriptInterpreter(false, args);
    if (name.equals("source") || name.equals(".")) {
      if (args.isEmpty()) return null;
      return args.get(0).value().equals("/dev/stdin")
          ? new ScriptInterpreter(true, List.of())
          : new ScriptInterpreter(false, args.subList(0, 1));
    }
    Kind k = kind(name);
    if (k == null) return null;
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      Word next = i + 1 < args.size() ? args.get(i + 1) : null;
      if (v.equals("--") || (v.equals("-") && k.dashIsEndOfOptions)) {
        return operand(i + 1 < args.size() ? args.get(i + 1) : null);
      }
      if (v.startsWith("--")) {
        String n = v.contains("=") ? v.substring(0, v.indexOf('=')) : v;
        if (k.evalLong.contains(n))
          return new ScriptInterpreter(
              false, v.contains("=") || next == null ? List.of(w) : List.of(next));
        if (k.valueLong.contains(n) && !v.contains("=")) i++;
        continue;
      }
      if ((v.startsWith("-") || (k == SHELL && v.startsWith("+"))) && v.length() > 1) {
        for (int c = 1; c < v.length(); c++) {
          char ch = v.charAt(c);
          if (k.evalLetters.indexOf(ch) >= 0) {
            boolean attached = c + 1 < v.length() && k != SHELL;
            return new ScriptInterpreter(
                false, attached || next == null ? List.of(w) : List.of(next));
          }
          if (k.stdinLetters.indexOf(ch) >= 0) return new ScriptInterpreter(true, List.of());
          if (k.valueLetters.indexOf(ch) >= 0) {
            if (c == v.length() - 1) i++;
            break;
          }
        }
        continue;
      }
      return operand(w);
    }
    return new ScriptInterpreter(true, List.of());
  }

  private static ScriptInterpreter operand(Word w) {
    if (w == null || w.value().equals("-") || w.value().equals("/dev/stdin"))
      return new ScriptInterpreter(true, List.of());
    return new ScriptInterpreter(false, List.of(w));
  }
}
