package dev.hardock.model;

/**
 * Something in a file that could not be read as its language requires: reported as HD001. With
 * {@code skipped}, a part of the file that hardock's limits kept it from reading (shells nested too deep): no
 * finding, a notice of the run. With a {@code bug}, the reader failed (an exception it caught so as to read
 * the rest): no finding of the file either, but an internal error of the run (exit 2, the file named).
 */
public record ParseProblem(Span span, String message, boolean skipped, Throwable bug) {
  public ParseProblem(Span span, String message) {
    this(span, message, false, null);
  }

  public ParseProblem(Span span, String message, boolean skipped) {
    this(span, message, skipped, null);
  }

  /** A reader's own failure at {@code span}, met while reading what {@code message} says. */
  public static ParseProblem bug(Span span, String message, Throwable bug) {
    return new ParseProblem(span, message, false, bug);
  }
}
