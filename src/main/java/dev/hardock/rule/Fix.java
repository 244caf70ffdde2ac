package dev.hardock.rule;

import java.util.List;

/**
 * What a rule proposes to change so that its finding goes away, as ruff's {@code Fix}: a title saying what it
 * does ("Replace ADD with COPY"), whether it is safe to apply without review, and the edits, which never overlap.
 */
public record Fix(String title, Applicability applicability, List<Edit> edits) {
  /** ruff's contract. */
  public enum Applicability {
    /** Keeps what the container does while removing the risk or the deprecated form: applied by {@code --fix}. */
    SAFE,
    /** May change behaviour (read-only mounts, dropped capabilities, loopback ports): only with {@code --unsafe-fixes}. */
    UNSAFE
  }

  public Fix {
    if (title == null || applicability == null || edits == null || edits.isEmpty()) {
      throw new IllegalArgumentException(
          "a fix needs a title, an applicability and at least one edit");
    }
    edits = List.copyOf(edits);
    // a title may quote the code it writes (the exec form of a CMD): never a secret in full, as in
    // messages
    title = dev.hardock.model.secret.Redaction.scrub(title);
  }

  public static Fix safe(String title, Edit... edits) {
    return new Fix(title, Applicability.SAFE, List.of(edits));
  }

  public static Fix unsafe(String title, Edit... edits) {
    return new Fix(title, Applicability.UNSAFE, List.of(edits));
  }
}
