package dev.hardock.rule.build;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Word;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD306: sudo run as a command in a RUN (not sudo as a package name, a file name or a grep pattern). */
@RuleInfo(
    id = "HD306",
    slug = "sudo",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class Sudo extends Rule {
  @Override
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {
    EffectiveCommand e = EffectiveCommand.of(command);
    for (Word w : e.wrappers()) {
      if (EffectiveCommand.basename(w.value()).equals("sudo")) report(w.span(), message(e), HELP);
    }
    if (e.nameValue().equals("sudo")) report(e.name().span(), message(e), HELP);
  }

  private static String message(EffectiveCommand e) {
    String what =
        e.nameValue().isEmpty() || e.nameValue().equals("sudo") ? "" : " " + e.nameValue();
    return "sudo" + what + " in a RUN: the build already runs as root until USER changes it";
  }

  private static final String HELP =
      "use USER root for the steps that need it and gosu or su-exec at run time";
}
