package dev.hardock.rule.secret;

import dev.hardock.model.SourceKind;
import dev.hardock.model.SourceText;
import dev.hardock.model.secret.CredentialPatterns;
import dev.hardock.model.secret.Redaction;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD403: a known credential shape (cloud key, token, private key, password in a URL) in any text. */
@RuleInfo(
    id = "HD403",
    slug = "hardcoded-credential",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.DOCKERFILE, SourceKind.COMPOSE, SourceKind.RUN})
public final class HardcodedCredential extends Rule {
  @Override
  public void check(SourceText text) {
    for (CredentialPatterns.Match m : CredentialPatterns.find(text.value())) {
      String secret = text.value().substring(m.start(), m.end());
      report(
          text.span(m.start(), m.end()),
          m.kind().label() + " in plain text (" + Redaction.redact(secret) + ")");
    }
  }
}
