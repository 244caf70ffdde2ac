package dev.hardock.source.dockerfile;

import java.util.ArrayDeque;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Dockerfile lexer. A Dockerfile is line oriented: the first word of a logical line is the instruction,
 * a logical line goes on after a line ending in the escape character (backslash, or backtick with the
 * {@code # escape=} directive), and blank or comment lines inside a continuation are dropped, as BuildKit does.
 *
 * <p>Four context-free tokens: {@code NL} ({@code \r?\n | \r}), {@code WS} (runs of space, tab, form feed,
 * vertical tab), {@code ESCAPE_CHAR} (one {@code \} or {@code `}) and {@code TEXT} (a run of anything else).
 * The context-dependent ones are cut before them: {@code CONTINUATION} (the escape character, blanks, line end),
 * {@code CONT_SKIP} (a blank or comment line inside a continuation), {@code COMMENT} (a comment line) and the
 * {@code HEREDOC} bodies that follow a RUN/COPY/ADD line with {@code <<EOF} markers, whole bodies with their
 * terminator line, the way BuildKit reads them. Argument syntax (flags, JSON, key=value) is read by
 * DockerfileReader from the joined text, keeping every character's original offset.
 *
 * <p>Written by hand (it was an ANTLR lexer grammar of these four rules plus a base class for the rest): the
 * ATN simulation cost a fifth of the reader's time for rules a switch decides. Token offsets are UTF-16 indexes
 * into the text; tokens carry no line or column (the reader maps offsets with its LineIndex).
 */
final class DockerfileLexer {
  static final int NL = 1;
  static final int WS = 2;
  static final int ESCAPE_CHAR = 3;
  static final int TEXT = 4;
  static final int HEREDOC = 5;
  static final int CONTINUATION = 6;
  static final int CONT_SKIP = 7;
  static final int COMMENT = 8;

  private static final int EOF = -1;

  private final String text;
  private final int n;
  private final char escape;
  private int pos;
  private boolean lineStart = true;
  private boolean continued;
  private boolean instructionOpen;
  private boolean heredocsAllowed; // the open instruction is RUN, COPY or ADD: its logical line is kept
  private final StringBuilder logicalLine = new StringBuilder();
  private final ArrayDeque<Token> queued = new ArrayDeque<>();

  DockerfileLexer(String text, char escape) {
    this.text = text;
    this.n = text.length();
    this.escape = escape;
  }

  /** The next token; at the end, a token of type {@link Token#EOF} (again on every later call). */
  Token nextToken() {
    if (!queued.isEmpty()) return queued.poll();
    Token t = contextToken();
    if (t == null) t = ruleToken();
    switch (t.getType()) {
      case NL -> {
        List<Heredocs.Marker> markers = instructionOpen && heredocsAllowed
            ? Heredocs.markers(logicalLine, escape) : List.of();
        instructionOpen = false;
        heredocsAllowed = false;
        lineStart = true;
        continued = false;
        logicalLine.setLength(0);
        for (Heredocs.Marker m : markers) {
          Token body = readHeredoc(m);
          if (body == null) break;
          queued.add(body);
        }
      }
      case CONTINUATION, CONT_SKIP -> {
        continued = true;
        lineStart = true;
      }
      case WS -> {
        if (heredocsAllowed) logicalLine.append(text, t.getStartIndex(), t.getStopIndex() + 1);
      }
      case COMMENT -> {
        lineStart = false;
        continued = false;
      }
      case TEXT, ESCAPE_CHAR -> {
        if (!instructionOpen) {
          instructionOpen = true;
          heredocsAllowed = Heredocs.allowedFor(keywordOf(t));
        }
        if (heredocsAllowed) logicalLine.append(text, t.getStartIndex(), t.getStopIndex() + 1);
        lineStart = false;
        continued = false;
      }
      default -> { }
    }
    return t;
  }

  /** The character {@code k} places on (1 = the current one), or EOF. */
  private int la(int k) {
    int p = pos + k - 1;
    return p >= 0 && p < n ? text.charAt(p) : EOF;
  }

  /** The four context-free rules, longest match. */
  private Token ruleToken() {
    if (pos >= n) return token(Token.EOF, pos, pos - 1);
    int start = pos;
    char c = text.charAt(pos);
    if (c == '\n') return take(NL, 1);
    if (c == '\r') return take(NL, pos + 1 < n && text.charAt(pos + 1) == '\n' ? 2 : 1);
    if (isBlank(c)) {
      int p = pos + 1;
      while (p < n && isBlank(text.charAt(p))) p++;
      return take(WS, p - start);
    }
    if (c == '\\' || c == '`') return take(ESCAPE_CHAR, 1);
    int p = pos + 1;
    while (p < n && isText(text.charAt(p))) p++;
    return take(TEXT, p - start);
  }

  private static boolean isText(char c) {
    return !(c == ' ' || c == '\t' || c == '\f' || c == 0x0B || c == '\r' || c == '\n' || c == '\\' || c == '`');
  }

  /**
   * The tokens that depend on where the lexer stands: a blank or comment line inside a continuation
   * (dropped), a comment line, and the escape character before the end of the line. Null when none applies.
   */
  private Token contextToken() {
    int c = la(1);
    if (c == EOF) return null;
    if (continued) {
      int k = 1;
      while (isBlank(la(k))) k++;
      if (la(k) == '#') while (!isLineEnd(la(k)) && la(k) != EOF) k++;
      if (isLineEnd(la(k))) return take(CONT_SKIP, k + lineEndLength(k) - 1);
    }
    if (lineStart && !continued && c == '#') {
      int k = 1;
      while (!isLineEnd(la(k)) && la(k) != EOF) k++;
      return take(COMMENT, k - 1);
    }
    if (c == escape && (pos == 0 || la(0) != escape)) {
      int k = 2;
      while (isBlank(la(k))) k++;
      if (isLineEnd(la(k))) return take(CONTINUATION, k + lineEndLength(k) - 1);
    }
    return null;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || c == '\f' || c == 0x0B;
  }

  private static boolean isLineEnd(int c) {
    return c == '\n' || c == '\r';
  }

  private int lineEndLength(int k) {
    return la(k) == '\r' && la(k + 1) == '\n' ? 2 : 1;
  }

  /** Makes a token of the next {@code length} characters and moves past them. */
  private Token take(int type, int length) {
    int start = pos;
    pos += length;
    return token(type, start, start + length - 1);
  }

  private static Token token(int type, int start, int stop) {
    CommonToken t = new CommonToken(type);
    t.setStartIndex(start);
    t.setStopIndex(stop);
    return t;
  }

  /** The instruction keyword upper-cased when it may be RUN, COPY or ADD (the only ones asked about), else "". */
  private String keywordOf(Token t) {
    int s = t.getStartIndex();
    int len = t.getStopIndex() + 1 - s;
    if (len < 3 || len > 4) return "";
    StringBuilder k = new StringBuilder(4);
    for (int i = 0; i < len; i++) k.append(Character.toUpperCase(text.charAt(s + i)));
    return k.toString();
  }

  /** Reads one heredoc body up to and including its terminator line; null at end of input. */
  private Token readHeredoc(Heredocs.Marker marker) {
    int start = pos;
    if (start >= n) return null;
    int p = start;
    while (p < n) {
      int eol = p;
      while (eol < n && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') eol++;
      int next = eol;
      if (next < n) next += (text.charAt(next) == '\r' && next + 1 < n && text.charAt(next + 1) == '\n') ? 2 : 1;
      int s = p;
      if (marker.chomp()) while (s < eol && text.charAt(s) == '\t') s++;
      boolean terminator = eol - s == marker.name().length() && text.startsWith(marker.name(), s);
      p = next;
      if (terminator) break;
    }
    pos = p;
    return token(HEREDOC, start, p - 1);
  }
}
