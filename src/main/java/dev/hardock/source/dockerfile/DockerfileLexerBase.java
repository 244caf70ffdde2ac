package dev.hardock.source.dockerfile;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStream;
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
  private String keyword = "";
  private final StringBuilder logicalLine = new StringBuilder();
  private final ArrayDeque<Token> queued = new ArrayDeque<>();
  private String all;

  protected DockerfileLexerBase(CharStream input) {
    super(input);
  }

  public void setEscape(char c) {
    escape = c;
  }

  protected boolean isEscape(char c) {
    return c == escape;
  }

  protected boolean atLineStart() {
    return lineStart && !continued;
  }

  protected boolean inContinuation() {
    return continued;
  }

  /** An escape character that is itself escaped ({@code \\} at the end of a line) does not continue. */
  protected boolean continuationAllowed() {
    return _input.index() == 0 || _input.LA(-1) != escape;
  }

  @Override
  public Token nextToken() {
    if (!queued.isEmpty()) return queued.poll();
    Token t = super.nextToken();
    switch (t.getType()) {
      case DockerfileLexer.NL -> {
        List<Heredocs.Marker> markers = instructionOpen && Heredocs.allowedFor(keyword)
            ? Heredocs.markers(logicalLine, escape) : List.of();
        instructionOpen = false;
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
        if (instructionOpen) logicalLine.append(t.getText());
      }
      case DockerfileLexer.COMMENT -> {
        lineStart = false;
        continued = false;
      }
      case DockerfileLexer.TEXT, DockerfileLexer.ESCAPE_CHAR -> {
        if (!instructionOpen) {
          instructionOpen = true;
          keyword = t.getText().toUpperCase(Locale.ROOT);
        }
        logicalLine.append(t.getText());
        lineStart = false;
        continued = false;
      }
      default -> { }
    }
    return t;
  }

  /** Reads one heredoc body up to and including its terminator line; null at end of input. */
  private Token readHeredoc(Heredocs.Marker marker) {
    if (all == null) all = _input.size() == 0 ? "" : _input.getText(Interval.of(0, _input.size() - 1));
    int start = _input.index();
    int n = all.length();
    if (start >= n) return null;
    int p = start;
    int lines = 0;
    while (p < n) {
      int eol = p;
      while (eol < n && all.charAt(eol) != '\n' && all.charAt(eol) != '\r') eol++;
      int next = eol;
      if (next < n) next += (all.charAt(next) == '\r' && next + 1 < n && all.charAt(next + 1) == '\n') ? 2 : 1;
      lines++;
      int s = p;
      if (marker.chomp()) while (s < eol && all.charAt(s) == '\t') s++;
      boolean terminator = eol - s == marker.name().length() && all.startsWith(marker.name(), s);
      p = next;
      if (terminator) break;
    }
    int line = getLine();
    Token token = _factory.create(_tokenFactorySourcePair, DockerfileLexer.HEREDOC, null,
        Token.DEFAULT_CHANNEL, start, p - 1, line, 0);
    _input.seek(p);
    getInterpreter().setLine(line + lines);
    getInterpreter().setCharPositionInLine(0);
    return token;
  }
}
