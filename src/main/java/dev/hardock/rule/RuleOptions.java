package dev.hardock.rule;

import java.util.List;
import java.util.Map;

/**
 * Per-rule settings (for example HD203's {@code trusted-registries}) keyed by rule id, then by option name.
 * Values are strings or lists of strings, as configuration gives them.
 */
public record RuleOptions(Map<String, Map<String, Object>> byRule) {
  public static final RuleOptions NONE = new RuleOptions(Map.of());

  @SuppressWarnings("unchecked")
  public List<String> list(String ruleId, String option) {
    Object v = byRule.getOrDefault(ruleId, Map.of()).get(option);
    if (v instanceof List<?> l) return (List<String>) l;
    if (v instanceof String s) return List.of(s);
    return List.of();
  }

  public String string(String ruleId, String option, String fallback) {
    Object v = byRule.getOrDefault(ruleId, Map.of()).get(option);
    return v instanceof String s ? s : fallback;
  }
}
