package dev.hardock.source.shell;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.ShellProblem;
import dev.hardock.model.ShellScript;
import dev.hardock.model.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses shell text (a RUN body, a script, a CI step) into a {@link ShellScript} whose spans point into the
 * original file. Never throws: syntax errors and internal failures become {@link ShellProblem}s next to a
 * partial result. Thread-safe: every call builds its own lexer and parser (only ANTLR's DFA cache is shared).
 */
public final class ShellParser {
  private static final int MAX_PROBLEMS = 20;

  /** Real scripts nest a handful of levels; far deeper input is hostile and would exhaust the stack. */
  private static final int MAX_DEPTH = 100;

  private static final String END_OF_INPUT = "unexpected end of input";

  private ShellParser() {}

  /** Parses a whole file's text. */
  public static ShellScript parse(String text) {
    return parse(MappedText.of(text, 0, text.length()), new LineIndex(text));
  }

  /**
   * Parses text assembled from a file.
   *
   * @param text the shell text with the original offset of every character
   * @param lines the line index of the original file
   */
  public static ShellScript parse(MappedText text, LineIndex lines) {
    List<ShellProblem> problems = new ArrayList<>();
    try {
      ShellLexer lexer = new ShellLexer(new TextCharStream(text));
      lexer.removeErrorListeners();
      CommonTokenStream tokens = new CommonTokenStream(lexer);
      tokens.fill();
      List<ShellScript.Comment> comments = new ArrayList<>();
      List<Span> commandLines = new ArrayList<>();
      layout(tokens.getTokens(), text, lines, comments, commandLines);
      for (ShellLexerBase.LexProblem p : lexer.lexProblems()) {
        add(
            problems,
            new ShellProblem(p.message(), text.span(lines, p.start(), p.end()), p.quote()));
      }
      if (lexer.maxDepth() > MAX_DEPTH) {
        add(
            problems,
            new ShellProblem(
                "quotes and substitutions nested more than " + MAX_DEPTH + " deep",
                text.span(lines, 0, 0)));
        return new ShellScript(List.of(), problems, comments, commandLines);
      }
      ShellGrammar parser = new PruningGrammar(tokens);
      parser.removeErrorListeners();
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
      ShellGrammar.ScriptContext tree;
      try {
        tree = parser.script();
      } catch (ParseCancellationException e) {
        // SLL is fast but may fail on valid input; full LL with recovery gives the real errors
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new DefaultErrorStrategy());
        parser.addErrorListener(
            new BaseErrorListener() {
              @Override
              public void syntaxError(
                  Recognizer<?, ?> recognizer,
                  Object offendingSymbol,
                  int line,
                  int column,
                  String msg,
                  RecognitionException e) {
                add(problems, problem(text, lines, offendingSymbol));
              }
            });
        tree = parser.script();
      }
      // an unterminated quote runs to the end: "unexpected end of input" would say the same thing
      // less well
      if (problems.stream().anyMatch(ShellProblem::unterminatedQuote)) {
        problems.removeIf(p -> p.message().equals(END_OF_INPUT));
      }
      ShellModelBuilder builder = new ShellModelBuilder(text, lines, tokens, lexer.heredocs());
      try {
        builder.script(tree);
      } catch (StackOverflowError e) {
        add(problems, new ShellProblem("commands nested too deeply", text.span(lines, 0, 0)));
      }
      return new ShellScript(builder.commands(), problems, comments, commandLines);
    } catch (StackOverflowError e) {
      add(problems, new ShellProblem("commands nested too deeply", text.span(lines, 0, 0)));
    } catch (RuntimeException e) {
      add(problems, new ShellProblem("shell parser failed: " + e, text.span(lines, 0, 0)));
    }
    return new ShellScript(List.of(), problems);
  }

  /**
   * Only the comments and command lines of shell text (see {@link ShellScript#comments()}), from the lexer alone:
   * for text that holds no command hardock reads but may hold comments.
   */
  public static ShellScript layout(MappedText text, LineIndex lines) {
    List<ShellScript.Comment> comments = new ArrayList<>();
    List<Span> commandLines = new ArrayList<>();
    try {
      ShellLexer lexer = new ShellLexer(new TextCharStream(text));
      lexer.removeErrorListeners();
      CommonTokenStream tokens = new CommonTokenStream(lexer);
      tokens.fill();
      layout(tokens.getTokens(), text, lines, comments, commandLines);
    } catch (RuntimeException | StackOverflowError e) {
      // what was read so far is kept: comments are no reason to fail
    }
    return new ShellScript(List.of(), List.of(), comments, commandLines);
  }

  /**
   * The comments of a token stream, and the extent of each command line: from its first token to the last one
   * before a newline token (a {@code \} continuation is no newline token; here-document bodies are not code).
   */
  private static void layout(
      List<Token> tokens,
      MappedText text,
      LineIndex lines,
      List<ShellScript.Comment> comments,
      List<Span> commandLines) {
    int start = -1;
    int end = -1;
    int lastCodeEnd =
        -1; // the end of the last code token: its line is looked up only when a comment follows
    for (Token t : tokens) {
      int type = t.getType();
      if (type == Token.EOF) break;
      if (t.getChannel() == ShellLexer.HEREDOC_CHANNEL || type == ShellLexer.BLANK) continue;
      int s = Math.min(t.getStartIndex(), text.length());
      int e = Math.max(s, Math.min(t.getStopIndex() + 1, text.length()));
      if (type == ShellLexer.NEWLINE) {
        if (start >= 0) commandLines.add(text.span(lines, start, end));
        start = -1;
        continue;
      }
      if (type == ShellLexer.COMMENT) {
        // a comment the file holds as written (not decoded from an escaped or folded YAML scalar)
        if (e > s
            && text.originalEnd(s, e) - text.originalOffset(s) == e - s
            && lines.line(text.originalOffset(s)) == lines.line(text.originalOffset(e - 1))) {
          boolean alone =
              lastCodeEnd < 0
                  || lines.line(text.originalOffset(s))
                      != lines.line(text.originalOffset(lastCodeEnd - 1));
          comments.add(
              new ShellScript.Comment(text.span(lines, s, e), text.text().substring(s, e), alone));
        }
        continue;
      }
      if (e <= s) continue;
      if (start < 0) start = s;
      end = e;
      lastCodeEnd = e;
    }
    if (start >= 0) commandLines.add(text.span(lines, start, end));
  }

  /**
   * Drops the subtree of a word that is one WORD token (word -> part -> token) as soon as it is parsed: the
   * word's start token says it all (see {@link #isPrunedWord}). A command of 100,000 plain words otherwise
   * keeps two contexts, two child lists and a terminal node per word alive until the model is built. Done in
   * {@code exitRule} rather than by a parse listener: ANTLR calls listeners through an iterator at every rule
   * entry, rule exit and token, which cost a few percent of a tree run.
   */
  private static final class PruningGrammar extends ShellGrammar {
    PruningGrammar(org.antlr.v4.runtime.TokenStream input) {
      super(input);
    }

    @Override
    public void exitRule() {
      ParserRuleContext ctx = _ctx;
      super.exitRule();
      prunePlainWord(ctx);
    }
  }

  private static void prunePlainWord(ParserRuleContext ctx) {
    if (!(ctx instanceof ShellGrammar.WordContext w)
        || w.children == null
        || w.children.size() != 1) return;
    if (!(w.children.get(0) instanceof ShellGrammar.PartContext p)
        || p.children == null
        || p.children.size() != 1) return;
    if (p.children.get(0) instanceof TerminalNode t
        && !(t instanceof ErrorNode)
        && t.getSymbol().getType() == ShellLexer.WORD
        && w.getStart() == t.getSymbol()) {
      w.children = null;
    }
  }

  /** A word whose subtree was dropped while parsing: its value is its one WORD token, start to stop. */
  static boolean isPrunedWord(ShellGrammar.WordContext ctx) {
    Token t = ctx.getStart();
    return ctx.children == null
        && t != null
        && t == ctx.getStop()
        && t.getType() == ShellLexer.WORD;
  }

  private static void add(List<ShellProblem> problems, ShellProblem p) {
    if (problems.size() < MAX_PROBLEMS) problems.add(p);
  }

  private static ShellProblem problem(MappedText text, LineIndex lines, Object offendingSymbol) {
    if (offendingSymbol instanceof Token t && t.getStartIndex() >= 0) {
      if (t.getType() == Token.EOF) {
        return new ShellProblem(END_OF_INPUT, text.span(lines, text.length(), text.length()));
      }
      int start = Math.min(t.getStartIndex(), text.length());
      int end = Math.max(start, Math.min(t.getStopIndex() + 1, text.length()));
      String shown = text.text().substring(start, end);
      if (shown.equals("\n") || shown.equals("\r\n") || shown.equals("\r")) shown = "newline";
      return new ShellProblem("unexpected `" + shown + "`", text.span(lines, start, end));
    }
    return new ShellProblem("syntax error", text.span(lines, 0, 0));
  }
}
