package dev.hardock.source.dockerfile;

import dev.hardock.model.MappedText;
import java.util.ArrayList;
import java.util.List;

/** The word splitting and unquoting BuildKit applies to instruction arguments, on mapped text. */
final class Words {
  private Words() {}

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** Splits on blanks only (FROM, EXPOSE, COPY without JSON): quotes mean nothing here. */
  static List<MappedText> splitBlank(MappedText s) {
    List<MappedText> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) i++;
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) i++;
      if (i > start) out.add(s.sub(start, i));
    }
    return out;
  }

  /**
   * Splits on blanks outside quotes, keeping quotes and escapes in the words (BuildKit's parseWords, used
   * by ENV, LABEL and ARG).
   */
  static List<MappedText> splitQuoted(MappedText s, char escape) {
    List<MappedText> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) i++;
      if (i >= n) break;
      int start = i;
      char quote = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c == escape && i + 1 < n && quote != '\'') {
          i += 2;
          continue;
        }
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (isSpace(c)) {
          break;
        }
        i++;
      }
      out.add(s.sub(start, i));
    }
    return out;
  }

  /**
   * Removes quotes and escapes as BuildKit's shell lexer does, keeping variable references as written.
   * The result keeps each character's original offset.
   */
  static MappedText unquote(MappedText s, char escape) {
    MappedText.Builder b = new MappedText.Builder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\'') {
        i++;
        while (i < n && s.charAt(i) != '\'') {
          b.append(s.charAt(i), s.originalOffset(i));
          i++;
        }
        i++;
      } else if (c == '"') {
        i++;
        while (i < n && s.charAt(i) != '"') {
          char d = s.charAt(i);
          if (d == escape && i + 1 < n) {
            char next = s.charAt(i + 1);
            if (next == '"' || next == '$' || next == escape || (escape == '\\' && next == '`')) {
              b.append(next, s.originalOffset(i + 1));
              i += 2;
              continue;
            }
          }
          b.append(d, s.originalOffset(i));
          i++;
        }
        i++;
      } else if (c == escape && i + 1 < n) {
        if (s.charAt(i + 1) == '$')
          b.append(escape, s.originalOffset(i)); // keep \$ so it is not expanded
        b.append(s.charAt(i + 1), s.originalOffset(i + 1));
        i += 2;
      } else {
        b.append(c, s.originalOffset(i));
        i++;
      }
    }
    return b.build(s.originalOffset(s.length()));
  }
}
