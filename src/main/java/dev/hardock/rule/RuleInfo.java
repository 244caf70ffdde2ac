package dev.hardock.rule;

import dev.hardock.model.SourceKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What the engine needs to know about a rule; the prose lives in {@code rules/<id>-<slug>.md}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  String id();

  String slug();

  Severity severity();

  SourceKind[] appliesTo();

  /** Off-by-default rules run only when enabled in configuration. */
  boolean enabledByDefault() default true;
}
