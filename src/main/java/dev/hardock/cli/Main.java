package dev.hardock.cli;

import dev.hardock.engine.Discovery;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.Version;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Spelling;
import dev.hardock.report.ConfigUsed;
import dev.hardock.report.Formats;
import dev.hardock.report.Report;
import dev.hardock.report.Summary;
import dev.hardock.report.Visible;
import dev.hardock.rule.RuleDoc;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** The command line: {@code hardock [options] [PATH...]}. {@link #run} returns the exit code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    warmUp();
    if (args.length > 0 && args[0].equals("lsp")) {
      // the language server: its classes (and LSP4J's) are loaded here only, never by a lint
      System.exit(
          dev.hardock.lsp.LanguageServerMain.run(Version.get(), System.in, System.out, System.err));
    }
    String noColor = System.getenv("NO_COLOR");
    int code =
        run(args, System.out, System.err, (noColor == null || noColor.isEmpty()) && isTerminal());
    System.out.flush();
    System.err.flush();
    // Runtime.exit (Java 21+) first looks up a System.Logger to log the exit: a service lookup
    // through the
    // runtime's modules that costs milliseconds. hardock registers no shutdown hook and has flushed
    // its output,
    // so it halts; -Dhardock.exit=normal exits normally (a profiler's shutdown hook, e.g. JFR's
    // dump on exit).
    if ("normal".equals(System.getProperty("hardock.exit"))) System.exit(code);
    Runtime.getRuntime().halt(code);
  }

  /**
   * Whether stdout is a terminal. Since Java 22 System.console() exists even when output is redirected;
   * Console.isTerminal() (looked up reflectively: we compile for 17) tells the truth there.
   */
  static boolean isTerminal() {
    java.io.Console c = System.console();
    if (c == null) return false;
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /**
   * Start-up is most of a pre-commit run, and one of its largest costs is one-time class initialisation: the
   * shell grammar's ATN (deserialised, then its first prediction), and loading the rule classes. Doing both on
   * a second thread while this one parses options, discovers and reads the files overlaps them on a
   * multi-core machine. Purely an optimisation: nothing waits for it. (perf, one small Dockerfile through
   * ./hardock: the main thread's CPU time is 96-103 ms with it, 127-131 ms without on Java 17, 89-93 vs 97-98
   * ms on Java 25.)
   */
  static void warmUp() {
    if (Runtime.getRuntime().availableProcessors() < 2) return;
    Thread t =
        new Thread(
            () -> {
              try {
                dev.hardock.engine.Linter.warmUp();
              } catch (RuntimeException | LinkageError e) {
                // the main thread meets the same classes and reports what matters
              }
            },
            "hardock-warm-up");
    t.setDaemon(true);
    t.start();
  }

  static Options options() {
    Options o = new Options();
    o.addOption(
        Option.builder("f")
            .longOpt("format")
            .hasArg()
            .argName("FORMAT")
            .desc(
                "output format on stdout: text (default), gnu, json, sarif, checkstyle, gitlab, github")
            .build());
    o.addOption(
        Option.builder("o")
            .longOpt("output")
            .hasArg()
            .argName("FILE")
            .desc(
                "write the report to FILE instead of stdout; with --output-format, write that format to FILE and keep --format on stdout")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("output-format")
            .hasArg()
            .argName("FORMAT")
            .desc("format of the --output file (default: --format)")
            .build());
    o.addOption(
        Option.builder("c")
            .longOpt("config")
            .hasArg()
            .argName("FILE")
            .desc(
                "configuration file for every linted file (default: the nearest .hardock.yaml up to the project root: the repository, else the named folder; then $XDG_CONFIG_HOME/hardock/config.yaml)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("baseline")
            .hasArg()
            .argName("FILE")
            .desc("report only findings that are not recorded in FILE")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("write-baseline")
            .desc("record today's findings in the --baseline FILE and exit 0")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("stdin-filename")
            .hasArg()
            .argName("NAME")
            .desc(
                "with - as the path: read the file from stdin, named NAME (its kind and configuration follow the name)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("fix")
            .desc(
                "apply the safe fixes of the findings in place (with -: print the fixed file), then report what is left")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("unsafe-fixes")
            .desc(
                "with --fix or --diff: apply the unsafe fixes too (they may change what the container does)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("diff")
            .desc(
                "print what --fix would change as a unified diff and write nothing (exit 1 when there is a diff)")
            .build());
    o.addOption(
        Option.builder("q").longOpt("quiet").desc("print findings only (no summary)").build());
    o.addOption(
        Option.builder()
            .longOpt("fail-on")
            .hasArg()
            .argName("SEVERITY")
            .desc(
                "exit 1 when a finding is at or above this severity: error, warning (default), info, style, none")
            .build());
    o.addOption(
        Option.builder("t")
            .longOpt("type")
            .hasArg()
            .argName("TYPE")
            .desc(
                "read the named files as this type: dockerfile, compose, run, daemon, devcontainer, quadlet, systemd, ansible")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("use-env")
            .desc(
                "interpolate compose files with this process's environment too (default: only .env files)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("env-file")
            .hasArg()
            .argName("FILE")
            .desc(
                "read compose interpolation variables from FILE instead of the .env beside each compose file (repeatable)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("disable")
            .hasArg()
            .argName("RULES")
            .desc("comma-separated rule ids or slugs to turn off")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("enable")
            .hasArg()
            .argName("RULES")
            .desc("comma-separated rule ids or slugs to turn on (for rules off by default)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("explain")
            .hasArg()
            .argName("RULE")
            .desc("print the documentation of a rule (id or slug) and exit")
            .build());
    o.addOption(
        Option.builder().longOpt("list-rules").desc("print the rule catalog and exit").build());
    o.addOption(
        Option.builder("j")
            .longOpt("jobs")
            .hasArg()
            .argName("N")
            .desc("files linted in parallel (default: number of CPUs)")
            .build());
    o.addOption(
        Option.builder()
            .longOpt("no-color")
            .desc("never colour the output (NO_COLOR is honoured too)")
            .build());
    o.addOption(
        Option.builder().longOpt("debug").desc("print stack traces of internal errors").build());
    o.addOption(Option.builder("V").longOpt("version").desc("print the version and exit").build());
    o.addOption(Option.builder("h").longOpt("help").desc("print this help and exit").build());
    return o;
  }

  /** Usage errors: a message for stderr and exit code 2. */
  static final class UsageException extends Exception {
    /** Whether to point at --help: not when the message names a value that is wrong, not the usage. */
    final boolean hint;

    UsageException(String message) {
      this(message, true);
    }

    UsageException(String message, boolean hint) {
      super(message);
      this.hint = hint;
    }
  }

  public static int run(String[] args, PrintStream stdout, PrintStream stderr, boolean tty) {
    return run(args, System.in, stdout, stderr, tty);
  }

  public static int run(
      String[] args,
      java.io.InputStream stdin,
      PrintStream stdout,
      PrintStream stderr,
      boolean tty) {
    stderr =
        Visible.stream(stderr); // everything on stderr may quote the tree: escaped in one place
    boolean debug = false;
    for (String a : args) if (a.equals("--debug")) debug = true;
    try {
      return execute(args, stdin, stdout, stderr, tty).code;
    } catch (UsageException e) {
      stderr.println("hardock: " + e.getMessage());
      if (e.hint) stderr.println("Try 'hardock --help' for more information.");
      return ExitCode.ERROR.code;
    } catch (RuntimeException | IOException | Error e) {
      stderr.println("hardock: internal error: " + e);
      if (debug) e.printStackTrace(stderr);
      return ExitCode.ERROR.code;
    }
  }

  private static ExitCode execute(
      String[] args, java.io.InputStream stdin, PrintStream stdout, PrintStream stderr, boolean tty)
      throws UsageException, IOException {
    if (args.length > 0 && args[0].equals("model")) {
      return ModelCommand.run(List.of(args).subList(1, args.length), stdin, stdout, stderr);
    }
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options(), args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (cl.hasOption("help")) {
      StringWriter sw = new StringWriter();
      new HelpFormatter()
          .printHelp(
              new PrintWriter(sw),
              100,
              "hardock [options] [PATH...]\n       hardock model [--type TYPE] PATH...",
              "Lints Dockerfiles and compose files for security problems. PATH is a file or a directory (default: .).%n%nOptions:"
                  .formatted(),
              options(),
              2,
              3,
              ("%nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or internal error.%n"
                      + "%n'hardock lsp' runs the language server on stdin/stdout (README, Editors).%n")
                  .formatted());
      stdout.print(sw);
      return ExitCode.CLEAN;
    }
    if (cl.hasOption("version")) {
      stdout.println("hardock " + Version.get());
      return ExitCode.CLEAN;
    }
    RuleRegistry rules;
    try {
      rules = commandRules(cl);
    } catch (dev.hardock.engine.Config.Invalid e) {
      stderr.println("hardock: " + e.getMessage());
      return ExitCode.ERROR;
    }
    if (cl.hasOption("list-rules")) {
      listRules(stdout, rules);
      return ExitCode.CLEAN;
    }
    if (cl.hasOption("explain")) {
      RuleMeta rule = rules.find(cl.getOptionValue("explain"));
      if (rule == null)
        throw new UsageException(
            "unknown rule '"
                + cl.getOptionValue("explain")
                + "'"
                + suggest(cl.getOptionValue("explain"), rules));
      if (rules.customRule(rule.id()) == null) {
        stdout.print(RuleDoc.explain(rule).replace("\n", System.lineSeparator()));
      } else {
        RuleDoc doc = rules.doc(rule);
        stdout.println(rule.id() + " " + rule.slug() + " (" + rule.severity().id() + ")");
        stdout.println();
        stdout.print(doc == null ? "No documentation.\n" : doc.body().strip() + "\n");
      }
      return ExitCode.CLEAN;
    }
    String format = cl.getOptionValue("format", "text");
    boolean color = tty && !cl.hasOption("no-color");
    boolean quiet = cl.hasOption("quiet");
    Report report = Formats.of(format, color, quiet);
    if (report == null)
      throw new UsageException(
          "unknown format '" + format + "': expected " + String.join(", ", Formats.NAMES));
    String outputFile = cl.getOptionValue("output");
    Report fileReport = null;
    if (cl.hasOption("output-format") && outputFile == null)
      throw new UsageException("--output-format needs --output FILE");
    if (outputFile != null) {
      String fileFormat = cl.getOptionValue("output-format", format);
      fileReport = Formats.of(fileFormat, false, quiet);
      if (fileReport == null) {
        throw new UsageException(
            "unknown format '" + fileFormat + "': expected " + String.join(", ", Formats.NAMES));
      }
      if (!cl.hasOption("output-format")) report = null; // as ruff and eslint: -o replaces stdout
    }
    String failOn = cl.getOptionValue("fail-on", "warning");
    Severity threshold = Severity.parse(failOn);
    if (threshold == null && !failOn.equals("none")) {
      throw new UsageException(
          "unknown severity '"
              + failOn
              + "' for --fail-on: expected error, warning, info, style or none");
    }
    SourceKind forced = null;
    if (cl.hasOption("type")) {
      forced = SourceKind.byId(cl.getOptionValue("type"));
      if (forced == null) {
        throw new UsageException(
            "unknown type '"
                + cl.getOptionValue("type")
                + "': expected "
                + String.join(
                    ", ",
                    java.util.Arrays.stream(SourceKind.values()).map(SourceKind::id).toList()));
      }
    }
    int jobs = Runtime.getRuntime().availableProcessors();
    if (cl.hasOption("jobs")) {
      try {
        jobs = Integer.parseInt(cl.getOptionValue("jobs"));
      } catch (NumberFormatException e) {
        jobs = -1;
      }
      if (jobs < 1) throw new UsageException("--jobs takes a whole number of at least 1");
    }
    List<String> paths = cl.getArgList().isEmpty() ? List.of(".") : cl.getArgList();
    String stdinName = cl.getOptionValue("stdin-filename");
    if (paths.contains("-")) {
      if (paths.size() > 1)
        throw new UsageException("- (stdin) cannot be combined with other paths");
      if (stdinName == null) stdinName = "-";
    } else if (stdinName != null) {
      throw new UsageException("--stdin-filename needs - as the path");
    }
    if (stdinName != null && !stdinName.equals("-")) checkFileName(stdinName);
    if (cl.hasOption("write-baseline") && !cl.hasOption("baseline"))
      throw new UsageException("--write-baseline needs --baseline FILE");
    boolean diff = cl.hasOption("diff");
    boolean fixing = diff || cl.hasOption("fix");
    if (fixing && cl.hasOption("write-baseline"))
      throw new UsageException("--fix and --diff cannot be combined with --write-baseline");
    if (fixing && "-".equals(stdinName)) {
      throw new UsageException(
          (diff ? "--diff" : "--fix")
              + " with - needs --stdin-filename NAME (the file's kind and configuration follow its name)");
    }
    LintRun.Fixing fixMode =
        !fixing
            ? LintRun.Fixing.NONE
            : cl.hasOption("unsafe-fixes") ? LintRun.Fixing.UNSAFE : LintRun.Fixing.SAFE;

    long start = System.nanoTime();
    List<java.nio.file.Path> envFiles = new ArrayList<>();
    if (cl.hasOption("env-file"))
      for (String f : cl.getOptionValues("env-file")) envFiles.add(envFile(f));
    LintRun.Outcome outcome;
    try {
      outcome =
          LintRun.run(
              new LintRun.Request(
                  paths,
                  forced,
                  ruleSet(cl.getOptionValue("enable"), rules),
                  ruleSet(cl.getOptionValue("disable"), rules),
                  cl.getOptionValue("fail-on"),
                  cl.hasOption("config")
                      ? java.nio.file.Path.of(cl.getOptionValue("config"))
                      : null,
                  cl.hasOption("baseline")
                      ? java.nio.file.Path.of(cl.getOptionValue("baseline"))
                      : null,
                  cl.hasOption("write-baseline"),
                  stdinName,
                  stdin,
                  jobs,
                  cl.hasOption("use-env"),
                  List.copyOf(envFiles),
                  fixMode));
    } catch (dev.hardock.engine.Config.Invalid e) {
      stderr.println("hardock: " + e.getMessage());
      return ExitCode.ERROR;
    } catch (IOException e) {
      stderr.println("hardock: " + describe(e));
      return ExitCode.ERROR;
    }
    for (Discovery.Missing m : outcome.missing())
      stderr.println("hardock: " + m.path() + ": " + m.reason());
    for (dev.hardock.engine.Failure f : outcome.failures()) {
      stderr.println("hardock: " + f.line());
      if (cl.hasOption("debug")) f.error().printStackTrace(stderr);
    }
    for (dev.hardock.engine.Notice n : outcome.notices()) {
      stderr.println(
          "hardock: notice: " + n.path() + ": " + n.message()); // stderr escapes (Visible.stream)
    }
    // nothing could be linted: the error says it all, no "No findings" report
    if (!outcome.missing().isEmpty() && outcome.results().isEmpty()) return ExitCode.ERROR;
    if (outcome.baselineWritten() >= 0) {
      stderr.println(
          "hardock: recorded "
              + outcome.baselineWritten()
              + " findings in "
              + cl.getOptionValue("baseline"));
      return outcome.missing().isEmpty() && outcome.failures().isEmpty()
          ? ExitCode.CLEAN
          : ExitCode.ERROR;
    }
    if (diff) return printDiff(outcome, stdout, stderr, quiet);
    boolean fixFailed = false;
    String fixedStdin = null;
    if (fixing) {
      int fixedFindings = 0;
      int fixedFiles = 0;
      byte[] unfixedStdin = null;
      for (dev.hardock.engine.Fixer.Outcome o : outcome.fixes()) {
        if (reportFixProblems(o, stderr)) {
          fixFailed = true;
          unfixedStdin = o.originalBytes();
          continue;
        }
        if (stdinName != null) fixedStdin = o.written();
        if (!o.changed()) continue;
        if (stdinName == null) {
          try {
            dev.hardock.engine.Fixer.write(o);
          } catch (IOException e) {
            stderr.println(
                "hardock: "
                    + o.target().displayPath()
                    + ": not fixed: "
                    + (e instanceof dev.hardock.engine.Fixer.NotWritten
                        ? e.getMessage()
                        : describe(e)));
            fixFailed = true;
            continue;
          }
        }
        fixedFindings += o.fixed();
        fixedFiles++;
      }
      if (!quiet)
        stderr.println(
            "hardock: fixed "
                + fixedFindings
                + " finding"
                + (fixedFindings == 1 ? "" : "s")
                + " in "
                + fixedFiles
                + " file"
                + (fixedFiles == 1 ? "" : "s"));
      if (stdinName != null) {
        // the fixed file goes to stdout, so the report goes to stderr
        if (fixedStdin == null && unfixedStdin != null) {
          stdout.write(unfixedStdin); // what could not be fixed is given back as it came
          stdout.flush();
        } else if (fixedStdin != null) {
          Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
          w.write(fixedStdin);
          w.flush();
        }
        stdout = stderr;
      }
    }
    List<FileResult> results = outcome.results();
    List<ConfigUsed> configs = outcome.configs().stream().map(ConfigUsed::of).toList();
    Summary summary =
        Summary.of(results, (System.nanoTime() - start) / 1_000_000, configs)
            .withNotices(outcome.notices())
            .withRules(outcome.rules());
    // text, JSON and SARIF name the configuration files; the log of other formats gets it on stderr
    if (!quiet && (report == null || !report.showsConfigs())) {
      for (ConfigUsed c : configs) if (c.weakens()) stderr.println("hardock: " + c.line());
    }
    if (fileReport != null) {
      Report toFile = fileReport;
      try {
        dev.hardock.engine.AtomicFile.write(
            java.nio.file.Path.of(outputFile), w -> toFile.write(results, summary, w));
      } catch (IOException e) {
        throw new UsageException("cannot write the report: " + describe(e));
      }
    }
    if (report != null) {
      Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
      report.write(results, summary, w);
      w.flush();
    }
    if (!outcome.missing().isEmpty() || !outcome.failures().isEmpty() || fixFailed)
      return ExitCode.ERROR;
    return outcome.failed() ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  /** A file --fix or --diff could not fix, or a fix left out because it broke the file: said on stderr. */
  private static boolean reportFixProblems(dev.hardock.engine.Fixer.Outcome o, PrintStream stderr) {
    for (String title : new java.util.LinkedHashSet<>(o.rejected())) {
      stderr.println(
          "hardock: "
              + o.target().displayPath()
              + ": fix '"
              + title
              + "' not applied: the file would not parse afterwards (please report it)");
    }
    if (o.error() == null) return false;
    stderr.println("hardock: " + o.target().displayPath() + ": not fixed: " + o.error());
    return true;
  }

  /** --diff: the unified diff of every file --fix would change; exit 1 when there is one, 2 on an error. */
  private static ExitCode printDiff(
      LintRun.Outcome outcome, PrintStream stdout, PrintStream stderr, boolean quiet)
      throws IOException {
    boolean error = !outcome.missing().isEmpty() || !outcome.failures().isEmpty();
    int files = 0;
    int fixes = 0;
    Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    for (dev.hardock.engine.Fixer.Outcome o : outcome.fixes()) {
      if (reportFixProblems(o, stderr)) {
        error = true;
        continue;
      }
      if (!o.changed()) continue;
      String uri = dev.hardock.engine.RepoPaths.uri(o.target().path());
      // git apply takes paths from the top of the work tree
      String path = uri.startsWith("/") ? o.target().displayPath() : uri;
      dev.hardock.report.UnifiedDiff.Diff d =
          dev.hardock.report.UnifiedDiff.diff(path, o.writtenBefore(), o.written());
      if (d.withheld()) {
        // a diff shows its changed lines as they are, or it would not apply: never printed, so the
        // output is incomplete
        stderr.println(
            "hardock: "
                + o.target().displayPath()
                + ": diff not shown: it would print a secret in full, a"
                + " control or bidi character or a CI log command (on a line it changes or right after one); --fix applies it");
        error = true;
        continue;
      }
      w.write(d.text());
      files++;
      fixes += o.fixed();
    }
    w.flush();
    if (!quiet)
      stderr.println(
          "hardock: --fix would fix "
              + fixes
              + " finding"
              + (fixes == 1 ? "" : "s")
              + " in "
              + files
              + " file"
              + (files == 1 ? "" : "s"));
    return error ? ExitCode.ERROR : files > 0 ? ExitCode.FINDINGS : ExitCode.CLEAN;
  }

  /** --stdin-filename names a file: its name decides the kind and the configuration ('/' names none). */
  private static void checkFileName(String name) throws UsageException {
    java.nio.file.Path p;
    try {
      p = java.nio.file.Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UsageException("--stdin-filename: not a file name: " + e.getReason(), false);
    }
    if (p.getFileName() == null || name.isEmpty() || name.endsWith("/")) {
      throw new UsageException("--stdin-filename must name a file, not '" + name + "'", false);
    }
  }

  /** An --env-file the user named must exist: a typo silently dropped would lint with other values. */
  private static java.nio.file.Path envFile(String name) throws UsageException {
    java.nio.file.Path p;
    try {
      p = java.nio.file.Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UsageException("--env-file: not a file name: " + e.getReason(), false);
    }
    if (!java.nio.file.Files.isRegularFile(p)) {
      throw new UsageException(
          "--env-file "
              + name
              + ": "
              + (java.nio.file.Files.exists(p) ? "not a regular file" : "no such file"),
          false);
    }
    return p;
  }

  /** An I/O error as one line: NoSuchFileException's message is the bare path, which says nothing on its own. */
  static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException n) return n.getFile() + ": no such file";
    if (e instanceof java.nio.file.AccessDeniedException a)
      return a.getFile() + ": permission denied";
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null)
      return f.getFile() + ": " + f.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * The rules the command line can name (--list-rules, --explain, --enable, --disable): the built-in ones and
   * the custom rules of the command's configuration: --config FILE, else the .hardock.yaml that governs the
   * first path (or the current folder). Its configuration is only read when one of those options is given.
   */
  private static RuleRegistry commandRules(CommandLine cl)
      throws dev.hardock.engine.Config.Invalid {
    boolean needed =
        cl.hasOption("list-rules")
            || cl.hasOption("explain")
            || cl.hasOption("enable")
            || cl.hasOption("disable");
    if (!needed) return RuleRegistry.builtIn();
    java.nio.file.Path config = null;
    if (cl.hasOption("config")) {
      config = java.nio.file.Path.of(cl.getOptionValue("config"));
    } else {
      String first =
          cl.getArgList().isEmpty() || cl.getArgList().get(0).equals("-")
              ? "."
              : cl.getArgList().get(0);
      java.nio.file.Path p = java.nio.file.Path.of(first).toAbsolutePath().normalize();
      java.nio.file.Path probe =
          java.nio.file.Files.isDirectory(p) ? p.resolve(".hardock-probe") : p;
      java.nio.file.Path root = java.nio.file.Files.isDirectory(p) ? p : p.getParent();
      if (root != null) {
        java.nio.file.Path repo = dev.hardock.io.ProjectRoot.of(root);
        config = dev.hardock.engine.Config.find(probe, repo == null ? root : repo, LintRun.env);
      }
    }
    return config == null ? RuleRegistry.builtIn() : dev.hardock.engine.Config.load(config).rules();
  }

  private static Set<String> ruleSet(String list, RuleRegistry rules) throws UsageException {
    Set<String> ids = new HashSet<>();
    if (list == null) return ids;
    for (String part : list.split(",")) {
      if (part.isBlank()) continue;
      RuleMeta m = rules.find(part);
      if (m == null)
        throw new UsageException("unknown rule '" + part.trim() + "'" + suggest(part, rules));
      ids.add(m.id());
    }
    return ids;
  }

  private static String suggest(String name, RuleRegistry rules) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (RuleMeta m : rules.metas()) {
      int d =
          Math.min(
              Spelling.distance(name.toLowerCase(), m.slug()),
              Spelling.distance(name.toUpperCase(), m.id()));
      if (d < bestDistance) {
        bestDistance = d;
        best = m.id() + " " + m.slug();
      }
    }
    return best != null && bestDistance <= 3
        ? " (did you mean " + best + "?)"
        : "; see --list-rules";
  }

  private static void listRules(PrintStream out, RuleRegistry rules) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "SLUG", "SEVERITY", "APPLIES TO", "SUMMARY"});
    for (RuleMeta m : rules.metas()) {
      RuleDoc doc = rules.doc(m);
      String sev = m.severity().id() + (m.enabledByDefault() ? "" : " (off)");
      String applies = String.join(",", m.appliesTo().stream().map(SourceKind::id).toList());
      rows.add(new String[] {m.id(), m.slug(), sev, applies, doc == null ? "" : doc.summary()});
    }
    int[] width = new int[5];
    for (String[] r : rows)
      for (int i = 0; i < 4; i++) width[i] = Math.max(width[i], r[i].length());
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 4; i++) b.append(String.format("%-" + width[i] + "s  ", r[i]));
      out.println(b.append(r[4]).toString().stripTrailing());
    }
  }
}
