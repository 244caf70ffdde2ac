package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.SourceLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shell text of a Makefile: its recipe lines, with make's own syntax ({@code $$}, prefixes, variables
 * that name the engine or hold a run command) undone, each character at its offset in the file.
 */
final class MakefileRecipes {
  /**
   * The comments and rules of a Makefile's own lines (a recipe's comments are its shell's): make takes a
   * {@code #} not escaped by a backslash for the start of a comment that runs to the end of the line; a rule
   * ({@code target: prereqs}) is a statement from its line to its last recipe line (the lines after it that
   * start with white space, blank lines between).
   */
  static void layout(String text, LineIndex lines, SourceLayout layout, String file) {
    boolean continued = false;
    int ruleStart = -1;
    int ruleEnd = -1;
    for (int l = 1; l <= lines.lineCount(); l++) {
      int start = lines.lineStart(l);
      int end = FileText.lineEnd(text, lines, l);
      boolean recipe = continued || start < end && text.charAt(start) == '\t';
      int semi = recipe ? -1 : inlineRecipe(text, start, end);
      continued = (recipe || semi >= 0) && end > start && text.charAt(end - 1) == '\\';
      boolean blank = text.substring(start, end).isBlank();
      if (ruleStart >= 0 && !blank) {
        if (recipe || Character.isWhitespace(text.charAt(start))) {
          ruleEnd = end;
        } else {
          layout.statement(file, lines.span(ruleStart, ruleEnd));
          ruleStart = -1;
        }
      }
      if (!recipe && !blank && ruleStart < 0 && ruleLine(text, start, end)) {
        ruleStart = start;
        ruleEnd = end;
      }
      if (recipe || semi >= 0) continue;
      for (int i = start; i < end; i++) {
        if (text.charAt(i) == '\\') {
          i++;
        } else if (text.charAt(i) == '#') {
          boolean alone = text.substring(start, i).isBlank();
          layout.comment(
              file,
              lines.span(i, end),
              text.substring(i, end),
              alone ? SourceLayout.Reach.NEXT_LINE : SourceLayout.Reach.LINE);
          break;
        }
      }
    }
    if (ruleStart >= 0) layout.statement(file, lines.span(ruleStart, ruleEnd));
  }

  /** A rule line: {@code targets: prereqs} (a {@code :} outside references, before any {@code =} or {@code #}). */
  private static boolean ruleLine(String text, int start, int end) {
    int i = start;
    while (i < end && text.charAt(i) == ' ') i++;
    if (i >= end || text.charAt(i) == '#') return false;
    int colon = outsideReferences(text, i, end, ':');
    if (colon < 0) return false;
    int j = colon + 1;
    while (j < end && text.charAt(j) == ':') j++;
    return j >= end || text.charAt(j) != '=';
  }

  /**
   * Recipe lines (after a tab, or after the {@code ;} of {@code target: prereqs ; recipe}) without the tab and
   * the {@code @ - +} prefixes of their first line; {@code $$} is a shell {@code $}; {@code $(DOCKER)} and
   * {@code ${DOCKER}} become the engine when the Makefile assigns the variable {@code docker}, {@code podman} or
   * {@code nerdctl}, each character of the engine's name mapped into the reference so the command spans it.
   */
  static MappedText recipes(String text, LineIndex lines) {
    Map<String, String> engines = makeEngines(text, lines);
    Map<String, int[]> runs = makeRunCommands(text, lines, engines);
    MappedText.Builder b = new MappedText.Builder(text.length());
    boolean continued = false;
    for (int l = 1; l <= lines.lineCount(); l++) {
      int start = lines.lineStart(l);
      int end = FileText.lineEnd(text, lines, l);
      boolean recipe = start < end && text.charAt(start) == '\t';
      int i;
      if (continued) {
        i = recipe ? start + 1 : start; // make drops the tab that starts a continued recipe line
      } else if (recipe) {
        i = skipRecipePrefixes(text, start + 1, end);
      } else {
        int semi = inlineRecipe(text, start, end);
        if (semi < 0) continue;
        i = skipRecipePrefixes(text, semi + 1, end);
      }
      appendRecipe(b, text, i, end, engines, runs, 0);
      continued = end > start && text.charAt(end - 1) == '\\';
      b.append('\n', end);
    }
    return b.build(text.length());
  }

