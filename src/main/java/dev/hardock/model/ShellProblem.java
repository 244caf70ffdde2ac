package dev.hardock.model;

/**
 * A shell syntax problem; callers decide whether to report it (a Dockerfile RUN reports only an unterminated
 * quote, which BuildKit accepts but the shell then fails on).
 *
 * @param unterminatedQuote true for a quote the shell finds no closing quote for
 * @param skipped true for text that was not read because of a limit (shells nested too deep): a notice
 */
public record ShellProblem(String message, Span span, boolean unterminatedQuote, boolean skipped) {
  public ShellProblem(String message, Span span) {
    this(message, span, false, false);
  }

  public ShellProblem(String message, Span span, boolean unterminatedQuote) {
    this(message, span, unterminatedQuote, false);
  }
}
