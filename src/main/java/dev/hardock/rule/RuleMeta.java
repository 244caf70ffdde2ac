package dev.hardock.rule;

import dev.hardock.model.SourceKind;
import java.util.List;

/** A rule's identity as the engine and the reports see it. */
public record RuleMeta(
    String id,
    String slug,
    Severity severity,
    List<SourceKind> appliesTo,
    boolean enabledByDefault) {
  public static RuleMeta of(Class<?> ruleClass) {
    RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
    if (info == null) throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
    return new RuleMeta(
        info.id(),
        info.slug(),
        info.severity(),
        List.of(info.appliesTo()),
        info.enabledByDefault());
  }

  public String docFileName() {
    return id + "-" + slug + ".md";
  }

  // equals and hashCode as a record would generate them, spelled out: see Finding.
  @Override
  public boolean equals(Object o) {
    return o instanceof RuleMeta m
        && java.util.Objects.equals(id, m.id)
        && java.util.Objects.equals(slug, m.slug)
        && severity == m.severity
        && java.util.Objects.equals(appliesTo, m.appliesTo)
        && enabledByDefault == m.enabledByDefault;
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(id);
    h = 31 * h + java.util.Objects.hashCode(slug);
    h = 31 * h + java.util.Objects.hashCode(severity);
    h = 31 * h + java.util.Objects.hashCode(appliesTo);
    return 31 * h + Boolean.hashCode(enabledByDefault);
  }
}
