package dev.hardock.source.run;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.EnvVar;
import dev.hardock.model.ExpansionBudget;
import dev.hardock.model.LineIndex;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellProblem;
import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceLayout;
import dev.hardock.model.SourceText;
import dev.hardock.model.Span;
import dev.hardock.model.Text;
import dev.hardock.model.Word;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.source.shell.NestedShells;
import dev.hardock.source.shell.ShellParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the {@code docker run}/{@code create} lines (and podman's and nerdctl's) of a script, Makefile,
 * Markdown file or CI YAML file, and reads each into the {@link ContainerSpec} it starts. Commands are those
 * the shell parser sees (after {@code &&}, {@code |}, inside {@code $(..)}, behind {@code sudo}, {@code env},
 * {@code exec}, {@code time}); a run line quoted inside another command's argument is text, not a command.
 * Shell variables assigned earlier in the same script or code block are resolved; others stay symbolic.
 */
public final class RunLineReader {
  /**
   * @param containers one per run line, in file order
   * @param env variables a script sets for the docker client itself ({@code export DOCKER_CONTENT_TRUST=0})
   * @param texts the words of the run lines, for credential scans
   * @param problems shell or YAML syntax problems (HD001)
   * @param unknownFlags flags docker does not know (HD002)
   * @param layout the comments and statements of the file: those of its host format (Makefile, Markdown, YAML)
   *     and of its shell text
   */
  public record Result(
      List<ContainerSpec> containers,
      List<EnvVar> env,
      List<SourceText> texts,
      List<ParseProblem> problems,
      List<ParseProblem> unknownFlags,
      SourceLayout layout) {}

  private static final Pattern MENTION = Pattern.compile("\\b(docker|podman|nerdctl)\\b");
  private static final Set<String> DECLARATIONS =
      Set.of("export", "declare", "typeset", "local", "readonly");

  /** Global options of docker, podman and nerdctl that take a value (before the subcommand). */
  private static final Set<String> GLOBAL_VALUE_OPTIONS =
      Set.of(
          "-H",
          "--host",
          "-c",
          "--context",
          "--config",
          "-l",
          "--log-level",
          "--tlscacert",
          "--tlscert",
          "--tlskey",
          "--connection",
          "--url",
          "--identity",
          "--root",
          "--runroot",
          "--cgroup-manager",
          "--storage-driver",
          "--storage-opt",
          "--events-backend",
          "--tmpdir",
          "--runtime",
          "--conmon",
          "--module",
          "--ssh",
          "-n",
          "--namespace",
          "-a",
          "--address",
          "--snapshotter",
          "--cni-path",
          "--cni-netconfpath",
          "--data-root",
          "--hosts-dir");

  private RunLineReader() {}

  public static Result read(SourceFile file) {
    return read(file.text(), file.lines(), RunBlocks.formatOf(name(file)), file.displayPath());
  }

  /** Whether the file documents commands (Markdown) rather than runs them: its containers are mostly described. */
  public static boolean isDocumentation(SourceFile file) {
    return RunBlocks.formatOf(name(file)) == RunBlocks.Format.MARKDOWN;
  }

  private static String name(SourceFile file) {
    return file.path() == null || file.path().getFileName() == null
        ? file.displayPath()
        : file.path().getFileName().toString();
  }

  static Result read(String text, LineIndex lines, RunBlocks.Format format) {
    return read(text, lines, format, "");
  }

