package dev.hardock.rule;

import java.util.Locale;

/** How serious a finding is, most serious first. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  STYLE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as serious as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** @return the severity named, or null */
  public static Severity parse(String s) {
    if (s == null) return null;
    for (Severity v : values()) if (v.id().equals(s.trim().toLowerCase(Locale.ROOT))) return v;
    return null;
  }
}
