package dev.hardock.source.dockerfile;

import dev.hardock.model.ExpansionBudget;
import dev.hardock.model.ImageRef;
import dev.hardock.model.ImageUse;
import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.Redirect;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellProblem;
import dev.hardock.model.ShellScript;
import dev.hardock.model.Shells;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.Spelling;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.CommandForm;
import dev.hardock.model.dockerfile.Flag;
import dev.hardock.model.dockerfile.FromReference;
import dev.hardock.model.dockerfile.Heredoc;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.RunMount;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.model.dockerfile.Variables;
import dev.hardock.source.shell.NestedShells;
import dev.hardock.source.shell.ShellParser;
import dev.hardock.source.shell.TextCharStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Reads a Dockerfile into the model: lexes it with the ANTLR lexer, groups the tokens into instructions as
 * they come (no token list, no parse tree), then reads each
 * instruction's arguments as BuildKit does, keeping file positions on every value. Never throws: whatever
 * cannot be read becomes a {@link ParseProblem} at its position and the rest of the file is still read.
 */
public final class DockerfileReader {
  /**
   * The result: the build (possibly partial), the problems found, and the comments and instruction extents of
   * the file (see {@link #recordComments}).
   */
  public record Result(ImageBuild build, List<ParseProblem> problems, SourceLayout layout) {}

  private static final List<String> KNOWN_ORDER =
      List.of(
          "FROM",
          "RUN",
          "CMD",
          "ENTRYPOINT",
          "HEALTHCHECK",
          "COPY",
          "ADD",
          "ENV",
          "LABEL",
          "ARG",
          "USER",
          "WORKDIR",
          "EXPOSE",
          "VOLUME",
          "SHELL",
          "STOPSIGNAL",
          "MAINTAINER",
          "ONBUILD");
  static final Set<String> KNOWN = Set.copyOf(KNOWN_ORDER);
  private static final Pattern DIRECTIVE =
      Pattern.compile("#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*");

  private final SourceFile file;
  private final LineIndex lines;
  private final String text;
  private final List<ParseProblem> problems = new ArrayList<>();
  private final SourceLayout layout = new SourceLayout();
  private char escape = '\\';
  private final ExpansionBudget expansions;

  /** Unterminated quotes of each RUN, reported once the RUN is known to run under a POSIX shell. */
  private final Map<Instruction, List<ParseProblem>> quoteProblems = new IdentityHashMap<>();

  /** Each flag value as read, every character at its place in the file: for the fields of RUN --mount. */
  private final Map<Flag, MappedText> flagValues = new IdentityHashMap<>();

  /** Heredoc scripts whose text another shell expands first, so their quotes are not known. */
  private final Set<ShellScript> unsureQuotes =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private DockerfileReader(SourceFile file) {
    this.file = file;
    this.lines = file.lines();
    this.text = file.text();
    this.expansions = ExpansionBudget.forText(text.length());
  }

  public static Result read(SourceFile file) {
    DockerfileReader r = new DockerfileReader(file);
    try {
      return r.run();
    } catch (RuntimeException | StackOverflowError e) {
      List<ParseProblem> p = new ArrayList<>(r.problems);
      // too deep for the stack is a limit of the file's reading (HD001); an exception is a bug of
      // the reader
      p.add(
          e instanceof StackOverflowError
              ? new ParseProblem(
                  Span.START, "could not read the file: " + e.getClass().getSimpleName())
              : ParseProblem.bug(Span.START, "could not read the file", e));
      return new Result(
          new ImageBuild(
              file,
              r.escape,
              List.of(),
              List.of(),
              List.of(),
              new Variables(Map.of(), '\\', r.expansions),
              List.of()),
          p,
          r.layout);
    }
  }

  private Result run() {
    readDirectives();
    DockerfileLexer lexer = new DockerfileLexer(new TextCharStream(text));
    lexer.setEscape(escape);
    lexer.removeErrorListeners();
    // The lexer's tokens are grouped into instructions here, one instruction at a time, as
    //   dockerfile  : (NL | WS | COMMENT | CONT_SKIP | instruction)* EOF
    //   instruction : keyword argument* (NL | EOF)? HEREDOC*
    //   keyword     : TEXT | ESCAPE_CHAR | CONTINUATION
    //   argument    : TEXT | WS | ESCAPE_CHAR | CONTINUATION | CONT_SKIP | COMMENT
    // so no token list or parse tree of the whole file is ever kept (a 600 KB RUN of continued
    // lines
    // made hundreds of thousands of token and tree objects).
    List<Instruction> all = new ArrayList<>();
    Token t = lexer.nextToken();
    while (t.getType() != Token.EOF) {
      switch (t.getType()) {
        case DockerfileLexer.TEXT, DockerfileLexer.ESCAPE_CHAR, DockerfileLexer.CONTINUATION ->
            t = instruction(lexer, t, all);
        case DockerfileLexer.NL,
            DockerfileLexer.WS,
            DockerfileLexer.COMMENT,
            DockerfileLexer.CONT_SKIP -> {
          commentLine(t);
          t = lexer.nextToken();
        }
        default -> {
          // a HEREDOC token comes only after an instruction's line: never here, but never fatal
          // either
          int at = Math.max(0, t.getStartIndex());
          problems.add(new ParseProblem(lines.span(at, at + 1), "unexpected input"));
          t = lexer.nextToken();
        }
      }
    }
    if (all.isEmpty() && problems.isEmpty()) {
      problems.add(new ParseProblem(lines.span(0, 0), "the file has no instructions"));
    }
    return new Result(assemble(all), List.copyOf(problems), layout);
  }

