package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD303: ADD of local files that are not archives to extract, where COPY does the same without surprises. */
@RuleInfo(
    id = "HD303",
    slug = "add-instead-of-copy",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class AddInsteadOfCopy extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Copy add) || !add.add()) return;
    for (Text source : add.sources()) {
      AddSource s = AddSource.of(source, add, build);
      String why =
          switch (s.kind()) {
            case LOCAL ->
                s.value().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
                    ? "ADD does not extract .zip archives"
                    : "ADD of a local file that is not an archive";
            case HEREDOC -> "ADD of an inline file";
            default -> null;
          };
      if (why == null) continue;
      report(
          source.span(),
          why + " (" + s.value() + ")",
          "use COPY, which does only that",
          fix(add, build));
      return;
    }
  }

  /** Flags COPY takes as ADD does; any other (--checksum, --keep-git-dir, --unpack) keeps the ADD. */
  private static final java.util.Set<String> SHARED_FLAGS =
      java.util.Set.of("chown", "chmod", "link", "exclude", "parents");

  /**
   * Safe: for local files that are not archives and inline files, ADD and COPY copy the same bytes. Only when
   * every source is such a file and every flag is one COPY takes; the keyword keeps its case.
   */
  private Fix fix(Instruction.Copy add, ImageBuild build) {
    for (Text source : add.sources()) {
      AddSource.Kind k = AddSource.of(source, add, build).kind();
      if (k != AddSource.Kind.LOCAL && k != AddSource.Kind.HEREDOC) return null;
    }
    for (dev.hardock.model.dockerfile.Flag f : add.flags())
      if (!SHARED_FLAGS.contains(f.name())) return null;
    String keyword = written(add.head().keywordSpan());
    if (keyword == null || !keyword.equalsIgnoreCase("ADD")) return null;
    String copy = keyword.equals("ADD") ? "COPY" : keyword.equals("add") ? "copy" : "COPY";
    return Fix.safe("Replace ADD with COPY", replace(add.head().keywordSpan(), copy));
  }
}
