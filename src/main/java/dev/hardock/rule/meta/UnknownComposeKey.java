package dev.hardock.rule.meta;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD006: reported by the engine for every key the compose reader finds where the Compose Specification allows
 * none of that name (source/compose/ComposeSchema); the rule itself checks nothing.
 */
@RuleInfo(
    id = "HD006",
    slug = "unknown-compose-key",
    severity = Severity.WARNING,
    appliesTo = SourceKind.COMPOSE)
public final class UnknownComposeKey extends Rule {}
