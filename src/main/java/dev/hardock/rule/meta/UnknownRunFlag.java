package dev.hardock.rule.meta;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD002: reported by the engine for every flag the run-line reader does not know; checks nothing itself. */
@RuleInfo(
    id = "HD002",
    slug = "unknown-run-flag",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.RUN})
public final class UnknownRunFlag extends Rule {}
