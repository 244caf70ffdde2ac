package dev.hardock.rule;

import dev.hardock.model.Span;

/**
 * One replacement a fix makes: the text of {@code span} in {@code file} becomes {@code text}. An empty span
 * inserts, an empty text deletes. {@code file} is the path shown for the file it edits, as in {@link Finding#file()};
 * positions follow {@link Span}'s convention (1-based, UTF-16 columns, end exclusive).
 */
public record Edit(String file, Span span, String text) {
  public Edit {
    if (file == null || span == null || text == null)
      throw new IllegalArgumentException("edit needs file, span and text");
  }
}
