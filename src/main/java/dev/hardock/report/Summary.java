package dev.hardock.report;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.Notice;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over a run, for summaries and the exit code; the configuration files it used; {@code notices}: what was
 * not linted and why (printed on stderr, counted in the text summary, listed in JSON and SARIF).
 */
public record Summary(
    int files,
    int findings,
    Map<Severity, Integer> bySeverity,
    long millis,
    List<ConfigUsed> configs,
    List<Notice> notices,
    RuleRegistry rules) {
  public Summary(
      int files,
      int findings,
      Map<Severity, Integer> bySeverity,
      long millis,
      List<ConfigUsed> configs) {
    this(files, findings, bySeverity, millis, configs, List.of(), RuleRegistry.builtIn());
  }

  public Summary(
      int files,
      int findings,
      Map<Severity, Integer> bySeverity,
      long millis,
      List<ConfigUsed> configs,
      List<Notice> notices) {
    this(files, findings, bySeverity, millis, configs, notices, RuleRegistry.builtIn());
  }

  public Summary withNotices(List<Notice> n) {
    return new Summary(files, findings, bySeverity, millis, configs, List.copyOf(n), rules);
  }

  /** The rules of the run (the custom rules of its configurations too), for what reports say about rules. */
  public Summary withRules(RuleRegistry r) {
    return new Summary(files, findings, bySeverity, millis, configs, notices, r);
  }

  /** How many things were not linted. */
  public int skipped() {
    return notices.size();
  }

  public static Summary of(List<FileResult> results, long millis) {
    return of(results, millis, List.of());
  }

  public static Summary of(List<FileResult> results, long millis, List<ConfigUsed> configs) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) counts.put(s, 0);
    int n = 0;
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        counts.merge(f.severity(), 1, Integer::sum);
        n++;
      }
    }
    return new Summary(results.size(), n, counts, millis, List.copyOf(configs));
  }

  public int count(Severity s) {
    return bySeverity.getOrDefault(s, 0);
  }

  /** Findings at or above the threshold. */
  public int atLeast(Severity threshold) {
    int n = 0;
    for (Severity s : Severity.values()) if (s.atLeast(threshold)) n += count(s);
    return n;
  }
}
