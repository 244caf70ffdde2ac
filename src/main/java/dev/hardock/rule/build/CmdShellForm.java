package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.CommandForm;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD314: CMD or ENTRYPOINT in shell form, so /bin/sh -c is PID 1 and the program does not get SIGTERM. Not
 * flagged: a command that starts with {@code exec} (the shell replaces itself), and stages that chose their
 * shell with SHELL (as BuildKit's JSONArgsRecommended, a deliberate choice, common on Windows).
 */
@RuleInfo(id = "HD314", slug = "cmd-shell-form", severity = Severity.INFO, appliesTo = SourceKind.DOCKERFILE)
public final class CmdShellForm extends Rule {
  @Override
  public void check(Stage stage, ImageBuild build) {
    boolean shellChosen = false;
    for (Stage s = stage.parent(); s != null; s = s.parent()) shellChosen |= s.last(Instruction.Shell.class) != null;
    for (Instruction i : stage.instructions()) {
      if (i instanceof Instruction.Shell) shellChosen = true;
      CommandForm c = i instanceof Instruction.Cmd cmd ? cmd.command()
          : i instanceof Instruction.Entrypoint e ? e.command() : null;
      if (c == null || c.exec() || shellChosen) continue;
      String text = c.shell().value().strip();
      if (text.isEmpty() || text.equals("exec") || text.startsWith("exec ") || text.startsWith("exec\t")) continue;
      String extra = i instanceof Instruction.Entrypoint ? ", and CMD and docker run arguments are ignored" : "";
      report(c.shell().span(), i.keyword() + " in shell form runs under /bin/sh -c, so the program does not receive"
          + " SIGTERM" + extra, "use the exec form [\"program\", \"arg\"]");
    }
  }
}
