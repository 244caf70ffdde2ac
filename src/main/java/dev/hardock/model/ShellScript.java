package dev.hardock.model;

import java.util.List;

/**
 * Parsed shell text: every simple command in source order (nested ones included) and parse problems, with the
 * comments the lexer met and the extent of each command line (from its first token to the last before its
 * newline, across {@code \} continuations and multi-line quotes).
 */
public final class ShellScript {
  /** A {@code #} comment; {@code alone}: no code before it on its line of the file. */
  public record Comment(Span span, String text, boolean alone) {}

  private final List<ShellCommand> commands;
  private final List<ShellProblem> problems;
  private final List<Comment> comments;
  private final List<Span> commandLines;

  public ShellScript(List<ShellCommand> commands, List<ShellProblem> problems) {
    this(commands, problems, List.of(), List.of());
  }

  public ShellScript(
      List<ShellCommand> commands,
      List<ShellProblem> problems,
      List<Comment> comments,
      List<Span> commandLines) {
    this.commands = List.copyOf(commands);
    this.problems = List.copyOf(problems);
    this.comments = List.copyOf(comments);
    this.commandLines = List.copyOf(commandLines);
    for (ShellCommand c : this.commands) c.attach(this);
  }

  public List<ShellCommand> commands() {
    return commands;
  }

  public List<ShellProblem> problems() {
    return problems;
  }

  public List<Comment> comments() {
    return comments;
  }

  public List<Span> commandLines() {
    return commandLines;
  }

  /** Records the comments and command lines in {@code layout}, as those of {@code file}. */
  public void recordIn(SourceLayout layout, String file) {
    for (Comment c : comments) {
      layout.comment(
          file,
          c.span(),
          c.text(),
          c.alone() ? SourceLayout.Reach.NEXT_LINE : SourceLayout.Reach.LINE);
    }
    for (Span s : commandLines) layout.statement(file, s);
  }
}
