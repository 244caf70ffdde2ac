package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The one way readers map text they cut out of a file back to it: a YAML scalar's value character by
 * character ({@link #scalar}), a parser mark as an offset, a line's end without its line break. Every host
 * format's reader builds its {@link MappedText} through these, so positions are those of the enclosing file.
 */
final class FileText {
  /** The scalar's value with each character's offset in the file; approximate only for escapes and folds we cannot map. */
  static MappedText scalar(ScalarNode s, String text, LineIndex lines) {
    String value = s.getValue();
    int start = s.getStartMark().map(mk -> offset(text, lines, mk)).orElse(0);
    int end = s.getEndMark().map(mk -> offset(text, lines, mk)).orElse(start);
    ScalarStyle style = s.getScalarStyle();
    MappedText mapped = null;
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      mapped = block(text, lines, start, end, style == ScalarStyle.FOLDED);
    } else if (style == ScalarStyle.PLAIN) {
      mapped = MappedText.of(text, start, Math.min(end, text.length()));
    } else if (end - start >= 2) {
      mapped = MappedText.of(text, start + 1, end - 1);
      if (!squeeze(mapped.text()).equals(squeeze(value))) {
        // escapes ("a \"b\"", 'it''s') and folded lines: decode the scalar as YAML does, offset by
        // offset
        MappedText decoded =
            quoted(
                text,
                start + 1,
                Math.min(end - 1, text.length()),
                style == ScalarStyle.DOUBLE_QUOTED);
        if (decoded != null && decoded.text().equals(value)) return decoded;
      }
    }
    if (mapped != null && squeeze(mapped.text()).equals(squeeze(value))) return mapped;
    // escapes or multi-line flow scalars: keep the value, every character at the scalar's start
    MappedText.Builder b = new MappedText.Builder(value.length());
    for (int i = 0; i < value.length(); i++)
      b.append(value.charAt(i), Math.min(start, text.length()));
    return b.build(end);
  }

  /**
   * A quoted flow scalar's value, each character at its offset in the file (an escape at its backslash, a folded
   * line break at the break): YAML 1.2 double-quoted escapes and escaped line breaks, {@code ''} in single
   * quotes, line folding (a break between text is a space, each further empty line a newline). Null when the
   * text holds something this does not decode; the caller checks the result against the parser's value.
   */
  static MappedText quoted(String text, int from, int to, boolean dbl) {
    MappedText.Builder b = new MappedText.Builder(Math.max(0, to - from));
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        int j = i;
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
        if (j < to && (text.charAt(j) == '\n' || text.charAt(j) == '\r')) {
          // trailing white space, then one or more line breaks: folded
          int breaks = 0;
          int at = j;
          while (j < to
              && (text.charAt(j) == '\n'
                  || text.charAt(j) == '\r'
                  || text.charAt(j) == ' '
                  || text.charAt(j) == '\t')) {
            if (text.charAt(j) == '\n'
                || (text.charAt(j) == '\r' && (j + 1 >= to || text.charAt(j + 1) != '\n')))
              breaks++;
            j++;
          }
          if (breaks == 1) b.append(' ', at);
          for (int k = 1; k < breaks; k++) b.append('\n', at);
          i = j;
          continue;
        }
        for (int k = i; k < j; k++) b.append(text.charAt(k), k);
        i = j;
        continue;
      }
      if (!dbl && c == '\'' && i + 1 < to && text.charAt(i + 1) == '\'') {
        b.append('\'', i);
        i += 2;
        continue;
      }
      if (dbl && c == '\\' && i + 1 < to) {
        char n = text.charAt(i + 1);
        if (n == '\n' || n == '\r') { // an escaped line break joins the lines
          i += 2;
          if (n == '\r' && i < to && text.charAt(i) == '\n') i++;
          while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
          continue;
        }
        int hex = n == 'x' ? 2 : n == 'u' ? 4 : n == 'U' ? 8 : 0;
        if (hex > 0) {
          if (i + 2 + hex > to) return null;
          int cp;
          try {
            cp = Integer.parseInt(text.substring(i + 2, i + 2 + hex), 16);
          } catch (NumberFormatException e) {
            return null;
          }
          if (!Character.isValidCodePoint(cp)) return null;
          for (char ch : Character.toChars(cp)) b.append(ch, i);
          i += 2 + hex;
          continue;
        }
        String d =
            switch (n) {
              case '0' -> "\0";
              case 'a' -> "\u0007";
              case 'b' -> "\b";
              case 't', '\t' -> "\t";
              case 'n' -> "\n";
              case 'v' -> "\u000B";
              case 'f' -> "\f";
              case 'r' -> "\r";
              case 'e' -> "\u001B";
              case ' ' -> " ";
              case '"' -> "\"";
              case '/' -> "/";
              case '\\' -> "\\";
              case 'N' -> "\u0085";
              case '_' -> "\u00A0";
              case 'L' -> "\u2028";
              case 'P' -> "\u2029";
              default -> null;
            };
        if (d == null) return null;
        b.append(d.charAt(0), i);
        i += 2;
        continue;
      }
      b.append(c, i);
      i++;
    }
    return b.build(to);
  }

  static String squeeze(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  static MappedText block(String text, LineIndex lines, int start, int end, boolean folded) {
    int headerLine = lines.line(start);
    int last = lines.line(Math.max(start, Math.min(end, text.length())));
    int indent = -1;
    MappedText.Builder b = new MappedText.Builder(Math.max(16, end - start));
    boolean previousNormal = false;
    int pendingNewline = -1;
    for (int l = headerLine + 1; l <= last && l <= lines.lineCount(); l++) {
      int ls = lines.lineStart(l);
      int le = lineEnd(text, lines, l);
      if (ls >= end && l != headerLine + 1) break;
      String line = text.substring(ls, le);
      if (line.isBlank()) {
        if (pendingNewline >= 0) b.append('\n', pendingNewline);
        pendingNewline = le;
        previousNormal = false;
        continue;
      }
      int lead = 0;
      while (lead < line.length() && line.charAt(lead) == ' ') lead++;
      if (indent < 0) indent = lead;
      if (lead < indent) break;
      boolean normal = lead == indent && line.charAt(lead) != '\t';
      if (pendingNewline >= 0)
        b.append(folded && previousNormal && normal ? ' ' : '\n', pendingNewline);
      b.append(text, ls + indent, le);
      pendingNewline = le;
      previousNormal = normal;
    }
    if (pendingNewline >= 0) b.append('\n', pendingNewline);
    return b.build(end);
  }

  static int offset(String text, LineIndex lines, Mark mk) {
    return dev.hardock.source.yaml.YamlLayout.offset(text, lines, mk);
  }

  static int lineEnd(String text, LineIndex lines, int line) {
    int end = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    while (end > lines.lineStart(line)
        && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return end;
  }

  private FileText() {}
}
