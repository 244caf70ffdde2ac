package dev.hardock.rule.secret;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.BuildArg;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.model.secret.Redaction;
import dev.hardock.model.secret.SecretNames;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD402: a build argument with a secret-like name: its value ends up in the image history. */
@RuleInfo(
    id = "HD402",
    slug = "secret-in-build-arg",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE})
public final class SecretInBuildArg extends Rule {
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Arg arg)) return;
    for (KeyValue kv : arg.args()) {
      String name = kv.key().value();
      if (!SecretNames.isSecretName(name)) continue;
      String shown =
          kv.value() != null && SecretNames.isLiteralSecretValue(name, kv.value().value())
              ? " with default " + Redaction.redact(kv.value().value())
              : "";
      report(
          kv.span(),
          "build argument "
              + name
              + shown
              + " looks like a secret; build args are kept in the image history"); // the doc's fix
      // line says what
      // to do
    }
  }

  /** Compose {@code build.args}: only a literal value is flagged, a {@code ${VAR}} reference passes. */
  @Override
  public void check(BuildArg arg) {
    String name = arg.name().value();
    if (arg.value() == null || !SecretNames.isLiteralSecret(name, arg.value().value())) return;
    report(
        arg.span(),
        "build argument "
            + name
            + " is set to a literal secret ("
            + Redaction.redact(arg.value().value())
            + "); build args are kept in the image history",
        "use build.secrets with a top-level secrets section");
  }
}
