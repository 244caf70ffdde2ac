package dev.hardock.source.yaml;

import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.SourceLayout.Reach;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * The comments and statements of a YAML file as snakeyaml-engine reads it, for every reader of YAML (compose
 * files, CI files): a comment is what YAML's scanner takes for one ({@code #} at the start of a line or after
 * white space, outside scalars: a {@code #} inside a block scalar belongs to the scalar, and the reader of the
 * scalar's language records it); a statement is a mapping entry from its key to the end of its value, or a
 * sequence item. A value ends at its last character that is not white space, so a block scalar's trailing line
 * breaks and a block collection's closing (which the parser marks at the next token) do not stretch it.
 * Whatever the YAML holds after a syntax error is not recorded. Work is linear in the text.
 */
public final class YamlLayout {
  private static final int MAX_DEPTH = 200;
  private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

  private YamlLayout() {}

  /** Records the comments and statements of {@code text} (the file shown as {@code file}) in {@code layout}. */
  public static void read(String text, LineIndex lines, String file, SourceLayout layout) {
    if (text.indexOf('#') >= 0) comments(text, lines, file, layout);
    statements(text, lines, file, layout);
  }

  private static LoadSettings settings(String text, boolean comments) {
    return YamlSettings.builder(text)
        .setAllowDuplicateKeys(true)
        .setCodePointLimit(MAX_CODE_POINTS)
        .setParseComments(comments)
        .setUseMarks(true)
        .build();
  }

  private static void comments(String text, LineIndex lines, String file, SourceLayout layout) {
    LoadSettings settings = settings(text, true);
    try {
      ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
      while (scanner.hasNext()) {
        Token t = scanner.next();
        if (!(t instanceof CommentToken c) || c.getCommentType() == CommentType.BLANK_LINE)
          continue;
        int at = offset(text, lines, c.getStartMark());
        if (at < 0) continue;
        int hash = text.indexOf('#', at);
        if (hash < 0) continue;
        int line = lines.line(hash);
        int end = lineEnd(text, lines, line);
        if (hash >= end) continue;
        boolean alone = text.substring(lines.lineStart(line), hash).isBlank();
        layout.comment(
            file,
            lines.span(hash, end),
            text.substring(hash, end),
            alone ? Reach.NEXT_LINE : Reach.LINE);
      }
    } catch (RuntimeException | StackOverflowError e) {
      // invalid YAML: the comments before the error are kept
    }
  }

  /** A collection being read: where it starts, whether it is a flow one, the end of its last item so far. */
  private static final class Open {
    final boolean mapping;
    final boolean flow;
    final int start;
    int lastEnd = -1;
    int keyStart = -1;

    Open(boolean mapping, boolean flow, int start) {
      this.mapping = mapping;
      this.flow = flow;
      this.start = start;
    }
  }

  private static void statements(String text, LineIndex lines, String file, SourceLayout layout) {
    Deque<Open> stack = new ArrayDeque<>();
    try {
      for (Event ev : new Parse(settings(text, false)).parseString(text)) {
        switch (ev.getEventId()) {
          case Scalar, Alias ->
              node(
                  text,
                  lines,
                  file,
                  layout,
                  stack,
                  offset(text, lines, ev.getStartMark()),
                  offset(text, lines, ev.getEndMark()));
          case MappingStart, SequenceStart -> {
            if (stack.size() > MAX_DEPTH) return;
            stack.push(
                new Open(
                    ev.getEventId() == Event.ID.MappingStart,
                    ((CollectionStartEvent) ev).isFlow(),
                    offset(text, lines, ev.getStartMark())));
          }
          case MappingEnd, SequenceEnd -> {
            Open o = stack.pop();
            int end = o.flow ? offset(text, lines, ev.getEndMark()) : Math.max(o.start, o.lastEnd);
            node(text, lines, file, layout, stack, o.start, end);
          }
          case DocumentStart -> stack.clear();
          default -> {}
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      // invalid YAML: the statements before the error are kept
    }
  }

  /** A node [start, end) is read: it is a key, or a value that ends an entry, or an item. */
  private static void node(
      String text,
      LineIndex lines,
      String file,
      SourceLayout layout,
      Deque<Open> stack,
      int start,
      int end) {
    if (start < 0) return;
    int e = Math.max(start, end);
    while (e > start && Character.isWhitespace(text.charAt(e - 1))) e--;
    Open parent = stack.peek();
    if (parent == null) return; // a document's root is no statement
    parent.lastEnd = Math.max(parent.lastEnd, e);
    if (parent.mapping) {
      if (parent.keyStart < 0) {
        parent.keyStart = start;
        return;
      }
      layout.statement(file, lines.span(parent.keyStart, Math.max(parent.keyStart, e)));
      parent.keyStart = -1;
    } else {
      layout.statement(file, lines.span(start, e));
    }
  }

  private static int offset(String text, LineIndex lines, Optional<Mark> mark) {
    return mark.isEmpty() ? -1 : offset(text, lines, mark.get());
  }

  /** The last text asked about on this thread and its index: one scan per text. */
  private static final ThreadLocal<Object[]> INDEX = new ThreadLocal<>();

  /** The code point index of {@code text}, made once while the thread asks about the same text. */
  static CodePointIndex index(String text) {
    Object[] last = INDEX.get();
    if (last != null && last[0] == text) return (CodePointIndex) last[1];
    CodePointIndex index = CodePointIndex.of(text);
    INDEX.set(new Object[] {text, index});
    return index;
  }

  /**
   * The UTF-16 offset in {@code text} of a snakeyaml mark (whose column counts code points); a mark past the
   * last line is the text's end. Every YAML reader turns marks into offsets here ({@link CodePointIndex}: no
   * walk along the line, marks in any order).
   */
  public static int offset(String text, LineIndex lines, Mark mk) {
    if (mk.getLine() + 1 > lines.lineCount()) return text.length();
    return index(text).offset(lines.lineStart(mk.getLine() + 1), mk.getColumn());
  }

  private static int lineEnd(String text, LineIndex lines, int line) {
    int end = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    while (end > lines.lineStart(line)
        && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return end;
  }
}
