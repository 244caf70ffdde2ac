package dev.hardock.rule.build;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Word;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.Locale;
import java.util.regex.Pattern;

/** HD311: apt-get/apt install without --no-install-recommends (or its -o APT::Install-Recommends=false form). */
@RuleInfo(
    id = "HD311",
    slug = "apt-install-recommends",
    severity = Severity.INFO,
    appliesTo = SourceKind.DOCKERFILE)
public final class AptInstallRecommends extends Rule {
  private static final Pattern OFF =
      Pattern.compile("(?i)APT::Install-Recommends\\s*=\\s*\"?(false|0|no|off)\"?");
  private static final Pattern OFF_FLAG =
      Pattern.compile("(?i)--(no-install-recommends|install-recommends=(false|0|no|off))\\b");

  @Override
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {
    PackageManagerCommand pm = PackageManagerCommand.of(EffectiveCommand.of(command));
    if (pm == null || !pm.action().equals("install")) return;
    if (pm.manager() != PackageManagerCommand.Manager.APT_GET
        && pm.manager() != PackageManagerCommand.Manager.APT) return;
    if (pm.option("--no-install-recommends") != null) return;
    PackageManagerCommand.Option o = pm.option("--install-recommends");
    if (o != null && o.value() != null && Pattern.matches("(?i)false|0|no|off", o.value())) return;
    for (PackageManagerCommand.Option opt : pm.options()) {
      if ((opt.name().equals("-o") || opt.name().equals("--option"))
          && opt.value() != null
          && OFF.matcher(opt.value()).matches()) return;
    }
    // an option list in a variable ($APT_OPTS): decide only when the build tells its value
    for (Word w : pm.command().args()) {
      if (w.isLiteral()) continue;
      String v = build.variables().expand(w.value(), instruction);
      if (v == null || OFF_FLAG.matcher(v).find() || OFF.matcher(v).find()) return;
    }
    report(
        pm.subcommandSpan(),
        pm.manager().command()
            + " "
            + pm.action().toLowerCase(Locale.ROOT)
            + " without --no-install-recommends: recommended packages add size and attack surface",
        "add --no-install-recommends",
        fix(pm, command, instruction));
  }

  /**
   * Unsafe: the image then lacks the recommended packages, which a program may need. The flag goes after the
   * subcommand word, in a shell-form RUN's own command line only (not inside a JSON array or a nested sh -c).
   */
  private Fix fix(PackageManagerCommand pm, ShellCommand command, Instruction instruction) {
    if (!(instruction instanceof Instruction.Run run)
        || run.command().exec()
        || command.nesting() != ShellCommand.Nesting.TOP) return null;
    Word sub = pm.subcommand();
    if (sub == null || !sub.isLiteral()) return null;
    return Fix.unsafe(
        "Add --no-install-recommends",
        insert(sub.span().endLine(), sub.span().endColumn(), " --no-install-recommends"));
  }
}
