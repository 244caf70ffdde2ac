package dev.hardock.model.dockerfile;

import dev.hardock.model.ExpansionBudget;
import dev.hardock.model.Substitution;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which build variables (ARG defaults, ENV values) are in scope before each instruction, following
 * BuildKit's scoping: FROM sees only the ARGs declared before the first FROM; a stage sees a global ARG
 * only after re-declaring it, its own ARGs and ENVs, and the ENVs of the stage it is built from. An ARG
 * without a default, or a variable never declared, is unknown: expansions that need it give null.
 */
public final class Variables {
  /** Marks a declared variable whose value cannot be known (ARG without default). */
  public static final String UNKNOWN = new String("\u0000unknown");

  private final Map<Instruction, Map<String, String>> scopes;
  private final char escape;
  private final ExpansionBudget budget;
  private Instruction overBudgetAt;

  /** @param budget the file's, shared with the reader that declared the values */
  public Variables(
      Map<Instruction, Map<String, String>> scopes, char escape, ExpansionBudget budget) {
    this.scopes = new IdentityHashMap<>(scopes);
    this.escape = escape;
    this.budget = budget;
  }

  /** The variables in scope just before an instruction (empty for an instruction not in this build). */
  public Map<String, String> before(Instruction at) {
    Map<String, String> s = scopes.get(at);
    return s == null ? Collections.emptyMap() : Collections.unmodifiableMap(s);
  }

  /** Expands a value as it would be at that instruction; null when it depends on an unknown value. */
  public String expand(String value, Instruction at) {
    Map<String, String> scope = scopes.getOrDefault(at, Collections.emptyMap());
    String out =
        Substitution.expand(
            value,
            budget.lookup(
                name -> {
                  String v = scope.get(name);
                  return v == UNKNOWN ? null : v;
                }),
            escape);
    if (budget.tellOnce()) overBudgetAt = at;
    return out;
  }

  /**
   * The instruction where rules' expansions first ran out of the file's budget (values past it were unknown),
   * when the reader had not run out already; else null. For the engine to report once, after the rules.
   */
  public Instruction overBudgetAt() {
    return overBudgetAt;
  }

  public String budgetNotice() {
    return budget.notice();
  }
}
