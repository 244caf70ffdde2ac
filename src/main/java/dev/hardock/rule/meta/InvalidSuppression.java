package dev.hardock.rule.meta;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD003: reported by the engine's suppression step (engine/Suppressions); the rule itself checks nothing. */
@RuleInfo(
    id = "HD003",
    slug = "invalid-suppression",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class InvalidSuppression extends Rule {}
