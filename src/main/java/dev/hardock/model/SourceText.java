package dev.hardock.model;

/**
 * A stretch of source text as the tool sees it (an instruction's arguments without line continuations, a
 * heredoc body, a scalar), able to give the file position of any part of it.
 */
public record SourceText(MappedText text, LineIndex lines) {
  public String value() {
    return text.text();
  }

  public Span span() {
    return text.span(lines, 0, text.length());
  }

  public Span span(int from, int to) {
    return text.span(lines, from, to);
  }

  public Text text(int from, int to) {
    return new Text(text.text().substring(from, to), span(from, to));
  }
}