  /**
   * Appends recipe text [i, end): {@code $$} is a shell {@code $}, an engine variable becomes the engine's
   * name, and a variable holding a run command ({@code RUN_IN_DOCKER := docker run --rm img}) is replaced by
   * its value, mapped to where the Makefile assigns it, so its flags are judged at the assignment.
   */
  private static void appendRecipe(
      MappedText.Builder b,
      String text,
      int i,
      int end,
      Map<String, String> engines,
      Map<String, int[]> runs,
      int depth) {
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < end && text.charAt(i + 1) == '$') {
        b.append('$', i);
        i++;
        continue;
      }
      int ref =
          c == '$' && !(engines.isEmpty() && runs.isEmpty()) ? variableReference(text, i, end) : -1;
      String name = ref < 0 ? null : text.substring(i + 2, ref - 1);
      String engine = name == null ? null : engines.get(name);
      int[] run = name == null || depth > 0 ? null : runs.get(name);
      if (engine != null) {
        for (int k = 0; k < engine.length(); k++) {
          b.append(engine.charAt(k), k == engine.length() - 1 ? ref - 1 : Math.min(i + k, ref - 2));
        }
        i = ref - 1;
      } else if (run != null) {
        appendRecipe(b, text, run[0], run[1], engines, runs, depth + 1);
        i = ref - 1;
      } else {
        b.append(c, i);
      }
    }
  }

  /**
   * Makefile variables assigned a run command on one line ({@code DOCKER_RUN = docker run --rm -v $(PWD):/src},
   * {@code RUN = $(DOCKER) run ...}): the [start, end) offsets of the value, the last assignment winning.
   */
  static Map<String, int[]> makeRunCommands(
      String text, LineIndex lines, Map<String, String> engines) {
    Map<String, int[]> out = new HashMap<>();
    if (text.indexOf("run") < 0 && text.indexOf("create") < 0) return out;
    for (int l = 1; l <= lines.lineCount(); l++) {
      int i = lines.lineStart(l);
      int end = FileText.lineEnd(text, lines, l);
      if (i >= end || text.charAt(i) == '\t' || text.charAt(end - 1) == '\\') continue;
      while (i < end && text.charAt(i) == ' ') i++;
      for (String prefix : List.of("override ", "export ", "private ")) {
        if (text.startsWith(prefix, i)) i += prefix.length();
      }
      int n = i;
      while (n < end && isMakeNameChar(text.charAt(n))) n++;
      if (n == i) continue;
      String name = text.substring(i, n);
      int op = n;
      while (op < end && text.charAt(op) == ' ') op++;
      int eq = op;
      while (eq < end && eq - op < 4 && (text.charAt(eq) == ':' || text.charAt(eq) == '?')) eq++;
      if (eq >= end || text.charAt(eq) != '=') continue;
      int vs = eq + 1;
      while (vs < end && (text.charAt(vs) == ' ' || text.charAt(vs) == '\t')) vs++;
      int ve = text.indexOf('#', vs);
      if (ve < 0 || ve > end) ve = end;
      while (ve > vs && (text.charAt(ve - 1) == ' ' || text.charAt(ve - 1) == '\t')) ve--;
      String[] words = text.substring(vs, ve).split("[ \t]+");
      int w = 0;
      while (w < words.length && words[w].equals("sudo")) w++;
      if (w + 1 >= words.length) continue;
      String first = words[w];
      String engineName =
          first.matches("\\$[({][A-Za-z0-9_.-]+[)}]")
              ? engines.get(first.substring(2, first.length() - 1))
              : first;
      if (engineName == null || !engineCommand(engineName)) continue;
      String verb =
          words[w + 1].equals("container") && w + 2 < words.length ? words[w + 2] : words[w + 1];
      if (verb.equals("run") || verb.equals("create")) out.put(name, new int[] {vs, ve});
      else out.remove(name);
    }
    return out;
  }

  private static int skipRecipePrefixes(String text, int i, int end) {
    while (i < end
        && (text.charAt(i) == '@'
            || text.charAt(i) == '-'
            || text.charAt(i) == '+'
            || text.charAt(i) == ' '
            || text.charAt(i) == '\t')) i++;
    return i;
  }

  /**
   * The offset of the {@code ;} that starts the recipe of a rule line {@code targets: prereqs ; recipe}, or -1:
   * no rule, a variable assignment ({@code X = a:b;c}, {@code X := y}), or a target-specific variable.
   */
  static int inlineRecipe(String text, int start, int end) {
    int i = start;
    while (i < end && (text.charAt(i) == ' ')) i++;
    if (i >= end || text.charAt(i) == '#') return -1;
    int colon = outsideReferences(text, i, end, ':');
    if (colon < 0) return -1;
    int j = colon + 1;
    while (j < end && text.charAt(j) == ':') j++; // double-colon rules; ::= is an assignment
    if (j < end && text.charAt(j) == '=') return -1;
    return outsideReferences(text, j, end, ';');
  }

  /**
   * The offset of {@code wanted} in [from, end) outside {@code $(...)}/{@code ${...}} references, or -1 when
   * none comes before an {@code =} (an assignment) or a {@code #} (a comment) at that level.
   */
  private static int outsideReferences(String text, int from, int end, char wanted) {
    int depth = 0;
    for (int j = from; j < end; j++) {
      char c = text.charAt(j);
      if (c == '$' && j + 1 < end && (text.charAt(j + 1) == '(' || text.charAt(j + 1) == '{')) {
        depth++;
        j++;
      } else if ((c == ')' || c == '}') && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '=' || c == '#')) {
        return -1;
      } else if (depth == 0 && c == wanted) {
        return j;
      }
    }
    return -1;
  }

  /** The end (exclusive) of a reference {@code $(NAME)} or {@code ${NAME}} at {@code at}, or -1. */
  private static int variableReference(String text, int at, int end) {
    if (at + 3 >= end) return -1;
    char open = text.charAt(at + 1);
    char close = open == '(' ? ')' : open == '{' ? '}' : 0;
    if (close == 0) return -1;
    int j = at + 2;
    while (j < end && isMakeNameChar(text.charAt(j))) j++;
    return j > at + 2 && j < end && text.charAt(j) == close ? j + 1 : -1;
  }

  private static boolean isMakeNameChar(char c) {
    return c == '_'
        || c == '.'
        || c == '-'
        || c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9';
  }

  private static final Set<String> ENGINES = Set.of("docker", "podman", "nerdctl");

  /**
   * Makefile variables whose value is a container engine ({@code DOCKER ?= docker}, {@code ENGINE := podman},
   * {@code DOCKER = sudo /usr/bin/docker}), with that value. {@code ?=} sets only an unset name; a later
   * assignment of anything else, {@code +=} or {@code !=} forgets the name.
   */
  static Map<String, String> makeEngines(String text, LineIndex lines) {
    Map<String, String> out = new HashMap<>();
    if (text.indexOf('=') < 0) return out;
    for (int l = 1; l <= lines.lineCount(); l++) {
      int i = lines.lineStart(l);
      int end = FileText.lineEnd(text, lines, l);
      if (i >= end || text.charAt(i) == '\t') continue;
      String line = text.substring(i, end).strip();
      for (String prefix : List.of("override ", "export ", "private ")) {
        if (line.startsWith(prefix)) line = line.substring(prefix.length()).stripLeading();
      }
      int n = 0;
      while (n < line.length() && isMakeNameChar(line.charAt(n))) n++;
      if (n == 0) continue;
      String name = line.substring(0, n);
      String rest = line.substring(n).stripLeading();
      int op = rest.indexOf('=');
      if (op < 0 || op > 4) continue;
      String operator = rest.substring(0, op + 1);
      if (!Set.of("=", ":=", "::=", ":::=", "?=", "+=", "!=").contains(operator)) continue;
      String value = rest.substring(op + 1);
      int hash = value.indexOf('#');
      if (hash >= 0) value = value.substring(0, hash);
      value = value.strip();
      String engine = engineCommand(value) ? value : null;
      if (operator.equals("?=")) {
        if (!out.containsKey(name) && engine != null) out.put(name, engine);
      } else if (engine == null) {
        out.remove(name);
      } else {
        out.put(name, engine);
      }
    }
    return out;
  }

  /** {@code docker}, {@code /usr/bin/podman}, {@code sudo docker}: a value that runs an engine and nothing else. */
  private static boolean engineCommand(String value) {
    String[] words = value.split(" +");
    for (int k = 0; k < words.length - 1; k++) {
      if (!words[k].equals("sudo")) return false;
    }
    String last = words[words.length - 1];
    return ENGINES.contains(last.substring(last.lastIndexOf('/') + 1))
        && last.chars()
            .allMatch(
                c -> c == '/' || c == '.' || c == '_' || c == '-' || Character.isLetterOrDigit(c));
  }

  private MakefileRecipes() {}
}
