package dev.hardock.rule.runtime;

import java.util.Locale;

/**
 * A {@code --security-opt} / {@code security_opt} entry split into key and value; Docker accepts both
 * {@code key=value} and the older {@code key:value}.
 */
public record SecurityOption(String key, String value) {
  public static SecurityOption parse(String opt) {
    String s = opt.trim();
    int eq = s.indexOf('=');
    int colon = s.indexOf(':');
    int at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (at < 0) return new SecurityOption(s.toLowerCase(Locale.ROOT), null);
    return new SecurityOption(
        s.substring(0, at).trim().toLowerCase(Locale.ROOT), s.substring(at + 1).trim());
  }

  public boolean is(String k, String v) {
    return key.equals(k) && value != null && value.equalsIgnoreCase(v);
  }
}
