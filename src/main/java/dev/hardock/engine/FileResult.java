package dev.hardock.engine;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import java.util.List;

/**
 * What linting one file gave: the findings to report, the file's text (for code frames and fingerprints;
 * null when it could not be read), its path relative to the repository root ({@code uri}, with {@code /}
 * separators, for SARIF and fingerprints), and the findings that an inline suppression or the baseline
 * silenced (only SARIF shows them, marked).
 */
public record FileResult(String displayPath, SourceKind kind, List<Finding> findings, String text, String uri,
    List<Suppressed> suppressed) {
  /** A silenced finding: {@code kind} is SARIF's suppression kind, inSource or external (the baseline). */
  public record Suppressed(Finding finding, String kind, String justification) { }

  public FileResult(String displayPath, SourceKind kind, List<Finding> findings) {
    this(displayPath, kind, findings, null, RepoPaths.normalise(displayPath), List.of());
  }
}
