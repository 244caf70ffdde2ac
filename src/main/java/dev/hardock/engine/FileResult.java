package dev.hardock.engine;

import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import java.util.List;

/**
 * What linting one file gave: the findings to report, the file's text (for code frames and fingerprints;
 * null when it could not be read), its path relative to the repository root ({@code uri}, with {@code /}
 * separators, for SARIF and fingerprints), and the findings that an inline suppression or the baseline
 * silenced (only SARIF shows them, marked). A finding may stand in another file than this one (a compose
 * file's override, extends or include file): {@link #uriOf} and {@link #textOf} give its own file's.
 */
public record FileResult(
    String displayPath,
    SourceKind kind,
    List<Finding> findings,
    String text,
    String uri,
    List<Suppressed> suppressed) {
  /** A silenced finding: {@code kind} is SARIF's suppression kind, inSource or external (the baseline). */
  public record Suppressed(Finding finding, String kind, String justification) {}

  public FileResult(String displayPath, SourceKind kind, List<Finding> findings) {
    this(displayPath, kind, findings, null, RepoPaths.normalise(displayPath), List.of());
  }

  /** The repository-relative path of the file a finding stands in (see {@link #uri}). */
  public String uriOf(Finding f) {
    SourceFile in = fileOf(f);
    return in == null || in.path() == null || in.displayPath().equals(displayPath)
        ? uri
        : RepoPaths.uri(in.path());
  }

  /** The text of the file a finding stands in (null when unknown), for its code frame and fingerprint. */
  public String textOf(Finding f) {
    SourceFile in = fileOf(f);
    return in == null ? text : in.text();
  }

  private static SourceFile fileOf(Finding f) {
    return f.span() == null ? null : f.span().file();
  }
}
