package dev.hardock.rule.build;

import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.Heredoc;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import java.util.Locale;
import java.util.regex.Pattern;

/** What one source of an ADD is: a remote URL, a git repository, a local archive ADD extracts, or a plain file. */
record AddSource(Text text, String value, Kind kind) {
  enum Kind {
    URL,
    GIT,
    ARCHIVE,
    LOCAL,
    HEREDOC,
    UNKNOWN
  }

  /** Archive names ADD extracts (tar, optionally compressed with gzip, bzip2, xz, zstd or lzma). */
  private static final Pattern ARCHIVE =
      Pattern.compile(
          "(?i).*\\.(tar|tgz|taz|tbz|tbz2|tb2|txz|tlz|tzst|tar\\.(gz|bz2|xz|lz|lzma|zst|z)|gz|bz2|xz|lzma|lz|zst|z)");

  private static final Pattern GIT =
      Pattern.compile(
          "(?i)(git@[^:]+:.+|git://.+|ssh://.+|https?://.+\\.git(#.*)?|https?://.+\\.git/?)");

  static AddSource of(Text source, Instruction.Copy add, ImageBuild build) {
    String raw = source.value();
    if (raw.startsWith("<<")) {
      for (Heredoc h : add.head().heredocs()) {
        if (raw.replaceAll("^<<-?[\"']?", "").startsWith(h.name()))
          return new AddSource(source, raw, Kind.HEREDOC);
      }
    }
    String v = build.variables().expand(raw, add);
    if (v == null) return new AddSource(source, raw, Kind.UNKNOWN);
    String lower = v.toLowerCase(Locale.ROOT);
    if (GIT.matcher(v).matches() || add.flag("keep-git-dir") != null)
      return new AddSource(source, v, Kind.GIT);
    if (lower.startsWith("http://") || lower.startsWith("https://"))
      return new AddSource(source, v, Kind.URL);
    if (lower.contains("://")) return new AddSource(source, v, Kind.UNKNOWN);
    return new AddSource(source, v, ARCHIVE.matcher(v).matches() ? Kind.ARCHIVE : Kind.LOCAL);
  }

  /** For a git source: true when its fragment names a full commit, so it cannot move. */
  boolean pinnedToCommit() {
    int hash = value.indexOf('#');
    return hash >= 0
        && value.substring(hash + 1).split(":", 2)[0].matches("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
  }
}
