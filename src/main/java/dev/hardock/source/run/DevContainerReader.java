package dev.hardock.source.run;

import dev.hardock.io.FileAccess;
import dev.hardock.model.EnvVar;
import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.Word;
import dev.hardock.model.WordPart;
import dev.hardock.model.container.BuildRef;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.source.compose.ComposeReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a dev container configuration ({@code devcontainer.json}, JSON with comments and trailing commas, per
 * the containers.dev reference) into the {@link ContainerSpec} of the container it starts: {@code runArgs} are
 * docker run flags (the run-line parser, HD002 for unknown ones), {@code privileged}, {@code capAdd},
 * {@code securityOpt}, {@code mounts} (strings in {@code --mount} syntax, or objects), {@code containerEnv},
 * {@code containerUser}, {@code appPort} and {@code image} are the flags they stand for, each at its value.
 * {@code build.dockerfile} is read as compose builds are (its final USER decides HD119) and linted with the
 * file; the compose files {@code dockerComposeFile} names are linted as compose, and since the service's own
 * settings live there, the rules about a missing setting stay silent here. {@code forwardPorts} are not
 * published ports (the tool forwards them to the local machine) and are not read. {@code ${localEnv:X}} and
 * the like stay unresolved. Never throws.
 */
public final class DevContainerReader {
  /**
   * @param run the container (none when the file is not an object) with its words for credential scans
   * @param composeFiles the files {@code dockerComposeFile} names, resolved against this file's folder
   * @param notRead files it names that are not read (HD005), at the value that names them
   */
  public record Result(
      RunLineReader.Result run, List<Path> composeFiles, List<ParseProblem> notRead) {}

  private static final Function<String, String> NONE = k -> null;

  private final SourceFile file;
  private final String text;
  private final LineIndex lines;
  private final FileAccess access;
  private final RunLineReader.Result result =
      new RunLineReader.Result(
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new SourceLayout());
  private final List<Path> composeFiles = new ArrayList<>();
  private final List<ParseProblem> notRead = new ArrayList<>();

  private DevContainerReader(SourceFile file, FileAccess access) {
    this.file = file;
    this.text = file.text();
    this.lines = file.lines();
    this.access = access;
  }

  public static Result read(SourceFile file, FileAccess access) {
    DevContainerReader r = new DevContainerReader(file, access);
    r.read();
    return new Result(r.result, List.copyOf(r.composeFiles), List.copyOf(r.notRead));
  }

  /** The comments and statements of a dev container configuration, without reading its container. */
  public static SourceLayout layout(SourceFile file) {
    SourceLayout layout = new SourceLayout();
    try {
      parse(file.text(), file.lines(), file.displayPath(), layout);
    } catch (Jsonc.Problem p) {
      // the comments before the error are recorded; the linter reports the error itself (HD001)
    }
    return layout;
  }

  /**
   * Parses {@code text} as JSON with comments, recording in {@code layout} (as those of {@code file}) its
   * {@code //} and {@code /* *}{@code /} comments (one alone on its line reaches the next line, one after a value
   * its own line; a comment over several lines is recorded with its first line) and its statements (each object
   * member, from its key to the end of its value); also the comments before a syntax error.
   */
  private static Jsonc.Value parse(String text, LineIndex lines, String file, SourceLayout layout)
      throws Jsonc.Problem {
    List<int[]> comments = new ArrayList<>();
    try {
      Jsonc.Value root = Jsonc.parse(text, comments);
      members(root, lines, file, layout, 0);
      return root;
    } finally {
      for (int[] c : comments) {
        int line = lines.line(c[0]);
        int end = Math.min(c[1], FileText.lineEnd(text, lines, line));
        // back to the first non-blank: each character before a comment is passed by that comment
        // only
        int before = c[0];
        while (before > lines.lineStart(line) && Character.isWhitespace(text.charAt(before - 1)))
          before--;
        boolean alone = before == lines.lineStart(line);
        layout.comment(
            file,
            lines.span(c[0], end),
            text.substring(c[0], end),
            alone ? SourceLayout.Reach.NEXT_LINE : SourceLayout.Reach.LINE);
      }
    }
  }

