package dev.hardock.rule.image;

import dev.hardock.model.EffectiveCommand;
import dev.hardock.model.EnvVar;
import dev.hardock.model.ShellCommand;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.Substitution;
import dev.hardock.model.Word;
import dev.hardock.model.dockerfile.ImageBuild;
import dev.hardock.model.dockerfile.Instruction;
import dev.hardock.model.dockerfile.KeyValue;
import dev.hardock.model.dockerfile.Stage;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.Set;

/**
 * HD319: DOCKER_CONTENT_TRUST set to a false value (what Go's ParseBool reads as false, or empty), which
 * turns off image signature verification for the docker CLI that sees it. Dockerfile ENV and ARG values
 * are expanded at their instruction; RUN commands are read for {@code X=0 docker ...} and {@code export X=0}.
 */
@RuleInfo(
    id = "HD319",
    slug = "content-trust-disabled",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class ContentTrustDisabled extends Rule {
  static final String NAME = "DOCKER_CONTENT_TRUST";
  private static final Set<String> FALSE = Set.of("", "0", "f", "F", "false", "FALSE", "False");

  @Override
  public void check(EnvVar env) {
    if (env.source() == SourceKind.DOCKERFILE
        || !env.name().value().equals(NAME)
        || env.value() == null) return;
    // the value once the project's .env is applied, else as written (a reference to an unknown
    // variable is not judged)
    String value =
        env.resolved() != null
            ? env.resolved()
            : Substitution.expand(env.value().value(), name -> null);
    judge(value, env.span());
  }

  @Override
  public void check(Instruction instruction, Stage stage, ImageBuild build) {
    if (instruction instanceof Instruction.Env e) {
      for (KeyValue kv : e.pairs()) {
        if (kv.key().value().equals(NAME))
          judge(build.variables().expand(kv.value().value(), instruction), kv.span());
      }
    } else if (instruction instanceof Instruction.Arg a) {
      for (KeyValue kv : a.args()) {
        if (kv.key().value().equals(NAME) && kv.value() != null) {
          judge(build.variables().expand(kv.value().value(), instruction), kv.span());
        }
      }
    }
  }

  @Override
  public void check(ShellCommand command, Instruction instruction, Stage stage, ImageBuild build) {
    // prefix assignments and those given through wrappers (env X=0, sudo X=0), as the one wrapper
    // table reads them
    EffectiveCommand e = EffectiveCommand.of(command);
    for (Word w : e.assignments()) assignment(w);
    String name = e.nameValue();
    if (name.equals("export") || name.equals("declare") || name.equals("readonly")) {
      for (Word w : e.args()) assignment(w);
    }
  }

  private void assignment(Word w) {
    String v = w.value();
    if (!v.startsWith(NAME + "=")) return;
    judge(Substitution.expand(v.substring(NAME.length() + 1), name -> null), w.span());
  }

  private void judge(String value, Span span) {
    if (value == null || !FALSE.contains(value)) return;
    report(
        span,
        NAME + "=" + (value.isEmpty() ? "\"\"" : value) + " turns off image signature verification",
        "leave it at 1 so unsigned or tampered images are refused");
  }
}
