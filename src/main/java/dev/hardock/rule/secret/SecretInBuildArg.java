package dev.hardock.rule.secret;

import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD402: a build argument with a secret-like name: its value ends up in the image history. */
@RuleInfo(id = "HD402", slug = "secret-in-build-arg", severity = Severity.WARNING,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE})
public final class SecretInBuildArg extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Arg arg)) return;
    for (KeyValue kv : arg.args()) {
      String name = kv.key().value();
      if (!SecretNames.isSecretName(name)) continue;
      String shown = kv.value() != null && SecretNames.isLiteralSecretValue(name, kv.value().value())
          ? " with default " + Redaction.redact(kv.value().value()) : "";
      report(kv.span(), "build argument " + name + shown
          + " looks like a secret; build args are kept in the image history: use RUN --mount=type=secret instead");
    }
  }
}