  private static void members(
      Jsonc.Value v, LineIndex lines, String file, SourceLayout layout, int depth) {
    if (depth > Jsonc.MAX_DEPTH) return;
    if (v instanceof Jsonc.Obj o) {
      for (Jsonc.Member m : o.members()) {
        layout.statement(file, lines.span(m.key().start(), m.value().end()));
        members(m.value(), lines, file, layout, depth + 1);
      }
    } else if (v instanceof Jsonc.Arr a) {
      for (Jsonc.Value item : a.items()) members(item, lines, file, layout, depth + 1);
    }
  }

  private void read() {
    Jsonc.Value root;
    try {
      root = parse(text, lines, file.displayPath(), result.layout());
    } catch (Jsonc.Problem p) {
      int at = Math.min(p.offset, text.length());
      result
          .problems()
          .add(
              new ParseProblem(
                  lines.span(at, at), "invalid dev container JSON: " + p.getMessage()));
      return;
    }
    if (!(root instanceof Jsonc.Obj o)) {
      result
          .problems()
          .add(
              new ParseProblem(
                  span(root), "a dev container configuration should be a JSON object"));
      return;
    }
    texts(root, 0);
    RunArgs args = RunArgs.parse(List.of(), RunArgs.Tool.DOCKER, NONE);
    if (o.get("runArgs") instanceof Jsonc.Arr a) {
      List<Word> words = new ArrayList<>();
      for (Jsonc.Value v : a.items()) if (v instanceof Jsonc.Str s) words.add(word(s));
      RunArgs given = RunArgs.parse(words, RunArgs.Tool.DOCKER, NONE);
      // runArgs are only options: a word that is no option is not the image (docker would take it
      // as one, and fail)
      args.options.addAll(given.options);
      result.unknownFlags().addAll(given.unknown);
      args.hiddenOptions = given.hiddenOptions;
    }
    flag(args, o, "privileged", "privileged");
    flag(args, o, "init", "init");
    each(args, o, "capAdd", "cap-add");
    each(args, o, "securityOpt", "security-opt");
    appPorts(args, o);
    one(args, o, "containerUser", "user");
    if (o.get("mounts") instanceof Jsonc.Arr a) {
      for (Jsonc.Value v : a.items()) {
        Word w =
            v instanceof Jsonc.Str s ? word(s) : v instanceof Jsonc.Obj m ? mountObject(m) : null;
        if (w != null) args.options.add(option("mount", "mounts", w));
      }
    }
    Jsonc.Member image = o.member("image");
    if (image != null && image.value() instanceof Jsonc.Str s && !s.value().isBlank())
      args.image = word(s);
    List<EnvVar> env = new ArrayList<>();
    if (o.get("containerEnv") instanceof Jsonc.Obj e) {
      for (Jsonc.Member m : e.members()) {
        Span all = lines.span(m.key().start(), m.value().end());
        Text name = new Text(m.key().value(), span(m.key().text()));
        Text value = m.value() instanceof Jsonc.Str s ? new Text(s.value(), span(s.text())) : null;
        env.add(new EnvVar(name, value, all, SourceKind.RUN));
      }
    }
    Jsonc.Member compose = o.member("dockerComposeFile");
    Jsonc.Member build = o.member("build");
    Jsonc.Member at = image != null ? image : build != null ? build : compose;
    Span declared = at == null ? lines.span(o.start(), o.start() + 1) : span(at.key().text());
    String name =
        o.get("name") instanceof Jsonc.Str n && !n.value().isBlank()
            ? "dev container " + n.value()
            : "dev container";
    ContainerSpec spec = RunContainer.of(name, declared, args, NONE, env);
    result.problems().addAll(RunContainer.problems(spec));
    BuildRef ref =
        build != null && build.value() instanceof Jsonc.Obj b
            ? build(b, span(build.key().text()))
            : null;
    Span hidden = spec.hiddenOptions();
    if (compose != null) {
      composeFiles(compose.value());
      // the service is defined in the compose files: what it does not set here it may set there
      if (hidden == null) hidden = span(compose.key().text());
    }
    if (ref != null || hidden != spec.hiddenOptions()) spec = with(spec, ref, hidden);
    result.containers().add(spec);
  }

