package dev.hardock.source.dockerfile;

import dev.hardock.source.shell.TextCharStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * State the Dockerfile lexer needs beyond its rules: the escape character of the {@code # escape=}
 * directive, whether the lexer stands at the start of a line or inside a continuation, and the heredoc
 * bodies that follow a RUN/COPY/ADD line, cut out as whole HEREDOC tokens the way BuildKit reads them.
 */
public abstract class DockerfileLexerBase extends Lexer {
  private char escape = '\\';
  private boolean lineStart = true;
  private boolean continued;
  private boolean instructionOpen;
  private boolean
      heredocsAllowed; // the open instruction is RUN, COPY or ADD: its logical line is kept
  private final StringBuilder logicalLine = new StringBuilder();
  private final ArrayDeque<Token> queued = new ArrayDeque<>();
  private String all;
  private final CharSequence source;

  protected DockerfileLexerBase(CharStream input) {
    super(input);
    source = input instanceof TextCharStream s ? s.text() : null;
  }

  /** Appends a token's text to the logical line without making a String of it. */
  private void appendText(Token t) {
    if (source != null) logicalLine.append(source, t.getStartIndex(), t.getStopIndex() + 1);
    else logicalLine.append(t.getText());
  }

  private String keywordOf(Token t) {
    int s = t.getStartIndex();
    int n = t.getStopIndex() + 1 - s;
    if (source == null) return t.getText().toUpperCase(Locale.ROOT);
    if (n < 3 || n > 4) return ""; // RUN, COPY and ADD are the only keywords asked about
    StringBuilder k = new StringBuilder(4);
    for (int i = 0; i < n; i++) k.append(Character.toUpperCase(source.charAt(s + i)));
    return k.toString();
  }

  public void setEscape(char c) {
    escape = c;
  }

  @Override
  public Token nextToken() {
    if (!queued.isEmpty()) return queued.poll();
    Token t = contextToken();
    if (t == null) t = super.nextToken();
    switch (t.getType()) {
      case DockerfileLexer.NL -> {
        List<Heredocs.Marker> markers =
            instructionOpen && heredocsAllowed ? Heredocs.markers(logicalLine, escape) : List.of();
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
      case DockerfileLexer.CONTINUATION, DockerfileLexer.CONT_SKIP -> {
        continued = true;
        lineStart = true;
      }
      case DockerfileLexer.WS -> {
        if (heredocsAllowed) appendText(t);
      }
      case DockerfileLexer.COMMENT -> {
        lineStart = false;
        continued = false;
      }
      case DockerfileLexer.TEXT, DockerfileLexer.ESCAPE_CHAR -> {
        if (!instructionOpen) {
          instructionOpen = true;
          heredocsAllowed = Heredocs.allowedFor(keywordOf(t));
        }
        if (heredocsAllowed) appendText(t);
        lineStart = false;
        continued = false;
      }
      default -> {}
    }
    return t;
  }

  /**
   * The tokens that depend on where the lexer stands: a blank or comment line inside a continuation
   * (dropped), a comment line, and the escape character before the end of the line. Null when none applies.
   */
  private Token contextToken() {
    int c = _input.LA(1);
    if (c == IntStream.EOF) return null;
    if (continued) {
      int k = 1;
      while (isBlank(_input.LA(k))) k++;
      if (_input.LA(k) == '#')
        while (!isLineEnd(_input.LA(k)) && _input.LA(k) != IntStream.EOF) k++;
      if (isLineEnd(_input.LA(k))) return take(DockerfileLexer.CONT_SKIP, k + lineEndLength(k) - 1);
    }
    if (lineStart && !continued && c == '#') {
      int k = 1;
      while (!isLineEnd(_input.LA(k)) && _input.LA(k) != IntStream.EOF) k++;
      return take(DockerfileLexer.COMMENT, k - 1);
    }
    if (c == escape && (_input.index() == 0 || _input.LA(-1) != escape)) {
      int k = 2;
      while (isBlank(_input.LA(k))) k++;
      if (isLineEnd(_input.LA(k)))
        return take(DockerfileLexer.CONTINUATION, k + lineEndLength(k) - 1);
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
    return _input.LA(k) == '\r' && _input.LA(k + 1) == '\n' ? 2 : 1;
  }

  /** Makes a token of the next {@code length} characters and moves past them. */
  private Token take(int type, int length) {
    int start = _input.index();
    int line = getLine();
    Token t =
        _factory.create(
            _tokenFactorySourcePair,
            type,
            null,
            Token.DEFAULT_CHANNEL,
            start,
            start + length - 1,
            line,
            getCharPositionInLine());
    int newlines = 0;
    for (int k = 1; k <= length; k++) {
      int ch = _input.LA(k);
      if (ch == '\n' || (ch == '\r' && _input.LA(k + 1) != '\n')) newlines++;
    }
    _input.seek(start + length);
    getInterpreter().setLine(line + newlines);
    getInterpreter().setCharPositionInLine(newlines > 0 ? 0 : getCharPositionInLine() + length);
    return t;
  }

  /** Reads one heredoc body up to and including its terminator line; null at end of input. */
  private Token readHeredoc(Heredocs.Marker marker) {
    if (all == null) {
      all =
          source != null
              ? source.toString()
              : _input.size() == 0 ? "" : _input.getText(Interval.of(0, _input.size() - 1));
    }
    int start = _input.index();
    int n = all.length();
    if (start >= n) return null;
    int p = start;
    int lines = 0;
    while (p < n) {
      int eol = p;
      while (eol < n && all.charAt(eol) != '\n' && all.charAt(eol) != '\r') eol++;
      int next = eol;
      if (next < n)
        next += (all.charAt(next) == '\r' && next + 1 < n && all.charAt(next + 1) == '\n') ? 2 : 1;
      lines++;
      int s = p;
      if (marker.chomp()) while (s < eol && all.charAt(s) == '\t') s++;
      boolean terminator = eol - s == marker.name().length() && all.startsWith(marker.name(), s);
      p = next;
      if (terminator) break;
    }
    int line = getLine();
    Token token =
        _factory.create(
            _tokenFactorySourcePair,
            DockerfileLexer.HEREDOC,
            null,
            Token.DEFAULT_CHANNEL,
            start,
            p - 1,
            line,
            0);
    _input.seek(p);
    getInterpreter().setLine(line + lines);
    getInterpreter().setCharPositionInLine(0);
    return token;
  }
}
