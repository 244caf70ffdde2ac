package dev.hardock.engine;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import java.util.List;

/** What linting one file gave. */
public record FileResult(String displayPath, SourceKind kind, List<Finding> findings) { }
