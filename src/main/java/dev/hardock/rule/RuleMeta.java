package dev.hardock.rule;

import dev.hardock.model.SourceKind;
import java.util.List;

/** A rule's identity as the engine and the reports see it. */
public record RuleMeta(String id, String slug, Severity severity, List<SourceKind> appliesTo,
    boolean enabledByDefault) {
  public static RuleMeta of(Class<?> ruleClass) {
    RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
    if (info == null) throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
    return new RuleMeta(info.id(), info.slug(), info.severity(), List.of(info.appliesTo()), info.enabledByDefault());
  }

  public String docFileName() {
    return id + "-" + slug + ".md";
  }
}
