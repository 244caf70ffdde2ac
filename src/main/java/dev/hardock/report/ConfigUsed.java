package dev.hardock.report;

import dev.hardock.engine.Config;
import dev.hardock.engine.RepoPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * A configuration file a run used, and what it turned off. On a pull request the repository is the author's, and
 * so is its {@code .hardock.yaml}: a file that disables rules or excludes paths is said, never silently obeyed.
 *
 * @param file repository-relative path (as SARIF results name files)
 * @param disabledRules rule ids it switches off, sorted
 * @param excludes its exclude globs, as written
 * @param failOn its fail-on, or null
 */
public record ConfigUsed(String file, List<String> disabledRules, List<String> excludes, String failOn) {
  public static ConfigUsed of(Config c) {
    return new ConfigUsed(RepoPaths.uri(c.file()), c.disable().stream().sorted().toList(), List.copyOf(c.exclude()),
        c.failOn());
  }

  /** Whether it turns anything off: rules, paths, or the failure of the check. */
  public boolean weakens() {
    return !disabledRules.isEmpty() || !excludes.isEmpty() || failOn != null;
  }

  /** {@code config: .hardock.yaml (disables HD117, HD120; excludes 'deploy/**'; fail-on none)}, unescaped. */
  public String line() {
    List<String> parts = new ArrayList<>();
    if (!disabledRules.isEmpty()) parts.add("disables " + String.join(", ", disabledRules));
    if (!excludes.isEmpty()) parts.add("excludes '" + String.join("', '", excludes) + "'");
    if (failOn != null) parts.add("fail-on " + failOn);
    return "config: " + file + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
  }
}
