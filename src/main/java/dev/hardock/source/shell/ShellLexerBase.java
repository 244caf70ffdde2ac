package dev.hardock.source.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Nesting and context for {@link ShellLexer}, decided after each token so the grammar carries no actions:
 * a stack of levels parallel to the mode stack (a ")" closes only a level opened by "(", "$(" or "<(", and
 * is otherwise a {@code STRAY_RPAREN}, never an exception), case patterns (hidden, their ")" becomes
 * {@code PATTERN_END}), comments that do not start a word, and here-document bodies (read after the
 * newline that ends the line holding the operator, emitted as one token on {@code HEREDOC_CHANNEL}).
 */
public abstract class ShellLexerBase extends Lexer {
  private static final int ROOT = 0;
  private static final int PAREN = 1;
  private static final int BACKTICK_LEVEL = 2;
  private static final int QUOTE = 3;
  private static final int BRACE = 4;

  /** A here-document body: [bodyStart, bodyEnd) is the text, [bodyStart, end) includes the delimiter line. */
  record HeredocBody(
      String delimiter,
      boolean quoted,
      boolean stripTabs,
      int bodyStart,
      int bodyEnd,
      int end,
      boolean terminated) {}

  /** A problem found while lexing: [start, end) in text indexes; quote: an unterminated quote. */
  record LexProblem(String message, int start, int end, boolean quote) {
    LexProblem(String message, int start, int end) {
      this(message, start, end, false);
    }
  }

  private static final class Level {
    final int kind;
    final boolean hidden;
    boolean commandStart = true;
    int caseHeader; // 1: saw "case", 2: saw its subject, waiting for "in"
    int caseDepth;
    boolean inPattern;
    int previousType = -1;
    int start = -1; // where the quote or bracket that opened the level is

    Level(int kind, boolean hidden) {
      this.kind = kind;
      this.hidden = hidden;
    }
  }

  private record PendingHeredoc(int opStart, String delimiter, boolean quoted, boolean stripTabs) {}

  private final CharSequence source;
  private final ArrayList<Level> levels = new ArrayList<>();
  private final ArrayDeque<Token> outbox = new ArrayDeque<>();
  private final List<PendingHeredoc> pendingHeredocs = new ArrayList<>();
  private final Map<Integer, HeredocBody> heredocs = new HashMap<>();
  private final List<LexProblem> problems = new ArrayList<>();
  private int maxDepth;
  private int quoteProblems;

  protected ShellLexerBase(CharStream input) {
    super(input);
    source = input instanceof TextCharStream s ? s.text() : input.toString();
    levels.add(new Level(ROOT, false));
  }

  /** Here-document bodies by the start index of their {@code <<} operator token. */
  Map<Integer, HeredocBody> heredocs() {
    return heredocs;
  }

  /** The deepest nesting of quotes, parentheses, braces and backticks seen. */
  int maxDepth() {
    return maxDepth;
  }

  List<LexProblem> lexProblems() {
    return problems;
  }

  @Override
  public void reset() {
    super.reset();
    levels.clear();
    levels.add(new Level(ROOT, false));
    outbox.clear();
    pendingHeredocs.clear();
    heredocs.clear();
    problems.clear();
    maxDepth = 0;
    quoteProblems = 0;
  }

  @Override
  public Token nextToken() {
    if (!outbox.isEmpty()) return outbox.poll();
    Token t = super.nextToken();
    if (t.getType() != Token.EOF && t instanceof CommonToken ct) classify(ct);
    else if (t.getType() == Token.EOF) unclosedQuotes();
    return t;
  }

  private Level top() {
    return levels.get(levels.size() - 1);
  }

