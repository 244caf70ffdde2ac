package dev.hardock.report;

import dev.hardock.engine.Config;
import dev.hardock.engine.RepoPaths;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A configuration file a run used, and what it turned off. On a pull request the repository is the author's, and
 * so is its {@code .hardock.yaml}: a file that disables rules or excludes paths is said, never silently obeyed.
 *
 * @param file repository-relative path (as SARIF results name files)
 * @param disabledRules rule ids it switches off, sorted
 * @param excludes its exclude globs, as written
 * @param failOn its fail-on, or null
 * @param lowered rules it gives a lower severity than their own (below fail-on they no longer fail the check), by id
 * @param tuned rules whose settings it changes (a setting such as trusted-registries can narrow what a rule
 *     flags), sorted
 */
public record ConfigUsed(
    String file,
    List<String> disabledRules,
    List<String> excludes,
    String failOn,
    Map<String, Severity> lowered,
    List<String> tuned) {
  public ConfigUsed(String file, List<String> disabledRules, List<String> excludes, String failOn) {
    this(file, disabledRules, excludes, failOn, Map.of(), List.of());
  }

  public static ConfigUsed of(Config c) {
    Map<String, Severity> lowered = new TreeMap<>();
    for (Map.Entry<String, Severity> e : c.severities().entrySet()) {
      RuleMeta m = c.rules().find(e.getKey());
      if (m != null && e.getValue().ordinal() > m.severity().ordinal())
        lowered.put(m.id(), e.getValue());
    }
    List<String> disabled = new ArrayList<>(c.disable().stream().sorted().toList());
    // rules an overrides item turns off weaken the check for those files: shown with them
    for (Config.Override o : c.overrides()) {
      for (String id : o.disable().stream().sorted().toList())
        disabled.add(id + " in '" + String.join("', '", o.patterns()) + "'");
    }
    return new ConfigUsed(
        RepoPaths.uri(c.file()),
        List.copyOf(disabled),
        List.copyOf(c.exclude()),
        c.failOn(),
        lowered,
        c.options().keySet().stream().sorted().toList());
  }

  /** Whether it turns anything off or down: rules, severities, rule settings, paths, or the failure of the check. */
  public boolean weakens() {
    return !disabledRules.isEmpty()
        || !excludes.isEmpty()
        || failOn != null
        || !lowered.isEmpty()
        || !tuned.isEmpty();
  }

  /** {@code config: .hardock.yaml (disables HD117, HD120; lowers HD305 to style; excludes 'deploy/**'; fail-on none)}, unescaped. */
  public String line() {
    List<String> parts = new ArrayList<>();
    if (!disabledRules.isEmpty()) parts.add("disables " + String.join(", ", disabledRules));
    if (!lowered.isEmpty()) {
      List<String> l = new ArrayList<>();
      lowered.forEach((id, s) -> l.add(id + " to " + s.id()));
      parts.add("lowers " + String.join(", ", l));
    }
    if (!tuned.isEmpty()) parts.add("sets options of " + String.join(", ", tuned));
    if (!excludes.isEmpty()) parts.add("excludes '" + String.join("', '", excludes) + "'");
    if (failOn != null) parts.add("fail-on " + failOn);
    return "config: " + file + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
  }
}
