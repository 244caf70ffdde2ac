package dev.hardock.source.shell;

import dev.hardock.model.Heredoc;
import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.Redirect;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellCommand.Nesting;
import dev.hardock.model.Span;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import dev.hardock.model.WordPart.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Walks a {@link ShellGrammar} tree once and builds the model; tolerates trees repaired after errors. */
final class ShellModelBuilder {
  private final MappedText text;
  private final LineIndex lines;
  private final BufferedTokenStream tokens;
  private final Map<Integer, ShellLexerBase.HeredocBody> heredocs;
  private final List<Draft> drafts = new ArrayList<>();

  ShellModelBuilder(
      MappedText text,
      LineIndex lines,
      BufferedTokenStream tokens,
      Map<Integer, ShellLexerBase.HeredocBody> heredocs) {
    this.text = text;
    this.lines = lines;
    this.tokens = tokens;
    this.heredocs = heredocs;
  }

  /** A command while it is built; pipe and parent links point at drafts until indexes are known. */
  private static final class Draft {
    final Nesting nesting;
    final Draft parent;
    final int order;
    final List<Word> assignments = new ArrayList<>();
    final List<Word> words = new ArrayList<>();
    final List<Redirect> redirects = new ArrayList<>();
    final List<Heredoc> heredocs = new ArrayList<>();
    int start = Integer.MAX_VALUE;
    int end = -1;
    int stopToken = -1;
    boolean dropped;
    Draft pipeFrom;
    Draft pipeTo;
    int index = -1;

    Draft(Nesting nesting, Draft parent, int order) {
      this.nesting = nesting;
      this.parent = parent;
      this.order = order;
    }

    void cover(int s, int e) {
      start = Math.min(start, s);
      end = Math.max(end, e);
    }
  }

  /** Where commands of one list go; lastKept lets "done | sort" pipe from the loop's last command. */
  private static final class Frame {
    final Nesting nesting;
    final Draft parent;
    Draft lastKept;

    Frame(Nesting nesting, Draft parent) {
      this.nesting = nesting;
      this.parent = parent;
    }
  }

  /** First and last command of a construct, for pipe links. */
  private record Ends(Draft first, Draft last) {
    static final Ends NONE = new Ends(null, null);
  }

  private record Built<T>(T value, int start, int end) {}

  void script(ShellGrammar.ScriptContext tree) {
    if (tree != null && tree.list() != null) list(tree.list(), new Frame(Nesting.TOP, null));
  }

  List<ShellCommand> commands() {
    List<Draft> kept = new ArrayList<>();
    for (Draft d : drafts) if (!d.dropped) kept.add(d);
    // a plain lambda, not Comparator.comparingInt(..).thenComparingInt(..): those combinators are
    // serializable
    // lambdas of the JDK (altMetafactory), spun anew by every process since no JVM cache can hold
    // them
    kept.sort(
        (a, b) ->
            a.start != b.start
                ? Integer.compare(a.start, b.start)
                : Integer.compare(a.order, b.order));
    for (int i = 0; i < kept.size(); i++) kept.get(i).index = i;
    List<ShellCommand> out = new ArrayList<>(kept.size());
    for (Draft d : kept) {
      Draft p = d.parent;
      while (p != null && p.dropped) p = p.parent;
      out.add(
          new ShellCommand(
              d.assignments,
              d.words,
              d.redirects,
              d.heredocs,
              text.span(lines, d.start, d.end),
              operatorAfter(d.stopToken),
              d.nesting,
              indexOf(d.pipeFrom),
              indexOf(d.pipeTo),
              indexOf(p)));
    }
    return out;
  }

  private static int indexOf(Draft d) {
    return d == null || d.dropped ? -1 : d.index;
  }

