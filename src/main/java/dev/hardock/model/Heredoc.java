package dev.hardock.model;

/**
 * The body of a here-document ({@code <<EOF} ... {@code EOF}).
 *
 * @param delimiter the delimiter after quote removal
 * @param expands false when the delimiter was quoted, so the body is taken literally
 * @param stripTabs true for {@code <<-}
 * @param body the lines between the operator's line and the delimiter line, with their source offsets (parse
 *     it again with the shell parser to find the commands it feeds to a shell)
 * @param span the body in the source file
 * @param terminated false when the input ended before the delimiter line
 */
public record Heredoc(
    String delimiter,
    boolean expands,
    boolean stripTabs,
    MappedText body,
    Span span,
    boolean terminated) {}