  private void classify(CommonToken t) {
    int type = t.getType();
    if (type == ShellLexer.COMMENT && !atWordStart(t.getStartIndex())) {
      // "#" inside a word ($x#y, a=b#c) is literal: re-lex after it
      type = ShellLexer.WORD;
      t.setType(type);
      t.setChannel(Token.DEFAULT_CHANNEL);
      t.setStopIndex(t.getStartIndex());
      _input.seek(t.getStartIndex() + 1);
    }
    Level level = top();
    boolean commandLevel =
        level.kind == ROOT || level.kind == PAREN || level.kind == BACKTICK_LEVEL;
    if (level.hidden) {
      t.setChannel(Token.HIDDEN_CHANNEL);
    } else if (commandLevel && level.inPattern) {
      if (type == ShellLexer.RPAREN) {
        t.setType(ShellLexer.PATTERN_END);
        level.inPattern = false;
        level.commandStart = true;
        level.previousType = ShellLexer.PATTERN_END;
        return;
      }
      if (type == ShellLexer.WORD && isWholeWord(t, "esac")) {
        level.caseDepth--;
        level.inPattern = false;
        level.commandStart = false;
        level.previousType = type;
        return;
      }
      if (type == ShellLexer.LPAREN) {
        t.setChannel(Token.HIDDEN_CHANNEL);
        return;
      }
      if (type != ShellLexer.NEWLINE && type != ShellLexer.BLANK && type != ShellLexer.COMMENT) {
        t.setChannel(Token.HIDDEN_CHANNEL);
      }
    } else if (commandLevel) {
      trackCase(level, t, type);
    }
    if (type != ShellLexer.BLANK && type != ShellLexer.COMMENT) level.previousType = type;
    boolean hideNested = level.hidden || (commandLevel && level.inPattern);
    if (type == ShellLexer.WORD
        && _mode == DEFAULT_MODE
        && t.getStopIndex() == t.getStartIndex()
        && source.charAt(t.getStartIndex()) == '\'') {
      unclosedSingleQuote(t.getStartIndex());
    }
    switch (type) {
      case ShellLexer.DQ_START -> {
        open(QUOTE, ShellLexer.DQ_MODE, hideNested);
        top().start = t.getStartIndex();
      }
      case ShellLexer.DOLLAR_PAREN, ShellLexer.PROC_SUB_OPEN, ShellLexer.LPAREN ->
          open(PAREN, DEFAULT_MODE, hideNested);
      case ShellLexer.DOLLAR_BRACE, ShellLexer.BRACE_OPEN ->
          open(BRACE, ShellLexer.BRACE_MODE, hideNested);
      case ShellLexer.DQ_END, ShellLexer.BRACE_CLOSE -> close();
      case ShellLexer.RPAREN -> {
        if (level.kind == PAREN) {
          close();
        } else {
          t.setType(ShellLexer.STRAY_RPAREN);
          if (!level.hidden) {
            problems.add(new LexProblem("unexpected `)`", t.getStartIndex(), t.getStopIndex() + 1));
          }
        }
      }
      case ShellLexer.BACKTICK -> {
        if (level.kind == BACKTICK_LEVEL) {
          t.setType(ShellLexer.BACKTICK_CLOSE);
          close();
        } else {
          t.setType(ShellLexer.BACKTICK_OPEN);
          open(BACKTICK_LEVEL, DEFAULT_MODE, hideNested);
        }
      }
      case ShellLexer.HEREDOC_OP -> {
        if (!hideNested) queueHeredoc(t);
      }
      case ShellLexer.NEWLINE -> {
        if (!pendingHeredocs.isEmpty()) readHeredocBodies();
      }
      default -> {}
    }
  }

  /** Follows "case WORD in" and ";;" so that patterns can be hidden, and notes where commands start. */
  private void trackCase(Level level, CommonToken t, int type) {
    boolean wasStart = level.commandStart;
    switch (type) {
      case ShellLexer.NEWLINE -> level.commandStart = true;
      case ShellLexer.SEMI,
          ShellLexer.AMP,
          ShellLexer.AND_IF,
          ShellLexer.OR_IF,
          ShellLexer.PIPE,
          ShellLexer.PIPE_AMP -> {
        level.commandStart = true;
        level.caseHeader = 0;
      }
      case ShellLexer.DSEMI -> {
        level.commandStart = true;
        if (level.caseDepth > 0) level.inPattern = true;
      }
      case ShellLexer.BLANK, ShellLexer.COMMENT -> {}
      case ShellLexer.WORD -> {
        String w = wholeWord(t);
        if (wasStart && "case".equals(w)) {
          level.caseHeader = 1;
        } else if (level.caseHeader == 2 && "in".equals(w)) {
          level.caseHeader = 0;
          level.caseDepth++;
          level.inPattern = true;
        } else if (wasStart && level.caseDepth > 0 && "esac".equals(w)) {
          level.caseDepth--;
        }
        level.commandStart = wasStart && w != null && ShellReservedWords.isPrefix(w);
      }
      default -> level.commandStart = false;
    }
    if (level.caseHeader == 1
        && type != ShellLexer.BLANK
        && type != ShellLexer.COMMENT
        && !(type == ShellLexer.WORD && "case".equals(wholeWord(t)))) {
      level.caseHeader = 2;
    }
  }

  /**
   * A lone ' (the lexer found no closing one): the shell reads to the end of the text looking for it and fails.
   * With $' before it, the quote starts at the $.
   */
  private void unclosedSingleQuote(int at) {
    if (quoteProblems > 0) return;
    quoteProblems++;
    boolean ansi =
        at > 0 && source.charAt(at - 1) == '$' && (at < 2 || source.charAt(at - 2) != '\\');
    int start = ansi ? at - 1 : at;
    problems.add(
        new LexProblem(
            "unterminated "
                + (ansi ? "$'" : "'")
                + " quote: the shell finds no closing '"
                + " and fails with a syntax error",
            start,
            at + 1,
            true));
  }

