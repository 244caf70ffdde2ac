package dev.hardock.engine;

import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleOptions;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which rules run and how: rules switched on or off against their defaults, severity overrides, and
 * per-rule options. Configuration files and command-line flags both end up here.
 */
public record LintSettings(
    Set<String> enabled,
    Set<String> disabled,
    Map<String, Severity> severities,
    RuleOptions options,
    RuleRegistry rules) {
  public static final LintSettings DEFAULT =
      new LintSettings(Set.of(), Set.of(), Map.of(), RuleOptions.NONE);

  /** Settings over the built-in rules alone (no configuration, or one without custom rules). */
  public LintSettings(
      Set<String> enabled,
      Set<String> disabled,
      Map<String, Severity> severities,
      RuleOptions options) {
    this(enabled, disabled, severities, options, RuleRegistry.builtIn());
  }

  public boolean isActive(RuleMeta rule) {
    if (disabled.contains(rule.id())) return false;
    return rule.enabledByDefault() || enabled.contains(rule.id());
  }

  /** Ids of the active rules. */
  public Set<String> activeIds() {
    Set<String> ids = new HashSet<>();
    for (RuleMeta m : rules.metas()) if (isActive(m)) ids.add(m.id());
    return ids;
  }
}
