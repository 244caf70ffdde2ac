package dev.hardock.model;

import java.util.List;

/**
 * A simple shell command: prefix assignments, words (command name and arguments) and redirections. Reserved
 * words of compound commands are not part of it ("then apt-get install x" is the command apt-get).
 */
public final class ShellCommand {
  /** The innermost construct a command sits in. */
  public enum Nesting {
    TOP,
    SUBSHELL,
    COMMAND_SUBSTITUTION,
    PROCESS_SUBSTITUTION,
    /** Run by another shell: the command string of {@code sh -c "..."}, a here-document fed to {@code sh}. */
    NESTED_SHELL
  }

  private final List<Word> assignments;
  private final List<Word> words;
  private final List<Redirect> redirects;
  private final List<Heredoc> heredocBodies;
  private final Span span;
  private final String operatorAfter;
  private final Nesting nesting;
  private final int pipeFrom;
  private final int pipeTo;
  private final int parent;
  private ShellScript script; // set once by ShellScript before it is published

  /**
   * @param pipeFrom index in the script's command list of the command piping into this one, or -1
   * @param pipeTo index of the command this one pipes into, or -1
   * @param parent index of the command whose word holds this one, or -1
   */
  public ShellCommand(
      List<Word> assignments,
      List<Word> words,
      List<Redirect> redirects,
      List<Heredoc> heredocBodies,
      Span span,
      String operatorAfter,
      Nesting nesting,
      int pipeFrom,
      int pipeTo,
      int parent) {
    this.assignments = List.copyOf(assignments);
    this.words = List.copyOf(words);
    this.redirects = List.copyOf(redirects);
    this.heredocBodies = List.copyOf(heredocBodies);
    this.span = span;
    this.operatorAfter = operatorAfter;
    this.nesting = nesting;
    this.pipeFrom = pipeFrom;
    this.pipeTo = pipeTo;
    this.parent = parent;
  }

  void attach(ShellScript owner) {
    if (script != null) throw new IllegalStateException("command already belongs to a script");
    script = owner;
  }

  /** Prefix assignments (FOO=1 in "FOO=1 make"). */
  public List<Word> assignments() {
    return assignments;
  }

  /** Command name and arguments. */
  public List<Word> words() {
    return words;
  }

  /** The command name, or null for a command of assignments or redirections only. */
  public Word name() {
    return words.isEmpty() ? null : words.get(0);
  }

  /** The command name's value, or "" when there is none. */
  public String nameValue() {
    return words.isEmpty() ? "" : words.get(0).value();
  }

  /** The words after the command name. */
  public List<Word> args() {
    return words.isEmpty() ? words : words.subList(1, words.size());
  }

  public List<Redirect> redirects() {
    return redirects;
  }

  public List<Heredoc> heredocBodies() {
    return heredocBodies;
  }

  /** From the first to the last assignment, word or redirection (here-document bodies excluded). */
  public Span span() {
    return span;
  }

  /** The operator that follows: "&&", "||", ";", "&", "|", "|&", ";;", "\n", or "" at the end of a list. */
  public String operatorAfter() {
    return operatorAfter;
  }

  public Nesting nesting() {
    return nesting;
  }

  /** The command whose output is piped into this one, or null. */
  public ShellCommand pipeFrom() {
    return pipeFrom < 0 ? null : script.commands().get(pipeFrom);
  }

  /** The command this one's output is piped into, or null. */
  public ShellCommand pipeTo() {
    return pipeTo < 0 ? null : script.commands().get(pipeTo);
  }

  /** For a command inside $(..), `..` or &lt;(..): the command whose word holds it; else null. */
  public ShellCommand parent() {
    return parent < 0 ? null : script.commands().get(parent);
  }

  public ShellScript script() {
    return script;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Word w : assignments) sb.append(sb.isEmpty() ? "" : " ").append(w.raw());
    for (Word w : words) sb.append(sb.isEmpty() ? "" : " ").append(w.raw());
    return sb.toString();
  }
}
