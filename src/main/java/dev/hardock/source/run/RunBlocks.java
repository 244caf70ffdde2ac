package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceLayout;
import dev.hardock.source.yaml.YamlLayout;
import dev.hardock.model.Shells;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Cuts the shell text out of the files run lines are written in: a whole script, Makefile recipe lines,
 * Markdown code blocks, CI YAML {@code run:}/{@code script:} scalars. Every block is a {@link MappedText}
 * whose characters keep their offsets in the file, so positions stay those of the enclosing file.
 */
final class RunBlocks {
  /** A stretch of shell text; {@code reportProblems} is false for illustrations (Markdown) whose syntax is loose. */
  record Block(MappedText text, boolean reportProblems, Object scope) { }

  enum Format { SHELL, MAKEFILE, MARKDOWN, YAML }

  private static final Set<String> SHELL_TAGS = Set.of("", "sh", "bash", "shell", "console", "shell-session", "sh-session",
      "shellsession", "zsh", "terminal");
  private static final Set<String> CI_KEYS = Set.of("run", "script", "before_script", "after_script");

  private RunBlocks() { }

  static Format formatOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".md") || n.endsWith(".markdown")) return Format.MARKDOWN;
    if (n.equals("makefile") || n.equals("gnumakefile") || n.endsWith(".mk") || n.endsWith(".make")) return Format.MAKEFILE;
    if (n.endsWith(".yml") || n.endsWith(".yaml")) return Format.YAML;
    return Format.SHELL;
  }

  static List<Block> blocks(Format format, String text, LineIndex lines, List<ParseProblem> problems) {
    return blocks(format, text, lines, problems, new ArrayList<>(), new SourceLayout(), "");
  }

  /**
   * As above; a workflow's job containers and services go to {@code containers}, and the comments and
   * statements of the host format (Makefile lines outside recipes, Markdown, YAML) to {@code layout} as those
   * of {@code file} (the shell text of each block holds the rest: its reader records them).
   */
  static List<Block> blocks(Format format, String text, LineIndex lines, List<ParseProblem> problems,
      List<WorkflowContainers.Decl> containers, SourceLayout layout, String file) {
    return switch (format) {
      case SHELL -> List.of(new Block(MappedText.of(text, 0, text.length()), true, text));
      case MAKEFILE -> {
        makeLayout(text, lines, layout, file);
        yield List.of(new Block(makefile(text, lines), true, text));
      }
      case MARKDOWN -> markdown(text, lines, layout, file);
      case YAML -> {
        YamlLayout.read(text, lines, file, layout);
        yield yaml(text, lines, problems, containers);
      }
    };
  }

  /**
   * The comments and rules of a Makefile's own lines (a recipe's comments are its shell's): make takes a
   * {@code #} not escaped by a backslash for the start of a comment that runs to the end of the line; a rule
   * ({@code target: prereqs}) is a statement from its line to its last recipe line (the lines after it that
   * start with white space, blank lines between).
   */
  static void makeLayout(String text, LineIndex lines, SourceLayout layout, String file) {
    boolean continued = false;
    int ruleStart = -1;
    int ruleEnd = -1;
    for (int l = 1; l <= lines.lineCount(); l++) {
      int start = lines.lineStart(l);
      int end = lineEnd(text, lines, l);
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
          layout.comment(file, lines.span(i, end), text.substring(i, end),
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
  static MappedText makefile(String text, LineIndex lines) {
    Map<String, String> engines = makeEngines(text, lines);
    Map<String, int[]> runs = makeRunCommands(text, lines, engines);
    MappedText.Builder b = new MappedText.Builder(text.length());
    boolean continued = false;
    for (int l = 1; l <= lines.lineCount(); l++) {
      int start = lines.lineStart(l);
      int end = lineEnd(text, lines, l);
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
  private static void appendRecipe(MappedText.Builder b, String text, int i, int end, Map<String, String> engines,
      Map<String, int[]> runs, int depth) {
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < end && text.charAt(i + 1) == '$') {
        b.append('$', i);
        i++;
        continue;
      }
      int ref = c == '$' && !(engines.isEmpty() && runs.isEmpty()) ? variableReference(text, i, end) : -1;
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
  static Map<String, int[]> makeRunCommands(String text, LineIndex lines, Map<String, String> engines) {
    Map<String, int[]> out = new HashMap<>();
    if (text.indexOf("run") < 0 && text.indexOf("create") < 0) return out;
    for (int l = 1; l <= lines.lineCount(); l++) {
      int i = lines.lineStart(l);
      int end = lineEnd(text, lines, l);
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
      String engineName = first.matches("\\$[({][A-Za-z0-9_.-]+[)}]") ? engines.get(first.substring(2, first.length() - 1)) : first;
      if (engineName == null || !engineCommand(engineName)) continue;
      String verb = words[w + 1].equals("container") && w + 2 < words.length ? words[w + 2] : words[w + 1];
      if (verb.equals("run") || verb.equals("create")) out.put(name, new int[] {vs, ve});
      else out.remove(name);
    }
    return out;
  }

  private static int skipRecipePrefixes(String text, int i, int end) {
    while (i < end && (text.charAt(i) == '@' || text.charAt(i) == '-' || text.charAt(i) == '+'
        || text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
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
    return c == '_' || c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
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
      int end = lineEnd(text, lines, l);
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
        && last.chars().allMatch(c -> c == '/' || c == '.' || c == '_' || c == '-' || Character.isLetterOrDigit(c));
  }

  /**
   * Code blocks ({@link MarkdownBlocks}, so also inside block quotes and list items): fenced ones in a shell
   * language or untagged, console prompts stripped and output skipped; indented ones only when they hold prompts
   * ({@code $ docker run ...}), since an indented block says nothing of its language.
   */
  static List<Block> markdown(String text, LineIndex lines) {
    return markdown(text, lines, new SourceLayout(), "");
  }

  static List<Block> markdown(String text, LineIndex lines, SourceLayout layout, String file) {
    List<Block> out = new ArrayList<>();
    List<MarkdownBlocks.CodeBlock> blocks = MarkdownBlocks.read(text, lines);
    MarkdownBlocks.layout(text, lines, blocks, layout, file);
    for (MarkdownBlocks.CodeBlock c : blocks) {
      if (c.tag() != null && !SHELL_TAGS.contains(c.tag())) continue;
      MappedText block = codeBlock(text, c.lines(), c.end(), c.tag() == null, lines, layout, file);
      if (block != null && block.length() > 0) out.add(new Block(block, false, block));
    }
    return out;
  }

  /** A console prompt: {@code $ }, {@code # }, {@code user@host:~$ }, {@code unix> }, {@code PS C:\> }. */
  private static final Pattern PROMPT = Pattern.compile("^[ \\t]*(?:[$#%\u27b8\u276f\u279c\u03bb]|[\\w.@:~/\\\\\\[\\]-]*[$#%]|\\w+>|PS [^>]*>)(?: |$)");

  /** The shell text of a code block's lines; null when {@code promptsOnly} and it holds no prompt. */
  private static MappedText codeBlock(String text, List<int[]> lines, int endOffset, boolean promptsOnly,
      LineIndex index, SourceLayout layout, String file) {
    // a console block without prompts is a plain listing of commands; a shell block with prompts is a console
    boolean prompts = false;
    for (int k = 0; k < lines.size() && !prompts; k++) {
      Matcher m = PROMPT.matcher(text.substring(lines.get(k)[0], lines.get(k)[1]));
      prompts = m.find() && !m.group().strip().equals("#"); // "# x" alone is a comment as often as a root prompt
    }
    if (promptsOnly && !prompts) return null;
    boolean console = prompts;
    MappedText.Builder b = new MappedText.Builder();
    boolean continued = false;
    for (int[] line : lines) {
      int i = line[0];
      int end = line[1];
      if (console && !continued) {
        Matcher m = PROMPT.matcher(text.substring(i, end));
        if (!m.find()) continue; // output
        // where the block's prompts are $ ones, a "# ..." line is a comment, not a root prompt
        if (m.group().strip().equals("#")) {
          int hash = text.indexOf('#', i);
          layout.comment(file, index.span(hash, end), text.substring(hash, end), SourceLayout.Reach.NEXT_LINE);
          continue;
        }
        i += m.end();
      } else if (console && text.startsWith("> ", i)) {
        i += 2; // the secondary prompt of a continued line
      }
      appendLine(b, text, i, end);
      continued = end > i && text.charAt(end - 1) == '\\';
      b.append('\n', end);
    }
    return b.build(endOffset);
  }

  /**
   * Documentation placeholders such as {@code <hostname>}, {@code <OPTIONS>} or {@code <db password>}, which
   * are not redirections ({@code sort <in >out} is: a space before the {@code >}).
   */
  private static final Pattern PLACEHOLDER = Pattern.compile("(?<![<\\w])<[A-Za-z_](?:[\\w.:/ -]*[\\w.])?>");

  /**
   * Appends a line of a code block, with placeholders made into words of the same length: {@code <hostname>}
   * becomes {@code \u2039hostname\u203A} (single angle quotation marks), which the shell reads as a word and
   * the rules still know for a placeholder (a secret value, an image).
   */
  private static void appendLine(MappedText.Builder b, String text, int start, int end) {
    Matcher m = PLACEHOLDER.matcher(text).region(start, end);
    int at = start;
    while (m.find()) {
      b.append(text, at, m.start());
      b.append('\u2039', m.start());
      b.append(text, m.start() + 1, m.end() - 1);
      b.append('\u203A', m.end() - 1);
      at = m.end();
    }
    b.append(text, at, end);
  }

  /** Scalars under {@code run:} (GitHub Actions) and {@code script:}, {@code before_script:}, {@code after_script:} (GitLab CI). */
  static List<Block> yaml(String text, LineIndex lines, List<ParseProblem> problems,
      List<WorkflowContainers.Decl> containers) {
    List<Block> out = new ArrayList<>();
    try {
      LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setCodePointLimit(8 * 1024 * 1024).build();
      for (Node root : new Compose(settings).composeAllFromString(text)) {
        collect(root, text, lines, out, 0);
        WorkflowContainers.collect(root, text, lines, containers);
      }
    } catch (MarkedYamlEngineException e) {
      int offset = e.getProblemMark().map(mk -> offset(text, lines, mk)).orElse(0);
      problems.add(new ParseProblem(lines.span(offset, offset), "invalid YAML: " + e.getProblem()));
    } catch (YamlEngineException | StackOverflowError e) {
      problems.add(new ParseProblem(lines.span(0, 0), "invalid YAML: " + e.getMessage()));
    }
    return out;
  }

  private static void collect(Node node, String text, LineIndex lines, List<Block> out, int depth) {
    collect(node, text, lines, out, depth, true);
  }

  /**
   * @param posix whether a {@code run:} here goes to a POSIX shell: GitHub runs steps in bash unless the step,
   *     the job's or the workflow's {@code defaults.run.shell} names another program (pwsh, python, cmd), and
   *     a Windows job's default is pwsh; such steps are not shell and are skipped
   */
  private static void collect(Node node, String text, LineIndex lines, List<Block> out, int depth, boolean posix) {
    if (depth > 200) return;
    if (node instanceof MappingNode m) {
      Boolean here = stepShell(m);
      if (here == null) here = defaultShell(m);
      boolean shell = here != null ? here : posix;
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && CI_KEYS.contains(k.getValue())) {
          if (shell) scripts(t.getValueNode(), m, text, lines, out, depth); // a job's scripts share one shell
        } else {
          collect(t.getValueNode(), text, lines, out, depth + 1, shell);
        }
      }
    } else if (node instanceof SequenceNode s) {
      for (Node child : s.getValue()) collect(child, text, lines, out, depth + 1, posix);
    }
  }

  /** A step's (or a defaults.run mapping's) {@code shell:}: true for a POSIX shell, false for another program, null if none. */
  private static Boolean stepShell(MappingNode m) {
    Node v = value(m, "shell");
    if (!(v instanceof ScalarNode s) || s.getValue().isBlank()) return null;
    String first = s.getValue().strip().split("\\s+")[0];
    return Shells.POSIX_RUNNERS.contains(first.substring(first.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
  }

  /** A job's or workflow's {@code defaults.run.shell}, else a Windows job's pwsh; null when neither says. */
  private static Boolean defaultShell(MappingNode m) {
    if (value(m, "defaults") instanceof MappingNode d && value(d, "run") instanceof MappingNode r) {
      Boolean b = stepShell(r);
      if (b != null) return b;
    }
    Node runsOn = value(m, "runs-on");
    if (runsOn instanceof ScalarNode s && s.getValue().toLowerCase(Locale.ROOT).contains("windows")) return false;
    return null;
  }

  private static Node value(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
    }
    return null;
  }

  private static void scripts(Node node, Object scope, String text, LineIndex lines, List<Block> out, int depth) {
    if (node instanceof ScalarNode s) {
      out.add(new Block(scalar(s, text, lines), true, scope));
    } else if (node instanceof SequenceNode seq && depth < 200) {
      for (Node child : seq.getValue()) scripts(child, scope, text, lines, out, depth + 1);
    } else {
      collect(node, text, lines, out, depth + 1);
    }
  }

  /** The scalar's value with each character's offset in the file; approximate only for escapes and folds we cannot map. */
  static MappedText scalar(ScalarNode s, String text, LineIndex lines) {
    String value = s.getValue();
    int start = s.getStartMark().map(mk -> offset(text, lines, mk)).orElse(0);
    int end = s.getEndMark().map(mk -> offset(text, lines, mk)).orElse(start);
    ScalarStyle style = s.getScalarStyle();
    MappedText mapped = null;
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      mapped = block(text, lines, start, end, style == ScalarStyle.FOLDED);
    } else if (style == ScalarStyle.PLAIN) {
      mapped = MappedText.of(text, start, Math.min(end, text.length()));
    } else if (end - start >= 2) {
      mapped = MappedText.of(text, start + 1, end - 1);
      if (!squeeze(mapped.text()).equals(squeeze(value))) {
        // escapes ("a \"b\"", 'it''s') and folded lines: decode the scalar as YAML does, offset by offset
        MappedText decoded = quoted(text, start + 1, Math.min(end - 1, text.length()), style == ScalarStyle.DOUBLE_QUOTED);
        if (decoded != null && decoded.text().equals(value)) return decoded;
      }
    }
    if (mapped != null && squeeze(mapped.text()).equals(squeeze(value))) return mapped;
    // escapes or multi-line flow scalars: keep the value, every character at the scalar's start
    MappedText.Builder b = new MappedText.Builder(value.length());
    for (int i = 0; i < value.length(); i++) b.append(value.charAt(i), Math.min(start, text.length()));
    return b.build(end);
  }

  /**
   * A quoted flow scalar's value, each character at its offset in the file (an escape at its backslash, a folded
   * line break at the break): YAML 1.2 double-quoted escapes and escaped line breaks, {@code ''} in single
   * quotes, line folding (a break between text is a space, each further empty line a newline). Null when the
   * text holds something this does not decode; the caller checks the result against the parser's value.
   */
  static MappedText quoted(String text, int from, int to, boolean dbl) {
    MappedText.Builder b = new MappedText.Builder(Math.max(0, to - from));
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        int j = i;
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
        if (j < to && (text.charAt(j) == '\n' || text.charAt(j) == '\r')) {
          // trailing white space, then one or more line breaks: folded
          int breaks = 0;
          int at = j;
          while (j < to && (text.charAt(j) == '\n' || text.charAt(j) == '\r' || text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            if (text.charAt(j) == '\n' || (text.charAt(j) == '\r' && (j + 1 >= to || text.charAt(j + 1) != '\n'))) breaks++;
            j++;
          }
          if (breaks == 1) b.append(' ', at);
          for (int k = 1; k < breaks; k++) b.append('\n', at);
          i = j;
          continue;
        }
        for (int k = i; k < j; k++) b.append(text.charAt(k), k);
        i = j;
        continue;
      }
      if (!dbl && c == '\'' && i + 1 < to && text.charAt(i + 1) == '\'') {
        b.append('\'', i);
        i += 2;
        continue;
      }
      if (dbl && c == '\\' && i + 1 < to) {
        char n = text.charAt(i + 1);
        if (n == '\n' || n == '\r') { // an escaped line break joins the lines
          i += 2;
          if (n == '\r' && i < to && text.charAt(i) == '\n') i++;
          while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
          continue;
        }
        int hex = n == 'x' ? 2 : n == 'u' ? 4 : n == 'U' ? 8 : 0;
        if (hex > 0) {
          if (i + 2 + hex > to) return null;
          int cp;
          try {
            cp = Integer.parseInt(text.substring(i + 2, i + 2 + hex), 16);
          } catch (NumberFormatException e) {
            return null;
          }
          if (!Character.isValidCodePoint(cp)) return null;
          for (char ch : Character.toChars(cp)) b.append(ch, i);
          i += 2 + hex;
          continue;
        }
        String d = switch (n) {
          case '0' -> "\0";
          case 'a' -> "\u0007";
          case 'b' -> "\b";
          case 't', '\t' -> "\t";
          case 'n' -> "\n";
          case 'v' -> "\u000B";
          case 'f' -> "\f";
          case 'r' -> "\r";
          case 'e' -> "\u001B";
          case ' ' -> " ";
          case '"' -> "\"";
          case '/' -> "/";
          case '\\' -> "\\";
          case 'N' -> "\u0085";
          case '_' -> "\u00A0";
          case 'L' -> "\u2028";
          case 'P' -> "\u2029";
          default -> null;
        };
        if (d == null) return null;
        b.append(d.charAt(0), i);
        i += 2;
        continue;
      }
      b.append(c, i);
      i++;
    }
    return b.build(to);
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static MappedText block(String text, LineIndex lines, int start, int end, boolean folded) {
    int headerLine = lines.line(start);
    int last = lines.line(Math.max(start, Math.min(end, text.length())));
    int indent = -1;
    MappedText.Builder b = new MappedText.Builder(Math.max(16, end - start));
    boolean previousNormal = false;
    int pendingNewline = -1;
    for (int l = headerLine + 1; l <= last && l <= lines.lineCount(); l++) {
      int ls = lines.lineStart(l);
      int le = lineEnd(text, lines, l);
      if (ls >= end && l != headerLine + 1) break;
      String line = text.substring(ls, le);
      if (line.isBlank()) {
        if (pendingNewline >= 0) b.append('\n', pendingNewline);
        pendingNewline = le;
        previousNormal = false;
        continue;
      }
      int lead = 0;
      while (lead < line.length() && line.charAt(lead) == ' ') lead++;
      if (indent < 0) indent = lead;
      if (lead < indent) break;
      boolean normal = lead == indent && line.charAt(lead) != '\t';
      if (pendingNewline >= 0) b.append(folded && previousNormal && normal ? ' ' : '\n', pendingNewline);
      b.append(text, ls + indent, le);
      pendingNewline = le;
      previousNormal = normal;
    }
    if (pendingNewline >= 0) b.append('\n', pendingNewline);
    return b.build(end);
  }

  private static int offset(String text, LineIndex lines, Mark mk) {
    int ls = lines.lineStart(mk.getLine() + 1);
    try {
      return Math.min(text.length(), text.offsetByCodePoints(ls, mk.getColumn()));
    } catch (IndexOutOfBoundsException e) {
      return Math.min(text.length(), ls + mk.getColumn());
    }
  }

  private static int lineEnd(String text, LineIndex lines, int line) {
    int end = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    while (end > lines.lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return end;
  }
}
