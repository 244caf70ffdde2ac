package dev.hardock.model;

/** A value read from a source file together with where it stands. */
public record Text(String value, Span span) {
  @Override
  public String toString() {
    return value + "@" + span;
  }
}
