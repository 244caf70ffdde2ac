package dev.hardock.report;

import dev.hardock.model.secret.SecretMask;
import dev.hardock.rule.Edit;
import dev.hardock.rule.Fix;

/**
 * Whether a machine format (JSON, SARIF) may carry a fix's edits. An edit's text is what the file will hold, so
 * it cannot be masked; one that holds a secret ({@link SecretMask} finds one: the exec form of
 * {@code CMD app --password x} repeats the password) would print it in full, so such a fix is left out of the
 * output (the finding stays; {@code --fix} still applies it to the file).
 */
final class FixShown {
  private FixShown() {}

  static boolean shown(Fix fix) {
    if (fix == null) return false;
    for (Edit e : fix.edits()) if (!SecretMask.maskLine(e.text()).equals(e.text())) return false;
    return true;
  }
}
