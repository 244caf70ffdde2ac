package dev.hardock.rule.secret;

import dev.hardock.model.EnvVar;
import dev.hardock.model.SourceKind;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.model.secret.Redaction;
import dev.hardock.model.secret.SecretNames;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * HD401: an environment variable with a secret-like name set to a literal value; and (at warning) a Dockerfile
 * ENV of the shipped image with a secret-like name set from a build argument, whose value the build then
 * stores in the image configuration.
 */
@RuleInfo(
    id = "HD401",
    slug = "secret-in-env",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class SecretInEnv extends Rule {
  @Override
  public void check(EnvVar env) {
    if (env.value() == null) return;
    String name = env.name().value();
    String value = env.value().value();
    if (!SecretNames.isSecretName(name) || !SecretNames.isLiteralSecretValue(name, value)) return;
    String message = name + " is set to a literal secret (" + Redaction.redact(value) + ")";
    switch (env.source()) {
      case DOCKERFILE -> report(env.span(), message); // the doc's fix line says what to do
      case COMPOSE ->
          report(env.span(), message, "use Compose secrets or an unversioned .env file");
      default ->
          report(
              env.span(),
              message,
              "pass it with --env-file or a secret store instead of the command line");
    }
  }

  /**
   * {@code ARG TOKEN} then {@code ENV API_TOKEN=$TOKEN} in a stage that ships: the value given with
   * {@code --build-arg} lands in the image config. BuildKit's SecretsUsedInArgOrEnv reports every secret-named ENV;
   * a reference to a variable that is no build argument ({@code ENV API_TOKEN=${API_TOKEN}} with no ARG) copies
   * nothing at build time and only declares the name, so it passes.
   */
  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (!(instruction instanceof Instruction.Env env) || stage == null || !ships(stage, build))
      return;
    Set<String> args = null;
    for (KeyValue kv : env.pairs()) {
      String name = kv.key().value();
      if (kv.value() == null
          || kv.value().value().indexOf('$') < 0
          || !SecretNames.isSecretName(name)) continue;
      if (args == null) args = argsBefore(instruction, stage, build);
      for (String ref : references(kv.value().value())) {
        if (!args.contains(ref)) continue;
        report(
            kv.span(),
            name
                + " is set from the build argument "
                + ref
                + ": the value passed at build time is"
                + " stored in the image config, visible to docker inspect",
            "use RUN --mount=type=secret,env=" + name + " in the steps that need it",
            Severity.WARNING);
        break;
      }
    }
  }

  private static boolean ships(Stage stage, ImageBuild build) {
    for (Stage s = build.finalStage(); s != null; s = s.parent()) if (s == stage) return true;
    return false;
  }

  /** Names of the ARGs declared in this stage, or in the stages it is built from, before {@code at}. */
  private static Set<String> argsBefore(Instruction at, Stage stage, ImageBuild build) {
    Set<String> names = new HashSet<>();
    for (Stage s = stage; s != null; s = s.parent()) {
      for (Instruction i : s.instructions()) {
        if (i == at) break;
        if (i instanceof Instruction.Arg a)
          for (KeyValue kv : a.args()) names.add(kv.key().value());
      }
    }
    return names;
  }

  /** The variable names a value refers to: {@code $NAME} and {@code ${NAME...}}. */
  static Set<String> references(String value) {
    Set<String> out = new HashSet<>();
    for (int i = value.indexOf('$');
        i >= 0 && i + 1 < value.length();
        i = value.indexOf('$', i + 1)) {
      int k = value.charAt(i + 1) == '{' ? i + 2 : i + 1;
      int end = k;
      while (end < value.length()
          && (Character.isLetterOrDigit(value.charAt(end)) || value.charAt(end) == '_')) end++;
      if (end > k) out.add(value.substring(k, end));
    }
    return out;
  }
}
