package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD320: the deprecated MAINTAINER instruction. */
@RuleInfo(
    id = "HD320",
    slug = "maintainer-deprecated",
    severity = Severity.STYLE,
    appliesTo = SourceKind.DOCKERFILE)
public final class MaintainerDeprecated extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Maintainer m)) return;
    report(
        instruction.head().keywordSpan(),
        "MAINTAINER is deprecated",
        "use LABEL org.opencontainers.image.authors=...",
        fix(m));
  }

  /**
   * Safe: the label is what MAINTAINER sets today (image metadata only). The whole instruction is rewritten,
   * so only a value that needs no escaping in double quotes (under either escape character) is taken.
   */
  private Fix fix(Instruction.Maintainer m) {
    String v = m.maintainer() == null ? null : m.maintainer().value().strip();
    if (v == null
        || v.isEmpty()
        || !v.chars().allMatch(c -> c >= ' ' && c != '"' && c != '\\' && c != '$' && c != '`'))
      return null;
    return Fix.safe(
        "Replace MAINTAINER with an OCI authors LABEL",
        replace(m.span(), "LABEL org.opencontainers.image.authors=\"" + v + "\""));
  }
}