  /**
   * A comment line (a COMMENT token, or a CONT_SKIP one inside a continued instruction that holds one) is
   * recorded as a comment alone on its line. BuildKit ignores these lines; hardock reads its directives there.
   */
  private void commentLine(Token t) {
    if (t.getType() != DockerfileLexer.COMMENT && t.getType() != DockerfileLexer.CONT_SKIP) return;
    int s = t.getStartIndex();
    int e = withoutLineEndAt(t.getStopIndex() + 1);
    int hash = s;
    while (hash < e && text.charAt(hash) != '#') hash++;
    if (hash < e)
      layout.comment(
          file.displayPath(),
          lines.span(hash, e),
          text.substring(hash, e),
          SourceLayout.Reach.NEXT_LINE);
  }

  /** {@code end} less the line break (one {@code \n}, {@code \r\n} or {@code \r}) just before it. */
  private int withoutLineEndAt(int end) {
    int e = Math.min(end, text.length());
    if (e > 0 && text.charAt(e - 1) == '\n') e--;
    if (e > 0 && text.charAt(e - 1) == '\r') e--;
    return e;
  }

  /**
   * The comments written on an instruction's own lines (from {@code first} to {@code last}) and in its heredoc
   * bodies: a {@code #} at the start of a word outside quotes. BuildKit keeps such a {@code #} as part of the
   * arguments (the shell of a RUN then reads it as a comment); hardock reads its directives there, covering the
   * line (in a heredoc body, a {@code #} alone on its line reaches the next line, as in a script).
   */
  private void recordComments(int firstLine, int lastLine, List<Token> heredocTokens) {
    for (int l = firstLine; l <= lastLine; l++) trailingComment(l, false);
    for (Token h : heredocTokens) {
      int from = lines.line(h.getStartIndex());
      int to = lines.line(Math.max(h.getStartIndex(), withoutLineEndAt(h.getStopIndex() + 1) - 1));
      layout.content(
          file.displayPath(),
          lines.span(
              h.getStartIndex(),
              Math.max(h.getStartIndex(), withoutLineEndAt(h.getStopIndex() + 1))));
      for (int l = from; l <= to; l++) trailingComment(l, true);
    }
  }