  /** Reads {@code text}, shown as {@code file} (the file its comments and statements are recorded in). */
  static Result read(String text, LineIndex lines, RunBlocks.Format format, String file) {
    SourceLayout layout = new SourceLayout();
    Result result =
        new Result(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            layout);
    // cheap: most Markdown and scripts start no container; their comments are still read
    boolean runs =
        MENTION.matcher(text).find() || (format == RunBlocks.Format.YAML && text.contains("jobs"));
    if (!runs
        && text.indexOf('#') < 0
        && !text.contains("<!--")
        && format != RunBlocks.Format.SYSTEMD) return result;
    // a unit's command line is no shell: a # in it is an argument (its comments are whole lines,
    // UnitFile's)
    boolean shellComments = format != RunBlocks.Format.SYSTEMD;
    Map<Object, Walk> scopes = new java.util.IdentityHashMap<>();
    ExpansionBudget expansions = ExpansionBudget.forText(text.length());
    List<WorkflowContainers.Decl> declared = new ArrayList<>();
    List<ParseProblem> problems = runs ? result.problems() : new ArrayList<>();
    for (RunBlocks.Block block :
        RunBlocks.blocks(format, text, lines, problems, declared, layout, file)) {
      Walk walk = scopes.computeIfAbsent(block.scope(), k -> new Walk(lines, result, expansions));
      if (!runs || !MENTION.matcher(block.text()).find() && !block.text().text().contains("=")) {
        // no command to read: only the comments
        if (shellComments && block.text().text().indexOf('#') >= 0)
          ShellParser.layout(block.text(), lines).recordIn(layout, file);
        continue;
      }
      // a command string run by a shell (bash -c "docker run ...", sudo sh -c '...') holds commands
      // too
      ShellScript script = NestedShells.expand(ShellParser.parse(block.text(), lines), lines);
      if (shellComments) script.recordIn(layout, file);
      for (ShellProblem p : script.problems()) {
        if (block.reportProblems() || p.skipped())
          result.problems().add(new ParseProblem(p.span(), p.message(), p.skipped()));
      }
      walk.script(script);
    }
    if (runs) for (WorkflowContainers.Decl d : declared) declared(d, lines, result);
    return result;
  }

  /**
   * A workflow's job container or service: {@code options} are read as {@code docker create} options (the
   * runner splits them as a shell would), {@code volumes}, {@code ports} and {@code env} as {@code -v},
   * {@code -p} and {@code -e}.
   */
  private static void declared(WorkflowContainers.Decl d, LineIndex lines, Result result) {
    java.util.function.Function<String, String> none = k -> null;
    List<Word> words = new ArrayList<>();
    if (d.options() != null && !d.options().text().isBlank()) {
      ShellScript script = ShellParser.parse(d.options(), lines);
      for (ShellProblem p : script.problems())
        result.problems().add(new ParseProblem(p.span(), p.message()));
      for (ShellCommand c : script.commands()) {
        words.addAll(c.assignments());
        words.addAll(c.words());
      }
    }
    RunArgs args = RunArgs.parse(words, RunArgs.Tool.DOCKER, none);
    result.unknownFlags().addAll(args.unknown);
    args.image = d.image();
    args.command.clear();
    for (Word v : d.volumes()) {
      args.options.add(
          new RunArgs.Option(
              "volume",
              "volumes",
              RunValue.of(v, 0, v.value().length(), none),
              v.span(),
              v.span()));
    }
    for (Word p : d.ports()) {
      args.options.add(
          new RunArgs.Option(
              "publish", "ports", RunValue.of(p, 0, p.value().length(), none), p.span(), p.span()));
    }
    List<EnvVar> env = new ArrayList<>();
    for (Word[] kv : d.env()) {
      RunValue value = RunValue.of(kv[1], 0, kv[1].value().length(), none);
      env.add(
          new EnvVar(
              new Text(kv[0].value(), kv[0].span()),
              new Text(value.text(), value.span()),
              kv[0].span().to(kv[1].span()),
              SourceKind.RUN));
      result.texts().add(new SourceText(kv[1].valueText(), lines));
    }
    ContainerSpec spec = RunContainer.of(d.name(), d.span(), args, none, env);
    result.problems().addAll(RunContainer.problems(spec));
    result.containers().add(spec);
    for (Word w : words) result.texts().add(new SourceText(w.valueText(), lines));
    if (d.password() != null) result.texts().add(new SourceText(d.password().valueText(), lines));
  }

  /** One block's commands in order, with the shell variables known so far. */
  private static final class Walk {
    private final LineIndex lines;
    private final Result result;
    private final Map<String, String> vars = new HashMap<>();
    private final VolumeBinds volumes = new VolumeBinds();
    private final ExpansionBudget expansions;

    /** The variables, charged to the file's budget: A=$A$A repeated would double the value each time. */
    private final java.util.function.Function<String, String> known;

    Walk(LineIndex lines, Result result, ExpansionBudget expansions) {
      this.lines = lines;
      this.result = result;
      this.expansions = expansions;
      this.known = expansions.lookup(vars::get);
    }

