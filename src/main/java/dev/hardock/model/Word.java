package dev.hardock.model;

import java.util.List;

/**
 * A shell word: command name, argument, assignment or redirection target. Its value is the word after
 * quote removal and escape processing, with expansions ($X, ${X}, $(..), `..`, $((..)), <(..)) kept as their
 * source text; every value character remembers its source offset.
 */
public final class Word {
  private final String raw;
  private final Span span;
  private final MappedText valueText;
  private final List<WordPart> parts;
  private final LineIndex lines;
  private final boolean literal;

  public Word(String raw, Span span, MappedText valueText, List<WordPart> parts, LineIndex lines) {
    this.raw = raw;
    this.span = span;
    this.valueText = valueText;
    this.parts = List.copyOf(parts);
    this.lines = lines;
    boolean lit = true;
    for (WordPart p : this.parts) lit &= p.kind().isLiteral();
    this.literal = lit;
  }

  /** The value after quote removal; expansions are left as source text ("$HOME/x" gives $HOME/x). */
  public String value() {
    return valueText.text();
  }

  /** Exact source text. */
  public String raw() {
    return raw;
  }

  public Span span() {
    return span;
  }

  /** The value with the source offset of each character. */
  public MappedText valueText() {
    return valueText;
  }

  /** Source span of the value range [from, to), e.g. the value after "=" in PASSWORD=secret. */
  public Span span(int from, int to) {
    return valueText.span(lines, from, to);
  }

  /**
   * The part [from, to) of the value as a word of its own ({@code CMD} of {@code --command=CMD}), each character
   * still at its source offset; it keeps this word's parts, so {@link #isLiteral()} stays the same.
   */
  public Word sub(int from, int to) {
    return new Word(
        value().substring(from, to), span(from, to), valueText.sub(from, to), parts, lines);
  }

  /** True when the word holds no expansion, so {@link #value()} is what the shell passes on. */
  public boolean isLiteral() {
    return literal;
  }

  public List<WordPart> parts() {
    return parts;
  }

  @Override
  public String toString() {
    return raw;
  }
}
