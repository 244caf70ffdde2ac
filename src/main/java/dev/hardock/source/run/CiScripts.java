package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.Shells;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The shell text of CI YAML: GitHub Actions {@code run:} steps (POSIX shells only) and GitLab CI scripts; a
 * workflow's job containers and services are collected for {@link WorkflowContainers}.
 */
final class CiScripts {
  private static final Set<String> CI_KEYS =
      Set.of("run", "script", "before_script", "after_script");

  /** Scalars under {@code run:} (GitHub Actions) and {@code script:}, {@code before_script:}, {@code after_script:} (GitLab CI). */
  static List<RunBlocks.Block> blocks(
      String text,
      LineIndex lines,
      List<ParseProblem> problems,
      List<WorkflowContainers.Decl> containers) {
    List<RunBlocks.Block> out = new ArrayList<>();
    try {
      LoadSettings settings =
          dev.hardock.source.yaml.YamlSettings.builder(text)
              .setAllowDuplicateKeys(true)
              .setCodePointLimit(8 * 1024 * 1024)
              .build();
      for (Node root : new Compose(settings).composeAllFromString(text)) {
        collect(root, text, lines, out, 0);
        WorkflowContainers.collect(root, text, lines, containers);
      }
    } catch (MarkedYamlEngineException e) {
      int offset = e.getProblemMark().map(mk -> FileText.offset(text, lines, mk)).orElse(0);
      problems.add(new ParseProblem(lines.span(offset, offset), "invalid YAML: " + e.getProblem()));
    } catch (YamlEngineException | StackOverflowError e) {
      problems.add(new ParseProblem(lines.span(0, 0), "invalid YAML: " + e.getMessage()));
    }
    return out;
  }

  private static void collect(
      Node node, String text, LineIndex lines, List<RunBlocks.Block> out, int depth) {
    collect(node, text, lines, out, depth, true);
  }

  /**
   * @param posix whether a {@code run:} here goes to a POSIX shell: GitHub runs steps in bash unless the step,
   *     the job's or the workflow's {@code defaults.run.shell} names another program (pwsh, python, cmd), and
   *     a Windows job's default is pwsh; such steps are not shell and are skipped
   */
  private static void collect(
      Node node,
      String text,
      LineIndex lines,
      List<RunBlocks.Block> out,
      int depth,
      boolean posix) {
    if (depth > 200) return;
    if (node instanceof MappingNode m) {
      Boolean here = stepShell(m);
      if (here == null) here = defaultShell(m);
      boolean shell = here != null ? here : posix;
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && CI_KEYS.contains(k.getValue())) {
          if (shell)
            scripts(
                t.getValueNode(), m, text, lines, out, depth); // a job's scripts share one shell
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
    return Shells.POSIX_RUNNERS.contains(
        first.substring(first.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
  }

  /** A job's or workflow's {@code defaults.run.shell}, else a Windows job's pwsh; null when neither says. */
  private static Boolean defaultShell(MappingNode m) {
    if (value(m, "defaults") instanceof MappingNode d && value(d, "run") instanceof MappingNode r) {
      Boolean b = stepShell(r);
      if (b != null) return b;
    }
    Node runsOn = value(m, "runs-on");
    if (runsOn instanceof ScalarNode s && s.getValue().toLowerCase(Locale.ROOT).contains("windows"))
      return false;
    return null;
  }

  private static Node value(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
        return t.getValueNode();
    }
    return null;
  }

  private static void scripts(
      Node node, Object scope, String text, LineIndex lines, List<RunBlocks.Block> out, int depth) {
    if (node instanceof ScalarNode s) {
      out.add(new RunBlocks.Block(FileText.scalar(s, text, lines), true, scope));
    } else if (node instanceof SequenceNode seq && depth < 200) {
      for (Node child : seq.getValue()) scripts(child, scope, text, lines, out, depth + 1);
    } else {
      collect(node, text, lines, out, depth + 1);
    }
  }

  private CiScripts() {}
}
