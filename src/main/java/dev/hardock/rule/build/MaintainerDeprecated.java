package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD320: the deprecated MAINTAINER instruction. */
@RuleInfo(id = "HD320", slug = "maintainer-deprecated", severity = Severity.STYLE, appliesTo = SourceKind.DOCKERFILE)
public final class MaintainerDeprecated extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Maintainer)) return;
    report(instruction.head().keywordSpan(), "MAINTAINER is deprecated",
        "use LABEL org.opencontainers.image.authors=...");
  }
}
