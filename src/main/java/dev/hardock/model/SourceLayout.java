package dev.hardock.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader met in a file besides its values: the comments (in the comment syntax of that reader) and the
 * extents of its statements (a Dockerfile instruction with its continued lines and heredocs, a YAML mapping
 * entry or sequence item, a shell command line with its continuations, a Markdown code block, a JSON member).
 * Each reader adds what it reads, in the file it reads it from (a compose file's overrides, {@code extends} and
 * {@code include} files are recorded under their own shown paths). Inline suppression is a pass over this, so
 * a new source brings its comment syntax with its reader and nothing else; an editor can use the extents to
 * place a comment above a statement.
 */
public final class SourceLayout {
  /** How far a comment reaches. */
  public enum Reach {
    /** A comment after code: its own line. */
    LINE,
    /** A comment alone on its line: the next line that is not such a comment, with the statement starting there. */
    NEXT_LINE,
    /**
     * A comment that annotates the next block of a document (Markdown's {@code <!-- -->}): the first statement
     * that starts on a later line, blank lines skipped (the reader records every other line as a statement).
     */
    NEXT_STATEMENT
  }

  /**
   * A comment as written, from its opening marker to the end of its line or its closing marker (a comment over
   * several lines is recorded with its first line).
   *
   * @param file the shown path of the file the comment is in
   * @param span where the comment stands; {@code text} starts at its column, on its line
   * @param text the comment's characters, marker included
   */
  public record Comment(String file, Span span, String text, Reach reach) {}

  /** A statement of {@code file}: {@code span} covers it from its first to its last character. */
  public record Statement(String file, Span span) {}

  private final List<Comment> comments = new ArrayList<>();
  private final List<Statement> statements = new ArrayList<>();
  private final java.util.Set<String> partial = new java.util.HashSet<>();

  /** Spans of text that is content (a Dockerfile heredoc body): a comment there is read, but never edited by a fix. */
  private final java.util.Map<String, java.util.TreeMap<Integer, Integer>> content =
      new java.util.HashMap<>();

  public void comment(String file, Span span, String text, Reach reach) {
    comments.add(new Comment(file, span, text, reach));
  }

  public void statement(String file, Span span) {
    statements.add(new Statement(file, span));
  }

  /**
   * Marks a file of which only a part is judged with the linted file (a compose file that {@code extends} reads
   * one service of): its comments still apply to its findings, but one that matches none is not known to be
   * unused.
   */
  public void partial(String file) {
    partial.add(file);
  }

  public boolean isPartial(String file) {
    return partial.contains(file);
  }

  public java.util.Set<String> partialFiles() {
    return partial;
  }

  /**
   * Marks text that is content rather than syntax: a heredoc body may be a file that COPY writes or the input
   * of a command, so removing a comment line there would change the image. Its directives still apply.
   */
  public void content(String file, Span span) {
    content
        .computeIfAbsent(file, f -> new java.util.TreeMap<>())
        .merge(span.line(), span.endLine(), Math::max);
  }

  /** Whether {@code line} of {@code file} lies in text marked as {@link #content} (heredoc bodies never overlap). */
  public boolean isContent(String file, int line) {
    java.util.TreeMap<Integer, Integer> in = content.get(file);
    var at = in == null ? null : in.floorEntry(line);
    return at != null && line <= at.getValue();
  }

  /** Adds everything {@code other} recorded. */
  public void addAll(SourceLayout other) {
    comments.addAll(other.comments);
    statements.addAll(other.statements);
    partial.addAll(other.partial);
    other.content.forEach(
        (file, spans) ->
            spans.forEach(
                (from, to) ->
                    content
                        .computeIfAbsent(file, f -> new java.util.TreeMap<>())
                        .merge(from, to, Math::max)));
  }

  public List<Comment> comments() {
    return comments;
  }

  public List<Statement> statements() {
    return statements;
  }
}
