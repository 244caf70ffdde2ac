package dev.hardock.rule.meta;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD004: reported by the engine's suppression step (engine/Suppressions); the rule itself checks nothing. */
@RuleInfo(
    id = "HD004",
    slug = "unused-suppression",
    severity = Severity.INFO,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class UnusedSuppression extends Rule {}
