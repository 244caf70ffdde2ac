package dev.hardock.model;

/**
 * Something in a file that could not be read as its language requires: reported as HD001. With
 * {@code skipped}, a part of the file that hardock's limits kept it from reading (shells nested too deep): no
 * finding, a notice of the run.
 */
public record ParseProblem(Span span, String message, boolean skipped) {
  public ParseProblem(Span span, String message) {
    this(span, message, false);
  }
}