  private void trailingComment(int line, boolean body) {
    int start = lines.lineStart(line);
    int end =
        Math.max(
            start,
            withoutLineEndAt(line < lines.lineCount() ? lines.lineStart(line + 1) : text.length()));
    if (!body && text.substring(start, end).stripLeading().startsWith("#"))
      return; // a comment line: recorded as one
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '#' && (i == start || Character.isWhitespace(text.charAt(i - 1)))) {
        boolean alone = text.substring(start, i).isBlank();
        layout.comment(
            file.displayPath(),
            lines.span(i, end),
            text.substring(i, end),
            alone ? SourceLayout.Reach.NEXT_LINE : SourceLayout.Reach.LINE);
        return;
      }
      if (c == '\'' || c == '"') {
        // a # inside quotes is no comment: skip the quoted part (unterminated: the rest of the
        // line)
        int close = i + 1;
        while (close < end && text.charAt(close) != c) close++;
        if (close >= end) return;
        i = close;
      }
    }
  }

  // BuildKit reads directives from the first lines while they look like `# name=value`.
  private void readDirectives() {
    Set<String> seen = new java.util.HashSet<>();
    for (int line = 1; line <= lines.lineCount(); line++) {
      int start = lines.lineStart(line);
      int end = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
      String l = withoutLineEnd(text.substring(start, end));
      Matcher m = DIRECTIVE.matcher(l);
      if (!m.matches()) return;
      String name = m.group(1).toLowerCase(Locale.ROOT);
      if (!seen.add(name)) {
        problems.add(
            new ParseProblem(
                lines.span(start, start + l.length()),
                "only one " + name + " parser directive can be used"));
        continue;
      }
      if (name.equals("escape")) {
        String v = m.group(2);
        if (v.equals("`") || v.equals("\\")) {
          escape = v.charAt(0);
        } else {
          problems.add(
              new ParseProblem(
                  lines.span(start + m.start(2), start + m.end(2)),
                  "invalid escape token '" + v + "': it must be ` or \\"));
        }
      }
    }
  }

  private static boolean isArgument(int type) {
    return switch (type) {
      case DockerfileLexer.TEXT,
          DockerfileLexer.WS,
          DockerfileLexer.ESCAPE_CHAR,
          DockerfileLexer.CONTINUATION,
          DockerfileLexer.CONT_SKIP,
          DockerfileLexer.COMMENT ->
          true;
      default -> false;
    };
  }

  /**
   * Reads one instruction from its keyword token on, adds it to {@code out} when it can be built, and
   * returns the first token after it.
   */
  private Token instruction(DockerfileLexer lexer, Token kw, List<Instruction> out) {
    Span kwSpan = lines.span(kw.getStartIndex(), kw.getStopIndex() + 1);
    boolean named = kw.getType() == DockerfileLexer.TEXT;
    MappedText.Builder b = named ? new MappedText.Builder() : null;
    int end = kw.getStopIndex() + 1;
    List<Token> heredocTokens = List.of();
    boolean endedByEof = true;
    int lastArgType = -1;
    int lastArgStart = -1;
    Token t = lexer.nextToken();
    while (isArgument(t.getType())) {
      int type = t.getType();
      commentLine(t);
      if (named
          && (type == DockerfileLexer.TEXT
              || type == DockerfileLexer.WS
              || type == DockerfileLexer.ESCAPE_CHAR)) {
        b.append(text, t.getStartIndex(), t.getStopIndex() + 1);
        end = t.getStopIndex() + 1;
        lastArgType = type;
        lastArgStart = t.getStartIndex();
      }
      t = lexer.nextToken();
    }
    if (t.getType() == DockerfileLexer.NL) {
      endedByEof = false;
      t = lexer.nextToken();
    }
    while (t.getType() == DockerfileLexer.HEREDOC) {
      if (heredocTokens.isEmpty()) heredocTokens = new ArrayList<>(1);
      heredocTokens.add(t);
      t = lexer.nextToken();
    }
    recordComments(kwSpan.line(), lines.line(Math.max(kw.getStartIndex(), end - 1)), heredocTokens);
    if (!named) {
      problems.add(
          new ParseProblem(kwSpan, "expected an instruction name at the start of the line"));
      return t;
    }
    String written = text.substring(kw.getStartIndex(), kw.getStopIndex() + 1);
    String keyword = written.toUpperCase(Locale.ROOT);
    MappedText args = b.build(end);
    // `RUN x \` as the very last line: the escape continues into nothing (BuildKit drops it).
    if (endedByEof
        && lastArgType == DockerfileLexer.ESCAPE_CHAR
        && text.charAt(lastArgStart) == escape) {
      args = args.sub(0, args.length() - 1);
    }
    args = args.strip();
    int spanEnd =
        heredocTokens.isEmpty()
            ? end
            : heredocTokens.get(heredocTokens.size() - 1).getStopIndex() + 1;
    Span span = lines.span(kw.getStartIndex(), trimEnd(spanEnd));
    layout.statement(file.displayPath(), span);
    List<Heredoc> heredocs = heredocs(keyword, args, heredocTokens, kwSpan);
    Instruction i = build(keyword, written, kwSpan, span, args, heredocs, false);
    if (i != null) out.add(i);
    return t;
  }

  private int trimEnd(int end) {
    int e = end;
    while (e > 0 && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) e--;
    return e;
  }

  private List<Heredoc> heredocs(String keyword, MappedText args, List<Token> bodies, Span at) {
    if (!Heredocs.allowedFor(keyword)) return List.of();
    List<Heredocs.Marker> markers = Heredocs.markers(args, escape);
    List<Heredoc> out = new ArrayList<>();
    for (int i = 0; i < markers.size(); i++) {
      Heredocs.Marker m = markers.get(i);
      Span markerSpan = args.span(lines, m.wordStart(), m.wordEnd());
      if (i >= bodies.size()) {
        problems.add(
            new ParseProblem(
                markerSpan, "heredoc " + m.name() + " has no terminating line " + m.name()));
        continue;
      }
      Token t = bodies.get(i);
      int s = t.getStartIndex();
      int e = t.getStopIndex() + 1;
      // The body ends before the terminator line.
      int bodyEnd = e;
      int lineOfEnd = lines.line(Math.max(s, e - 1));
      int termStart = lines.lineStart(lineOfEnd);
      String termLine = withoutLineEnd(text.substring(Math.max(s, termStart), e));
      String cmp = m.chomp() ? termLine.replaceFirst("^\\t+", "") : termLine;
      if (cmp.equals(m.name())) {
        bodyEnd = Math.max(s, termStart);
      } else {
        problems.add(
            new ParseProblem(
                markerSpan, "heredoc " + m.name() + " has no terminating line " + m.name()));
      }
      MappedText bodyText = MappedText.of(text, s, bodyEnd);
      out.add(
          new Heredoc(
              m.name(),
              m.expand(),
              m.chomp(),
              markerSpan,
              new SourceText(bodyText, lines),
              lines.span(s, trimEnd(e)),
              null));
    }
    return out;
  }

  /**
   * A RUN's heredocs with the commands of those a shell runs: the heredoc that is the whole command
   * ({@code RUN <<EOF}; BuildKit runs the body as a file, so a {@code #!} line naming another interpreter wins),
   * and a heredoc read by a shell on the command line ({@code RUN bash -s <<EOF}, {@code RUN cat <<EOF | sh},
   * the {@code <<B} of {@code RUN <<A cat && <<B sh}); {@code RUN python3 <<EOF} is not shell.
   */
  private List<Heredoc> runHeredocs(List<Heredoc> heredocs, MappedText rest, ShellScript line) {
    if (heredocs.isEmpty()) return heredocs;
    List<Heredoc> out = new ArrayList<>(heredocs.size());
    boolean bare =
        heredocs.size() == 1
            && Heredocs.markers(rest, escape).size() == 1
            && Words.splitBlank(rest).size() == 1;
    for (Heredoc h : heredocs) {
      boolean shell =
          bare
              ? shebangIsShell(h.body().value())
              : line != null && fedToShell(line, h.markerSpan());
      ShellScript script =
          shell ? NestedShells.expand(ShellParser.parse(h.body().text(), lines), lines) : null;
      // a shell on the command line expands $X in an unquoted heredoc before the reading shell
      // parses it
      if (script != null && !bare && h.expand() && NestedShells.hasExpansion(h.body().value()))
        unsureQuotes.add(script);
      out.add(
          new Heredoc(h.name(), h.expand(), h.chomp(), h.markerSpan(), h.body(), h.span(), script));
    }
    return out;
  }

  /** True when the shell command holding the heredoc marker that starts at {@code marker} reads it as its program. */
  private static boolean fedToShell(ShellScript line, Span marker) {
    for (ShellCommand c : line.commands()) {
      for (Redirect r : c.redirects()) {
        Span s = r.span();
        if (s.line() == marker.line() && s.column() == marker.column()) {
          return r.fd() <= 0 && NestedShells.feedsShell(c);
        }
      }
    }
    return false;
  }

  /** A body without {@code #!} runs under /bin/sh; with one, under the interpreter it names. */
  static boolean shebangIsShell(String body) {
    String program = Shells.shebangProgram(body);
    return program == null || program.isEmpty() || Shells.POSIX.contains(program);
  }

  // ---- instructions
  // -------------------------------------------------------------------------------

  /** " (did you mean X?)" for a near miss of a known instruction, else "". */
  private static String nearest(String keyword) {
    for (String k : KNOWN_ORDER) {
      if (keyword.startsWith(k)
          && keyword.length() > k.length()
          && !Character.isLetter(keyword.charAt(k.length()))) {
        return ": a space is missing after " + k;
      }
    }
    // the closest name, the first in KNOWN_ORDER on a tie (Set.of iterates in a different order on
    // every run)
    String best = null;
    int bestDistance = 3;
    for (String k : KNOWN_ORDER) {
      if (Math.abs(k.length() - keyword.length()) > 2) continue;
      int d = Spelling.distance(k, keyword);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean " + best + "?)";
  }

  private Instruction build(
      String keyword,
      Span kwSpan,
      Span span,
      MappedText all,
      List<Heredoc> heredocs,
      boolean nested) {
    return build(keyword, keyword, kwSpan, span, all, heredocs, nested);
  }

  private Instruction build(
      String keyword,
      String written,
      Span kwSpan,
      Span span,
      MappedText all,
      List<Heredoc> heredocs,
      boolean nested) {
    List<Flag> flags = new ArrayList<>();
    MappedText rest = extractFlags(all, flags);
    Instruction.Head head =
        new Instruction.Head(keyword, kwSpan, span, List.copyOf(flags), source(rest), heredocs);
    if (!KNOWN.contains(keyword)) {
      problems.add(new ParseProblem(kwSpan, "unknown instruction " + written + nearest(keyword)));
      return null;
    }
    switch (keyword) {
      case "FROM":
        return from(head, rest);
      case "RUN":
        {
          CommandForm c = command(head, rest);
          if (c == null) return null;
          if (!c.exec() && c.shell().value().isEmpty() && heredocs.isEmpty())
            return missing(head, "RUN");
          List<Heredoc> run = runHeredocs(heredocs, rest, c.script());
          Instruction.Run r =
              new Instruction.Run(
                  new Instruction.Head(keyword, kwSpan, span, head.flags(), head.args(), run),
                  c,
                  mounts(head.flags()));
          quoteProblems(r);
          return r;
        }
      case "CMD":
        {
          CommandForm c = command(head, rest);
          return c == null ? null : new Instruction.Cmd(head, c);
        }
      case "ENTRYPOINT":
        {
          CommandForm c = command(head, rest);
          return c == null ? null : new Instruction.Entrypoint(head, c);
        }
      case "HEALTHCHECK":
        return healthcheck(head, rest);
      case "COPY":
      case "ADD":
        return copy(head, rest, keyword.equals("ADD"));
      case "ENV":
      case "LABEL":
        return nameValues(head, rest, keyword);
      case "ARG":
        return arg(head, rest);
      case "USER":
        return rest.length() == 0 ? missing(head, keyword) : new Instruction.User(head, word(rest));
      case "WORKDIR":
        return rest.length() == 0
            ? missing(head, keyword)
            : new Instruction.Workdir(head, word(rest));
      case "STOPSIGNAL":
        return rest.length() == 0
            ? missing(head, keyword)
            : new Instruction.StopSignal(head, word(rest));
      case "MAINTAINER":
        return rest.length() == 0
            ? missing(head, keyword)
            : new Instruction.Maintainer(head, text(rest));
      case "EXPOSE":
        {
          List<Text> ports = Words.splitBlank(rest).stream().map(this::text).toList();
          return ports.isEmpty() ? missing(head, keyword) : new Instruction.Expose(head, ports);
        }
      case "VOLUME":
        {
          List<Text> paths = list(rest);
          if (paths == null) return null;
          return paths.isEmpty() ? missing(head, keyword) : new Instruction.Volume(head, paths);
        }
      case "SHELL":
        {
          JsonArray.Result r = JsonArray.parse(rest);
          if (r.outcome() != JsonArray.Outcome.STRINGS || r.elements().isEmpty()) {
            problems.add(
                new ParseProblem(
                    head.args().span(),
                    "SHELL requires the arguments to be a JSON array of strings"));
            return null;
          }
          return new Instruction.Shell(head, elements(rest, r));
        }
      case "ONBUILD":
        {
          if (nested) {
            problems.add(new ParseProblem(kwSpan, "ONBUILD cannot be chained"));
            return null;
          }
          int k = 0;
          while (k < rest.length() && !Words.isSpace(rest.charAt(k))) k++;
          if (k == 0) return missing(head, keyword);
          String inner = rest.text().substring(0, k).toUpperCase(Locale.ROOT);
          Span innerKw = rest.span(lines, 0, k);
          if (inner.equals("FROM") || inner.equals("MAINTAINER")) {
            problems.add(
                new ParseProblem(innerKw, inner + " is not allowed as an ONBUILD trigger"));
            return null;
          }
          Instruction trigger =
              build(
                  inner,
                  rest.text().substring(0, k),
                  innerKw,
                  rest.span(lines, 0, rest.length()),
                  rest.sub(k, rest.length()).strip(),
                  List.of(),
                  true);
          return new Instruction.Onbuild(head, trigger);
        }
      default:
        return null;
    }
  }

  private Instruction missing(Instruction.Head head, String keyword) {
    problems.add(new ParseProblem(head.keywordSpan(), keyword + " requires at least one argument"));
    return null;
  }

  private SourceText source(MappedText t) {
    return new SourceText(t, lines);
  }

  private Text text(MappedText t) {
    return new Text(t.text(), t.span(lines, 0, t.length()));
  }

  /** A single-word argument such as USER or WORKDIR: unquoted, positions of the whole argument. */
  private Text word(MappedText t) {
    MappedText v = Words.unquote(t, escape);
    return new Text(v.text(), t.span(lines, 0, t.length()));
  }

  private Instruction from(Instruction.Head head, MappedText rest) {
    List<MappedText> w = Words.splitBlank(rest);
    if (w.isEmpty()) return missing(head, "FROM");
    Text alias = null;
    if (w.size() == 3 && w.get(1).text().equalsIgnoreCase("AS")) {
      alias = text(w.get(2));
    } else if (w.size() != 1) {
      problems.add(
          new ParseProblem(
              head.args().span(),
              "FROM requires either one argument, or three: FROM <image> AS <name>"));
      // still start a stage with the first word, so the instructions after it are not all orphans
      if (w.size() >= 3 && w.get(1).text().equalsIgnoreCase("AS")) alias = text(w.get(2));
    }
    Text image = text(w.get(0));
    return new Instruction.From(head, image, null, alias);
  }

  private CommandForm command(Instruction.Head head, MappedText rest) {
    if (rest.length() > 0 && rest.charAt(0) == '[') {
      JsonArray.Result r = JsonArray.parse(rest);
      if (r.outcome() == JsonArray.Outcome.STRINGS) {
        ShellScript script =
            head.keyword().equals("RUN") ? shellArgument(rest, r.elements()) : null;
        return CommandForm.exec(elements(rest, r), script);
      }
      if (r.outcome() == JsonArray.Outcome.NOT_STRING_ARRAY) {
        problems.add(
            new ParseProblem(
                head.args().span(), head.keyword() + " JSON form must be an array of strings"));
        return null;
      }
    }
    return CommandForm.shell(
        source(rest),
        head.keyword().equals("RUN")
            ? NestedShells.expand(ShellParser.parse(rest, lines), lines)
            : null);
  }

  /**
   * The commands of an exec-form RUN that starts a shell with a command string ({@code ["sh", "-c", "..."]}),
   * parsed with every character mapped to its place in the JSON string (an escape maps to its backslash);
   * null for any other exec form.
   */
  private ShellScript shellArgument(MappedText rest, List<JsonArray.Element> elements) {
    if (elements.size() < 3) return null;
    String program = elements.get(0).value();
    if (!Shells.isPosix(program)) return null;
    for (int i = 1; i + 1 < elements.size(); i++) {
      String v = elements.get(i).value();
      if (!v.startsWith("-") || v.equals("--") || v.equals("-")) return null;
      if (v.startsWith("--") || v.indexOf('c') < 0) continue;
      JsonArray.Element script = elements.get(i + 1);
      return NestedShells.expand(
          ShellParser.parse(decoded(rest, script.start() + 1, script.end() - 1), lines), lines);
    }
    return null;
  }

  /** A JSON string's content [start, end) decoded, each character keeping the offset it was written at. */
  private static MappedText decoded(MappedText rest, int start, int end) {
    MappedText.Builder b = new MappedText.Builder(end - start);
    for (int i = start; i < end; i++) {
      char c = rest.charAt(i);
      int at = rest.originalOffset(i);
      if (c != '\\' || i + 1 >= end) {
        b.append(c, at);
        continue;
      }
      char e = rest.charAt(++i);
      switch (e) {
        case 'n' -> b.append('\n', at);
        case 't' -> b.append('\t', at);
        case 'r' -> b.append('\r', at);
        case 'b' -> b.append('\b', at);
        case 'f' -> b.append('\f', at);
        case 'u' -> {
          if (i + 4 < end) {
            try {
              b.append((char) Integer.parseInt(rest.subSequence(i + 1, i + 5).toString(), 16), at);
              i += 4;
            } catch (NumberFormatException x) {
              b.append(e, at);
            }
          } else {
            b.append(e, at);
          }
        }
        default -> b.append(e, at);
      }
    }
    return b.build(rest.originalOffset(end));
  }

  private List<Text> elements(MappedText rest, JsonArray.Result r) {
    List<Text> out = new ArrayList<>();
    for (JsonArray.Element e : r.elements())
      out.add(new Text(e.value(), rest.span(lines, e.start(), e.end())));
    return out;
  }

  /** JSON array, or words split on blanks (COPY, ADD, VOLUME); null after a reported error. */
  private List<Text> list(MappedText rest) {
    if (rest.length() > 0 && rest.charAt(0) == '[') {
      JsonArray.Result r = JsonArray.parse(rest);
      if (r.outcome() == JsonArray.Outcome.STRINGS) return elements(rest, r);
      if (r.outcome() == JsonArray.Outcome.NOT_STRING_ARRAY) {
        problems.add(
            new ParseProblem(
                rest.span(lines, 0, rest.length()), "the JSON form must be an array of strings"));
        return null;
      }
    }
    return Words.splitBlank(rest).stream().map(this::text).toList();
  }

  private Instruction healthcheck(Instruction.Head head, MappedText rest) {
    int k = 0;
    while (k < rest.length() && !Words.isSpace(rest.charAt(k))) k++;
    if (k == 0) {
      missing(head, "HEALTHCHECK");
      return new Instruction.Healthcheck(head, false, null);
    }
    String type = rest.text().substring(0, k).toUpperCase(Locale.ROOT);
    MappedText cmd = rest.sub(k, rest.length()).strip();
    if (type.equals("NONE")) {
      if (cmd.length() > 0)
        problems.add(
            new ParseProblem(
                rest.span(lines, 0, rest.length()), "HEALTHCHECK NONE takes no other arguments"));
      return new Instruction.Healthcheck(head, true, null);
    }
    if (!type.equals("CMD")) {
      problems.add(
          new ParseProblem(
              rest.span(lines, 0, k),
              "unknown HEALTHCHECK type " + type + ": expected CMD or NONE"));
    } else if (cmd.length() == 0) {
      problems.add(new ParseProblem(rest.span(lines, 0, k), "HEALTHCHECK CMD requires a command"));
    }
    CommandForm c = command(head, cmd);
    return c == null ? null : new Instruction.Healthcheck(head, false, c);
  }

  private Instruction copy(Instruction.Head head, MappedText rest, boolean add) {
    List<Text> parts = list(rest);
    if (parts == null) return null;
    int need = head.heredocs().isEmpty() ? 2 : 1;
    if (parts.size() < need) {
      problems.add(
          new ParseProblem(
              head.keywordSpan(),
              head.keyword() + " requires at least two arguments: source(s) and destination"));
      return null;
    }
    return new Instruction.Copy(
        head, add, List.copyOf(parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1));
  }

  private Instruction nameValues(Instruction.Head head, MappedText rest, String keyword) {
    List<MappedText> words = Words.splitQuoted(rest, escape);
    if (words.isEmpty()) return missing(head, keyword);
    List<KeyValue> pairs = new ArrayList<>();
    if (words.get(0).text().indexOf('=') < 0) {
      // Old form: KEY name value (the value is the rest of the line)
      int k = 0;
      while (k < rest.length() && !Words.isSpace(rest.charAt(k))) k++;
      MappedText value = rest.sub(k, rest.length()).strip();
      if (value.length() == 0) {
        problems.add(
            new ParseProblem(
                rest.span(lines, 0, k),
                keyword
                    + " "
                    + rest.text().substring(0, k)
                    + " has no value: expected "
                    + keyword
                    + " name=value"));
        return null;
      }
      MappedText name = rest.sub(0, k);
      pairs.add(
          new KeyValue(
              text(name),
              new Text(Words.unquote(value, escape).text(), value.span(lines, 0, value.length())),
              value.text(),
              rest.span(lines, 0, rest.length())));
    } else {
      for (MappedText w : words) {
        int eq = w.text().indexOf('=');
        if (eq < 0) {
          problems.add(
              new ParseProblem(
                  w.span(lines, 0, w.length()),
                  keyword + " expects name=value but got " + w.text()));
          return null;
        }
        if (eq == 0) {
          problems.add(
              new ParseProblem(w.span(lines, 0, w.length()), keyword + " name may not be empty"));
          return null;
        }
        pairs.add(pair(w, eq));
      }
    }
    return keyword.equals("ENV")
        ? new Instruction.Env(head, pairs)
        : new Instruction.Label(head, pairs);
  }

  private KeyValue pair(MappedText w, int eq) {
    MappedText key = w.sub(0, eq);
    MappedText raw = w.sub(eq + 1, w.length());
    MappedText value = Words.unquote(raw, escape);
    Span valueSpan =
        raw.length() == 0
            ? w.span(lines, w.length(), w.length())
            : raw.span(lines, 0, raw.length());
    return new KeyValue(
        new Text(Words.unquote(key, escape).text(), key.span(lines, 0, key.length())),
        new Text(value.text(), valueSpan),
        raw.text(),
        w.span(lines, 0, w.length()));
  }

  private Instruction arg(Instruction.Head head, MappedText rest) {
    List<MappedText> words = Words.splitQuoted(rest, escape);
    if (words.isEmpty()) return missing(head, "ARG");
    List<KeyValue> args = new ArrayList<>();
    for (MappedText w : words) {
      int eq = w.text().indexOf('=');
      if (eq == 0) {
        problems.add(new ParseProblem(w.span(lines, 0, w.length()), "ARG name may not be empty"));
        return null;
      }
      if (eq < 0) {
        Span s = w.span(lines, 0, w.length());
        args.add(new KeyValue(new Text(w.text(), s), null, null, s));
      } else {
        args.add(pair(w, eq));
      }
    }
    return new Instruction.Arg(head, args);
  }

  /** BuildKit's extractBuilderFlags: leading {@code --name[=value]} words, up to {@code --} or another word. */
  private MappedText extractFlags(MappedText line, List<Flag> flags) {
    int n = line.length();
    int pos = 0;
    while (true) {
      while (pos < n && Words.isSpace(line.charAt(pos))) pos++;
      if (pos >= n) return line.sub(n, n);
      if (!(line.charAt(pos) == '-' && pos + 1 < n && line.charAt(pos + 1) == '-'))
        return line.sub(pos, n).strip();
      int start = pos;
      MappedText.Builder word = new MappedText.Builder();
      char quote = 0;
      while (pos < n) {
        char c = line.charAt(pos);
        if (quote == 0 && Words.isSpace(c)) break;
        if (quote == 0 && (c == '\'' || c == '"')) {
          quote = c;
        } else if (quote != 0 && c == quote) {
          quote = 0;
        } else if (c == '\\' && pos + 1 < n) {
          pos++;
          word.append(line.charAt(pos), line.originalOffset(pos));
        } else if (c != '\\') {
          word.append(c, line.originalOffset(pos));
        }
        pos++;
      }
      MappedText w = word.build(line.originalOffset(pos));
      if (w.text().equals("--")) return line.sub(pos, n).strip();
      if (w.length() <= 2) continue;
      int eq = w.text().indexOf('=');
      Span whole = line.span(lines, start, pos);
      if (eq < 0) {
        flags.add(new Flag(w.text().substring(2), null, whole));
      } else {
        MappedText v = w.sub(eq + 1, w.length());
        Span vs = v.length() == 0 ? whole : v.span(lines, 0, v.length());
        Flag flag = new Flag(w.text().substring(2, eq), new Text(v.text(), vs), whole);
        flags.add(flag);
        flagValues.put(flag, v);
      }
    }
  }

  /** The {@code --mount} flags of a RUN, read as BuildKit reads them (see {@link RunMount}). */
  private List<RunMount> mounts(List<Flag> flags) {
    List<RunMount> out = new ArrayList<>(0);
    for (Flag f : flags) {
      MappedText v = flagValues.get(f);
      if (f.name().equals("mount") && v != null) out.add(new RunMount(f, mountFields(v)));
    }
    return out;
  }

  /**
   * A mount value's fields as Go's encoding/csv splits one record: at commas, a field that starts with a double
   * quote runs to the closing quote ({@code ""} is a quote) and may not hold the comma's meaning; anything else is
   * taken as written. Keys are lower-cased, as BuildKit's parseMount does.
   */
  private List<RunMount.Field> mountFields(MappedText v) {
    List<RunMount.Field> out = new ArrayList<>();
    int n = v.length();
    int i = 0;
    while (true) {
      MappedText.Builder b = new MappedText.Builder();
      boolean quoted = i < n && v.charAt(i) == '"';
      if (quoted) i++;
      while (i < n) {
        char c = v.charAt(i);
        if (quoted && c == '"') {
          if (i + 1 < n && v.charAt(i + 1) == '"') {
            b.append('"', v.originalOffset(i));
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (!quoted && c == ',') break;
        b.append(c, v.originalOffset(i));
        i++;
      }
      MappedText field = b.build(i < n ? v.originalOffset(i) : v.originalEnd(0, n));
      int eq = field.text().indexOf('=');
      if (eq < 0) {
        out.add(new RunMount.Field(field.text().toLowerCase(Locale.ROOT), null));
      } else {
        MappedText value = field.sub(eq + 1, field.length());
        Span at =
            value.length() == 0
                ? field.span(lines, 0, field.length())
                : value.span(lines, 0, value.length());
        out.add(
            new RunMount.Field(
                field.text().substring(0, eq).toLowerCase(Locale.ROOT),
                new Text(value.text(), at)));
      }
      if (i >= n) return out;
      i++;
    }
  }

  /** Notes the unterminated quotes in a RUN's shell text, its command strings and shell heredocs. */
  private void quoteProblems(Instruction.Run r) {
    List<ParseProblem> found = new ArrayList<>(0);
    quoteProblems(r.command().script(), found);
    for (Heredoc h : r.head().heredocs()) quoteProblems(h.script(), found);
    if (!found.isEmpty()) quoteProblems.put(r, found);
  }

  private void quoteProblems(ShellScript script, List<ParseProblem> found) {
    if (script == null || unsureQuotes.contains(script)) return;
    for (ShellProblem p : script.problems()) {
      if (p.unterminatedQuote() || p.skipped())
        found.add(new ParseProblem(p.span(), p.message(), p.skipped()));
    }
  }

  /**
   * Whether RUN text goes to a POSIX shell: not after SHELL names another program (cmd, powershell), not with
   * the backtick escape of Windows Dockerfiles, not on a Windows base image (whose default shell is cmd).
   */
  private boolean posixShell(Instruction.From from, Stage parent, Map<Stage, Boolean> stageShell) {
    if (escape == '`') return false;
    if (parent != null) return stageShell.getOrDefault(parent, true);
    String image =
        from.ref() == null || from.ref().expanded() == null
            ? from.image().value()
            : from.ref().expanded();
    String lower = image.toLowerCase(Locale.ROOT);
    return !(lower.contains("windows")
        || lower.contains("nanoserver")
        || lower.contains("servercore"));
  }

  private void reportQuotes(Instruction i, boolean posix) {
    Instruction target = i instanceof Instruction.Onbuild o ? o.trigger() : i;
    List<ParseProblem> found = target == null ? null : quoteProblems.get(target);
    if (posix && found != null) problems.addAll(found);
  }

  // ---- stages and variables
  // -----------------------------------------------------------------------

  private ImageBuild assemble(List<Instruction> all) {
    List<Instruction.Arg> global = new ArrayList<>();
    Map<String, String> globalScope = new HashMap<>();
    Map<Instruction, Map<String, String>> scopes = new IdentityHashMap<>();
    List<Stage> stages = new ArrayList<>();
    Map<String, Stage> byName = new HashMap<>();
    Map<Stage, Map<String, String>> stageEnv = new IdentityHashMap<>();
    Map<Instruction.From, Instruction.From> froms = new IdentityHashMap<>();
    Instruction.From from = null;
    List<Instruction> body = null;
    Map<String, String> scope = null;
    Map<String, String> env = null;
    Stage parent = null;
    Map<Stage, Boolean> stageShell = new IdentityHashMap<>();
    boolean posix = true;
    // Scopes are snapshots shared by every instruction until an ARG or ENV changes them (no copy
    // per instruction).
    Map<String, String> globalSnapshot = null;
    Map<String, String> snapshot = null;
    for (Instruction i : all) {
      if (i instanceof Instruction.From f) {
        if (from != null) {
          Stage s = new Stage(stages.size(), from, List.copyOf(body), parent);
          stages.add(s);
          stageEnv.put(s, env);
          stageShell.put(s, posix);
          if (s.name() != null) byName.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
        }
        if (globalSnapshot == null) globalSnapshot = copy(globalScope, f.image().span());
        scopes.put(f, globalSnapshot);
        String expanded = expand(f.image().value(), globalScope);
        if (expansions.tellOnce())
          problems.add(new ParseProblem(f.image().span(), expansions.notice()));
        ImageRef ref = ImageRef.parse(f.image().value(), expanded);
        from = new Instruction.From(f.head(), f.image(), ref, f.alias());
        froms.put(f, from);
        scopes.put(from, scopes.get(f));
        parent = expanded == null ? null : byName.get(expanded.toLowerCase(Locale.ROOT));
        body = new ArrayList<>();
        env = parent == null ? new HashMap<>() : copy(stageEnv.get(parent), f.image().span());
        scope = copy(env, f.image().span());
        posix = posixShell(from, parent, stageShell);
        snapshot = null;
        continue;
      }
      if (i instanceof Instruction.Shell sh) {
        posix = escape != '`' && Shells.isPosix(sh.shell().get(0).value());
      }
      reportQuotes(i, posix && from != null);
      if (from == null) {
        if (globalSnapshot == null) globalSnapshot = copy(globalScope, i.head().keywordSpan());
        scopes.put(i, globalSnapshot);
        if (i instanceof Instruction.Arg a) {
          global.add(a);
          declare(a, globalScope, globalScope, null);
          globalSnapshot = null;
        } else {
          problems.add(
              new ParseProblem(
                  i.head().keywordSpan(),
                  "expected FROM before "
                      + i.keyword()
                      + " (only ARG may come before the first FROM)"));
        }
        continue;
      }
      if (snapshot == null) snapshot = copy(scope, i.head().keywordSpan());
      scopes.put(i, snapshot);
      body.add(i);
      if (i instanceof Instruction.Arg a) {
        declare(a, scope, globalScope, env);
        snapshot = null;
      } else if (i instanceof Instruction.Env e) {
        snapshot = null;
        for (KeyValue kv : e.pairs()) {
          String v = expand(kv.value().value(), scope);
          if (expansions.tellOnce())
            problems.add(new ParseProblem(kv.value().span(), expansions.notice()));
          String val = v == null ? Variables.UNKNOWN : v;
          scope.put(kv.key().value(), val);
          env.put(kv.key().value(), val);
        }
      }
    }
    if (from != null) stages.add(new Stage(stages.size(), from, List.copyOf(body), parent));
    List<Instruction> ordered = new ArrayList<>(all.size());
    for (Instruction i : all) ordered.add(i instanceof Instruction.From f ? froms.get(f) : i);
    Variables variables = new Variables(scopes, escape, expansions);
    return new ImageBuild(
        file,
        escape,
        List.copyOf(global),
        List.copyOf(stages),
        List.copyOf(ordered),
        variables,
        references(ordered, stages, variables));
  }

  /** What each FROM, COPY --from and RUN --mount from= names, in file order (see {@link FromReference}). */
  private static List<FromReference> references(
      List<Instruction> all, List<Stage> stages, Variables variables) {
    Map<Instruction, Stage> stageOf = new IdentityHashMap<>();
    Map<String, Stage> byName = new HashMap<>();
    for (Stage s : stages) {
      stageOf.put(s.from(), s);
      for (Instruction i : s.instructions()) stageOf.put(i, s);
      if (s.name() != null) byName.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
    }
    List<FromReference> out = new ArrayList<>();
    for (Instruction i : all) {
      Stage in = stageOf.get(i);
      if (i instanceof Instruction.From f && f.ref() != null && in != null) {
        ImageUse image =
            in.parent() != null || f.ref().isScratch()
                ? null
                : new ImageUse(f.ref(), f.image().span(), ImageUse.Where.FROM);
        out.add(
            new FromReference(
                f,
                in,
                false,
                ImageUse.Where.FROM,
                f.image(),
                f.ref().expanded(),
                in.parent(),
                image));
      }
      references(i, in, false, stages, byName, variables, out);
      if (i instanceof Instruction.Onbuild o && o.trigger() != null) {
        references(o.trigger(), in, true, stages, byName, variables, out);
      }
    }
    return out;
  }

  private static void references(
      Instruction i,
      Stage in,
      boolean onbuild,
      List<Stage> stages,
      Map<String, Stage> byName,
      Variables variables,
      List<FromReference> out) {
    Flag from = i.flag("from");
    if (i instanceof Instruction.Copy && from != null && from.value() != null) {
      out.add(
          reference(
              i, in, onbuild, ImageUse.Where.COPY_FROM, from.value(), stages, byName, variables));
    }
    if (i instanceof Instruction.Run run) {
      // the last from= counts, as every field does in BuildKit
      for (RunMount m : run.mounts()) {
        if (m.from() != null)
          out.add(
              reference(
                  i,
                  in,
                  onbuild,
                  ImageUse.Where.RUN_MOUNT_FROM,
                  m.from(),
                  stages,
                  byName,
                  variables));
      }
    }
  }

  private static FromReference reference(
      Instruction i,
      Stage in,
      boolean onbuild,
      ImageUse.Where where,
      Text written,
      List<Stage> stages,
      Map<String, Stage> byName,
      Variables variables) {
    String raw = written.value();
    String expanded = raw.isEmpty() ? raw : variables.expand(raw, i);
    String name = expanded == null ? raw : expanded;
    Stage stage = null;
    boolean index = !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
    if (index) {
      int n = name.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(name);
      if (n < stages.size()) stage = stages.get(n);
    } else {
      stage = byName.get(name.toLowerCase(Locale.ROOT));
    }
    ImageUse image = null;
    if (stage == null && !index && !raw.isEmpty()) {
      ImageRef ref = ImageRef.parse(raw, expanded);
      if (!ref.isScratch()) image = new ImageUse(ref, written.span(), where);
    }
    return new FromReference(i, in, onbuild, where, written, expanded, stage, image);
  }

  /**
   * A copy of a scope, each entry charged to the expansion budget: 20,000 ARG lines each took a copy of all the
   * ones before (a 200 KB file filled the heap). Past the budget the copy is empty: every variable is unknown.
   */
  private Map<String, String> copy(Map<String, String> scope, Span at) {
    if (!expansions.take(scope.size())) {
      if (expansions.tellOnce()) problems.add(new ParseProblem(at, expansions.notice()));
      return new HashMap<>();
    }
    return new HashMap<>(scope);
  }

  private void declare(
      Instruction.Arg a,
      Map<String, String> scope,
      Map<String, String> global,
      Map<String, String> env) {
    for (KeyValue kv : a.args()) {
      String name = kv.key().value();
      if (env != null && env.containsKey(name)) continue; // ENV wins over ARG of the same name
      if (kv.value() != null) {
        String v = expand(kv.value().value(), scope);
        if (expansions.tellOnce())
          problems.add(new ParseProblem(kv.value().span(), expansions.notice()));
        scope.put(name, v == null ? Variables.UNKNOWN : v);
      } else if (scope != global && global.containsKey(name)) {
        scope.put(name, global.get(name));
      } else {
        scope.put(name, Variables.UNKNOWN);
      }
    }
  }

  private String expand(String value, Map<String, String> scope) {
    return dev.hardock.model.Substitution.expand(
        value,
        expansions.lookup(
            n -> {
              String v = scope.get(n);
              return v == Variables.UNKNOWN ? null : v;
            }),
        escape);
  }

  /** The line without its trailing CR/LF characters (a loop: a regex anchored at $ retries from every CR). */
  static String withoutLineEnd(String line) {
    int e = line.length();
    while (e > 0 && (line.charAt(e - 1) == '\r' || line.charAt(e - 1) == '\n')) e--;
    return line.substring(0, e);
  }
}
