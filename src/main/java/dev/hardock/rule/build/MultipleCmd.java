package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.List;

/**
 * HD315: more than one CMD, ENTRYPOINT or HEALTHCHECK of the same kind in a stage. Only the last one takes
 * effect, so the finding points at each earlier one: that is the dead line to delete (or the one the author meant).
 */
@RuleInfo(
    id = "HD315",
    slug = "multiple-cmd",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class MultipleCmd extends Rule {
  @Override
  public void check(Stage stage, ImageBuild build) {
    overridden(stage.all(Instruction.Cmd.class));
    overridden(stage.all(Instruction.Entrypoint.class));
    overridden(stage.all(Instruction.Healthcheck.class));
  }

  private void overridden(List<? extends Instruction> all) {
    if (all.size() < 2) return;
    Instruction last = all.get(all.size() - 1);
    for (Instruction i : all.subList(0, all.size() - 1)) {
      report(
          i.head().keywordSpan(),
          i.keyword()
              + " has no effect: the "
              + last.keyword()
              + " on line "
              + last.span().line()
              + " replaces it",
          "keep only one per stage");
    }
  }
}
