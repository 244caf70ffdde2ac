package dev.hardock.model;

/**
 * A shell syntax problem; callers decide whether to report it (a Dockerfile RUN reports only an unterminated
 * quote, which BuildKit accepts but the shell then fails on).
 *
 * @param unterminatedQuote true for a quote the shell finds no closing quote for
 */
public record ShellProblem(String message, Span span, boolean unterminatedQuote) {
  public ShellProblem(String message, Span span) {
    this(message, span, false);
  }
}
