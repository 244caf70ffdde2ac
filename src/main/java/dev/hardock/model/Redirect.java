package dev.hardock.model;

/**
 * A redirection of a shell command.
 *
 * @param op the operator as written, with its file descriptor: "&gt;", "2&gt;&amp;", "&gt;&gt;", "&amp;&gt;",
 *     "&lt;&lt;&lt;", "&lt;&lt;", "&lt;&lt;-"
 * @param target the word after the operator (for a here-document: its delimiter)
 * @param span the whole redirection
 */
public record Redirect(String op, Word target, Span span) {
  /** The operator without a leading file descriptor number. */
  public String operator() {
    int i = 0;
    while (i < op.length() && Character.isDigit(op.charAt(i))) i++;
    return op.substring(i);
  }

  /** The explicit file descriptor, or -1 when none is written. */
  public int fd() {
    int i = 0;
    while (i < op.length() && Character.isDigit(op.charAt(i))) i++;
    if (i == 0 || i > 9) return -1;
    return Integer.parseInt(op.substring(0, i));
  }
}
