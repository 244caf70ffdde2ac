package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The code blocks of a Markdown file as CommonMark reads them (spec 0.31, "Container blocks" and "Leaf blocks"):
 * fenced blocks (three or more backticks or tildes, indented at most three spaces; closed by a fence of the same
 * character at least as long, or by the end of their container) and indented blocks (four spaces, after a blank
 * line or a block other than a paragraph, since they cannot interrupt one), inside block quotes ({@code > })
 * and list items (content indented to the item's content column) at any depth. Each content line is the range
 * of the file left after the container markers and the block's indentation, so positions stay exact. Prose,
 * headings and HTML are skipped. Tabs count to the next multiple of four columns, as in the spec; a tab only
 * partly used (by the space after {@code >}, or a list item's content column) leaves its other columns as
 * indentation, and a content line that starts inside a tab keeps the tab.
 */
public final class MarkdownBlocks {
  /**
   * One code block.
   *
   * @param tag the info string's first word in lower case ({@code ""} when none); null for an indented block
   * @param lines each content line as {@code [start, end)} offsets in the file
   * @param end offset just past the block
   */
  public record CodeBlock(String tag, List<int[]> lines, int end) {}

  /** An open container: a block quote, or a list item whose content sits {@code width} columns in. */
  private record Container(boolean quote, int width) {}

  private enum Leaf {
    NONE,
    PARAGRAPH,
    FENCED,
    INDENTED
  }

  private final String text;
  private final LineIndex index;
  private final List<CodeBlock> out = new ArrayList<>();
  private final List<Container> open = new ArrayList<>();
  private Leaf leaf = Leaf.NONE;
  // the open code block
  private char fenceChar;
  private int fenceLength;
  private int fenceIndent;
  private String tag;
  private List<int[]> code;
  private final List<int[]> pendingBlank = new ArrayList<>();
  // the line being read
  private int pos;
  private int col;
  private int end;

  private MarkdownBlocks(String text, LineIndex index) {
    this.text = text;
    this.index = index;
  }

  public static List<CodeBlock> read(String text, LineIndex index) {
    MarkdownBlocks m = new MarkdownBlocks(text, index);
    for (int l = 1; l <= index.lineCount(); l++) m.line(l);
    m.closeCode(text.length());
    return m.out;
  }

  /**
   * Records the Markdown level of a document in {@code layout}: each {@code <!-- -->} comment that starts a line
   * outside code blocks (after block-quote and list markers) reaches the next statement; statements are the code
   * blocks (a fenced one from its opening to its closing fence) and every other line that is not blank.
   * The {@code #} comments inside shell code blocks are the shell reader's.
   */
  public static void layout(
      String text, LineIndex index, List<CodeBlock> blocks, SourceLayout layout, String file) {
    int n = index.lineCount();
    boolean[] code = new boolean[n + 2];
    for (CodeBlock b : blocks) {
      if (b.lines().isEmpty()) continue;
      int first = index.line(b.lines().get(0)[0]);
      int last = index.line(b.lines().get(b.lines().size() - 1)[0]);
      for (int[] r : b.lines()) code[index.line(r[0])] = true;
      // a fenced block opens on the line of its fence and ends on its closing fence, an indented
      // one on its lines
      int opens = b.tag() != null ? first - 1 : first;
      int ends = Math.min(n, last + (b.tag() != null ? 1 : 0));
      if (opens >= 1) layout.statement(file, new Span(opens, 1, ends, 1));
    }
    for (int l = 1; l <= n; l++) {
      if (code[l]) continue;
      int start = index.lineStart(l);
      int end = l < n ? index.lineStart(l + 1) : text.length();
      while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
      int k = start + markers(text.substring(start, end));
      if (k >= end || text.substring(k, end).isBlank()) continue;
      layout.statement(file, index.span(k, end));
      if (!text.startsWith("<!--", k)) continue;
      int close = text.indexOf("-->", k + 4);
      int stop = close >= 0 && close < end ? close + 3 : end;
      layout.comment(
          file, index.span(k, stop), text.substring(k, stop), SourceLayout.Reach.NEXT_STATEMENT);
    }
  }

  /** Offset past block-quote markers ({@code >}), list markers ({@code -}, {@code 1.}) and indentation. */
  static int markers(String l) {
    int k = 0;
    while (k < l.length()) {
      char c = l.charAt(k);
      if (c == '>' || c == ' ' || c == '\t') {
        k++;
      } else if ((c == '-' || c == '*' || c == '+')
          && k + 1 < l.length()
          && (l.charAt(k + 1) == ' ' || l.charAt(k + 1) == '\t')) {
        k += 2;
      } else if (Character.isDigit(c)) {
        int d = k;
        while (d < l.length() && d - k < 9 && Character.isDigit(l.charAt(d))) d++;
        if (d + 1 < l.length()
            && (l.charAt(d) == '.' || l.charAt(d) == ')')
            && (l.charAt(d + 1) == ' ' || l.charAt(d + 1) == '\t')) {
          k = d + 2;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return k;
  }

  private void line(int l) {
    int lineStart = index.lineStart(l);
    pos = lineStart;
    col = 0;
    end = l < index.lineCount() ? index.lineStart(l + 1) : text.length();
    while (end > lineStart && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    int matched = 0;
    for (Container c : open) {
      if (c.quote()) {
        if (indent() > 3 || pos + indentChars() >= end || text.charAt(pos + indentChars()) != '>')
          break;
        consume(indent());
        advance(); // '>'
        consume(1); // the optional space, or one column of a tab
      } else if (blank()) {
        // a blank line keeps a list item open
      } else if (indent() >= c.width()) {
        consume(c.width());
      } else {
        break;
      }
      matched++;
    }
    boolean all = matched == open.size();
    if (leaf == Leaf.FENCED) {
      if (all) {
        if (closingFence()) {
          closeCode(lineStart);
        } else {
          consume(Math.min(fenceIndent, indent()));
          code.add(new int[] {pos, end});
        }
        return;
      }
      closeCode(lineStart);
    } else if (leaf == Leaf.INDENTED) {
      if (all && blank()) {
        consume(Math.min(4, indent()));
        pendingBlank.add(new int[] {pos, end});
        return;
      }
      if (all && indent() >= 4) {
        consume(4);
        code.addAll(pendingBlank);
        pendingBlank.clear();
        code.add(new int[] {pos, end});
        return;
      }
      closeCode(lineStart);
    }
    if (!all) {
      if (leaf == Leaf.PARAGRAPH && !blank() && !startsBlock()) return; // a lazy continuation line
      while (open.size() > matched) open.remove(open.size() - 1);
      leaf = Leaf.NONE;
    }
    newBlocks(lineStart);
  }

  /** Opens the blocks that start on the rest of the line. */
  private void newBlocks(int lineStart) {
    while (true) {
      if (blank()) {
        leaf = Leaf.NONE;
        return;
      }
      int ind = indent();
      if (ind >= 4) {
        if (leaf == Leaf.PARAGRAPH) return;
        consume(4);
        leaf = Leaf.INDENTED;
        tag = null;
        code = new ArrayList<>();
        code.add(new int[] {pos, end});
        return;
      }
      consume(ind);
      char c = text.charAt(pos);
      if (c == '>') {
        advance();
        consume(1);
        open.add(new Container(true, 0));
        leaf = Leaf.NONE;
        continue;
      }
      if (openingFence(ind)) return;
      if (thematicBreak() || heading()) {
        leaf = Leaf.NONE;
        return;
      }
      int marker = listMarker();
      if (marker > 0) {
        boolean empty = isBlank(pos + marker, end);
        boolean ordered = Character.isDigit(c);
        boolean interrupts = !empty && (!ordered || text.startsWith("1", pos) && marker == 2);
        if (leaf != Leaf.PARAGRAPH || interrupts) {
          int width;
          for (int k = 0; k < marker; k++) advance();
          if (empty) {
            width = ind + marker + 1;
          } else {
            int spaces = indent();
            if (spaces >= 5) {
              width = ind + marker + 1;
              consume(1);
            } else {
              width = ind + marker + spaces;
              consume(spaces);
            }
          }
          open.add(new Container(false, width));
          leaf = Leaf.NONE;
          continue;
        }
      }
      leaf = Leaf.PARAGRAPH;
      return;
    }
  }

  /** A line that would start a block, so it is no lazy continuation of a paragraph. */
  private boolean startsBlock() {
    int save = pos;
    int saveCol = col;
    try {
      if (indent() >= 4) return false;
      consume(indent());
      char c = text.charAt(pos);
      if (c == '>' || thematicBreak() || heading() || fence() != null) return true;
      int marker = listMarker();
      return marker > 0 && !isBlank(pos + marker, end);
    } finally {
      pos = save;
      col = saveCol;
    }
  }

  private boolean openingFence(int ind) {
    String info = fence();
    if (info == null) return false;
    leaf = Leaf.FENCED;
    fenceChar = text.charAt(pos);
    fenceLength = run(pos, fenceChar);
    fenceIndent = ind;
    int t = 0;
    String s = info.strip();
    while (t < s.length()
        && !Character.isWhitespace(s.charAt(t))
        && s.charAt(t) != '{'
        && s.charAt(t) != ',') t++;
    tag = s.substring(0, t).toLowerCase(Locale.ROOT);
    code = new ArrayList<>();
    return true;
  }

  /** At a fence opening: its info string; otherwise null. */
  private String fence() {
    char c = text.charAt(pos);
    if (c != '`' && c != '~') return null;
    int n = run(pos, c);
    if (n < 3) return null;
    String info = text.substring(pos + n, end);
    if (c == '`' && info.indexOf('`') >= 0) return null;
    return info;
  }

  private boolean closingFence() {
    if (blank() || indent() > 3) return false;
    int p = pos;
    while (p < end && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) p++;
    int n = run(p, fenceChar);
    return n >= fenceLength && isBlank(p + n, end);
  }

  private boolean thematicBreak() {
    char c = text.charAt(pos);
    if (c != '-' && c != '*' && c != '_') return false;
    int count = 0;
    for (int p = pos; p < end; p++) {
      char d = text.charAt(p);
      if (d == c) count++;
      else if (d != ' ' && d != '\t') return false;
    }
    return count >= 3;
  }

  private boolean heading() {
    int n = run(pos, '#');
    return n >= 1
        && n <= 6
        && (pos + n == end || text.charAt(pos + n) == ' ' || text.charAt(pos + n) == '\t');
  }

  /** The length of a list marker ({@code -}, {@code +}, {@code *}, {@code 1.}, {@code 12)}) at pos, or 0. */
  private int listMarker() {
    char c = text.charAt(pos);
    int n;
    if (c == '-' || c == '+' || c == '*') {
      n = 1;
    } else {
      int d = 0;
      while (pos + d < end && d < 10 && Character.isDigit(text.charAt(pos + d))) d++;
      if (d == 0
          || d > 9
          || pos + d >= end
          || text.charAt(pos + d) != '.' && text.charAt(pos + d) != ')') return 0;
      n = d + 1;
    }
    return pos + n == end || text.charAt(pos + n) == ' ' || text.charAt(pos + n) == '\t' ? n : 0;
  }

  private void closeCode(int at) {
    if (leaf == Leaf.FENCED || leaf == Leaf.INDENTED) {
      if (!code.isEmpty() || leaf == Leaf.FENCED) out.add(new CodeBlock(tag, code, at));
    }
    pendingBlank.clear();
    code = null;
    leaf = Leaf.NONE;
  }

  private int run(int p, char c) {
    int n = 0;
    while (p + n < end && text.charAt(p + n) == c) n++;
    return n;
  }

  private boolean blank() {
    return isBlank(pos, end);
  }

  private boolean isBlank(int from, int to) {
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

  /** Columns of spaces and tabs from pos. */
  private int indent() {
    int c = col;
    for (int p = pos; p < end; p++) {
      char ch = text.charAt(p);
      if (ch == ' ') c++;
      else if (ch == '\t') c += 4 - c % 4;
      else break;
    }
    return c - col;
  }

  private int indentChars() {
    int p = pos;
    while (p < end && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) p++;
    return p - pos;
  }

  /** Consumes up to n columns of indentation; a tab wider than what is left stays, its columns partly used. */
  private void consume(int n) {
    int target = col + n;
    while (col < target && pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      if (text.charAt(pos) == '\t' && col + 4 - col % 4 > target) {
        col = target;
        return;
      }
      advance();
    }
  }

  /** Steps over the character at pos (the rest of a tab, when one is partly used). */
  private void advance() {
    col = text.charAt(pos) == '\t' ? col + 4 - col % 4 : col + 1;
    pos++;
  }
}
