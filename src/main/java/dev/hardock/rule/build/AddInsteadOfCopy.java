package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD303: ADD of local files that are not archives to extract, where COPY does the same without surprises. */
@RuleInfo(id = "HD303", slug = "add-instead-of-copy", severity = Severity.WARNING, appliesTo = SourceKind.DOCKERFILE)
public final class AddInsteadOfCopy extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Copy add) || !add.add()) return;
    for (Text source : add.sources()) {
      AddSource s = AddSource.of(source, add, build);
      String why = switch (s.kind()) {
        case LOCAL -> s.value().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
            ? "ADD does not extract .zip archives" : "ADD of a local file that is not an archive";
        case HEREDOC -> "ADD of an inline file";
        default -> null;
      };
      if (why == null) continue;
      report(source.span(), why + " (" + s.value() + ")", "use COPY, which does only that");
      return;
    }
  }
}
