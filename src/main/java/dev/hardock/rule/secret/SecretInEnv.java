package dev.hardock.rule.secret;

import dev.hardock.model.EnvVar;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD401: an environment variable with a secret-like name set to a literal value. */
@RuleInfo(id = "HD401", slug = "secret-in-env", severity = Severity.ERROR,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class SecretInEnv extends Rule {
  @Override
  public void check(EnvVar env) {
    if (env.value() == null) return;
    String name = env.name().value();
    String value = env.value().value();
    if (!SecretNames.isSecretName(name) || !SecretNames.isLiteralSecretValue(name, value)) return;
    String advice = switch (env.source()) {
      case DOCKERFILE -> "it is baked into every layer and `docker inspect`; pass it at run time or use RUN --mount=type=secret";
      case COMPOSE -> "use a Compose `secrets:` entry or an unversioned .env file";
      default -> "pass it with --env-file or a secret store instead of the command line";
    };
    report(env.span(), name + " is set to a literal secret (" + Redaction.redact(value) + "): " + advice);
  }
}