    void script(ShellScript script) {
      for (ShellCommand c : script.commands()) {
        command(c);
        if (expansions.tellOnce())
          result.problems().add(new ParseProblem(c.span(), expansions.notice()));
      }
    }

    private void command(ShellCommand c) {
      List<Word> words = c.words();
      if (words.isEmpty()) {
        for (Word a : c.assignments()) assign(a, false);
        return;
      }
      for (Word a : c.assignments()) clientEnv(a);
      // wrappers (sudo -u x, env X=1, timeout 60, nice -n 5...) as the one wrapper table reads them
      EffectiveCommand run = EffectiveCommand.of(c);
      List<Word> given = run.assignments();
      for (int k = c.assignments().size(); k < given.size(); k++) clientEnv(given.get(k));
      int i = run.name() == null ? words.size() : words.size() - run.args().size() - 1;
      if (i >= words.size()) return;
      String name = base(words.get(i).value());
      if (DECLARATIONS.contains(name) && i == 0) {
        for (int j = 1; j < words.size(); j++) {
          if (!words.get(j).value().startsWith("-")) assign(words.get(j), name.equals("export"));
        }
        return;
      }
      RunArgs.Tool tool =
          switch (name) {
            case "docker" -> RunArgs.Tool.DOCKER;
            case "podman" -> RunArgs.Tool.PODMAN;
            case "nerdctl" -> RunArgs.Tool.NERDCTL;
            default -> null;
          };
      if (tool == null) return;
      int toolAt = i++;
      while (i < words.size() && words.get(i).value().startsWith("-")) {
        String v = words.get(i).value();
        i += GLOBAL_VALUE_OPTIONS.contains(v) ? 2 : 1;
      }
      if (i < words.size() && words.get(i).value().equals("container")) i++;
      if (i >= words.size()) return;
      String sub = words.get(i).value();
      if (sub.equals("volume")
          && i + 1 < words.size()
          && words.get(i + 1).value().equals("create")) {
        volumes.create(words.subList(i + 2, words.size()), vars::get);
        return;
      }
      if (!sub.equals("run") && !sub.equals("create")) return;
      Span span = words.get(toolAt).span().to(words.get(i).span());
      String shown =
          tool.name().toLowerCase(java.util.Locale.ROOT)
              + (i - toolAt > 1 && words.get(i - 1).value().equals("container")
                  ? " container "
                  : " ")
              + sub;
      RunArgs args = RunArgs.parse(words.subList(i + 1, words.size()), tool, known);
      result.unknownFlags().addAll(args.unknown);
      ContainerSpec spec = RunContainer.of(shown, span, args, known);
      result.problems().addAll(RunContainer.problems(spec));
      result
          .containers()
          .add(volumes.isEmpty() ? spec : RunContainer.withMounts(spec, volumes::apply));
      for (int j = toolAt; j < words.size(); j++) {
        result.texts().add(new SourceText(words.get(j).valueText(), lines));
      }
    }

    /** {@code NAME=value}: remembered for later expansions; unknown values forget the name. */
    private void assign(Word w, boolean exported) {
      String v = w.value();
      int eq = v.indexOf('=');
      if (eq <= 0) return;
      String key = v.substring(0, eq);
      if (key.endsWith("+")) return;
      if (!key.chars().allMatch(ch -> ch == '_' || Character.isLetterOrDigit(ch))) return;
      RunValue value = RunValue.of(w, eq + 1, v.length(), known);
      if (value.isSymbolic()) vars.remove(key);
      else vars.put(key, value.text());
      if (exported) clientEnv(w);
    }

    /** Variables that configure the docker client itself (DOCKER_CONTENT_TRUST, DOCKER_HOST...). */
    private void clientEnv(Word w) {
      String v = w.value();
      int eq = v.indexOf('=');
      if (eq <= 0 || !v.startsWith("DOCKER_")) return;
      RunValue value = RunValue.of(w, eq + 1, v.length(), known);
      result
          .env()
          .add(
              new EnvVar(
                  new Text(v.substring(0, eq), w.span(0, eq)),
                  new Text(value.text(), value.span()),
                  w.span(),
                  SourceKind.RUN));
    }
  }

  private static String base(String command) {
    int slash = command.lastIndexOf('/');
    return slash < 0 ? command : command.substring(slash + 1);
  }
}