  private String operatorAfter(int stopToken) {
    if (stopToken < 0) return "";
    int n = tokens.size();
    for (int i = stopToken + 1; i < n; i++) {
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == ShellLexer.BLANK) continue;
      return switch (t.getType()) {
        case ShellLexer.AND_IF -> "&&";
        case ShellLexer.OR_IF -> "||";
        case ShellLexer.SEMI -> ";";
        case ShellLexer.AMP -> "&";
        case ShellLexer.PIPE -> "|";
        case ShellLexer.PIPE_AMP -> "|&";
        case ShellLexer.NEWLINE -> "\n";
        case ShellLexer.DSEMI -> t.getText();
        default -> "";
      };
    }
    return "";
  }

  // ---- structure

  private Ends list(ShellGrammar.ListContext ctx, Frame f) {
    Draft first = null;
    Draft last = null;
    for (ParseTree c : children(ctx)) {
      if (c instanceof ShellGrammar.AndOrContext a) {
        Ends e = andOr(a, f);
        if (first == null) first = e.first();
        if (e.last() != null) last = e.last();
      }
    }
    return new Ends(first, last);
  }

  private Ends andOr(ShellGrammar.AndOrContext ctx, Frame f) {
    Draft first = null;
    Draft last = null;
    for (ParseTree c : children(ctx)) {
      if (c instanceof ShellGrammar.PipelineContext p) {
        Ends e = pipeline(p, f);
        if (first == null) first = e.first();
        if (e.last() != null) last = e.last();
      }
    }
    return new Ends(first, last);
  }

  private Ends pipeline(ShellGrammar.PipelineContext ctx, Frame f) {
    Ends previous = null;
    Draft first = null;
    Draft last = null;
    for (ParseTree c : children(ctx)) {
      if (c instanceof ShellGrammar.CommandContext cc) {
        Ends e = command(cc, f);
        if (previous != null
            && previous.last() != null
            && e.first() != null
            && previous.last() != e.first()) {
          previous.last().pipeTo = e.first();
          e.first().pipeFrom = previous.last();
        }
        if (previous == null) first = e.first();
        last = e.last();
        previous = e;
      }
    }
    return new Ends(first, last);
  }

  private Ends command(ShellGrammar.CommandContext ctx, Frame f) {
    for (ParseTree c : children(ctx)) {
      if (c instanceof ShellGrammar.SimpleCommandContext s) return simpleCommand(s, f);
      if (c instanceof ShellGrammar.SubshellContext s) {
        for (ParseTree sc : children(s)) {
          if (sc instanceof ShellGrammar.WordContext w)
            word(w, null, f.nesting); // visits nested commands
          if (sc instanceof ShellGrammar.RedirectContext r) redirect(r, null, f.nesting);
        }
        return s.list() == null ? Ends.NONE : list(s.list(), new Frame(Nesting.SUBSHELL, f.parent));
      }
      if (c instanceof ShellGrammar.FunctionDefContext fd) {
        return fd.command() == null ? Ends.NONE : command(fd.command(), f);
      }
    }
    return Ends.NONE;
  }

  private Ends simpleCommand(ShellGrammar.SimpleCommandContext ctx, Frame f) {
    Draft d = new Draft(f.nesting, f.parent, drafts.size());
    drafts.add(d);
    List<Built<Word>> words = new ArrayList<>();
    List<Built<Redirect>> redirects = new ArrayList<>();
    collectElements(ctx, d, words, redirects);
    if (ctx.getStop() != null) d.stopToken = ctx.getStop().getTokenIndex();

    int i = 0;
    String stripped = null;
    while (i < words.size()) {
      Word w = words.get(i).value();
      if (ShellReservedWords.isPrefix(w.raw())) {
        stripped = w.raw();
        i++;
      } else if (w.raw().equals("function") && i + 1 < words.size()) {
        stripped = "function";
        i += 2;
      } else {
        break;
      }
    }
    boolean header = i < words.size() && ShellReservedWords.isHeader(words.get(i).value().raw());
    while (i < words.size() && isAssignment(words.get(i).value().raw())) {
      Built<Word> a = words.get(i++);
      d.assignments.add(a.value());
      d.cover(a.start(), a.end());
    }
    for (; i < words.size(); i++) {
      Built<Word> w = words.get(i);
      d.words.add(w.value());
      d.cover(w.start(), w.end());
    }
    boolean empty = d.words.isEmpty() && d.assignments.isEmpty();
    if (header || (empty && (stripped != null || redirects.isEmpty()))) {
      d.dropped = true;
      if (!header
          && empty
          && stripped != null
          && ShellReservedWords.isCloser(stripped)
          && f.lastKept != null) {
        return new Ends(f.lastKept, f.lastKept);
      }
      return Ends.NONE;
    }
    for (Built<Redirect> r : redirects) {
      d.redirects.add(r.value());
      d.cover(r.start(), r.end());
    }
    f.lastKept = d;
    return new Ends(d, d);
  }

  private void collectElements(
      ParserRuleContext ctx, Draft d, List<Built<Word>> words, List<Built<Redirect>> redirects) {
    for (ParseTree c : children(ctx)) {
      if (c instanceof ShellGrammar.ElementContext e) {
        collectElements(e, d, words, redirects);
      } else if (c instanceof ShellGrammar.WordContext w) {
        words.add(word(w, d, d.nesting));
      } else if (c instanceof ShellGrammar.RedirectContext r) {
        Built<Redirect> b = redirect(r, d, d.nesting);
        if (b != null) redirects.add(b);
      }
    }
  }

  /** NAME=value or NAME+=value with a plain name. */
  static boolean isAssignment(String raw) {
    int n = raw.length();
    if (n < 2) return false;
    char c0 = raw.charAt(0);
    if (!(c0 == '_' || (c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z'))) return false;
    for (int i = 1; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '=') return true;
      if (c == '+') return i + 1 < n && raw.charAt(i + 1) == '=';
      if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
        return false;
    }
    return false;
  }

  private Built<Redirect> redirect(
      ShellGrammar.RedirectContext ctx, Draft holder, Nesting nesting) {
    Token op = null;
    ShellGrammar.WordContext target = null;
    for (ParseTree c : children(ctx)) {
      if (c instanceof TerminalNode t
          && !(c instanceof ErrorNode)
          && t.getSymbol().getStartIndex() >= 0
          && (t.getSymbol().getType() == ShellLexer.REDIR_OP
              || t.getSymbol().getType() == ShellLexer.HEREDOC_OP)) {
        op = t.getSymbol();
      } else if (c instanceof ShellGrammar.WordContext w) {
        target = w;
      }
    }
    if (op == null) return null;
    int opStart = op.getStartIndex();
    int opEnd = op.getStopIndex() + 1;
    if (op.getType() == ShellLexer.HEREDOC_OP) return heredoc(holder, opStart, opEnd);
    Built<Word> w =
        target != null
            ? word(target, holder, nesting)
            : new Built<>(emptyWord(opEnd), opEnd, opEnd);
    int end = Math.max(opEnd, w.end());
    return new Built<>(
        new Redirect(
            text.text().substring(opStart, opEnd), w.value(), text.span(lines, opStart, end)),
        opStart,
        end);
  }

  private Built<Redirect> heredoc(Draft holder, int opStart, int opEnd) {
    String s = text.text();
    int i = opStart;
    while (i < opEnd && s.charAt(i) != '<') i++;
    i += 2;
    if (i < opEnd && s.charAt(i) == '-') i++;
    String op = s.substring(opStart, i);
    while (i < opEnd && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    WordAssembler a = new WordAssembler(i);
    while (i < opEnd) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        int close = s.indexOf(c, i + 1);
        if (close < 0 || close >= opEnd) close = opEnd - 1;
        if (c == '\'') a.singleQuoted(i, close + 1);
        else a.add(Kind.DOUBLE_QUOTED, i + 1, close, i + 1, close, true);
        i = close + 1;
      } else if (c == '\\' && i + 1 < opEnd) {
        a.add(Kind.LITERAL, i, i + 2, i + 1, i + 2, false);
        i += 2;
      } else {
        a.add(Kind.LITERAL, i, i + 1, i, i + 1, false);
        i++;
      }
    }
    Word target = a.build(opEnd);
    ShellLexerBase.HeredocBody body = heredocs.get(opStart);
    if (body != null && holder != null) {
      holder.heredocs.add(
          new Heredoc(
              body.delimiter(),
              !body.quoted(),
              body.stripTabs(),
              text.sub(body.bodyStart(), body.bodyEnd()),
              text.span(lines, body.bodyStart(), body.bodyEnd()),
              body.terminated()));
    }
    return new Built<>(new Redirect(op, target, text.span(lines, opStart, opEnd)), opStart, opEnd);
  }

  private Word emptyWord(int at) {
    return new WordAssembler(at).build(at);
  }

  // ---- words

  private Built<Word> word(ShellGrammar.WordContext ctx, Draft holder, Nesting nesting) {
    int start = startOf(ctx);
    WordAssembler a = new WordAssembler(start);
    if (ShellParser.isPrunedWord(ctx))
      a.add(Kind.LITERAL, start, endOf(ctx), start, endOf(ctx), false);
    for (ParseTree c : children(ctx)) {
      if (c instanceof ShellGrammar.PartContext p) part(p, a, holder, nesting);
    }
    int end = Math.max(start, endOf(ctx));
    return new Built<>(a.build(end), start, end);
  }

  private void part(ShellGrammar.PartContext ctx, WordAssembler a, Draft holder, Nesting nesting) {
    for (ParseTree c : children(ctx)) {
      if (c instanceof ErrorNode) continue;
      if (c instanceof TerminalNode t) {
        Token tok = t.getSymbol();
        int s = tok.getStartIndex();
        int e = tok.getStopIndex() + 1;
        if (s < 0 || e <= s) continue;
        switch (tok.getType()) {
          case ShellLexer.SQ -> a.singleQuoted(s, e);
          case ShellLexer.DOLLAR_SQ -> a.ansiC(s, e);
          case ShellLexer.ESCAPED -> a.add(Kind.LITERAL, s, e, s + 1, e, false);
          case ShellLexer.PARAM -> a.add(Kind.PARAMETER, s, e, s, e, false);
          case ShellLexer.ARITH -> a.add(Kind.ARITHMETIC, s, e, s, e, false);
          default -> a.add(Kind.LITERAL, s, e, s, e, false);
        }
      } else if (c instanceof ShellGrammar.DoubleQuotedContext dq) {
        doubleQuoted(dq, a, holder);
      } else if (c instanceof ParserRuleContext r) {
        expansion(r, a, holder, false);
      }
    }
  }

  private void doubleQuoted(ShellGrammar.DoubleQuotedContext ctx, WordAssembler a, Draft holder) {
    int before = a.partCount();
    for (ParseTree c : children(ctx)) {
      if (!(c instanceof ShellGrammar.DqPartContext p)) continue;
      for (ParseTree pc : children(p)) {
        if (pc instanceof ErrorNode) continue;
        if (pc instanceof TerminalNode t) {
          Token tok = t.getSymbol();
          int s = tok.getStartIndex();
          int e = tok.getStopIndex() + 1;
          if (s < 0 || e <= s) continue;
          switch (tok.getType()) {
            case ShellLexer.PARAM -> a.add(Kind.PARAMETER, s, e, s, e, true);
            case ShellLexer.ARITH -> a.add(Kind.ARITHMETIC, s, e, s, e, true);
            default -> a.doubleQuotedText(s, e);
          }
        } else if (pc instanceof ParserRuleContext r) {
          expansion(r, a, holder, true);
        }
      }
    }
    if (a.partCount() == before) {
      int s = startOf(ctx);
      a.add(
          Kind.DOUBLE_QUOTED,
          s,
          Math.max(s, endOf(ctx)),
          s,
          s,
          true); // "" still makes a (empty) word
    }
  }

  /** $(..), `..`, <(..), ${..}: source text as value, nested commands visited with their holder as parent. */
  private void expansion(ParserRuleContext r, WordAssembler a, Draft holder, boolean quoted) {
    int s = startOf(r);
    int e = Math.max(s, endOf(r));
    if (r instanceof ShellGrammar.CommandSubContext cs) {
      a.add(Kind.COMMAND_SUBSTITUTION, s, e, s, e, quoted);
      if (cs.list() != null) list(cs.list(), new Frame(Nesting.COMMAND_SUBSTITUTION, holder));
    } else if (r instanceof ShellGrammar.BacktickSubContext bs) {
      a.add(Kind.COMMAND_SUBSTITUTION, s, e, s, e, quoted);
      if (bs.list() != null) list(bs.list(), new Frame(Nesting.COMMAND_SUBSTITUTION, holder));
    } else if (r instanceof ShellGrammar.ProcessSubContext ps) {
      a.add(Kind.PROCESS_SUBSTITUTION, s, e, s, e, quoted);
      if (ps.list() != null) list(ps.list(), new Frame(Nesting.PROCESS_SUBSTITUTION, holder));
    } else if (r instanceof ShellGrammar.ParamExpansionContext pe) {
      a.add(Kind.PARAMETER, s, e, s, e, quoted);
      nestedInBraces(pe, holder);
    }
  }

  private void nestedInBraces(ParserRuleContext ctx, Draft holder) {
    for (ParseTree c : children(ctx)) {
      if (c instanceof ShellGrammar.CommandSubContext cs && cs.list() != null) {
        list(cs.list(), new Frame(Nesting.COMMAND_SUBSTITUTION, holder));
      } else if (c instanceof ShellGrammar.BacktickSubContext bs && bs.list() != null) {
        list(bs.list(), new Frame(Nesting.COMMAND_SUBSTITUTION, holder));
      } else if (c instanceof ShellGrammar.DoubleQuotedContext dq) {
        doubleQuoted(dq, new WordAssembler(startOf(dq)), holder);
      } else if (c instanceof ParserRuleContext r) {
        nestedInBraces(r, holder);
      }
    }
  }

  private static List<ParseTree> children(ParserRuleContext ctx) {
    return ctx == null || ctx.children == null ? List.of() : ctx.children;
  }

  private int startOf(ParserRuleContext ctx) {
    Token t = ctx.getStart();
    int s = t == null ? 0 : t.getStartIndex();
    return Math.max(0, Math.min(s, text.length()));
  }

  private int endOf(ParserRuleContext ctx) {
    Token t = ctx.getStop();
    int start = startOf(ctx);
    if (t == null || t.getStopIndex() < 0 || t.getType() == Token.EOF) return start;
    return Math.max(start, Math.min(t.getStopIndex() + 1, text.length()));
  }

  /** Builds one word's value (with source offsets) and its parts; adjacent LITERAL pieces merge. */
  private final class WordAssembler {
    private final int wordStart;
    private final MappedText.Builder value = new MappedText.Builder(16);
    private final List<WordPart> parts = new ArrayList<>(2);
    private Kind kind;
    private int partStart;
    private int partEnd;
    private boolean partQuoted;
    private final StringBuilder partValue = new StringBuilder();

    WordAssembler(int wordStart) {
      this.wordStart = wordStart;
    }

    int partCount() {
      return parts.size() + (kind == null ? 0 : 1);
    }

    /** A piece whose source is [s, e) and whose value is the source range [vs, ve) unchanged. */
    void add(Kind k, int s, int e, int vs, int ve, boolean quoted) {
      begin(k, s, quoted);
      for (int i = vs; i < ve; i++) put(text.charAt(i), i);
      partEnd = Math.max(partEnd, e);
    }

    void singleQuoted(int s, int e) {
      add(Kind.SINGLE_QUOTED, s, e, s + 1, Math.max(s + 1, e - 1), false);
    }

    /** Inside "...": a backslash escapes only $ ` " \ and newline. */
    void doubleQuotedText(int s, int e) {
      begin(Kind.DOUBLE_QUOTED, s, true);
      int i = s;
      while (i < e) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < e) {
          char n = text.charAt(i + 1);
          if (n == '$' || n == '`' || n == '"' || n == '\\') {
            put(n, i + 1);
            i += 2;
            continue;
          }
          if (n == '\n') {
            i += 2;
            continue;
          }
          if (n == '\r') {
            i += i + 2 < e && text.charAt(i + 2) == '\n' ? 3 : 2;
            continue;
          }
        }
        put(c, i);
        i++;
      }
      partEnd = e;
    }

    /** $'...' with C escapes. */
    void ansiC(int s, int e) {
      begin(Kind.SINGLE_QUOTED, s, false);
      int i = s + 2;
      int end = Math.max(i, e - 1);
      while (i < end) {
        char c = text.charAt(i);
        if (c != '\\' || i + 1 >= end) {
          put(c, i++);
          continue;
        }
        char n = text.charAt(i + 1);
        char out;
        int len = 2;
        switch (n) {
          case 'n' -> out = '\n';
          case 't' -> out = '\t';
          case 'r' -> out = '\r';
          case 'a' -> out = 7;
          case 'b' -> out = '\b';
          case 'e', 'E' -> out = 27;
          case 'f' -> out = '\f';
          case 'v' -> out = 11;
          case '\\', '\'', '"', '?' -> out = n;
          case 'x' -> {
            int v = 0;
            int j = i + 2;
            while (j < end && j < i + 4 && Character.digit(text.charAt(j), 16) >= 0) {
              v = v * 16 + Character.digit(text.charAt(j), 16);
              j++;
            }
            if (j == i + 2) {
              out = '\\';
              len = 1;
            } else {
              out = (char) v;
              len = j - i;
            }
          }
          default -> {
            if (n >= '0' && n <= '7') {
              int v = 0;
              int j = i + 1;
              while (j < end && j < i + 4 && text.charAt(j) >= '0' && text.charAt(j) <= '7') {
                v = v * 8 + (text.charAt(j) - '0');
                j++;
              }
              out = (char) (v & 0xFF);
              len = j - i;
            } else {
              out = '\\';
              len = 1;
            }
          }
        }
        put(out, i);
        i += len;
      }
      partEnd = e;
    }

    private void begin(Kind k, int s, boolean quoted) {
      if (kind == k && k == Kind.LITERAL) return; // merge a\ b into one literal part
      flush();
      kind = k;
      partStart = s;
      partEnd = s;
      partQuoted = quoted;
    }

    private void put(char c, int index) {
      value.append(c, text.originalOffset(index));
      partValue.append(c);
    }

    private void flush() {
      if (kind == null) return;
      parts.add(
          new WordPart(
              kind,
              text.text().substring(partStart, partEnd),
              partValue.toString(),
              partQuoted,
              text.span(lines, partStart, partEnd)));
      partValue.setLength(0);
      kind = null;
    }

    Word build(int wordEnd) {
      int end = Math.max(wordStart, wordEnd);
      if (parts.isEmpty()
          && kind == Kind.LITERAL
          && partStart == wordStart
          && partEnd == end
          && isSource(end)) {
        // A plain word (the value is its source text): one String and one Span for word, value and
        // part,
        // which halves the model of a command with many words.
        MappedText v = text.sub(wordStart, end);
        Span span = text.span(lines, wordStart, end);
        String raw = v.text();
        return new Word(
            raw, span, v, List.of(new WordPart(Kind.LITERAL, raw, raw, partQuoted, span)), lines);
      }
      flush();
      return new Word(
          text.text().substring(wordStart, end),
          text.span(lines, wordStart, end),
          value.build(text.originalOffset(end)),
          parts,
          lines);
    }

    /** Whether the value put so far is exactly the source text [wordStart, end). */
    private boolean isSource(int end) {
      if (partValue.length() != end - wordStart) return false;
      for (int i = 0; i < partValue.length(); i++)
        if (partValue.charAt(i) != text.charAt(wordStart + i)) return false;
      return true;
    }
  }
}
