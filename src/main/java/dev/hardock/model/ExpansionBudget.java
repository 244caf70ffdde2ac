package dev.hardock.model;

import java.util.function.Function;

/**
 * How many characters the variable expansions of one file may hand out in all (and scope entries its reader may
 * copy): {@link #PER_CHAR} per character of the file, at least {@link #FLOOR}. Without it {@code A=${A}${A}}
 * repeated 30 times turns 330 bytes into 8 GB. Past the budget a value is unknown (null), as a variable nobody
 * set: rules never guess, and the reader that notices says so once ({@link #tellOnce}).
 */
public final class ExpansionBudget {
  public static final long FLOOR = 1L << 20;
  public static final int PER_CHAR = 16;

  private long left;
  private boolean spent;
  private boolean told;

  private ExpansionBudget(long chars) {
    this.left = chars;
  }

  /** The budget of a file of that many characters. */
  public static ExpansionBudget forText(int length) {
    return new ExpansionBudget(Math.max(FLOOR, (long) PER_CHAR * length));
  }

  /** The message of the notice, for the readers that report it. */
  public String notice() {
    return "variables here need more than the expansion budget ("
        + PER_CHAR
        + " characters per character of the file,"
        + " at least "
        + FLOOR
        + "): values past this point are unknown";
  }

  /** A lookup whose values {@link Substitution} charges to this budget. */
  public Function<String, String> lookup(Function<String, String> variables) {
    return new Charged(variables, this);
  }

  /** Whether the budget ran out. */
  public boolean spent() {
    return spent;
  }

  /** True once, the first time it is asked after the budget ran out: the reader reports that place. */
  public boolean tellOnce() {
    if (!spent || told) return false;
    told = true;
    return true;
  }

  /** Charges work to the budget; false (and spent from now on) when it runs out. */
  public boolean take(long units) {
    if (spent || units > left) {
      spent = true;
      left = 0;
      return false;
    }
    left -= units;
    return true;
  }

  /** Charges the characters to the budget behind a lookup (none for a plain lookup); false when it ran out. */
  static boolean charge(Function<String, String> lookup, long chars) {
    return !(lookup instanceof Charged c) || c.budget.take(chars);
  }

  private record Charged(Function<String, String> variables, ExpansionBudget budget)
      implements Function<String, String> {
    @Override
    public String apply(String name) {
      return variables.apply(name);
    }
  }
}
