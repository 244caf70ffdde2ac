package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceLayout;
import dev.hardock.source.yaml.YamlLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts the shell text out of the files run lines are written in, one class per host format: a whole script,
 * Makefile recipe lines ({@link MakefileRecipes}), Markdown code blocks ({@link MarkdownShell}), CI YAML
 * {@code run:}/{@code script:} scalars ({@link CiScripts}), systemd {@code ExecStart=} lines ({@link SystemdExec}). Every block is a {@link MappedText} whose characters
 * keep their offsets in the file ({@link FileText}), so positions stay those of the enclosing file.
 */
final class RunBlocks {
  /** A stretch of shell text; {@code reportProblems} is false for illustrations (Markdown) whose syntax is loose. */
  record Block(MappedText text, boolean reportProblems, Object scope) {}

  enum Format {
    SHELL,
    MAKEFILE,
    MARKDOWN,
    YAML,
    SYSTEMD
  }

  private RunBlocks() {}

  static Format formatOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".md") || n.endsWith(".markdown")) return Format.MARKDOWN;
    if (n.equals("makefile") || n.equals("gnumakefile") || n.endsWith(".mk") || n.endsWith(".make"))
      return Format.MAKEFILE;
    if (n.endsWith(".yml") || n.endsWith(".yaml")) return Format.YAML;
    if (n.endsWith(".service")) return Format.SYSTEMD;
    return Format.SHELL;
  }

  static List<Block> blocks(
      Format format, String text, LineIndex lines, List<ParseProblem> problems) {
    return blocks(format, text, lines, problems, new ArrayList<>(), new SourceLayout(), "");
  }

  /**
   * As above; a workflow's job containers and services go to {@code containers}, and the comments and
   * statements of the host format (Makefile lines outside recipes, Markdown, YAML, unit files) to {@code layout}
   * as those of {@code file} (the shell text of each block holds the rest: its reader records them).
   */
  static List<Block> blocks(
      Format format,
      String text,
      LineIndex lines,
      List<ParseProblem> problems,
      List<WorkflowContainers.Decl> containers,
      SourceLayout layout,
      String file) {
    return switch (format) {
      case SHELL -> List.of(new Block(MappedText.of(text, 0, text.length()), true, text));
      case MAKEFILE -> {
        MakefileRecipes.layout(text, lines, layout, file);
        yield List.of(new Block(MakefileRecipes.recipes(text, lines), true, text));
      }
      case MARKDOWN -> MarkdownShell.blocks(text, lines, layout, file);
      case YAML -> {
        YamlLayout.read(text, lines, file, layout);
        yield CiScripts.blocks(text, lines, problems, containers);
      }
      case SYSTEMD -> {
        UnitFile.layout(text, lines, layout, file);
        yield SystemdExec.blocks(text, lines);
      }
    };
  }
}