  /**
   * At the end of the text: a "..." still open was never closed. Only when it is the innermost open level: an
   * unclosed ${ inside it may come from a ' that bash takes literally there (dash does not), and we do not guess.
   */
  private void unclosedQuotes() {
    Level l = top();
    if (l.kind == QUOTE && l.start >= 0 && quoteProblems == 0) {
      quoteProblems++;
      problems.add(
          new LexProblem(
              "unterminated \" quote: the shell finds no closing \" and fails with a syntax"
                  + " error",
              l.start,
              l.start + 1,
              true));
    }
  }

  private void open(int kind, int mode, boolean hidden) {
    levels.add(new Level(kind, hidden));
    maxDepth = Math.max(maxDepth, levels.size() - 1);
    pushMode(mode);
  }

  private void close() {
    if (levels.size() > 1) {
      levels.remove(levels.size() - 1);
      if (!_modeStack.isEmpty()) popMode();
    }
  }

  private boolean atWordStart(int start) {
    if (start == 0) return true;
    char c = source.charAt(start - 1);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|'
        || c == '(' || c == ')' || c == '<' || c == '>' || c == '`';
  }

  private static boolean isWordEnd(int c) {
    return c < 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&'
        || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
  }

  /** The token's text if the token is a whole word by itself (followed by a word end), else null. */
  private String wholeWord(CommonToken t) {
    int stop = t.getStopIndex();
    int next = stop + 1 < source.length() ? source.charAt(stop + 1) : -1;
    if (!isWordEnd(next)) return null;
    int start = t.getStartIndex();
    if (start > 0 && !atWordStart(start)) return null;
    return source.subSequence(start, stop + 1).toString();
  }

  private boolean isWholeWord(CommonToken t, String word) {
    int len = t.getStopIndex() - t.getStartIndex() + 1;
    return len == word.length() && word.equals(wholeWord(t));
  }

  private void queueHeredoc(CommonToken t) {
    int i = t.getStartIndex();
    int end = t.getStopIndex() + 1;
    while (i < end && source.charAt(i) != '<') i++;
    i += 2;
    boolean stripTabs = i < end && source.charAt(i) == '-';
    if (stripTabs) i++;
    while (i < end && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) i++;
    StringBuilder delimiter = new StringBuilder();
    boolean quoted = false;
    while (i < end) {
      char c = source.charAt(i);
      if (c == '\'' || c == '"') {
        quoted = true;
        int close = i + 1;
        while (close < end && source.charAt(close) != c) close++;
        delimiter.append(source, i + 1, Math.min(close, end));
        i = close + 1;
      } else if (c == '\\' && i + 1 < end) {
        quoted = true;
        delimiter.append(source.charAt(i + 1));
        i += 2;
      } else {
        delimiter.append(c);
        i++;
      }
    }
    pendingHeredocs.add(
        new PendingHeredoc(t.getStartIndex(), delimiter.toString(), quoted, stripTabs));
  }

  private void readHeredocBodies() {
    int n = source.length();
    int pos = _input.index();
    for (PendingHeredoc p : pendingHeredocs) {
      int bodyStart = pos;
      int bodyEnd = n;
      int end = n;
      boolean terminated = false;
      int lineStart = pos;
      while (lineStart < n) {
        int lineEnd = lineStart;
        while (lineEnd < n && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r')
          lineEnd++;
        int next = lineEnd;
        if (next < n)
          next +=
              source.charAt(next) == '\r' && next + 1 < n && source.charAt(next + 1) == '\n'
                  ? 2
                  : 1;
        int contentStart = lineStart;
        if (p.stripTabs())
          while (contentStart < lineEnd && source.charAt(contentStart) == '\t') contentStart++;
        if (regionEquals(contentStart, lineEnd, p.delimiter())) {
          bodyEnd = lineStart;
          end = next;
          terminated = true;
          break;
        }
        lineStart = next;
      }
      if (!terminated) {
        problems.add(
            new LexProblem(
                "here-document not terminated by `" + p.delimiter() + "`", bodyStart, n));
      }
      if (end > bodyStart) {
        CommonToken body =
            new CommonToken(
                _tokenFactorySourcePair,
                ShellLexer.HEREDOC_BODY,
                ShellLexer.HEREDOC_CHANNEL,
                bodyStart,
                end - 1);
        outbox.add(body);
      }
      heredocs.put(
          p.opStart(),
          new HeredocBody(
              p.delimiter(), p.quoted(), p.stripTabs(), bodyStart, bodyEnd, end, terminated));
      pos = end;
    }
    pendingHeredocs.clear();
    _input.seek(pos);
  }

  private boolean regionEquals(int start, int end, String s) {
    if (end - start != s.length()) return false;
    for (int i = 0; i < s.length(); i++) if (source.charAt(start + i) != s.charAt(i)) return false;
    return true;
  }
}
