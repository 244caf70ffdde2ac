package dev.hardock.rule.build;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD304: ADD of a remote URL or git repository whose content nothing pins (no --checksum, no commit). */
@RuleInfo(
    id = "HD304",
    slug = "add-remote-url",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DOCKERFILE)
public final class AddRemoteUrl extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Copy add)
        || !add.add()
        || add.flag("checksum") != null) return;
    for (Text source : add.sources()) {
      AddSource s = AddSource.of(source, add, build);
      if (s.kind() == AddSource.Kind.URL) {
        report(
            source.span(),
            "ADD of " + s.value() + " without --checksum: the download is not verified",
            "add --checksum=sha256:... or download and verify it in a RUN");
      } else if (s.kind() == AddSource.Kind.GIT && !s.pinnedToCommit()) {
        report(
            source.span(),
            "ADD of the git repository "
                + s.value()
                + " without --checksum or a commit:"
                + " the branch or tag can move",
            "pin a full commit or add --checksum");
      }
    }
  }
}