  /** {@code "key": true} as the bool flag {@code --name}; {@code false} as {@code --name=false}. */
  private void flag(RunArgs args, Jsonc.Obj o, String key, String name) {
    Jsonc.Member m = o.member(key);
    if (m == null || !(m.value() instanceof Jsonc.Scalar s) || s.raw().equals("null")) return;
    Word w = word(s);
    Span whole = lines.span(m.key().start(), s.end());
    args.options.add(
        new RunArgs.Option(
            name, key, RunValue.of(w, 0, w.value().length(), NONE), whole, span(m.key().text())));
  }

  /** {@code "key": ["a", "b"]} (or one string, or numbers) as {@code --name a --name b}. */
  private void each(RunArgs args, Jsonc.Obj o, String key, String name) {
    Jsonc.Value v = o.get(key);
    List<Jsonc.Value> items =
        v instanceof Jsonc.Arr a ? a.items() : v == null ? List.of() : List.of(v);
    for (Jsonc.Value item : items) {
      Word w =
          item instanceof Jsonc.Str s
              ? word(s)
              : item instanceof Jsonc.Scalar n && !n.raw().equals("null") ? word(n) : null;
      if (w != null) args.options.add(option(name, key, w));
    }
  }

  /**
   * {@code appPort}: a string is a {@code -p} value as written; a number N is published as
   * {@code 127.0.0.1:N:N}, as the dev containers CLI does, each character at the number.
   */
  private void appPorts(RunArgs args, Jsonc.Obj o) {
    Jsonc.Value v = o.get("appPort");
    for (Jsonc.Value item :
        v instanceof Jsonc.Arr a ? a.items() : v == null ? List.<Jsonc.Value>of() : List.of(v)) {
      if (item instanceof Jsonc.Str s) {
        args.options.add(option("publish", "appPort", word(s)));
      } else if (item instanceof Jsonc.Scalar n && Character.isDigit(n.raw().charAt(0))) {
        MappedText.Builder b = new MappedText.Builder();
        for (char c : "127.0.0.1:".toCharArray()) b.append(c, n.start());
        b.append(text, n.start(), n.end());
        b.append(':', n.start());
        b.append(text, n.start(), n.end());
        args.options.add(
            option("publish", "appPort", word(b.build(n.end()), lines.span(n.start(), n.end()))));
      }
    }
  }

  private void one(RunArgs args, Jsonc.Obj o, String key, String name) {
    if (o.get(key) instanceof Jsonc.Str s && !s.value().isBlank())
      args.options.add(option(name, key, word(s)));
  }

  private static RunArgs.Option option(String name, String key, Word w) {
    return new RunArgs.Option(
        name, key, RunValue.of(w, 0, w.value().length(), NONE), w.span(), w.span());
  }

  /**
   * A mount object ({@code {"type": "bind", "source": "/x", "target": "/y"}}) as the {@code --mount} value it
   * stands for, each value's characters at their offsets in the file (the keys and commas at the member's).
   */
  private Word mountObject(Jsonc.Obj m) {
    MappedText.Builder b = new MappedText.Builder();
    for (Jsonc.Member member : m.members()) {
      String key = member.key().value();
      if (b.length() > 0) b.append(',', member.key().start());
      for (int k = 0; k < key.length(); k++) b.append(key.charAt(k), member.key().start());
      if (member.value() instanceof Jsonc.Scalar s && s.raw().equals("true"))
        continue; // "readonly": true
      if (member.value() instanceof Jsonc.Scalar s && s.raw().equals("false")) {
        b.append('=', s.start());
        b.append(text, s.start(), s.end());
        continue;
      }
      if (!(member.value() instanceof Jsonc.Str s)) continue;
      b.append('=', member.key().start());
      for (int k = 0; k < s.text().length(); k++)
        b.append(s.text().charAt(k), s.text().originalOffset(k));
    }
    MappedText value = b.build(m.end());
    return word(value, lines.span(m.start(), m.end()));
  }

