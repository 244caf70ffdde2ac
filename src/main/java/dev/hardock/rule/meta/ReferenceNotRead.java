package dev.hardock.rule.meta;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD005: reported by the engine for every file a compose project references that is not read (outside the
 * project root, a special file, inside .git, missing); the rule itself checks nothing.
 */
@RuleInfo(
    id = "HD005",
    slug = "reference-not-read",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE})
public final class ReferenceNotRead extends Rule {}
