package dev.hardock.rule.build;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.ShellScript;
import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.Heredoc;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/** HD312: a package index update in a RUN that installs nothing from it afterwards (CIS 4.7). */
@RuleInfo(
    id = "HD312",
    slug = "update-alone",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class UpdateAlone extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Run run) || run.command() == null) return;
    List<PackageManagerCommand> commands = new ArrayList<>();
    add(commands, run.command().script());
    for (Heredoc h : run.head().heredocs()) add(commands, h.script());
    for (int i = 0; i < commands.size(); i++) {
      PackageManagerCommand update = commands.get(i);
      if (!update.updatesIndex() || installsLater(commands, i)) continue;
      report(
          update.subcommandSpan(),
          update.manager().command()
              + " "
              + update.action()
              + " with no install after it in the same RUN: the index is cached in its own layer and goes stale",
          "update and install in one RUN");
    }
  }

  private static boolean installsLater(List<PackageManagerCommand> commands, int from) {
    PackageManagerCommand.Family family = commands.get(from).manager().family();
    for (int j = from + 1; j < commands.size(); j++) {
      if (commands.get(j).manager().family() == family && commands.get(j).installs()) return true;
    }
    return false;
  }

  private static void add(List<PackageManagerCommand> out, ShellScript script) {
    if (script == null) return;
    for (ShellCommand c : script.commands()) {
      PackageManagerCommand pm = PackageManagerCommand.of(EffectiveCommand.of(c));
      if (pm != null) out.add(pm);
    }
  }
}