  private BuildRef build(Jsonc.Obj b, Span span) {
    String dockerfile = b.get("dockerfile") instanceof Jsonc.Str d ? d.value() : null;
    String context = b.get("context") instanceof Jsonc.Str c ? c.value() : ".";
    String target = b.get("target") instanceof Jsonc.Str t ? t.value() : null;
    Jsonc.Value named = b.get("dockerfile");
    Path folder = folder();
    if (dockerfile == null
        || folder == null
        || symbolic(dockerfile)
        || symbolic(context)
        || target != null && symbolic(target)) {
      return new BuildRef(null, null, span, null, null);
    }
    try {
      Path ctx = folder.resolve(context).normalize();
      // the spec resolves build.dockerfile against the configuration's folder, not the context
      Path df = folder.resolve(dockerfile).normalize();
      checkRead(df, named);
      return ComposeReader.buildOf(ctx, df, target, span, shown(df), access);
    } catch (InvalidPathException e) {
      return new BuildRef(null, null, span, null, null);
    }
  }

  private void composeFiles(Jsonc.Value v) {
    Path folder = folder();
    if (folder == null) return;
    List<Jsonc.Value> items = v instanceof Jsonc.Arr a ? a.items() : List.of(v);
    for (Jsonc.Value item : items) {
      if (!(item instanceof Jsonc.Str s) || s.value().isBlank() || symbolic(s.value())) continue;
      try {
        Path p = folder.resolve(s.value()).normalize();
        if (checkRead(p, s)) composeFiles.add(p);
      } catch (InvalidPathException e) {
        // not a path this system can name: nothing to lint
      }
    }
  }

  /** Whether a file this one names would be read; when not, why (HD005). */
  private boolean checkRead(Path p, Jsonc.Value namedAt) {
    FileAccess.Refusal why = access.check(p);
    if (why == null) return true;
    Path abs = p.toAbsolutePath().normalize();
    String shown = abs.startsWith(access.root()) ? shown(abs) : abs.toString();
    notRead.add(new ParseProblem(span(namedAt), shown + " is not read: " + why.reason()));
    return false;
  }

  private Path folder() {
    return file.path() == null ? null : file.path().toAbsolutePath().normalize().getParent();
  }

  /** How a path beside this file is shown: this file's shown folder and the relative path. */
  private String shown(Path p) {
    Path shownFolder = Path.of(file.displayPath()).getParent();
    Path rel = folder().relativize(p);
    return (shownFolder == null ? rel : shownFolder.resolve(rel)).normalize().toString();
  }

  private static boolean symbolic(String s) {
    return s.contains("${");
  }

  /** Every string of the file, for credential scans (a token in {@code postCreateCommand} leaks as well). */
  private void texts(Jsonc.Value v, int depth) {
    if (v instanceof Jsonc.Str s) {
      result.texts().add(new SourceText(s.text(), lines));
    } else if (v instanceof Jsonc.Obj o) {
      for (Jsonc.Member m : o.members()) texts(m.value(), depth + 1);
    } else if (v instanceof Jsonc.Arr a) {
      for (Jsonc.Value item : a.items()) texts(item, depth + 1);
    }
  }

  private static ContainerSpec with(ContainerSpec c, BuildRef build, Span hidden) {
    return RunContainer.copy(c, build, c.mounts(), hidden);
  }

  private Word word(Jsonc.Str s) {
    return word(s.text(), span(s.text()));
  }

  private Word word(Jsonc.Scalar s) {
    return word(MappedText.of(text, s.start(), s.end()), lines.span(s.start(), s.end()));
  }

  /** A value as one word; {@code ${localEnv:X}} and the like are expansions nobody resolves here. */
  private Word word(MappedText value, Span span) {
    String v = value.text();
    WordPart.Kind kind = v.contains("${") ? WordPart.Kind.PARAMETER : WordPart.Kind.LITERAL;
    return new Word(v, span, value, List.of(new WordPart(kind, v, v, false, span)), lines);
  }

  private Span span(MappedText t) {
    return t.span(lines, 0, t.length());
  }

  private Span span(Jsonc.Value v) {
    return lines.span(v.start(), v.end());
  }
}
