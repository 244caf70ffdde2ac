package dev.hardock.model;

/**
 * One piece of a shell {@link Word}. Parts are flat: the inside of "a$B" is a DOUBLE_QUOTED part "a" and a
 * quoted PARAMETER part "$B", so a resolver can substitute variables part by part.
 *
 * @param kind what the piece is
 * @param text exact source text of the piece (SINGLE_QUOTED includes its quotes; DOUBLE_QUOTED is the text
 *     between or next to expansions inside "...", without the quote characters)
 * @param value what the piece contributes to {@link Word#value()}: quotes removed and escapes processed
 *     for literal kinds, the source text for expansions
 * @param quoted true for pieces inside double quotes (an expansion there is not split into fields)
 * @param span where the piece is in the source file
 */
public record WordPart(Kind kind, String text, String value, boolean quoted, Span span) {
  public enum Kind {
    LITERAL,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    PARAMETER,
    COMMAND_SUBSTITUTION,
    ARITHMETIC,
    PROCESS_SUBSTITUTION;

    /** True for kinds whose value is known without running anything. */
    public boolean isLiteral() {
      return this == LITERAL || this == SINGLE_QUOTED || this == DOUBLE_QUOTED;
    }
  }
}
