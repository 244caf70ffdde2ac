package dev.hardock.model;

import java.util.List;

/** Parsed shell text: every simple command in source order (nested ones included) and parse problems. */
public final class ShellScript {
  private final List<ShellCommand> commands;
  private final List<ShellProblem> problems;

  public ShellScript(List<ShellCommand> commands, List<ShellProblem> problems) {
    this.commands = List.copyOf(commands);
    this.problems = List.copyOf(problems);
    for (ShellCommand c : this.commands) c.attach(this);
  }

  public List<ShellCommand> commands() {
    return commands;
  }

  public List<ShellProblem> problems() {
    return problems;
  }
}
