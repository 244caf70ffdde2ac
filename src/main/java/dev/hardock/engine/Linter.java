package dev.hardock.engine;

import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Findings;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.source.dockerfile.DockerfileReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Reads files into the model and runs the active rules over them, in parallel, never failing on input. */
public final class Linter {
  private final LintSettings settings;

  public Linter(LintSettings settings) {
    this.settings = settings;
  }

  /** Lints every target; results come back in the order of the targets. */
  public List<FileResult> lint(List<Target> targets, int threads) {
    if (targets.size() <= 1 || threads <= 1) {
      List<FileResult> out = new ArrayList<>();
      for (Target t : targets) out.add(lint(t, null));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, targets.size()), r -> {
      Thread th = new Thread(null, r, "hardock-lint", 16L * 1024 * 1024);
      th.setDaemon(true);
      return th;
    });
    try {
      List<Future<FileResult>> futures = new ArrayList<>();
      for (Target t : targets) futures.add(pool.submit(() -> lint(t, null)));
      List<FileResult> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (Exception e) {
          out.add(internalError(targets.get(i), e));
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Lints one file; {@code stdin} holds its bytes when it was read from standard input. */
  public FileResult lint(Target target, byte[] stdin) {
    try {
      SourceLoader.Loaded loaded = SourceLoader.load(target, stdin);
      Findings out = new Findings(target.displayPath(), target.kind(), settings.severities());
      RuleMeta hd001 = RuleRegistry.parseError();
      if (loaded.problem() != null) {
        out.report(hd001, loaded.problem().span(), loaded.problem().message());
      } else {
        lintSource(loaded.file(), out, hd001);
      }
      List<Finding> found = new ArrayList<>(out.all());
      Collections.sort(found);
      Suppressions.Applied applied = Suppressions.apply(loaded.file(), found, settings);
      return new FileResult(target.displayPath(), target.kind(), applied.kept(), loaded.file().text(),
          RepoPaths.uri(target.path()), applied.suppressed());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return internalError(target, e);
    }
  }

  private void lintSource(SourceFile file, Findings out, RuleMeta hd001) {
    List<Rule> rules = activeRules(file, out);
    switch (file.kind()) {
      case DOCKERFILE -> {
        DockerfileReader.Result r = DockerfileReader.read(file);
        report(r.problems(), out, hd001);
        DockerfileWalk.walk(r.build(), rules);
      }
      default -> out.report(hd001, dev.hardock.model.Span.START, "no reader for " + file.kind().id() + " files yet");
    }
  }

  private void report(List<ParseProblem> problems, Findings out, RuleMeta hd001) {
    if (!settings.isActive(hd001)) return;
    for (ParseProblem p : problems) out.report(hd001, p.span(), p.message());
  }

  private List<Rule> activeRules(SourceFile file, Findings out) {
    List<Rule> rules = new ArrayList<>();
    for (Supplier<Rule> s : RuleRegistry.ALL) {
      Rule r = s.get();
      if (!settings.isActive(r.meta()) || !r.meta().appliesTo().contains(file.kind())) continue;
      r.bind(out, settings.options());
      rules.add(r);
    }
    return rules;
  }

  private FileResult internalError(Target t, Throwable e) {
    Findings out = new Findings(t.displayPath(), t.kind(), settings.severities());
    out.report(RuleRegistry.parseError(), dev.hardock.model.Span.START,
        "internal error while linting this file (" + e.getClass().getSimpleName() + "); please report it");
    return new FileResult(t.displayPath(), t.kind(), out.all());
  }
}
