package dev.hardock.rule.secret;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Text;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD318: COPY or ADD of a file that holds credentials by convention (key, dotenv, credentials file). */
@RuleInfo(id = "HD318", slug = "secret-file-copied", severity = Severity.ERROR, appliesTo = SourceKind.DOCKERFILE)
public final class SecretFileCopied extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Copy copy)) return;
    for (Text source : copy.sources()) {
      String raw = source.value();
      if (raw.startsWith("<<") || raw.contains("://") || raw.startsWith("git@")) continue;
      String path = build.variables().expand(raw, instruction);
      if (path == null) continue;
      String kind = SecretFiles.kind(path);
      if (kind == null) continue;
      String shown = path.equals(raw) ? raw : raw + " (" + path + ")";
      report(source.span(), copy.keyword() + " " + shown + " puts " + kind + " into an image layer, readable by anyone"
          + " who can pull the image: mount it at build time with RUN --mount=type=secret (or ssh) instead");
    }
  }
}
