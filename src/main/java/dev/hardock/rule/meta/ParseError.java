package dev.hardock.rule.meta;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD001: reported by the engine for every problem a reader finds; the rule itself checks nothing. */
@RuleInfo(
    id = "HD001",
    slug = "parse-error",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN, SourceKind.DAEMON})
public final class ParseError extends Rule {}
