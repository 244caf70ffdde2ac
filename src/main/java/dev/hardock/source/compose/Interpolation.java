package dev.hardock.source.compose;

import dev.hardock.model.Substitution;
import java.util.function.Function;

/**
 * Compose's variable interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}}, {@code ${VAR+alt}}
 * and {@code $$} for a literal dollar. A value that needs an unknown variable is unknown (null): rules
 * never guess.
 */
public final class Interpolation {
  private Interpolation() {}

  /** @return the interpolated value, or null when it depends on a variable that is not set */
  public static String expand(String value, Function<String, String> variables) {
    if (value.indexOf('$') < 0) return value;
    return Substitution.expand(value, variables, '$');
  }
}
