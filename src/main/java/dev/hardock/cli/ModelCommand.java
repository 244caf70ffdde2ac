package dev.hardock.cli;

import dev.hardock.engine.Discovery;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import dev.hardock.report.ModelReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hardock model [--type TYPE] [--stdin-filename NAME] PATH...}: what hardock understood of each file, as
 * JSON ({@link ModelReport}): the vocabulary of custom rules, and a debugging aid. Files are found as a lint run
 * finds them; no rule runs and no configuration is read.
 */
final class ModelCommand {
  private ModelCommand() {}

  /** Settings under which no rule runs but HD001, whose findings (parse errors) the model lists as problems. */
  static LintSettings readOnly() {
    java.util.Set<String> off = new java.util.HashSet<>();
    for (dev.hardock.rule.RuleMeta m : dev.hardock.rule.RuleRegistry.builtIn().metas())
      if (!m.id().equals("HD001")) off.add(m.id());
    return new LintSettings(
        java.util.Set.of(), off, java.util.Map.of(), dev.hardock.rule.RuleOptions.NONE);
  }

  static ExitCode run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr)
      throws Main.UsageException, IOException {
    SourceKind forced = null;
    String stdinName = null;
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("--type") || a.equals("-t")) && i + 1 < args.size()) {
        forced = SourceKind.byId(args.get(++i));
        if (forced == null)
          throw new Main.UsageException(
              "unknown type '" + args.get(i) + "': expected dockerfile, compose, run or daemon");
      } else if (a.equals("--stdin-filename") && i + 1 < args.size()) {
        stdinName = args.get(++i);
      } else if (a.startsWith("-") && !a.equals("-")) {
        throw new Main.UsageException(
            "hardock model takes PATH..., --type TYPE and --stdin-filename NAME, not '" + a + "'");
      } else {
        paths.add(a);
      }
    }
    if (paths.isEmpty()) paths.add(".");
    Linter linter = new Linter(readOnly());
    List<Map<String, Object>> files = new ArrayList<>();
    boolean missing = false;
    if (paths.contains("-")) {
      if (paths.size() > 1)
        throw new Main.UsageException("- (stdin) cannot be combined with other paths");
      String name = stdinName == null ? "-" : stdinName;
      SourceKind kind =
          forced != null
              ? forced
              : Discovery.kindOf(
                  Path.of(name).getFileName() == null
                      ? "-"
                      : Path.of(name).getFileName().toString());
      byte[] bytes = stdin.readAllBytes();
      files.add(
          linter.model(
              new Target(Path.of(name), name, kind == null ? SourceKind.DOCKERFILE : kind), bytes));
    } else {
      Discovery.Found found = Discovery.find(paths, forced);
      for (Discovery.Missing m : found.missing()) {
        stderr.println("hardock: " + m.path() + ": " + m.reason());
        missing = true;
      }
      for (dev.hardock.engine.Notice n : found.notices())
        stderr.println("hardock: notice: " + n.path() + ": " + n.message());
      for (Target t : found.targets()) files.add(linter.model(t, null));
    }
    Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    ModelReport.write(files, w);
    w.flush();
    return missing ? ExitCode.ERROR : ExitCode.CLEAN;
  }
}
